/** The person's settings on IndexedDB: switched-off sites, trusted outlets and what each gave. */
import type { SettingsStore } from '../model';
import { META } from './meta-keys';
import type { UpstreamDb } from './schema';

export class IdbSettings implements SettingsStore {
  constructor(private readonly db: UpstreamDb) {}

  private async getList(key: string): Promise<string[]> {
    const value = (await this.db.get('meta', key))?.value;
    return value ? (JSON.parse(value) as string[]) : [];
  }

  private async setList(key: string, values: string[]): Promise<void> {
    await this.db.put('meta', { key, value: JSON.stringify([...new Set(values)].sort()) });
  }

  disabledSites(): Promise<string[]> {
    return this.getList(META.disabledSites);
  }

  async setSiteEnabled(host: string, enabled: boolean): Promise<void> {
    const sites = await this.disabledSites();
    await this.setList(META.disabledSites, enabled ? sites.filter((s) => s !== host) : [...sites, host]);
  }

  trustedOutlets(): Promise<string[]> {
    return this.getList(META.trustedOutlets);
  }

  setTrustedOutlets(domains: string[]): Promise<void> {
    return this.setList(META.trustedOutlets, domains);
  }

  async learnedCounts(): Promise<Record<string, number>> {
    const value = (await this.db.get('meta', META.learnedCounts))?.value;
    return value ? (JSON.parse(value) as Record<string, number>) : {};
  }

  /** Counted in one transaction, so two pages learned at once both count. */
  async countLearned(domain: string): Promise<void> {
    const tx = this.db.transaction('meta', 'readwrite');
    const value = (await tx.store.get(META.learnedCounts))?.value;
    const counts = value ? (JSON.parse(value) as Record<string, number>) : {};
    counts[domain] = (counts[domain] ?? 0) + 1;
    await tx.store.put({ key: META.learnedCounts, value: JSON.stringify(counts) });
    await tx.done;
  }
}
