/**
 * A followed feed's items into originals. An item whose feed carries the article's text is
 * stored from the feed; one that carries only a summary is read from its own page, when that
 * page is on the feed's host (or a host the person granted with it), a bounded number per
 * refresh. Items are kept a number of days after they were stored, or up to a count per feed;
 * an item that leaves the feed stays until then (feeds list only their latest items).
 */
import { countWords, hash32, makeOriginal } from '../engine';
import { isProblem } from '../formats';
import type {
  ArticleInput,
  Feed,
  FeedItem,
  FeedItemState,
  OriginalRecord,
  OriginalsLibrary,
  Problem,
  Subscription,
} from '../model';

/** An item whose feed text has this many words is the article; fewer is a summary. */
export const FULL_TEXT_WORDS = 150;
/** Article pages read per refresh of one feed; the rest wait for the next. */
export const PAGES_PER_REFRESH = 20;
/** Days a feed's items are kept unless the person says otherwise. */
export const DEFAULT_KEEP_DAYS = 30;
/** Most items kept per feed: the oldest go first. */
export const MAX_FEED_ORIGINALS = 500;
/** Items whose reason for not being read is shown. */
const MAX_PROBLEMS_SHOWN = 20;
const DAY_MS = 86_400_000;

/** What storing a feed needs. */
export interface FeedEnvironment {
  originals: OriginalsLibrary;
  /** Reads an item's article page: the article, or the reason it could not be read. */
  readPage(url: string): Promise<ArticleInput | Problem>;
  now(): number;
  pause(): Promise<void>;
  /** Counts each item done, for the options page. */
  progress(): void;
}

/** The hash an item is remembered by in its subscription, and part of its original's id. */
export const itemHash = (key: string) => `${hash32(key).toString(36)}${key.length.toString(36)}`;

const hostOf = (url: string) => new URL(url).hostname;

/**
 * The original for an item: its title, authors, date, the feed's title as "known from", and its
 * link as address when the link is on the feed's host (or one granted with it). A feed speaks for
 * its own site only: text it gives for a page elsewhere is kept without an address, so it can
 * be found as copied but never makes that page "the original".
 */
function originalOf(
  item: FeedItem,
  text: ArticleInput | null,
  id: string,
  knownFrom: string,
  address: string | undefined,
): OriginalRecord {
  const paragraphs = text?.paragraphs ?? item.paragraphs;
  const record = makeOriginal(
    {
      title: item.title || text?.title || knownFrom,
      text: paragraphs.join('\n\n'),
      authors: item.authors ?? text?.authors,
      published: item.published ?? text?.published,
      // The outlet's own page names its outlet; a feed's text names nothing but its feed.
      publisher: text?.siteName,
      url: address,
      language: text?.language,
    },
    'subscription',
  );
  return { ...record, id, knownFrom };
}

/**
 * Stores the feed's new items and removes those past their time; returns the subscription's
 * new state. A feed of null is one that has not changed: only the time kept is applied.
 * Nothing already stored is lost when an item cannot be read.
 */
export async function storeFeed(
  env: FeedEnvironment,
  subscription: Subscription,
  feed: Feed | null,
  prefix: string,
): Promise<Partial<Subscription>> {
  const now = env.now();
  const keepDays = subscription.keepDays ?? DEFAULT_KEEP_DAYS;
  const listed = new Map((feed?.items ?? []).map((item) => [itemHash(item.key), item]));
  const allowed = new Set([hostOf(subscription.url), ...(subscription.articleHosts ?? [])]);

  /** Removes an item's original; it is remembered only while the feed may still list it, so it is not stored again. */
  const forget = async (entry: FeedItemState): Promise<FeedItemState | null> => {
    if (entry.stored) await env.originals.deleteOriginal(`${prefix}${entry.k}`);
    return !feed || listed.has(entry.k) ? { k: entry.k, at: entry.at, expired: true } : null;
  };

  // Past their time: removed.
  const kept: FeedItemState[] = [];
  for (const entry of subscription.items ?? []) {
    const keep = entry.at + keepDays * DAY_MS > now ? entry : await forget(entry);
    if (keep) kept.push(keep);
  }
  const known = new Set(kept.map((e) => e.k));

  let pagesRead = 0;
  let pending = 0;
  const batch: OriginalRecord[] = [];
  const flush = async () => {
    if (!batch.length) return;
    await env.originals.putOriginals(batch.splice(0));
    await env.originals.mergeRuns();
    await env.pause();
  };
  for (const [k, item] of listed) {
    if (known.has(k)) continue;
    let text: ArticleInput | null = null;
    let problem: Problem | undefined;
    if (countWords(item.paragraphs.join(' ')) < FULL_TEXT_WORDS) {
      problem = !item.link
        ? { code: 'itemSummaryOnly' }
        : !allowed.has(hostOf(item.link))
          ? { code: 'itemOtherSite', values: [hostOf(item.link)] }
          : undefined;
      if (!problem) {
        if (pagesRead >= PAGES_PER_REFRESH) {
          pending++;
          continue;
        }
        pagesRead++;
        const page = await env.readPage(item.link!);
        if (isProblem(page)) problem = page;
        else text = page;
      }
    }
    if (problem) kept.push({ k, at: now, problem, title: item.title.slice(0, 200), link: item.link });
    else {
      const address = item.link && allowed.has(hostOf(item.link)) ? item.link : undefined;
      batch.push(originalOf(item, text, `${prefix}${k}`, feed!.title, address));
      kept.push({ k, at: now, stored: true });
    }
    env.progress();
    if (batch.length >= 20) await flush();
  }
  await flush();

  // Beyond the count, the oldest stored go. Items not stored are remembered so they are not
  // tried again, up to a count: the newest. Problems are shown for the latest few only.
  let stored = 0;
  let others = 0;
  let problems = 0;
  const items: FeedItemState[] = [];
  for (const entry of kept.sort((a, b) => b.at - a.at)) {
    const keep = entry.stored && ++stored > MAX_FEED_ORIGINALS ? await forget(entry) : entry;
    if (!keep || (!keep.stored && ++others > MAX_FEED_ORIGINALS)) continue;
    items.push(
      keep.problem && ++problems > MAX_PROBLEMS_SHOWN ? { k: keep.k, at: keep.at, problem: keep.problem } : keep,
    );
  }
  return {
    kind: 'feed',
    keepDays,
    ...(feed ? { title: feed.title } : {}),
    items,
    count: items.filter((e) => e.stored).length,
    pending,
  };
}
