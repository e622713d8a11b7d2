/**
 * Text normalisation shared by every matching step: one folding of Unicode, one tokeniser,
 * one notion of "content word", so the page and the original are always compared alike.
 */
import type { Token } from '../model';
import { STOP_WORDS } from './languages';

// Chinese and Japanese are written without spaces: each ideograph or kana counts as a word.
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}';
const LETTER = `(?:(?![${CJK}])[\\p{L}\\p{M}\\p{N}])`;
const WORD = new RegExp(`[${CJK}]|${LETTER}+(?:['’.,\\-–]${LETTER}+)*`, 'gu');
const IS_CJK = new RegExp(`^[${CJK}]$`, 'u');
const STEM_LENGTH = 5;

/** Folds typographic variants (curly quotes, dashes, ligatures, odd spaces) to plain forms. */
export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u00A0\u2000-\u200B\u202F\u205F\u3000]/g, ' ');
}

/** Lower-case letters and digits only: for comparing headlines and lines regardless of spacing and punctuation. */
export function compactText(text: string): string {
  return foldText(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The comparison form of a word: lower case, no accents, no possessive, no thousands separators. */
export function normalizeWord(word: string): string {
  let w = foldText(word)
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '');
  if (/^\d[\d,]*(\.\d+)?$/.test(w)) return w.replace(/,/g, '');
  w = w.replace(/'s$/, '').replace(/'/g, '');
  return w;
}

/** True for words that are numbers ("1,597", "2.5", "16"). */
export function isNumber(word: string): boolean {
  return /^\d[\d,.]*$/.test(word);
}

/**
 * The text without the characters of `chars` at its end. A loop, not a pattern such as
 * /[.,]+$/, which tries every start of a long run of them and so takes time in its square.
 */
export function withoutTrailing(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1])) end--;
  return text.slice(0, end);
}

/** Splits text into tokens with comparison forms. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const surface = withoutTrailing(match[0], '.,');
    const norm = normalizeWord(surface);
    if (!norm) continue;
    const content = !STOP_WORDS.has(norm) && (norm.length > 1 || isNumber(norm) || IS_CJK.test(norm));
    tokens.push({ surface, norm, stem: norm.slice(0, STEM_LENGTH), content, start: match.index ?? 0 });
  }
  return tokens;
}

/** Number of words in a text, as the report counts them. */
export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** 32-bit FNV-1a hash of a string: small, fast and stable across runs and platforms. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
