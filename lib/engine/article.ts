/**
 * Articles as the engine receives them (from a page, a file or the store), and the one
 * preparation step they all go through: cleaning, attribution, sentence model, fingerprint.
 */
import { extractAttribution } from './attribution';
import { cleanParagraphs, cleanTitle, MAX_PARAGRAPH_CHARS } from './clean';
import { fingerprintSteps } from './fingerprint';
import { runToEnd } from './steps';
import { textModelSteps } from './text-model';
import type { ArticleInput, KeyPurpose, PreparedArticle } from '../model';

/** Longest article text handled, in characters: beyond this, the rest of a page is ignored. */
export const MAX_ARTICLE_CHARS = 400_000;
/** Articles shorter than this (in words, after cleaning) are not treated as articles. */
export const MIN_ARTICLE_WORDS = 30;

function* pieces(paragraph: string): Generator<string> {
  let rest = paragraph;
  while (rest.length > MAX_PARAGRAPH_CHARS) {
    const space = rest.lastIndexOf(' ', MAX_PARAGRAPH_CHARS);
    const cut = space > MAX_PARAGRAPH_CHARS / 2 ? space : MAX_PARAGRAPH_CHARS;
    yield rest.slice(0, cut);
    rest = rest.slice(cut).trimStart();
  }
  if (rest) yield rest;
}

/** Caps the paragraphs of an article to `maxChars` in total, each to MAX_PARAGRAPH_CHARS. */
export function capParagraphs(paragraphs: string[], maxChars = MAX_ARTICLE_CHARS): string[] {
  const capped: string[] = [];
  let total = 0;
  const add = (piece: string) => {
    if (total + piece.length > maxChars) return false;
    capped.push(piece);
    total += piece.length;
    return true;
  };
  for (const paragraph of paragraphs) {
    // Most paragraphs need no cutting: no generator for them (this runs in every page).
    if (paragraph.length <= MAX_PARAGRAPH_CHARS) {
      if (paragraph && !add(paragraph)) return capped;
      continue;
    }
    for (const piece of pieces(paragraph)) if (!add(piece)) return capped;
  }
  return capped;
}

/**
 * Cleans an article and computes what matching needs, in small steps (see steps.ts).
 * Metadata given by the source wins over text evidence.
 */
export function* prepareArticleSteps(
  input: ArticleInput,
  maxChars = MAX_ARTICLE_CHARS,
  purpose: KeyPurpose = 'query',
): Generator<void, PreparedArticle> {
  const title = input.title ? cleanTitle(input.title) : undefined;
  const cleaned = cleanParagraphs(capParagraphs(input.paragraphs, maxChars), title);
  const { attribution, paragraphs } = extractAttribution(cleaned);
  yield;
  const model = yield* textModelSteps(paragraphs);
  const meta = {
    ...attribution,
    ...Object.fromEntries(Object.entries(input).filter(([k, v]) => k !== 'paragraphs' && v !== undefined && v !== '')),
    title,
  };
  if (!meta.authors?.length) meta.authors = attribution.authors;
  return { meta, paragraphs, model, fingerprint: yield* fingerprintSteps(model, purpose) };
}

/** Cleans an article and computes what matching needs. */
export function prepareArticle(input: ArticleInput, purpose: KeyPurpose = 'query'): PreparedArticle {
  return runToEnd(prepareArticleSteps(input, MAX_ARTICLE_CHARS, purpose));
}

/** Splits plain text into paragraphs at line breaks. */
export function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
}
