/**
 * From a page's DOM to the message the content script sends, and from that message back to
 * what the engine analyses. Kept together so both sides agree on what travels.
 */
import { capParagraphs, definedOnly, MIN_ARTICLE_WORDS, prepareArticleSteps, runSliced } from '../engine';
import { extractArticle, mayHaveArticle } from '../formats';
import type { ArticleMessage } from './protocol';
import type { PreparedArticle } from '../model';

/** Most article text a content script sends; the rest of a longer page is left out. */
export const MAX_PAGE_ARTICLE_CHARS = 150_000;

/**
 * The article message for a page, or null when the page has none: the article as read from the
 * DOM, at most MAX_PAGE_ARTICLE_CHARS of it. Cleaning and fingerprinting happen in the
 * background, off the page's main thread.
 */
export function articleMessageOf(doc: Document, url: string): ArticleMessage | null {
  if (!mayHaveArticle(doc)) return null;
  const article = extractArticle(doc, url);
  if (!article) return null;
  return definedOnly({
    ...article,
    url: article.url ?? url,
    paragraphs: capParagraphs(article.paragraphs, MAX_PAGE_ARTICLE_CHARS),
  });
}

/**
 * The prepared article for a (validated) article message, at the address the browser gives
 * for its tab: the address the page claims is not evidence. Prepared in slices with `pause`
 * between them, so the background keeps answering other messages; null when there is too
 * little text for an article.
 */
export async function articleFromMessage(
  message: ArticleMessage,
  browserUrl: string,
  pause: () => Promise<void>,
): Promise<PreparedArticle | null> {
  const prepared = await runSliced(prepareArticleSteps({ ...message, url: browserUrl }, MAX_PAGE_ARTICLE_CHARS), pause);
  return prepared.model.words < MIN_ARTICLE_WORDS ? null : prepared;
}
