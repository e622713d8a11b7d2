/** Each open tab's analysis state on IndexedDB, so the popup works after a service-worker restart. */
import type { TabState, TabStates } from '../model';
import type { UpstreamDb } from './schema';

export class IdbTabStates implements TabStates {
  constructor(private readonly db: UpstreamDb) {}

  async getTabState(tabId: number): Promise<TabState | undefined> {
    return this.db.get('tabs', tabId);
  }

  async setTabState(tabId: number, state: TabState): Promise<void> {
    await this.db.put('tabs', { ...state, tabId });
  }

  async deleteTabState(tabId: number): Promise<void> {
    await this.db.delete('tabs', tabId);
  }

  /** After a browser restart tab ids change: states of tabs that no longer exist are dropped. */
  async keepTabStates(openTabIds: number[]): Promise<void> {
    const open = new Set(openTabIds);
    const tx = this.db.transaction('tabs', 'readwrite');
    for (const tabId of await tx.store.getAllKeys()) if (!open.has(tabId)) await tx.store.delete(tabId);
    await tx.done;
  }
}
