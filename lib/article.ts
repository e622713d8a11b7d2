/**
 * Articles as the engine receives them (from a page, a file or the store), and the one
 * preparation step they all go through: cleaning, attribution, sentence model, fingerprint.
 */
import { extractAttribution, type Attribution } from './attribution';
import { cleanParagraphs, cleanTitle } from './clean';
import { fingerprint, type Fingerprint } from './fingerprint';
import { buildTextModel, type TextModel } from './text-model';

/** Longest article text handled, in characters: beyond this, the rest of a page is ignored. */
export const MAX_ARTICLE_CHARS = 400_000;
/** Articles shorter than this (in words, after cleaning) are not treated as articles. */
export const MIN_ARTICLE_WORDS = 60;

/** An article with whatever metadata its source gives. */
export interface ArticleInput {
  url?: string;
  title?: string;
  siteName?: string;
  authors?: string[];
  published?: string;
  language?: string;
  paragraphs: string[];
}

/** An article ready for matching. */
export interface PreparedArticle {
  meta: Omit<ArticleInput, 'paragraphs'> & Attribution;
  paragraphs: string[];
  model: TextModel;
  fingerprint: Fingerprint;
}

/** Caps the paragraphs of an article to MAX_ARTICLE_CHARS in total. */
export function capParagraphs(paragraphs: string[]): string[] {
  const capped: string[] = [];
  let total = 0;
  for (const paragraph of paragraphs) {
    if (total + paragraph.length > MAX_ARTICLE_CHARS) break;
    capped.push(paragraph);
    total += paragraph.length;
  }
  return capped;
}

/** Cleans an article and computes what matching needs. Metadata given by the source wins over text evidence. */
export function prepareArticle(input: ArticleInput): PreparedArticle {
  const title = input.title ? cleanTitle(input.title) : undefined;
  const cleaned = cleanParagraphs(capParagraphs(input.paragraphs), title);
  const { attribution, paragraphs } = extractAttribution(cleaned);
  const model = buildTextModel(paragraphs);
  const meta = {
    ...attribution,
    ...Object.fromEntries(Object.entries(input).filter(([k, v]) => k !== 'paragraphs' && v !== undefined && v !== '')),
    title,
  };
  if (!meta.authors?.length) meta.authors = attribution.authors;
  return { meta, paragraphs, model, fingerprint: fingerprint(paragraphs, model) };
}

/** Splits plain text into paragraphs at line breaks. */
export function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
}
