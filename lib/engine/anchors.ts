/**
 * Anchors: the parts of a text that survive rewording — numbers, names and quoted words.
 * Numbers and name skeletons feed the candidate index; all three, the list of changed names,
 * numbers and quotes.
 */
import { tokenize } from './normalize';
import type { Sentence, Token } from '../model';

// Cyrillic letters as English news writes them (Зеленский, Zelensky), Ukrainian ones included.
const CYRILLIC: Record<string, string> = Object.fromEntries(
  (
    'а:a б:b в:v г:g д:d е:e ё:e ж:zh з:z и:i й:i к:k л:l м:m н:n о:o п:p р:r с:s т:t у:u ф:f х:kh ц:ts ' +
    'ч:ch ш:sh щ:shch ъ: ы:y ь: э:e ю:yu я:ya і:i ї:i є:e ґ:g'
  )
    .split(' ')
    .map((pair) => pair.split(':')),
);

/** Consonant skeleton of a name, the same across common transliterations. */
export function nameSkeleton(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[\u0400-\u04ff]/g, (letter) => CYRILLIC[letter] ?? '')
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      // A final j is a vowel (Selenskyj); elsewhere j, h, kh, ch, zh, sch and tsch are all "h".
      .replace(/j$/, 'i')
      .replace(/tsch|sch|kh|ch|zh|j|h/g, 'h')
      .replace(/w/g, 'v')
      .replace(/z/g, 's')
      .replace(/[^a-z]/g, '')
      .replace(/[aeiouy]/g, '')
      .replace(/(.)\1+/g, '$1')
  );
}

const NUMBER = /\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+(?![\d])|\d+(?:[.,]\d+)?/g;

/** Numbers of a text, thousands separators folded, small ones (likely dates or counts in prose) kept too. */
export function numbersOf(text: string): string[] {
  return [...text.matchAll(NUMBER)].map((m) =>
    /^\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+$/.test(m[0]) ? m[0].replace(/\D/g, '') : m[0].replace(',', '.'),
  );
}

/** A number worth indexing: 3+ digits, or decimals ("1597", "2.5", "498"), as `numbersOf` gives them. */
export function isAnchorNumber(number: string): boolean {
  return number.replace(/\D/g, '').length >= 3 || number.includes('.');
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

/** What of a sentence survives rewording and translation: its numbers and its names' skeletons. */
export function anchorsOfSentence(sentence: Sentence): { numbers: string[]; skeletons: string[] } {
  const skeletons = sentence.tokens.flatMap((_, i) => skeletonAt(sentence.tokens, i) ?? []);
  return { numbers: numbersOf(sentence.text), skeletons };
}

/** The skeleton of the word at `index` when it is a name, and long enough to tell names apart. */
export function skeletonAt(tokens: Token[], index: number): string | undefined {
  const skeleton = isNameToken(tokens, index) ? nameSkeleton(tokens[index].norm) : '';
  return skeleton.length >= 3 ? skeleton : undefined;
}
