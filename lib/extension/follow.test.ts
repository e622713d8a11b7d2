import { describe, expect, it } from 'vitest';
import { accessesToGiveBack, accessPatternsOf, FEED_EVERY_HOURS, followFeeds, type FeedToFollow } from './follow';

const bbc = { url: 'https://feeds.bbci.co.uk/news/world/rss.xml', articleHosts: ['www.bbc.com'] };
const guardian = { url: 'https://www.theguardian.com/world/rss' };

describe('following feeds', () => {
  it('asks once for every host the feeds need, then subscribes each', async () => {
    const asked: string[][] = [];
    const subscribed: [FeedToFollow, number][] = [];
    const result = await followFeeds(
      {
        askAccess: async (origins) => (asked.push(origins), true),
        subscribe: async (feed, hours) => (subscribed.push([feed, hours]), { url: feed.url } as never),
      },
      [bbc, guardian],
    );
    expect(result).toBe(2);
    expect(asked).toEqual([['https://feeds.bbci.co.uk/*', 'https://www.bbc.com/*', 'https://www.theguardian.com/*']]);
    expect(subscribed).toEqual([
      [bbc, FEED_EVERY_HOURS],
      [guardian, FEED_EVERY_HOURS],
    ]);
  });

  it('follows nothing when the person refuses', async () => {
    const subscribed: unknown[] = [];
    const refuse = { askAccess: async () => false, subscribe: async (f: FeedToFollow) => (subscribed.push(f), null) };
    expect(await followFeeds(refuse, [bbc])).toBe('no-permission');
    expect(subscribed).toEqual([]);
  });

  it('gives back only the accesses no other subscription needs', () => {
    expect(accessPatternsOf(bbc)).toEqual(['https://feeds.bbci.co.uk/*', 'https://www.bbc.com/*']);
    const mundo = { url: 'https://feeds.bbci.co.uk/mundo/rss.xml', articleHosts: ['www.bbc.com'] };
    expect(accessesToGiveBack(bbc, [mundo, guardian])).toEqual([]);
    expect(accessesToGiveBack(bbc, [guardian])).toEqual(['https://feeds.bbci.co.uk/*', 'https://www.bbc.com/*']);
  });
});
