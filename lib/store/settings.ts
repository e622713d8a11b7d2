/**
 * The person's settings on IndexedDB: switched-off sites, trusted outlets and what each gave,
 * and the reports they made of wrong verdicts.
 */
import type { SettingsStore, VerdictFeedback } from '../model';
import { META } from './meta-keys';
import type { UpstreamDb } from './schema';

/** Reports kept; the oldest go first. */
export const MAX_FEEDBACK = 500;

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

  async feedback(): Promise<VerdictFeedback[]> {
    const value = (await this.db.get('meta', META.feedback))?.value;
    return value ? (JSON.parse(value) as VerdictFeedback[]) : [];
  }

  /** Read and written in one transaction, so two reports at once are both kept. */
  private async changeFeedback(change: (list: VerdictFeedback[]) => VerdictFeedback[]): Promise<void> {
    const tx = this.db.transaction('meta', 'readwrite');
    const value = (await tx.store.get(META.feedback))?.value;
    const list = change(value ? (JSON.parse(value) as VerdictFeedback[]) : []);
    await tx.store.put({ key: META.feedback, value: JSON.stringify(list.slice(0, MAX_FEEDBACK)) });
    await tx.done;
  }

  addFeedback(feedback: VerdictFeedback): Promise<void> {
    return this.changeFeedback((list) => [feedback, ...list.filter((f) => f.at !== feedback.at)]);
  }

  deleteFeedback(at: number): Promise<void> {
    return this.changeFeedback((list) => list.filter((f) => f.at !== at));
  }
}
