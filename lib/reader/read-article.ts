/**
 * A page's article from its DOM: the text (read where it is when the page leaves no doubt, else
 * by Readability on a copy) and the page's own metadata. It works on any DOM: the page's in the
 * content script, an offscreen document's for a feed item, linkedom's in Node.
 */
import { clearArticle } from './clear-article';
import { pageMetadata } from './metadata';
import { readWithReadability, type ReadabilityRead } from './readability';
import type { ArticleInput } from '../model';

/** Extracts the article of a document, or null when the page has none. */
export function extractArticle(doc: Document, url?: string): ArticleInput | null {
  if (!doc.documentElement || !doc.body) return null;
  const clear = clearArticle(doc);
  const read: ReadabilityRead = clear ? { paragraphs: clear } : readWithReadability(doc);
  if (read.paragraphs.length === 0) return null;
  const article: ArticleInput = { ...pageMetadata(doc, url, read), paragraphs: read.paragraphs };
  return Object.fromEntries(
    Object.entries(article).filter(([, v]) => v !== undefined && v !== ''),
  ) as unknown as ArticleInput;
}
