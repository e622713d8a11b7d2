import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { syntheticArticle } from '../../tools/synthetic';
import type { Feed, FeedItemState, Subscription } from '../model';
import { openStores } from '../store';
import { itemHash, MAX_FEED_ORIGINALS, storeFeed } from './feed-items';

const DAY = 86_400_000;
const now = Date.UTC(2026, 11, 1);

describe('storeFeed', () => {
  it('keeps at most the count per feed after a refresh: the newest items stay, the oldest go', async () => {
    const stores = await openStores('feed-items-count');
    const deleted: string[] = [];
    const originals = Object.assign(Object.create(stores.originals), {
      deleteOriginal: async (id: string) => void deleted.push(id),
    }) as typeof stores.originals;
    // A feed already at the count, its items stored over the last days.
    const items: FeedItemState[] = Array.from({ length: MAX_FEED_ORIGINALS }, (_, i) => ({
      k: `old${i}`,
      at: now - DAY + i,
      stored: true,
    }));
    const subscription: Subscription = {
      url: 'https://outlet.example/feed',
      title: 'Outlet',
      count: items.length,
      everyHours: 6,
      subscribedAt: 0,
      items,
    };
    const feed: Feed = {
      format: 'rss',
      title: 'Outlet',
      items: [1, 2].map((n) => ({
        key: `new${n}`,
        title: `New ${n}`,
        link: `https://outlet.example/${n}`,
        paragraphs: syntheticArticle(n, 200),
      })),
    };
    const state = await storeFeed(
      {
        originals,
        readPage: async () => ({ code: 'pageNoArticle' as const }),
        now: () => now,
        pause: async () => undefined,
        progress: () => undefined,
      },
      subscription,
      feed,
      'list:x/',
    );
    expect(state.count).toBe(MAX_FEED_ORIGINALS);
    expect(deleted).toEqual(['list:x/old1', 'list:x/old0']);
    expect(state.items?.filter((e) => e.stored).map((e) => e.k)).toContain(itemHash('new1'));
  });
});
