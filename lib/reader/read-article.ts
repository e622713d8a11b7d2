/**
 * A page's article from its DOM: the text (read where it is when the page leaves no doubt, else
 * by Readability on a copy) and the page's own metadata. It works on any DOM: the page's in the
 * content script, an offscreen document's for a page's HTML or a feed item, linkedom's in Node.
 */
import { clearArticle } from './clear-article';
import { pageMetadata } from './metadata';
import { readableFromHtml, readWithReadability, type ReadabilityRead } from './readability';
import type { ArticleInput } from '../model';

/** Longest page HTML handed to the off-page reader; a longer page is read where it is, quickly and bounded. */
export const MAX_PAGE_HTML_CHARS = 4_000_000;

function articleOf(doc: Document, url: string | undefined, read: ReadabilityRead): ArticleInput | null {
  if (read.paragraphs.length === 0) return null;
  const article: ArticleInput = { ...pageMetadata(doc, url, read), paragraphs: read.paragraphs };
  return Object.fromEntries(
    Object.entries(article).filter(([, v]) => v !== undefined && v !== ''),
  ) as unknown as ArticleInput;
}

/** Extracts the article of a document, or null when the page has none. */
export function extractArticle(doc: Document, url?: string): ArticleInput | null {
  if (!doc.documentElement || !doc.body) return null;
  const clear = clearArticle(doc);
  return articleOf(doc, url, clear ? { paragraphs: clear } : readWithReadability(doc));
}

/** What a live page gives: its article, read where it is, or its HTML, for Readability to read elsewhere. */
export type PageRead = { article: ArticleInput } | { html: string };

/**
 * What the content script reads of a page, at little cost to the page's main thread: the
 * article where the page leaves no doubt about it (clear-article.ts), else the page's HTML,
 * which the background has Readability read off the page (copying a page and scoring it cost
 * pages a tenth of a second at the 95th percentile). A page whose article may sit in shadow
 * roots or frames, which its HTML does not carry, or too big for Readability, is read here as
 * before. Null when the page has no article.
 */
export function readPage(doc: Document, url?: string): PageRead | null {
  if (!doc.documentElement || !doc.body) return null;
  const clear = clearArticle(doc);
  if (!clear && readableFromHtml(doc)) {
    // Read, never written: the page is serialised for the off-page reader, which parses it inert (DOMParser).
    // eslint-disable-next-line no-restricted-properties
    const html = `<!DOCTYPE html>${doc.documentElement.outerHTML}`;
    if (html.length <= MAX_PAGE_HTML_CHARS) return { html };
  }
  const article = articleOf(doc, url, clear ? { paragraphs: clear } : readWithReadability(doc));
  return article ? { article } : null;
}
