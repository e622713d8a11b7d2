/**
 * Subscriptions: packs of originals a person asked to receive from an address they chose (a
 * publisher's or a fact-checking team's list), as uBlock Origin subscribes to filter lists.
 *
 * Nothing is fetched until the person subscribes, and then only the pack's address is asked,
 * on their schedule, with the validators of the last pack (ETag, Last-Modified) so an
 * unchanged pack is not downloaded again. A pack is verified whole against its header before
 * anything is stored (pack.ts): a damaged or truncated one is refused and the previous one
 * kept. A list's originals carry ids under the list's own prefix, so they never replace an
 * original from elsewhere, and removing the list removes exactly them, a slice at a time.
 */
import { hash32, makeOriginal } from '../engine';
import {
  FeedError,
  isPackHeader,
  MAX_FEED_BYTES,
  MAX_PACK_BYTES,
  PackError,
  isProblem,
  parseOriginalsLine,
  problem,
  ProblemError,
  readAtMost,
  readFeed,
  sha256Hex,
  verifyPack,
  type VerifiedPack,
} from '../formats';
import type {
  ArticleInput,
  Feed,
  OriginalRecord,
  OriginalsLibrary,
  Problem,
  Subscription,
  SubscriptionStore,
  SubscriptionView,
} from '../model';
import type { PageHtml } from '../reader';
import { storeFeed } from './feed-items';

/** Most subscriptions kept: each is a request on a schedule, and its originals in the store. */
export const MAX_SUBSCRIPTIONS = 50;
/** Originals written, or removed, per transaction; the worker yields between them. */
const WRITE_BATCH = 200;
const REMOVE_BATCH = 500;
/** Longest a pack may take to arrive. */
const FETCH_TIMEOUT_MS = 5 * 60_000;
/** An article page of a feed: at most this large, and this long to arrive. */
const MAX_PAGE_BYTES = 5 * 1024 * 1024;
const PAGE_TIMEOUT_MS = 20_000;
/** What is sent with every request: nothing of the person's (no cookies, no referrer), no cached answer. */
const PRIVATE_REQUEST: RequestInit = {
  cache: 'no-store',
  credentials: 'omit',
  referrerPolicy: 'no-referrer',
  // A redirect is not followed: it would send the request to an address the person did not choose.
  redirect: 'manual',
};
const isRedirect = (response: Response) =>
  response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400 && response.status !== 304);

const LOOPBACK = /^(localhost|127\.0\.0\.1)$/;

/**
 * The address of a pack a person typed, normalised, or null when it cannot be one: https,
 * or plain http only to this computer (a list served locally), and no user name or password.
 */
export function packAddress(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.test(url.hostname));
  if (!secure || url.username || url.password || raw.length > 2000) return null;
  url.hash = '';
  return url.href;
}

/**
 * The host-access pattern a subscription needs (any port: match patterns have none), which the
 * manifest's optional host permissions cover and the options page asks the person for.
 */
export function accessPattern(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}

/** What the ids of every list's originals start with (no import may take such an id). */
export const LIST_NAMESPACE = 'list:';

/**
 * The id prefix of a list's originals: the SHA-256 of its address, kept with the subscription,
 * so no other address can share it. Lists subscribed before this kept a 32-bit hash, which
 * another address could be made to share; they keep it until they are removed.
 */
export async function newListPrefix(url: string): Promise<string> {
  return `${LIST_NAMESPACE}${await sha256Hex(new TextEncoder().encode(url))}/`;
}
export const prefixOf = (subscription: Pick<Subscription, 'url' | 'prefix'>) =>
  subscription.prefix ?? `${LIST_NAMESPACE}${hash32(subscription.url).toString(36)}/`;

/** What the background needs to keep subscriptions. */
export interface SubscriptionEnvironment {
  originals: OriginalsLibrary;
  store: SubscriptionStore;
  /** The network, for the subscribed addresses only (the background's fetch). */
  fetch(url: string, init: RequestInit): Promise<Response>;
  now(): number;
  /** Gives other work its turn between batches. */
  pause(): Promise<void>;
  /** True when the browser lets the extension ask this address (the person granted its host). */
  hasAccess?(url: string): Promise<boolean>;
  /** Reads the article of a fetched HTML page in a document context (offscreen document, background page). */
  readArticle?(page: PageHtml, url: string): Promise<ArticleInput | null>;
}

/** Reads a response body, refusing more than `max` bytes. */
async function bodyOf(response: Response, max: number): Promise<Uint8Array> {
  if (Number(response.headers.get('content-length') ?? 0) > max)
    throw new PackError(problem('packTooLarge', String(max / 1024 / 1024)));
  return response.body ? readAtMost(response.body, max) : new Uint8Array(0);
}

/** Text in the charset the server names (UTF-8 when it names none or one the browser does not know). */
function decodeText(bytes: Uint8Array, contentType: string | null): string {
  const charset = /charset=["']?([\w-]{1,40})/i.exec(contentType ?? '')?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder().decode(bytes);
  }
}

/** A pack starts gzipped or with its header line; anything else may be a feed. */
function isPack(bytes: Uint8Array): boolean {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return true;
  const newline = bytes.indexOf(0x0a);
  const first = new TextDecoder().decode(bytes.subarray(0, newline < 0 ? Math.min(bytes.length, 4096) : newline));
  try {
    return isPackHeader(JSON.parse(first));
  } catch {
    return false;
  }
}

/** The subscriptions of the background: subscribe, refresh, schedule, remove. One change at a time. */
export function createSubscriptions(env: SubscriptionEnvironment) {
  const { originals, store } = env;
  /** What is being done to each list right now, for the options page. */
  const activity = new Map<string, { kind: 'refreshing' | 'removing'; done: number }>();
  const mark = (url: string, kind: 'refreshing' | 'removing') => activity.set(url, { kind, done: 0 });
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const find = async (url: string) => (await store.subscriptions()).find((s) => s.url === url);
  /** Changes a subscription's settings, in turn with the work on it. */
  const change = (url: string, changes: Partial<Subscription>) =>
    serially(async () => {
      const subscription = await find(url);
      if (subscription) await store.putSubscription({ ...subscription, ...changes });
    });

  /** Stores a verified pack's originals under the list's prefix, then removes the list's originals it no longer has. */
  async function install(subscription: Subscription, pack: VerifiedPack): Promise<number> {
    const prefix = prefixOf(subscription);
    const kept = new Set<string>();
    const progress = activity.get(subscription.url)!;
    let skipped = 0;
    for (let i = 0; i < pack.lines.length; i += WRITE_BATCH) {
      const batch: OriginalRecord[] = [];
      for (const line of pack.lines.slice(i, i + WRITE_BATCH)) {
        const input = parseOriginalsLine(line);
        if (!input || isProblem(input)) {
          skipped++;
          continue;
        }
        const record = makeOriginal(input, 'subscription');
        batch.push({ ...record, id: `${prefix}${record.id}`, knownFrom: pack.title });
      }
      await originals.putOriginals(batch);
      for (const record of batch) kept.add(record.id);
      await originals.mergeRuns();
      progress.done += batch.length;
      await env.pause();
    }
    await removeAll(prefix, kept);
    return skipped;
  }

  /** Removes a list's originals (all, or those not in `keep`), a transaction per slice. */
  async function removeAll(prefix: string, keep?: ReadonlySet<string>): Promise<void> {
    for (let after = ''; ;) {
      const last = await originals.removeOriginalsWithPrefix(prefix, after, REMOVE_BATCH, keep);
      if (last === null) break;
      after = last;
      await env.pause();
    }
    await originals.mergeRuns(true);
  }

  /** Reads a feed item's article page on an allowed host: the article, or why it could not be read. */
  async function readPage(link: string): Promise<ArticleInput | Problem> {
    if (!env.readArticle) return problem('pageNoReader');
    if (env.hasAccess && !(await env.hasAccess(link))) return problem('pageNoAccess', new URL(link).host);
    try {
      const response = await env.fetch(link, {
        ...PRIVATE_REQUEST,
        headers: { accept: 'text/html,application/xhtml+xml' },
        signal: AbortSignal.timeout(PAGE_TIMEOUT_MS),
      });
      if (isRedirect(response)) return problem('pageRedirects');
      if (!response.ok) return problem('pageHttpStatus', String(response.status));
      if (!/html/i.test(response.headers.get('content-type') ?? 'text/html')) return problem('pageNotHtml');
      const bytes = await bodyOf(response, MAX_PAGE_BYTES).catch(() => null);
      if (!bytes) return problem('pageTooLarge', String(MAX_PAGE_BYTES / 1024 / 1024));
      const article = await env.readArticle({ html: decodeText(bytes, response.headers.get('content-type')) }, link);
      return article ?? problem('pageNoArticle');
    } catch (error) {
      return (error as Error).name === 'TimeoutError'
        ? problem('pageTimeout', String(PAGE_TIMEOUT_MS / 1000))
        : problem('pageUnreachable');
    }
  }

  /** Stores a feed's new items (or, for null, an unchanged feed's) and removes those past their time. */
  const storeFeedOf = (subscription: Subscription, feed: Feed | null) => {
    const progress = activity.get(subscription.url)!;
    return storeFeed(
      { originals, readPage, now: env.now, pause: env.pause, progress: () => void progress.done++ },
      subscription,
      feed,
      prefixOf(subscription),
    );
  };

  /** Asks the list's address and stores a new pack or the feed's new items; what happened is saved with the subscription. */
  async function refreshNow(url: string): Promise<void> {
    const subscription = await find(url);
    if (!subscription || subscription.removing) {
      if (activity.get(url)?.kind === 'refreshing') activity.delete(url);
      return;
    }
    mark(url, 'refreshing');
    const checkedAt = env.now();
    const save = (changes: Partial<Subscription>) =>
      store.putSubscription({ ...subscription, checkedAt, waitingForAccess: undefined, ...changes });
    try {
      // Without the person's grant nothing is asked; the grant starts a refresh (the background listens).
      if (env.hasAccess && !(await env.hasAccess(url))) {
        await save({ waitingForAccess: true, problem: problem('waitingForAccess', new URL(url).host) });
        return;
      }
      const headers: Record<string, string> = {
        accept:
          'application/x-ndjson, application/gzip, application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5',
      };
      // The validators are kept only with the content stored: they describe it. A feed with
      // items left to read is asked whole, to read them.
      if (subscription.sha256 && !subscription.pending) {
        if (subscription.etag) headers['if-none-match'] = subscription.etag;
        if (subscription.lastModified) headers['if-modified-since'] = subscription.lastModified;
      }
      const response = await env.fetch(url, {
        ...PRIVATE_REQUEST,
        headers,
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      });
      if (response.status === 304) {
        await save({
          ...(subscription.kind === 'feed' ? await storeFeedOf(subscription, null) : {}),
          problem: undefined,
        });
        return;
      }
      if (isRedirect(response)) {
        await save({ problem: problem('redirects') });
        return;
      }
      if (!response.ok) {
        await save({ problem: problem('httpStatus', String(response.status)) });
        return;
      }
      const validators = {
        etag: response.headers.get('etag') ?? undefined,
        lastModified: response.headers.get('last-modified') ?? undefined,
      };
      const bytes = await bodyOf(response, MAX_PACK_BYTES);
      if (isPack(bytes)) {
        const pack = await verifyPack(bytes);
        if (pack.sha256 === subscription.sha256 && pack.title === subscription.title) {
          await save({ ...validators, problem: undefined });
          return;
        }
        const skipped = await install(subscription, pack);
        await save({
          ...validators,
          kind: 'pack',
          title: pack.title,
          count: pack.count - skipped,
          sha256: pack.sha256,
          updatedAt: env.now(),
          skipped,
          problem: undefined,
        });
        return;
      }
      if (bytes.length > MAX_FEED_BYTES)
        throw new FeedError(problem('feedTooLarge', String(MAX_FEED_BYTES / 1024 / 1024)));
      const sha256 = await sha256Hex(bytes);
      const unchanged = sha256 === subscription.sha256 && !subscription.pending;
      const feed = unchanged ? null : readFeed(decodeText(bytes, response.headers.get('content-type')), url);
      const changes = await storeFeedOf(subscription, feed);
      await save({ ...validators, ...changes, sha256, ...(feed ? { updatedAt: env.now() } : {}), problem: undefined });
    } catch (error) {
      await save({ problem: error instanceof ProblemError ? error.problem : problem('unreachable') });
    } finally {
      activity.delete(url);
    }
  }

  function refresh(url: string): void {
    if (activity.get(url)?.kind !== 'removing') mark(url, 'refreshing');
    void serially(() => refreshNow(url));
  }

  async function removeNow(url: string): Promise<void> {
    const subscription = await find(url);
    if (!subscription) return;
    // Marked again: a refresh that ended after the person unsubscribed saved the list without the mark.
    await store.putSubscription({ ...subscription, removing: true });
    mark(url, 'removing');
    try {
      await removeAll(prefixOf(subscription));
      await store.deleteSubscription(url);
    } finally {
      activity.delete(url);
    }
  }

  return {
    /** The subscriptions with what is being done to each. */
    async list(): Promise<SubscriptionView[]> {
      return (await store.subscriptions()).map((s) => {
        const now = activity.get(s.url);
        return now ? { ...s, activity: now.kind, progress: now.done } : s;
      });
    },

    /**
     * Subscribes to the pack at `raw` and fetches it at once (the person has just asked for
     * it); the result shows in the list. Null when the address cannot be a pack's.
     */
    async subscribe(
      raw: string,
      everyHours: number,
      more: { articleHosts?: string[]; keepDays?: number } = {},
    ): Promise<Subscription | null> {
      const url = packAddress(raw);
      if (!url) return null;
      const existing = await find(url);
      if (existing) return existing;
      if ((await store.subscriptions()).length >= MAX_SUBSCRIPTIONS) return null;
      const subscription: Subscription = {
        url,
        title: new URL(url).host,
        count: 0,
        everyHours,
        subscribedAt: env.now(),
        prefix: await newListPrefix(url),
        ...(more.articleHosts?.length ? { articleHosts: more.articleHosts } : {}),
        ...(more.keepDays ? { keepDays: more.keepDays } : {}),
      };
      await store.putSubscription(subscription);
      mark(url, 'refreshing');
      void serially(() => refreshNow(url));
      return subscription;
    },

    /** Asks the list's address again (the person's "Refresh"); the outcome shows in the list. */
    refresh,

    /** Changes how often the address is asked and, for a feed, how many days its items are kept. */
    async setSchedule(url: string, everyHours: number, keepDays?: number): Promise<void> {
      await change(url, { everyHours, ...(keepDays ? { keepDays } : {}) });
      // A shorter time to keep items takes effect at once.
      if (keepDays) refresh(url);
    },

    /** Stops or resumes the scheduled refreshes; the originals stay, and "Refresh now" still works. */
    setPaused: (url: string, paused: boolean) => change(url, { paused }),

    /** Refreshes the subscriptions that were waiting for the person to grant access. */
    async accessGranted(): Promise<void> {
      for (const subscription of await store.subscriptions())
        if (subscription.waitingForAccess) refresh(subscription.url);
    },

    /** Removes the list and, a slice at a time, its originals; originals from anywhere else stay. */
    async unsubscribe(url: string): Promise<void> {
      const subscription = await find(url);
      if (!subscription) return;
      // Marked first, so that a removal stopped by a restart is finished by the next start.
      await store.putSubscription({ ...subscription, removing: true });
      mark(url, 'removing');
      void serially(() => removeNow(url));
    },

    /** Finishes removals a restart interrupted, and refreshes the lists whose time has come. */
    async refreshDue(): Promise<void> {
      for (const subscription of await store.subscriptions()) {
        if (subscription.removing) void serially(() => removeNow(subscription.url));
        else if (
          !subscription.paused &&
          (subscription.checkedAt ?? 0) + subscription.everyHours * 3_600_000 <= env.now()
        )
          void serially(() => refreshNow(subscription.url));
      }
    },

    /** Resolves once nothing is under way. */
    async idle(): Promise<void> {
      for (let seen: Promise<unknown> | undefined; seen !== queue;) await (seen = queue);
    },
  };
}

export type Subscriptions = ReturnType<typeof createSubscriptions>;
