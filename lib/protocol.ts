/**
 * The one message protocol between the extension's parts. Every message a content script
 * sends is untrusted (pages can be hostile): the background checks its shape and bounds with
 * `parseMessage` before using it, and takes the tab from the sender, never from the message.
 */
import { MAX_ARTICLE_CHARS } from './article';
import type { TabState } from './db';
import type { OriginalRecord } from './original';
import { MAX_KEYS, type Fingerprint } from './fingerprint';

/** The article a content script found, cleaned and fingerprinted. */
export interface ArticleMessage {
  url: string;
  title?: string;
  siteName?: string;
  authors?: string[];
  published?: string;
  language?: string;
  paragraphs: string[];
  fingerprint: Fingerprint;
}

/** Message types and their replies. */
export interface ProtocolMap {
  /** Content script -> background: the page's article. Reply: nothing. */
  'article-found': { request: { type: 'article-found'; article: ArticleMessage }; response: void };
  /** Content script -> background: the page has no article. */
  'no-article': { request: { type: 'no-article'; url: string }; response: void };
  /** Content script -> background: may this page be analysed (the person can switch sites off)? */
  'is-site-enabled': { request: { type: 'is-site-enabled' }; response: boolean };
  /** Popup or compare page -> background: what is known of a tab. */
  'get-tab-state': { request: { type: 'get-tab-state'; tabId: number }; response: TabState | null };
  /** Compare page -> background: the tab's state with the page text, and the original. */
  'get-comparison': {
    request: { type: 'get-comparison'; tabId: number };
    response: { state: TabState; original: OriginalRecord | null } | null;
  };
  /** Popup -> background: switch analysis on or off for a site. */
  'set-site-enabled': { request: { type: 'set-site-enabled'; host: string; enabled: boolean }; response: void };
}

export type MessageType = keyof ProtocolMap;
export type Message = ProtocolMap[MessageType]['request'];
export type ResponseOf<T extends MessageType> = ProtocolMap[T]['response'];

const MAX_PARAGRAPHS = 20_000;
const MAX_FIELD = 2_000;
const MAX_AUTHORS = 50;

const isString = (v: unknown, max = MAX_FIELD): v is string => typeof v === 'string' && v.length <= max;
const optionalString = (v: unknown) => v === undefined || isString(v);

function isFingerprint(v: unknown): v is Fingerprint {
  if (!v || typeof v !== 'object') return false;
  const f = v as Record<string, unknown>;
  return (
    isString(f.simhash) &&
    /^[0-9a-f]{16}$/.test(f.simhash) &&
    typeof f.words === 'number' &&
    Number.isFinite(f.words) &&
    f.words >= 0 &&
    Array.isArray(f.keys) &&
    f.keys.length <= MAX_KEYS &&
    f.keys.every((k) => isString(k, 200))
  );
}

function isArticle(v: unknown): v is ArticleMessage {
  if (!v || typeof v !== 'object') return false;
  const a = v as Record<string, unknown>;
  if (!isString(a.url) || !/^https?:/i.test(a.url)) return false;
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
  return total <= MAX_ARTICLE_CHARS && isFingerprint(a.fingerprint);
}

/** Returns the message if it is well-formed, or null. Unknown fields are dropped. */
export function parseMessage(value: unknown): Message | null {
  if (!value || typeof value !== 'object') return null;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'article-found':
      if (!isArticle(m.article)) return null;
      return { type: 'article-found', article: m.article };
    case 'no-article':
      return isString(m.url) ? { type: 'no-article', url: m.url } : null;
    case 'is-site-enabled':
      return { type: 'is-site-enabled' };
    case 'get-tab-state':
    case 'get-comparison':
      return Number.isInteger(m.tabId) ? { type: m.type, tabId: m.tabId as number } : null;
    case 'set-site-enabled':
      return isString(m.host, 253) && /^[a-z0-9.-]+(:\d+)?$/i.test(m.host) && typeof m.enabled === 'boolean'
        ? { type: 'set-site-enabled', host: m.host.toLowerCase(), enabled: m.enabled }
        : null;
    default:
      return null;
  }
}
