/**
 * Article extraction from a DOM document with Mozilla Readability, plus the page's own
 * metadata (OpenGraph, meta author and dates, canonical link, JSON-LD NewsArticle). It works
 * on any DOM: the page's in the content script, linkedom's in Node.
 */
import { Readability } from '@mozilla/readability';
import type { ArticleInput } from './article';

/** Pages with more elements than this are not parsed (Readability's own guard). */
export const MAX_ELEMENTS = 100_000;

const BLOCKS = 'p, li, blockquote, h2, h3, h4, h5, h6, pre, figcaption, td';

function meta(doc: Document, ...names: string[]): string | undefined {
  for (const name of names) {
    const el = doc.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
    const value = el?.getAttribute('content')?.trim();
    if (value) return value;
  }
  return undefined;
}

interface JsonLdArticle {
  headline?: string;
  author?: unknown;
  datePublished?: string;
  publisher?: { name?: string } | string;
  url?: string;
  inLanguage?: string;
}

function namesOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list
    .map((a) => (typeof a === 'string' ? a : typeof a === 'object' && a && 'name' in a ? String(a.name) : ''))
    .map((name) => name.trim())
    .filter(Boolean);
}

/** The first NewsArticle-like object in the page's JSON-LD, if any. Malformed JSON is ignored. */
export function jsonLdArticle(doc: Document): JsonLdArticle | undefined {
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    while (queue.length) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === 'object') {
        const type = (item as { '@type'?: unknown })['@type'];
        const types = Array.isArray(type) ? type : [type];
        if (types.some((t) => typeof t === 'string' && /Article|Posting|Report/.test(t))) return item as JsonLdArticle;
        if ('@graph' in item) queue.push((item as { '@graph': unknown })['@graph']);
      }
    }
  }
  return undefined;
}

/** The text blocks of Readability's content element, in order, without empty ones. */
function paragraphsOf(content: Element): string[] {
  const blocks = Array.from(content.querySelectorAll(BLOCKS)).filter((el) => !el.querySelector(BLOCKS));
  const texts = (blocks.length ? blocks : [content]).map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim());
  return texts.filter(Boolean);
}

/**
 * Extracts the article of a document, or null when the page has none. The document is
 * cloned first: Readability changes the DOM it is given.
 */
export function extractArticle(doc: Document, url?: string): ArticleInput | null {
  if (doc.getElementsByTagName('*').length > MAX_ELEMENTS) return null;
  const clone = doc.cloneNode(true) as Document;
  const parsed = new Readability(clone, { serializer: (el: Node) => el, charThreshold: 300 }).parse();
  const content = parsed?.content as unknown as Element | undefined;
  if (!parsed || !content) return null;
  const ld = jsonLdArticle(doc);
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
  const publisher = typeof ld?.publisher === 'string' ? ld.publisher : ld?.publisher?.name;
  const ldAuthors = namesOf(ld?.author);
  const metaAuthor = meta(doc, 'author', 'article:author');
  const authors = ldAuthors.length ? ldAuthors : metaAuthor && !/^https?:/.test(metaAuthor) ? [metaAuthor] : undefined;
  const resolved = (href: string | undefined) => {
    if (!href) return undefined;
    try {
      return new URL(href, url).href;
    } catch {
      return undefined;
    }
  };
  const article: ArticleInput = {
    url: resolved(canonical ?? ld?.url ?? meta(doc, 'og:url')) ?? url,
    title: ld?.headline ?? meta(doc, 'og:title') ?? parsed.title ?? undefined,
    siteName: publisher ?? meta(doc, 'og:site_name') ?? parsed.siteName ?? undefined,
    authors,
    published:
      ld?.datePublished ?? meta(doc, 'article:published_time', 'datePublished') ?? parsed.publishedTime ?? undefined,
    language: ld?.inLanguage ?? doc.documentElement.getAttribute('lang') ?? parsed.lang ?? undefined,
    paragraphs: paragraphsOf(content),
  };
  return Object.fromEntries(
    Object.entries(article).filter(([, v]) => v !== undefined && v !== ''),
  ) as unknown as ArticleInput;
}
