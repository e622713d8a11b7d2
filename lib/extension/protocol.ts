/**
 * The one message protocol between the extension's parts. Every message a content script
 * sends is untrusted (pages can be hostile): the background checks its shape and bounds with
 * `parseMessage` before using it, and takes the tab from the sender, never from the message.
 */
import { MAX_ARTICLE_CHARS } from '../engine';
import { isProblem, toOriginalInput } from '../formats';
import { MAX_PAGE_HTML_CHARS, MAX_PAGE_PARTS, type PageHtml } from '../reader';
import type {
  ArticleInput,
  CompareRow,
  FeedbackKind,
  FeedLink,
  ImportProgress,
  OriginalInput,
  OriginalRecord,
  OriginalsPage,
  ProvenanceReport,
  StoreHealth,
  Subscription,
  SubscriptionView,
  TabState,
  VerdictFeedback,
} from '../model';

/** The article a content script found, as read from the page (the background cleans and fingerprints it), with the feeds the page declares. */
export type ArticleMessage = ArticleInput & { url: string; feeds?: FeedLink[] };

/** Message types and their replies. */
export interface ProtocolMap {
  /** Content script -> background: the page's article. Reply: nothing. */
  'article-found': { request: { type: 'article-found'; article: ArticleMessage }; response: void };
  /**
   * Content script -> background: the page's HTML, when only Readability can find its article:
   * the background reads it off the page's main thread, as it reads a feed item's page.
   */
  'page-html': { request: { type: 'page-html'; html: string; parts?: string[]; feeds?: FeedLink[] }; response: void };
  /** Content script -> background: the page has no article. */
  'no-article': { request: { type: 'no-article'; url: string; feeds?: FeedLink[] }; response: void };
  /** Content script -> background: may this page be analysed (the person can switch sites off)? */
  'is-site-enabled': { request: { type: 'is-site-enabled' }; response: boolean };
  /** Popup or options page -> background: what stands in the way of the store, if anything. */
  'get-health': { request: { type: 'get-health' }; response: StoreHealth };
  /** Popup or compare page -> background: what is known of a tab. */
  'get-tab-state': { request: { type: 'get-tab-state'; tabId: number }; response: TabState | null };
  /** Compare page -> background: the tab's report, explained passage by passage. */
  'get-comparison': {
    request: { type: 'get-comparison'; tabId: number };
    /** `rows`: the engine's explanation, null when only the original's fingerprint is stored; `url`: the tab's address. */
    response: { report: ProvenanceReport; rows: CompareRow[] | null; url?: string } | null;
  };
  /** Popup -> background: switch analysis on or off for a site. */
  'set-site-enabled': { request: { type: 'set-site-enabled'; host: string; enabled: boolean }; response: void };
  /** Popup -> background: learn from the tab's site (it joins the trusted outlets) and store its article now. */
  'learn-site': { request: { type: 'learn-site'; tabId: number }; response: { domain: string } | null };
  /** Popup or options page -> background: stop learning from a site (what it gave stays). */
  'forget-site': { request: { type: 'forget-site'; domain: string }; response: void };
  /** Options page -> background: a page of the store (records without text or fingerprint). */
  'list-originals': {
    request: { type: 'list-originals'; search: string; offset: number; limit: number };
    response: OriginalsPage;
  };
  'get-original': { request: { type: 'get-original'; id: string }; response: OriginalRecord | null };
  'delete-original': { request: { type: 'delete-original'; id: string }; response: void };
  /** Options page -> background: queue originals for import (a chunk of a file at a time). */
  'queue-import': { request: { type: 'queue-import'; items: OriginalInput[] }; response: ImportProgress };
  'import-status': { request: { type: 'import-status' }; response: ImportProgress };
  'cancel-import': { request: { type: 'cancel-import' }; response: ImportProgress };
  /** Options page -> background: a page of the export, as `.jsonl` lines. */
  'export-originals': {
    request: { type: 'export-originals'; after: string; limit: number };
    response: { lines: string[]; last: string | null };
  };
  'get-settings': {
    request: { type: 'get-settings' };
    response: { trustedOutlets: string[]; disabledSites: string[]; learnedCounts: Record<string, number> };
  };
  'set-trusted-outlets': { request: { type: 'set-trusted-outlets'; domains: string[] }; response: void };
  /** Options page -> background: the subscriptions, with what is being done to each. */
  'list-subscriptions': { request: { type: 'list-subscriptions' }; response: SubscriptionView[] };
  /**
   * Subscribes to a pack or a feed (told apart by what the address serves) and fetches it at
   * once; null when the address cannot be one. `articleHosts`: hosts besides the feed's whose
   * article pages may be read; `keepDays`: how long a feed's items are kept.
   */
  subscribe: {
    request: { type: 'subscribe'; url: string; everyHours: number; articleHosts?: string[]; keepDays?: number };
    response: Subscription | null;
  };
  /** Asks a list's address again; the outcome shows in the list. */
  'refresh-subscription': { request: { type: 'refresh-subscription'; url: string }; response: void };
  'set-subscription-schedule': {
    request: { type: 'set-subscription-schedule'; url: string; everyHours: number; keepDays?: number };
    response: void;
  };
  /** Removes a list; its originals go a slice at a time, shown as under way in the list. */
  unsubscribe: { request: { type: 'unsubscribe'; url: string }; response: void };
  /** Options page -> background: stop or resume a subscription's scheduled refreshes (it keeps its originals). */
  'set-subscription-paused': {
    request: { type: 'set-subscription-paused'; url: string; paused: boolean };
    response: void;
  };
  /**
   * Popup -> background: the reader says the tab's verdict is wrong. Kept on the device with the
   * page's address and report; an original said to be wrong is not named for that page again.
   */
  'report-verdict': {
    request: { type: 'report-verdict'; tabId: number; kind: FeedbackKind; note?: string };
    response: VerdictFeedback | null;
  };
  /** Options page -> background: the reports kept, newest first. */
  'list-feedback': { request: { type: 'list-feedback' }; response: VerdictFeedback[] };
  'delete-feedback': { request: { type: 'delete-feedback'; at: number }; response: void };
}

/** Longest id accepted in a message: imports shorten ids to 200 characters, older stores may hold longer ones. */
const MAX_STORED_ID = 10_000;

/** Largest number of originals in one queue-import message. */
export const MAX_IMPORT_CHUNK = 1000;

export type MessageType = keyof ProtocolMap;
export type Message = ProtocolMap[MessageType]['request'];

const MAX_PARAGRAPHS = 20_000;
const MAX_FIELD = 2_000;
const MAX_AUTHORS = 50;

const isString = (v: unknown, max = MAX_FIELD): v is string => typeof v === 'string' && v.length <= max;
const HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/i;
const FEED_TYPES = new Set(['rss', 'atom', 'json']);
const FEEDBACK_KINDS = new Set(['wrong-original', 'wrong-kind', 'missed-original']);
/** Longest note a reader may add to a report of a wrong verdict. */
const MAX_FEEDBACK_NOTE = 500;
/** Most feeds a page may offer, and most extra hosts a subscription may name. */
const MAX_FEED_LINKS = 5;
const MAX_ARTICLE_HOSTS = 5;
/** Days a feed's items may be kept: a day to a year. */
const isKeepDays = (v: unknown) =>
  v === undefined || (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 365);

/** The feeds a page declares, when well-formed (a page is untrusted: they are only offered to the person). */
function isFeedLinks(v: unknown): v is FeedLink[] | undefined {
  if (v === undefined) return true;
  return (
    Array.isArray(v) &&
    v.length <= MAX_FEED_LINKS &&
    v.every((f: unknown) => {
      const link = f as Record<string, unknown>;
      return (
        !!link &&
        typeof link === 'object' &&
        isString(link.url) &&
        /^https?:\/\//i.test(link.url) &&
        isString(link.title, 200) &&
        FEED_TYPES.has(link.type as string)
      );
    })
  );
}
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i;
const optionalString = (v: unknown) => v === undefined || isString(v);

function isArticle(v: unknown): v is ArticleMessage {
  if (!v || typeof v !== 'object') return false;
  const a = v as Record<string, unknown>;
  if (!isString(a.url) || !/^https?:/i.test(a.url) || !isFeedLinks(a.feeds)) return false;
  if (![a.title, a.siteName, a.published, a.language].every(optionalString)) return false;
  if (
    a.authors !== undefined &&
    !(Array.isArray(a.authors) && a.authors.length <= MAX_AUTHORS && a.authors.every((x) => isString(x)))
  )
    return false;
  if (!Array.isArray(a.paragraphs) || a.paragraphs.length > MAX_PARAGRAPHS) return false;
  let total = 0;
  for (const p of a.paragraphs) {
    if (typeof p !== 'string') return false;
    total += p.length;
  }
  return total <= MAX_ARTICLE_CHARS;
}

/** A page's HTML and its hidden parts, at most MAX_PAGE_HTML_CHARS together. */
function isPageHtml(m: Fields): m is Fields & PageHtml {
  if (typeof m.html !== 'string') return false;
  if (m.parts !== undefined && !(Array.isArray(m.parts) && m.parts.length <= MAX_PAGE_PARTS)) return false;
  let total = m.html.length;
  for (const part of (m.parts ?? []) as unknown[]) {
    if (typeof part !== 'string') return false;
    total += part.length;
  }
  return total <= MAX_PAGE_HTML_CHARS;
}

/** Which part of the extension may send a message. */
export type Origin = 'content-script' | 'extension-page';

type Request<K extends MessageType> = ProtocolMap[K]['request'];
/** The reply to a message of type K. */
export type Reply<K extends MessageType> = ProtocolMap[K]['response'];

/**
 * How the background sends every reply back. A message whose worker stopped before replying,
 * or whose handler failed, gets an error or nothing, and nothing looks like a reply of
 * nothing: only a reply in this envelope was really given. Messages travel as JSON, where an
 * `answer` of undefined disappears: `answered` stays.
 */
export interface Answer<T> {
  answered: true;
  answer: T;
}

export const answer = <T>(value: T): Answer<T> => ({ answered: true, answer: value });

export const isAnswer = (value: unknown): value is Answer<unknown> =>
  typeof value === 'object' && value !== null && (value as { answered?: unknown }).answered === true;

const idMessage =
  <K extends 'get-original' | 'delete-original'>(type: K) =>
  (m: Fields) =>
    isString(m.id, MAX_STORED_ID) ? ({ type, id: m.id } as Request<K>) : null;
const tabMessage =
  <K extends 'get-tab-state' | 'get-comparison'>(type: K) =>
  (m: Fields) =>
    Number.isInteger(m.tabId) ? ({ type, tabId: m.tabId as number } as Request<K>) : null;
const bare =
  <
    K extends
      | 'is-site-enabled'
      | 'import-status'
      | 'cancel-import'
      | 'get-settings'
      | 'get-health'
      | 'list-subscriptions'
      | 'list-feedback',
  >(
    type: K,
  ) =>
  () =>
    ({ type }) as Request<K>;

type Fields = Record<string, unknown>;

/** Hours between refreshes a person may set: an hour to a month. */
const isSchedule = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 24 * 31;
const urlMessage =
  <K extends 'refresh-subscription' | 'unsubscribe'>(type: K) =>
  (m: Fields) =>
    isString(m.url) ? ({ type, url: m.url } as Request<K>) : null;

/**
 * Every message: who may send it and how it is checked. A mapped type over ProtocolMap, so a
 * new message does not compile until it is listed here (and in the service's handlers).
 */
const MESSAGES: { [K in MessageType]: { from: Origin; parse(m: Fields): Request<K> | null } } = {
  'article-found': {
    from: 'content-script',
    parse: (m) => (isArticle(m.article) ? { type: 'article-found', article: m.article } : null),
  },
  'page-html': {
    from: 'content-script',
    parse: (m) =>
      isPageHtml(m) && isFeedLinks(m.feeds)
        ? {
            type: 'page-html',
            html: m.html,
            ...(m.parts ? { parts: m.parts } : {}),
            ...(m.feeds ? { feeds: m.feeds as FeedLink[] } : {}),
          }
        : null,
  },
  'no-article': {
    from: 'content-script',
    parse: (m) =>
      isString(m.url) && isFeedLinks(m.feeds)
        ? { type: 'no-article', url: m.url, ...(m.feeds ? { feeds: m.feeds as FeedLink[] } : {}) }
        : null,
  },
  'is-site-enabled': { from: 'content-script', parse: bare('is-site-enabled') },
  'get-health': { from: 'extension-page', parse: bare('get-health') },
  'get-tab-state': { from: 'extension-page', parse: tabMessage('get-tab-state') },
  'get-comparison': { from: 'extension-page', parse: tabMessage('get-comparison') },
  'set-site-enabled': {
    from: 'extension-page',
    parse: (m) =>
      isString(m.host, 253) && /^[a-z0-9.-]+(:\d+)?$/i.test(m.host) && typeof m.enabled === 'boolean'
        ? { type: 'set-site-enabled', host: m.host.toLowerCase(), enabled: m.enabled }
        : null,
  },
  'learn-site': {
    from: 'extension-page',
    parse: (m) => (Number.isInteger(m.tabId) ? { type: 'learn-site', tabId: m.tabId as number } : null),
  },
  'forget-site': {
    from: 'extension-page',
    parse: (m) =>
      isString(m.domain, 253) && DOMAIN.test(m.domain) ? { type: 'forget-site', domain: m.domain.toLowerCase() } : null,
  },
  'list-originals': {
    from: 'extension-page',
    parse: (m) =>
      typeof m.search === 'string' && m.search.length <= 200 && isCount(m.offset) && isCount(m.limit) && m.limit <= 200
        ? { type: 'list-originals', search: m.search, offset: m.offset, limit: m.limit }
        : null,
  },
  'get-original': { from: 'extension-page', parse: idMessage('get-original') },
  'delete-original': { from: 'extension-page', parse: idMessage('delete-original') },
  'queue-import': {
    from: 'extension-page',
    parse: (m) => {
      if (!Array.isArray(m.items) || m.items.length > MAX_IMPORT_CHUNK) return null;
      const items = m.items.map(toOriginalInput);
      return items.every((i): i is OriginalInput => !isProblem(i)) ? { type: 'queue-import', items } : null;
    },
  },
  'import-status': { from: 'extension-page', parse: bare('import-status') },
  'cancel-import': { from: 'extension-page', parse: bare('cancel-import') },
  'export-originals': {
    from: 'extension-page',
    parse: (m) =>
      isString(m.after, MAX_STORED_ID) && isCount(m.limit) && m.limit <= 2000
        ? { type: 'export-originals', after: m.after, limit: m.limit }
        : null,
  },
  'get-settings': { from: 'extension-page', parse: bare('get-settings') },
  'set-trusted-outlets': {
    from: 'extension-page',
    parse: (m) =>
      Array.isArray(m.domains) && m.domains.length <= 500 && m.domains.every((d) => isString(d, 253) && DOMAIN.test(d))
        ? { type: 'set-trusted-outlets', domains: (m.domains as string[]).map((d) => d.toLowerCase()) }
        : null,
  },
  'list-subscriptions': { from: 'extension-page', parse: bare('list-subscriptions') },
  subscribe: {
    from: 'extension-page',
    parse: (m) => {
      const hosts = m.articleHosts;
      const hostsOk =
        hosts === undefined ||
        (Array.isArray(hosts) &&
          hosts.length <= MAX_ARTICLE_HOSTS &&
          hosts.every((x) => isString(x, 253) && HOST.test(x)));
      if (!isString(m.url) || !isSchedule(m.everyHours) || !hostsOk || !isKeepDays(m.keepDays)) return null;
      return {
        type: 'subscribe',
        url: m.url,
        everyHours: m.everyHours,
        ...(hosts ? { articleHosts: (hosts as string[]).map((x) => x.toLowerCase()) } : {}),
        ...(m.keepDays ? { keepDays: m.keepDays as number } : {}),
      };
    },
  },
  'refresh-subscription': { from: 'extension-page', parse: urlMessage('refresh-subscription') },
  'set-subscription-schedule': {
    from: 'extension-page',
    parse: (m) =>
      isString(m.url) && isSchedule(m.everyHours) && isKeepDays(m.keepDays)
        ? {
            type: 'set-subscription-schedule',
            url: m.url,
            everyHours: m.everyHours,
            ...(m.keepDays ? { keepDays: m.keepDays as number } : {}),
          }
        : null,
  },
  unsubscribe: { from: 'extension-page', parse: urlMessage('unsubscribe') },
  'set-subscription-paused': {
    from: 'extension-page',
    parse: (m) =>
      isString(m.url) && typeof m.paused === 'boolean'
        ? { type: 'set-subscription-paused', url: m.url, paused: m.paused }
        : null,
  },
  'report-verdict': {
    from: 'extension-page',
    parse: (m) =>
      Number.isInteger(m.tabId) &&
      FEEDBACK_KINDS.has(m.kind as string) &&
      (m.note === undefined || isString(m.note, MAX_FEEDBACK_NOTE))
        ? {
            type: 'report-verdict',
            tabId: m.tabId as number,
            kind: m.kind as FeedbackKind,
            ...(m.note ? { note: m.note as string } : {}),
          }
        : null,
  },
  'list-feedback': { from: 'extension-page', parse: bare('list-feedback') },
  'delete-feedback': {
    from: 'extension-page',
    parse: (m) => (isCount(m.at) ? { type: 'delete-feedback', at: m.at } : null),
  },
};

const isMessageType = (type: unknown): type is MessageType => typeof type === 'string' && Object.hasOwn(MESSAGES, type);

/** Returns the message if it is well-formed, or null. Unknown fields are dropped. */
export function parseMessage(value: unknown): Message | null {
  if (!value || typeof value !== 'object') return null;
  const m = value as Fields;
  return isMessageType(m.type) ? MESSAGES[m.type].parse(m) : null;
}

/** True when `origin` may send messages of this type: a page cannot ask for the options page's data. */
export function mayBeSentFrom(message: Message, origin: Origin): boolean {
  return MESSAGES[message.type].from === origin;
}
