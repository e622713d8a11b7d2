/**
 * News feeds as sources of originals: RSS 2.0 (and RSS 1.0 / RDF) and Atom 1.0 through
 * @rowanmanning/feed-parser (no DOM needed, so it runs in a service worker; chosen by
 * measurement, see the README), JSON Feed 1.0 / 1.1 read here (it is JSON). The format is told
 * from the content, never from the address. Everything a feed says is untrusted text: titles
 * and content are reduced to plain text, links kept only when they are http(s).
 */
import { parseFeed as parseXmlFeed } from '@rowanmanning/feed-parser';
import { MAX_ARTICLE_CHARS } from '../engine';
import type { Feed, FeedItem } from '../model';
import { paragraphsOfHtml, plainTextOfHtml } from './html-text';
import { problem, ProblemError } from './problem-error';

/** Most items read from one feed: feeds list their latest few dozen. */
export const MAX_FEED_ITEMS = 300;
/** Largest feed read (bytes). */
export const MAX_FEED_BYTES = 20 * 1024 * 1024;
const MAX_TITLE = 500;
const MAX_KEY = 500;
const MAX_AUTHORS = 20;
const MAX_AUTHOR = 200;

/** Why a feed cannot be read, in words for the person. */
export class FeedError extends ProblemError {}

/** An http(s) address for `raw` read against `base`, or undefined. */
function absoluteLink(raw: unknown, base: string): string | undefined {
  if (typeof raw !== 'string' || !raw.trim() || raw.length > 2000) return undefined;
  try {
    const url = new URL(raw.trim(), base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function isoDate(raw: unknown): string | undefined {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? undefined : raw.toISOString();
  if (typeof raw !== 'string' || raw.length > 100) return undefined;
  const time = Date.parse(raw);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

const authorNames = (names: unknown[]): string[] | undefined => {
  const list = names
    .filter((n): n is string => typeof n === 'string')
    .map((n) => plainTextOfHtml(n, MAX_AUTHOR))
    .filter(Boolean)
    .slice(0, MAX_AUTHORS);
  return list.length ? [...new Set(list)] : undefined;
};

/** An item, or null when it has neither a title nor text nor a link. */
function itemOf(
  fields: {
    id?: unknown;
    link?: unknown;
    title?: unknown;
    html?: unknown;
    text?: unknown;
    authors: unknown[];
    date?: unknown;
  },
  base: string,
): FeedItem | null {
  const link = absoluteLink(fields.link, base);
  const paragraphs =
    typeof fields.html === 'string' && fields.html.trim()
      ? paragraphsOfHtml(fields.html, MAX_ARTICLE_CHARS)
      : typeof fields.text === 'string'
        ? fields.text
            .split(/\n\s*\n/)
            .map((p) => p.replace(/\s+/g, ' ').trim())
            .filter(Boolean)
        : [];
  const title = typeof fields.title === 'string' ? plainTextOfHtml(fields.title, MAX_TITLE) : '';
  const id = typeof fields.id === 'number' ? String(fields.id) : typeof fields.id === 'string' ? fields.id.trim() : '';
  const key = (id || link || title).slice(0, MAX_KEY);
  if (!key || (!title && !paragraphs.length && !link)) return null;
  const item: FeedItem = { key, title: title || (paragraphs[0] ?? '').slice(0, 120), paragraphs };
  if (link) item.link = link;
  const authors = authorNames(fields.authors);
  if (authors) item.authors = authors;
  const published = isoDate(fields.date);
  if (published) item.published = published;
  return item;
}

/** The items, each key once (a feed that repeats an id keeps its first item), at most MAX_FEED_ITEMS. */
function distinct(items: (FeedItem | null)[]): FeedItem[] {
  const seen = new Set<string>();
  const out: FeedItem[] = [];
  for (const item of items) {
    if (!item || seen.has(item.key)) continue;
    seen.add(item.key);
    out.push(item);
    if (out.length >= MAX_FEED_ITEMS) break;
  }
  return out;
}

function jsonFeed(text: string, url: string): Feed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new FeedError(problem('feedJsonDamaged'));
  }
  const feed = value as Record<string, unknown>;
  if (
    !feed ||
    typeof feed !== 'object' ||
    typeof feed.version !== 'string' ||
    !feed.version.startsWith('https://jsonfeed.org/version/')
  )
    throw new FeedError(problem('feedJsonNotFeed'));
  if (!Array.isArray(feed.items)) throw new FeedError(problem('feedJsonNoItems'));
  const base = absoluteLink(feed.home_page_url, url) ?? url;
  const nameOf = (a: unknown) => (a && typeof a === 'object' ? (a as { name?: unknown }).name : undefined);
  const feedAuthors = Array.isArray(feed.authors) ? feed.authors.map(nameOf) : [nameOf(feed.author)];
  const items = (feed.items as unknown[]).slice(0, MAX_FEED_ITEMS * 2).map((raw) => {
    if (!raw || typeof raw !== 'object') return null;
    const i = raw as Record<string, unknown>;
    const authors = Array.isArray(i.authors) ? i.authors.map(nameOf) : i.author ? [nameOf(i.author)] : feedAuthors;
    return itemOf(
      {
        id: i.id,
        link: i.url ?? i.external_url,
        title: i.title,
        html: i.content_html,
        text: i.content_text ?? i.summary,
        authors,
        date: i.date_published ?? i.date_modified,
      },
      base,
    );
  });
  const title = typeof feed.title === 'string' ? plainTextOfHtml(feed.title, MAX_TITLE) : '';
  return { format: 'json', title: title || new URL(url).host, items: distinct(items) };
}

function xmlFeed(text: string, url: string): Feed {
  let feed: ReturnType<typeof parseXmlFeed>;
  try {
    feed = parseXmlFeed(text);
  } catch {
    throw new FeedError(problem('feedXmlUnknown'));
  }
  const base = absoluteLink(feed.url, url) ?? url;
  const items = feed.items.slice(0, MAX_FEED_ITEMS * 2).map((i) => {
    // A summary is the item's text only where there is no content.
    const content = i.content ?? i.description;
    return itemOf(
      {
        id: i.id,
        link: i.url,
        title: i.title,
        html: content,
        authors: i.authors.map((a) => a.name),
        date: i.published ?? i.updated,
      },
      base,
    );
  });
  const title = feed.title ? plainTextOfHtml(feed.title, MAX_TITLE) : '';
  const format = /<feed[\s>]/.test(text.slice(0, 4000)) ? 'atom' : 'rss';
  return { format, title: title || new URL(url).host, items: distinct(items) };
}

/**
 * Reads a feed served at `url` (relative links are read against it). Throws FeedError saying
 * what is wrong when the text is not a feed.
 */
export function readFeed(text: string, url: string): Feed {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{')) return jsonFeed(start, url);
  if (start.startsWith('<')) return xmlFeed(start, url);
  throw new FeedError(problem('feedUnknown'));
}
