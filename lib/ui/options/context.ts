/** What every section of the options page is given: the page, the strings, the background and the browser's helpers. */
import type {
  ImportProgress,
  OriginalInput,
  OriginalRecord,
  OriginalsPage,
  Problem,
  StoreHealth,
  Subscription,
  SubscriptionView,
  VerdictFeedback,
} from '../../model';
import type { Translate } from '../i18n';

/** Why subscribing did not happen. */
export type SubscribeRefusal = 'bad-address' | 'no-permission';

export interface OptionsBackend {
  listOriginals(search: string, offset: number, limit: number): Promise<OriginalsPage>;
  getOriginal(id: string): Promise<OriginalRecord | null>;
  deleteOriginal(id: string): Promise<void>;
  /** Queues a file's originals, chunk by chunk; returns the progress after the last chunk. */
  queueImport(items: OriginalInput[]): Promise<ImportProgress>;
  importStatus(): Promise<ImportProgress>;
  cancelImport(): Promise<ImportProgress>;
  exportOriginals(after: string, limit: number): Promise<{ lines: string[]; last: string | null }>;
  trustedOutlets(): Promise<string[]>;
  setTrustedOutlets(domains: string[]): Promise<void>;
  /** Originals learned from each trusted outlet. */
  learnedCounts(): Promise<Record<string, number>>;
  /** Sites the person switched Upstream off on. */
  disabledSites(): Promise<string[]>;
  setSiteEnabled(host: string, enabled: boolean): Promise<void>;
  /** Follows every feed of an OPML file, after one question for access to their hosts; the number followed. */
  followOpml(text: string): Promise<number | SubscribeRefusal>;
  health(): Promise<StoreHealth>;
  subscriptions(): Promise<SubscriptionView[]>;
  /**
   * Asks the person's browser for access to the list's host, then subscribes. Called first
   * thing in the click's handler: browsers grant access only while handling the person's input.
   */
  subscribe(url: string, everyHours: number): Promise<Subscription | SubscribeRefusal>;
  refreshSubscription(url: string): Promise<void>;
  setSchedule(url: string, everyHours: number, keepDays?: number): Promise<void>;
  setPaused(url: string, paused: boolean): Promise<void>;
  unsubscribe(url: string): Promise<void>;
  /** What the reader said was wrong, newest first. */
  feedback(): Promise<VerdictFeedback[]>;
  deleteFeedback(at: number): Promise<void>;
}

export interface OptionsEnvironment {
  backend: OptionsBackend;
  t: Translate;
  /** Reads an import file into originals and the problems found in it. */
  readImportFile(name: string, text: string): { items: OriginalInput[]; problems: Problem[] };
  maxFileChars: number;
  /** Bytes the extension stores, when the browser tells. */
  storageUsed(): Promise<number | undefined>;
  /** Asks the browser to keep the store when space runs low. */
  persistStorage(): Promise<void>;
  /** Offers a file for download; returns its address. */
  download(name: string, lines: string[]): string;
  /** Deletes the whole store, after asking the person, when it cannot be opened at all. */
  deleteStore(): Promise<void>;
}

/** A section's view of the page: its elements by id, and a way to say the store changed. */
export interface Section {
  doc: Document;
  env: OptionsEnvironment;
  t: Translate;
  backend: OptionsBackend;
  $(id: string): HTMLElement;
  /** Shows the store's count and the list again (after an import, a removal). */
  storeChanged(): Promise<void>;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
