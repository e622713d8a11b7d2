/**
 * A whole document's article: the text (read where it is when the page leaves no doubt, else by
 * Readability on a copy) and the page's own metadata. It works on any DOM: an offscreen
 * document's for a page's HTML or a feed item, linkedom's in Node.
 */
import { clearArticle } from './clear-article';
import { readWithReadability } from './readability';
import { articleOf } from './read-page';
import type { ArticleInput } from '../model';

/** Extracts the article of a document, or null when the page has none. */
export function extractArticle(doc: Document, url?: string): ArticleInput | null {
  if (!doc.documentElement || !doc.body) return null;
  const clear = clearArticle(doc);
  return articleOf(doc, url, clear ? { paragraphs: clear } : readWithReadability(doc));
}
