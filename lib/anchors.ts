/**
 * Anchors: the parts of a text that survive rewording — numbers, multi-word names and quoted
 * words. They feed the candidate index and the list of changed names, numbers and quotes.
 */
import { foldText, isNumber, tokenize, type Token } from './normalize';
import type { Sentence } from './text-model';

/** A number worth indexing: 3+ digits, or with a separator or decimals ("1,597", "2.5", "498"). */
export function isAnchorNumber(token: Token): boolean {
  return isNumber(token.norm) && (token.norm.replace(/\D/g, '').length >= 3 || /[.]/.test(token.norm));
}

/** True for a word written with a capital that is not just the first word of its sentence. */
export function isNameToken(tokens: Token[], index: number): boolean {
  const token = tokens[index];
  if (!/^\p{Lu}/u.test(token.surface) || !token.content) return false;
  if (index > 0) return true;
  // A sentence-initial capital counts only when the next word is capitalised too ("Kryvyi Rih").
  const next = tokens[index + 1];
  return next !== undefined && /^\p{Lu}/u.test(next.surface) && next.content;
}

/** Multi-word names ("Kryvyi Rih", "Jean-Yves Le Drian"), as normalised strings. */
export function namesOf(sentence: Sentence): string[] {
  const names: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length >= 2) names.push(run.join(' '));
    run = [];
  };
  sentence.tokens.forEach((token, i) => {
    if (isNameToken(sentence.tokens, i)) run.push(token.norm);
    else flush();
  });
  flush();
  return names;
}

/** A quotation in a text, with its words. */
export interface Quote {
  text: string;
  tokens: Token[];
}

const QUOTED = /[“"«„]([^“”"«»„]{8,600})[”"»]/g;

/** Quotations of at least three words, in order of appearance. */
export function quotesOf(paragraphs: string[]): Quote[] {
  const quotes: Quote[] = [];
  for (const paragraph of paragraphs) {
    for (const match of paragraph.matchAll(QUOTED)) {
      const text = match[1].trim();
      const tokens = tokenize(text);
      if (tokens.length >= 3) quotes.push({ text, tokens });
    }
  }
  return quotes;
}

/** Index keys of a quote: its first four content words, order kept, so a cut quote still matches. */
export function quoteKey(quote: Quote): string | undefined {
  const content = quote.tokens.filter((t) => t.content).map((t) => t.stem);
  return content.length >= 3 ? `q${content.slice(0, 4).join(' ')}` : undefined;
}

export { foldText };
