/** Originals as the store keeps them and as import files give them. Types only. */
import type { Fingerprint } from './article';
import type { KnownCopy, OriginalRef } from './report';

/** Where an original came from: the seed pack, a file the person imported, a trusted outlet, or a subscribed list. */
export type OriginOfRecord = 'seed' | 'import' | 'learned' | 'subscription';

/** An original in the store. `paragraphs` may be absent for fingerprint-only imports. */
export interface OriginalRecord extends OriginalRef {
  paragraphs?: string[];
  contributors?: string[];
  fingerprint: Fingerprint;
  origin: OriginOfRecord;
  knownCopies?: KnownCopy[];
  /** The number the IndexedDB store's candidate index knows this original by (lib/store/run-index.ts). */
  indexRef?: number;
  /** The words the IndexedDB store's search index finds this original by (lib/store/search-words.ts). */
  searchWords?: string[];
}

/** One line of the `.jsonl` import format of docs/design.md. */
export interface OriginalInput {
  id?: string;
  title: string;
  text: string;
  publisher?: string;
  authors?: string[];
  published?: string;
  url?: string;
  language?: string;
  /** For an original without text: its fingerprint, as exported. */
  fingerprint?: Fingerprint;
}

/** An item of a news feed (RSS, Atom, JSON Feed), as read from the feed: untrusted text, nothing more. */
export interface FeedItem {
  /** What identifies the item in its feed: its guid or id, else its link, else its title. */
  key: string;
  /** The article's address (http or https, made absolute). */
  link?: string;
  title: string;
  authors?: string[];
  /** ISO date, when the feed gives one that can be read. */
  published?: string;
  /** The text the feed carries for the item: the whole article, or only a summary. */
  paragraphs: string[];
}

/** A feed as read: its own title and its items, newest first as feeds list them. */
export interface Feed {
  format: 'rss' | 'atom' | 'json';
  title: string;
  items: FeedItem[];
}
