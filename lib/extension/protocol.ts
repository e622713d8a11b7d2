/**
 * The one message protocol between the extension's parts. Every message a content script
 * sends is untrusted (pages can be hostile): the background checks its shape and bounds with
 * `parseMessage` before using it, and takes the tab from the sender, never from the message.
 */
import { MAX_ARTICLE_CHARS, type ArticleInput } from '../engine/article';
import type { OriginalsPage, TabState } from '../store/idb-store';
import { toOriginalInput } from '../formats/import-jsonl';
import type { ImportProgress } from './import-worker';
import type { OriginalInput, OriginalRecord } from '../engine/original';
import { isFingerprint, type Fingerprint } from '../engine/fingerprint';

/** The article a content script found, cleaned and fingerprinted. */
export type ArticleMessage = ArticleInput & { url: string; fingerprint: Fingerprint };

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
    response: { trustedOutlets: string[]; disabledSites: string[] };
  };
  'set-trusted-outlets': { request: { type: 'set-trusted-outlets'; domains: string[] }; response: void };
}

/** Largest number of originals in one queue-import message. */
export const MAX_IMPORT_CHUNK = 1000;

export type MessageType = keyof ProtocolMap;
export type Message = ProtocolMap[MessageType]['request'];

const MAX_PARAGRAPHS = 20_000;
const MAX_FIELD = 2_000;
const MAX_AUTHORS = 50;

const isString = (v: unknown, max = MAX_FIELD): v is string => typeof v === 'string' && v.length <= max;
const isCount = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i;
const optionalString = (v: unknown) => v === undefined || isString(v);

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
    case 'list-originals':
      return typeof m.search === 'string' &&
        m.search.length <= 200 &&
        isCount(m.offset) &&
        isCount(m.limit) &&
        (m.limit as number) <= 200
        ? { type: 'list-originals', search: m.search, offset: m.offset as number, limit: m.limit as number }
        : null;
    case 'get-original':
    case 'delete-original':
      return isString(m.id, 500) ? { type: m.type, id: m.id } : null;
    case 'queue-import': {
      if (!Array.isArray(m.items) || m.items.length > MAX_IMPORT_CHUNK) return null;
      const items = m.items.map(toOriginalInput);
      return items.every((i): i is OriginalInput => typeof i !== 'string') ? { type: 'queue-import', items } : null;
    }
    case 'import-status':
    case 'cancel-import':
    case 'get-settings':
      return { type: m.type };
    case 'export-originals':
      return isString(m.after, 500) && isCount(m.limit) && (m.limit as number) <= 2000
        ? { type: 'export-originals', after: m.after, limit: m.limit as number }
        : null;
    case 'set-trusted-outlets':
      return Array.isArray(m.domains) &&
        m.domains.length <= 500 &&
        m.domains.every((d) => isString(d, 253) && DOMAIN.test(d))
        ? { type: 'set-trusted-outlets', domains: (m.domains as string[]).map((d) => d.toLowerCase()) }
        : null;
    default:
      return null;
  }
}
