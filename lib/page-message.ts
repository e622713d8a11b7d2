/**
 * From a page's DOM to the message the content script sends, and from that message back to
 * what the engine analyses. Kept together so both sides agree on what travels.
 */
import { MIN_ARTICLE_WORDS, prepareArticle, type PreparedArticle } from './article';
import { extractArticle } from './extract';
import type { ArticleMessage } from './protocol';
import { buildTextModel } from './text-model';

/** The article message for a page, or null when the page has no article. */
export function articleMessageOf(doc: Document, url: string): ArticleMessage | null {
  const article = extractArticle(doc, url);
  if (!article) return null;
  const prepared = prepareArticle(article);
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
  return Object.fromEntries(Object.entries(message).filter(([, v]) => v !== undefined)) as unknown as ArticleMessage;
}

/** The prepared article for a (validated) article message. Paragraphs arrive already cleaned. */
export function articleFromMessage(message: ArticleMessage): PreparedArticle {
  const { paragraphs, fingerprint, ...meta } = message;
  return { meta, paragraphs, model: buildTextModel(paragraphs), fingerprint };
}
