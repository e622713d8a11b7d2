/**
 * From a page's DOM to the message the content script sends, and from that message back to
 * what the engine analyses. Kept together so both sides agree on what travels.
 */
import { MIN_ARTICLE_WORDS, prepareArticleSteps, runSliced, definedOnly, buildTextModel } from '../engine';
import { extractArticle, mayHaveArticle } from '../formats';
import type { ArticleMessage } from './protocol';
import type { PreparedArticle } from '../model';

/** Most article text a content script prepares; the rest of a longer page is left out. */
export const MAX_PAGE_ARTICLE_CHARS = 150_000;

/**
 * The article message for a page, or null when the page has no article. Preparation runs in
 * slices with `pause` between them (the content script gives the page its main thread back).
 */
export async function articleMessageOf(
  doc: Document,
  url: string,
  pause: () => Promise<void> = () => Promise.resolve(),
): Promise<ArticleMessage | null> {
  if (!mayHaveArticle(doc)) return null;
  const article = extractArticle(doc, url);
  if (!article) return null;
  await pause();
  const prepared = await runSliced(prepareArticleSteps(article, MAX_PAGE_ARTICLE_CHARS), pause);
  if (prepared.model.words < MIN_ARTICLE_WORDS) return null;
  const { title, siteName, authors, published, language } = prepared.meta;
  const message: ArticleMessage = {
    url: prepared.meta.url ?? url,
    title,
    siteName,
    authors,
    published,
    language,
    paragraphs: prepared.paragraphs,
    fingerprint: prepared.fingerprint,
  };
  return definedOnly(message);
}

/**
 * The prepared article for a (validated) article message, at the address the browser gives
 * for its tab: the address the page claims is not evidence. Paragraphs arrive already cleaned.
 */
export function articleFromMessage(message: ArticleMessage, browserUrl: string): PreparedArticle {
  const { paragraphs, fingerprint, ...meta } = message;
  return { meta: { ...meta, url: browserUrl }, paragraphs, model: buildTextModel(paragraphs), fingerprint };
}
