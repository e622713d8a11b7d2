/**
 * Following feeds from the extension's pages (the popup, the options page's OPML import, the
 * first-run list): one question to the browser for every host the feeds need, asked first in
 * the person's click, then a subscription each. Also which host accesses a subscription holds,
 * so removing it gives back those no other subscription needs.
 */
import type { Subscription } from '../model';
import { accessPattern } from './subscriptions';

/** How often a followed feed is asked. */
export const FEED_EVERY_HOURS = 6;

/** A feed to follow, with the hosts of its article pages where they are not the feed's. */
export interface FeedToFollow {
  url: string;
  articleHosts?: string[];
}

/** The host accesses a feed needs: its own host, and its article hosts (on the feed's scheme). */
export function accessPatternsOf(feed: FeedToFollow): string[] {
  const { protocol } = new URL(feed.url);
  return [accessPattern(feed.url), ...(feed.articleHosts ?? []).map((host) => `${protocol}//${host}/*`)];
}

/** What following needs of the browser and the background. */
export interface FollowEnvironment {
  /** Asks the person for host access (only during their input); true when granted. */
  askAccess(origins: string[]): Promise<boolean>;
  subscribe(feed: FeedToFollow, everyHours: number): Promise<Subscription | null>;
}

/** Follows the feeds after one question for all their hosts: how many were followed, or the refusal. */
export async function followFeeds(env: FollowEnvironment, feeds: FeedToFollow[]): Promise<number | 'no-permission'> {
  const origins = [...new Set(feeds.flatMap(accessPatternsOf))];
  if (!(await env.askAccess(origins).catch(() => false))) return 'no-permission';
  let followed = 0;
  for (const feed of feeds) if (await env.subscribe(feed, FEED_EVERY_HOURS)) followed++;
  return followed;
}

/** The accesses `removed` held that none of `others` needs any more. */
export function accessesToGiveBack(removed: FeedToFollow, others: FeedToFollow[]): string[] {
  const kept = new Set(others.flatMap(accessPatternsOf));
  return accessPatternsOf(removed).filter((pattern) => !kept.has(pattern));
}
