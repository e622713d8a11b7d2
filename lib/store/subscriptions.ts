/** The person's subscriptions on IndexedDB: a short list, kept as one value in meta. */
import type { Subscription, SubscriptionStore } from '../model';
import { META } from './meta-keys';
import type { UpstreamDb } from './schema';

export class IdbSubscriptions implements SubscriptionStore {
  constructor(private readonly db: UpstreamDb) {}

  async subscriptions(): Promise<Subscription[]> {
    const value = (await this.db.get('meta', META.subscriptions))?.value;
    return value ? (JSON.parse(value) as Subscription[]) : [];
  }

  async putSubscription(subscription: Subscription): Promise<void> {
    await this.update((list) => [...list.filter((s) => s.url !== subscription.url), subscription]);
  }

  async deleteSubscription(url: string): Promise<void> {
    await this.update((list) => list.filter((s) => s.url !== url));
  }

  /** Reads and writes the list in one transaction, so two changes at once do not lose one. */
  private async update(change: (list: Subscription[]) => Subscription[]): Promise<void> {
    const tx = this.db.transaction('meta', 'readwrite');
    const value = (await tx.store.get(META.subscriptions))?.value;
    const list = change(value ? (JSON.parse(value) as Subscription[]) : []);
    await tx.store.put({ key: META.subscriptions, value: JSON.stringify(list) });
    await tx.done;
  }
}
