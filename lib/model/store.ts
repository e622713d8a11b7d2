/** What the layers need of a store of originals, and what it keeps besides. Types only. */
import type { ArticleInput, FeedLink } from './article';
import type { OriginalInput, OriginalRecord, OriginOfRecord } from './original';
import type { Problem } from './problem';
import type { ProvenanceReport, VerdictFeedback } from './report';

/** Where candidates come from: the IndexedDB store in the extension, a Map in Node. */
export interface CandidateIndex {
  /** Number of originals indexed. */
  count(): Promise<number>;
  /**
   * For each key carried by at most `maxOriginals` originals, their posting refs; keys carried
   * by more (too common to be evidence) and keys nobody carries are left out, so a lookup's
   * work stays the same in a large store.
   */
  postings(keys: string[], maxOriginals: number): Promise<Map<string, string[]>>;
}

/** A candidate original with its lookup score. */
export interface Candidate {
  /** The posting ref of the original: its id in memory, a number in IndexedDB (see OriginalStore.candidateOriginals). */
  id: string;
  score: number;
}

/** What the engine needs of a store: candidate lookup and the records themselves. */
export interface OriginalStore extends CandidateIndex {
  getOriginals(ids: string[]): Promise<OriginalRecord[]>;
  /** The originals behind candidates' posting refs, in order, leaving out refs that lead nowhere. */
  candidateOriginals(refs: string[]): Promise<OriginalRecord[]>;
}

/** What the popup can show for a tab. */
export type TabState =
  | { status: 'no-article'; url: string; updatedAt: number; feeds?: FeedLink[] }
  | { status: 'disabled'; url: string; updatedAt: number }
  | {
      status: 'ready';
      url: string;
      report: ProvenanceReport;
      updatedAt: number;
      paragraphs?: string[];
      /** The page's metadata as read, kept so the person can learn the article from the popup. */
      meta?: Omit<ArticleInput, 'paragraphs'>;
      /** Feeds the page declares. */
      feeds?: FeedLink[];
      /** Originals in the store when the page was checked. */
      checked?: number;
      /** When the background received the page's article (ms since the epoch), and what each stage took after. */
      receivedAt?: number;
      timings?: StageTiming[];
    };

/** A stage of a page's analysis in the background and how long it took (for the benchmarks). */
export interface StageTiming {
  stage: 'read' | 'prepare' | 'learn' | 'lookup' | 'verify' | 'badge';
  ms: number;
}

/** An original waiting in the import queue. */
export interface QueuedImport {
  input: OriginalInput;
  origin: OriginOfRecord;
}

/** A page of the originals list. */
export interface OriginalsPage {
  items: OriginalRecord[];
  /** Number of originals matching the search (at least this many, when `more`). */
  total: number;
  /** Set when a search matched more originals than were counted. */
  more?: boolean;
}

/** A seed file: its stem (the original's id) and its text. */
export interface SeedFile {
  id: string;
  text: string;
}

/** The pack shipped inside the extension. */
export interface SeedPack {
  version: string;
  originals: OriginalRecord[];
}

export interface ImportProgress {
  imported: number;
  queued: number;
  running: boolean;
  /** Why the import stopped (the store is full, or the browser refused a write). */
  error?: Problem;
}

/** The store of originals as the background uses it: lookups, writes, the list and the seed pack. */
export interface OriginalsLibrary extends OriginalStore {
  /** Adds or replaces originals in one transaction: all of them or, on failure, none. */
  putOriginals(records: OriginalRecord[]): Promise<void>;
  deleteOriginal(id: string): Promise<void>;
  listOriginals(search: string, offset: number, limit: number): Promise<OriginalsPage>;
  /**
   * Up to about `limit` originals from the position `after` ('' for the first; an id, for
   * those of the store's own records after it), and the position to go on from, or null.
   */
  originalsAfter(after: string, limit: number): Promise<{ records: OriginalRecord[]; next: string | null }>;
  /** Merges the candidate index's runs until nothing is left to merge (`all`: into one) or `stop` says so. */
  mergeRuns(all?: boolean, stop?: () => boolean): Promise<void>;
  installedSeedPackVersion(): Promise<string | undefined>;
  installSeedPack(pack: SeedPack): Promise<void>;
  /**
   * Deletes, in one transaction, up to `limit` originals whose ids start with `prefix`, come
   * from the position `after` ('' for the first) and are not in `keep`; returns the position
   * to go on from, or null when the prefix has nothing more. A long deletion is many such steps, so nothing waits long.
   */
  removeOriginalsWithPrefix(
    prefix: string,
    after: string,
    limit: number,
    keep?: ReadonlySet<string>,
  ): Promise<string | null>;
}

/** A list of originals the person subscribed to, fetched from its address on a schedule. */
export interface Subscription {
  /** The https address of the pack (or http on this computer). */
  url: string;
  /** The pack's own title, or its host until it has been fetched. */
  title: string;
  /** Originals in the pack last accepted. */
  count: number;
  /** Hours between refreshes. */
  everyHours: number;
  subscribedAt: number;
  /** When the address was last asked, and when a new pack was last accepted. */
  checkedAt?: number;
  updatedAt?: number;
  /** What the server said identifies the pack last accepted, for conditional requests. */
  etag?: string;
  lastModified?: string;
  /** The accepted pack's content hash, from its header. */
  sha256?: string;
  /** Why the last refresh was refused or failed (the previous originals were kept); a string from an older version. */
  problem?: Problem | string;
  /** Lines of the accepted pack that could not be used. */
  skipped?: number;
  /** Set while its originals are being removed: a removal a restart stopped is finished at the next start. */
  removing?: boolean;
  /** What the address served last: a pack of originals or a news feed. */
  kind?: 'pack' | 'feed';
  /** Hosts besides the feed's own whose article pages the person let Upstream read for this feed. */
  articleHosts?: string[];
  /** A feed's items are kept this many days after they were stored (30 unless the person says; set once it is read as a feed). */
  keepDays?: number;
  /** A feed's items: what was stored, or why an item could not be read. */
  items?: FeedItemState[];
  /** Items of the feed left for the next refresh (each refresh reads a bounded number of pages). */
  pending?: number;
  /** Set when the browser has not (yet) granted access to the address: nothing was asked. */
  waitingForAccess?: boolean;
  /** Set when the person paused it: no scheduled refresh, its originals kept. */
  paused?: boolean;
  /** The id prefix of its originals (`list:<SHA-256 of the address>/`); absent for lists subscribed before it was kept. */
  prefix?: string;
}

/** One item of a followed feed, as the subscription remembers it (small: there are hundreds). */
export interface FeedItemState {
  /** A hash of the item's key in its feed (guid, id or link). */
  k: string;
  /** When it was first seen. */
  at: number;
  /** Set when its article is in the store (its id is the list's prefix and `k`). */
  stored?: boolean;
  /** Kept after it expired because the feed still lists it, so it is not stored again. */
  expired?: boolean;
  /** Why it could not be read, with its title and link, for the person. */
  problem?: Problem | string;
  title?: string;
  link?: string;
}

/** A subscription as the options page shows it: with what is being done to it now, and how far along. */
export interface SubscriptionView extends Subscription {
  activity?: 'refreshing' | 'removing';
  /** Originals stored so far by a refresh under way. */
  progress?: number;
}

/** The person's subscriptions. */
export interface SubscriptionStore {
  subscriptions(): Promise<Subscription[]>;
  putSubscription(subscription: Subscription): Promise<void>;
  deleteSubscription(url: string): Promise<void>;
}

/** Originals waiting to be prepared and stored, kept so that an import survives a restart. */
export interface ImportQueue {
  enqueueImports(items: QueuedImport[]): Promise<void>;
  peekImports(limit: number, after?: number): Promise<{ keys: number[]; items: QueuedImport[] }>;
  /** Stores prepared originals and removes their queue entries, together. */
  commitImports(keys: number[], records: OriginalRecord[]): Promise<void>;
  queuedImports(): Promise<number>;
  clearImports(): Promise<void>;
}

/** The person's settings. */
export interface SettingsStore {
  /** Hosts the person asked Upstream not to analyse. */
  disabledSites(): Promise<string[]>;
  setSiteEnabled(host: string, enabled: boolean): Promise<void>;
  /** Domains whose articles are learned as originals (empty: the feature is off). */
  trustedOutlets(): Promise<string[]>;
  setTrustedOutlets(domains: string[]): Promise<void>;
  /** Originals learned from each trusted outlet (by domain). */
  learnedCounts(): Promise<Record<string, number>>;
  countLearned(domain: string): Promise<void>;
  /** What the reader said was wrong, newest first. */
  feedback(): Promise<VerdictFeedback[]>;
  /** Keeps a report (the oldest go past a few hundred). */
  addFeedback(feedback: VerdictFeedback): Promise<void>;
  deleteFeedback(at: number): Promise<void>;
}

/** What the popup can show for each open tab, kept across restarts of the service worker. */
export interface TabStates {
  getTabState(tabId: number): Promise<TabState | undefined>;
  setTabState(tabId: number, state: TabState): Promise<void>;
  deleteTabState(tabId: number): Promise<void>;
  /** Drops the states of tabs that no longer exist. */
  keepTabStates(openTabIds: number[]): Promise<void>;
}

/** Everything the background keeps. */
export interface Stores {
  originals: OriginalsLibrary;
  importQueue: ImportQueue;
  settings: SettingsStore;
  tabs: TabStates;
  subscriptions: SubscriptionStore;
}

/**
 * What stands in the way of Upstream's store, for the popup and the options page to say:
 * it cannot be opened at all, it is full, or the seed originals could not be installed.
 */
export interface StoreHealth {
  problem: 'unavailable' | 'full' | 'seeds-missing' | null;
  /** The browser's own words, for a person who wants to know more. */
  detail?: string;
}
