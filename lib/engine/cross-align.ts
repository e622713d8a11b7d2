/**
 * Alignment across languages, for translations, as a bilingual reader pairs sentences: a page
 * sentence and an original sentence correspond when many of the page's words can translate
 * to words of the original sentence (a bilingual lexicon), and when they share what survives
 * any translation — numbers (thousands separators folded: 1,597 = 1.597 = 1 597), names
 * written alike (cognates) or reduced to a transliteration-tolerant consonant skeleton
 * (Kharkiv, Járkov and Charkiw all give "hrkv"). Only pairs in the original's order are kept:
 * a translation keeps the order of its sentences, while coverage of the same events repeats
 * names in any order.
 */
import { numbersOf, skeletonAt } from './anchors';
import { isNumber } from './normalize';
import { longestOrderedRun } from './ordered-run';
import { splitsCompounds } from './languages';
import { englishStemsOf } from './translate';
import type { LexiconSource, Sentence, TextModel } from '../model';

/** English stems a page word (its comparison form) may translate to; none without a lexicon. */
export type Translate = (word: string) => readonly string[];

/** Fewest page items (words, numbers, names) that must find their counterpart for a pair. */
export const MIN_PAIR_MATCHES = 3;
/** Least share of both sentences' items that correspond for a pair (see `pairSimilarity`). */
export const MIN_PAIR_SIMILARITY = 0.3;

/**
 * A sentence as comparable items. On the original's side, a set: its content stems, numbers
 * ("#1597") and name skeletons ("@hrkv"). On the page's side, per word the items it may stand
 * for (its translations, its own stem as a cognate, its skeleton if a name), per number itself.
 */
type PageSentence = (readonly string[])[];

/**
 * A name's skeleton as an item, with c, k and q as one letter: spellings of one place differ
 * there across languages (Ucrania, Ukraine; Irak, Iraq).
 */
function nameItem(tokens: Sentence['tokens'], index: number): string[] {
  const skeleton = skeletonAt(tokens, index);
  return skeleton ? [`@${skeleton.replace(/[ckq]/g, 'k')}`] : [];
}

const numberItems = (sentence: Sentence) => numbersOf(sentence.text).map((n) => `#${n}`);

/** Each content word (numbers apart) with its index in the sentence. */
const contentWords = (sentence: Sentence) =>
  sentence.tokens.flatMap((token, index) => (token.content && !isNumber(token.norm) ? [{ token, index }] : []));

function originalItems(sentence: Sentence): Set<string> {
  const items = new Set(numberItems(sentence));
  for (const { token, index } of contentWords(sentence)) {
    items.add(token.stem);
    for (const name of nameItem(sentence.tokens, index)) items.add(name);
  }
  return items;
}

function pageSentence(sentence: Sentence, translate: Translate): PageSentence {
  const alternatives: PageSentence = numberItems(sentence).map((n) => [n]);
  for (const { token, index } of contentWords(sentence)) {
    alternatives.push([token.stem, ...translate(token.norm), ...nameItem(sentence.tokens, index)]);
  }
  return alternatives;
}

/**
 * How much of two sentences corresponds: page items that find a counterpart plus original items
 * found, over all items of both (1 when every word of each has its counterpart in the other).
 */
function pairSimilarity(page: PageSentence, original: Set<string>): { similarity: number; matches: number } {
  let matches = 0;
  const found = new Set<string>();
  for (const items of page) {
    let hit = false;
    for (const item of items) {
      if (original.has(item)) {
        hit = true;
        found.add(item);
      }
    }
    if (hit) matches++;
  }
  const total = page.length + original.size;
  return { similarity: total ? (matches + found.size) / total : 0, matches };
}

export interface CrossPair {
  page: number;
  original: number;
  similarity: number;
}

export interface CrossAlignment {
  pairs: CrossPair[];
  /** Page words in aligned sentences. */
  alignedWords: number;
  pageWords: number;
  /** Original words in aligned sentences. */
  carriedWords: number;
  originalWords: number;
}

export const NO_TRANSLATION: Translate = () => [];

/** Aligns a page with an original in another language. */
export function alignAcrossLanguages(
  page: TextModel,
  original: TextModel,
  translate: Translate = NO_TRANSLATION,
): CrossAlignment {
  const originalSets = original.sentences.map(originalItems);
  // Only original sentences sharing an item with a page sentence are compared with it.
  const sentencesOf = new Map<string, number[]>();
  originalSets.forEach((set, o) => {
    for (const item of set) {
      const list = sentencesOf.get(item) ?? [];
      list.push(o);
      sentencesOf.set(item, list);
    }
  });

  const candidates: CrossPair[] = [];
  page.sentences.forEach((sentence, p) => {
    const translated = pageSentence(sentence, translate);
    const compared = new Set<number>();
    for (const items of translated)
      for (const item of items) for (const o of sentencesOf.get(item) ?? []) compared.add(o);
    let best: CrossPair | undefined;
    for (const o of compared) {
      const { similarity, matches } = pairSimilarity(translated, originalSets[o]);
      if (matches >= MIN_PAIR_MATCHES && similarity >= MIN_PAIR_SIMILARITY && similarity > (best?.similarity ?? 0)) {
        best = { page: p, original: o, similarity };
      }
    }
    if (best) candidates.push(best);
  });

  // Keep the longest run of pairs in the original's order.
  const pairs = longestOrderedRun(
    candidates.map((c) => c.original),
    true,
  ).map((i) => candidates[i]);

  const words = (model: TextModel, indexes: Iterable<number>) =>
    [...new Set(indexes)].reduce((sum, i) => sum + model.sentences[i].tokens.length, 0);
  return {
    pairs,
    alignedWords: words(
      page,
      pairs.map((p) => p.page),
    ),
    pageWords: page.words,
    carriedWords: words(
      original,
      pairs.map((p) => p.original),
    ),
    originalWords: original.words,
  };
}

/** The page's and the original's roles swapped, for an English page of a foreign original. */
function swapped(a: CrossAlignment): CrossAlignment {
  return {
    pairs: a.pairs.map((p) => ({ page: p.original, original: p.page, similarity: p.similarity })),
    alignedWords: a.carriedWords,
    pageWords: a.originalWords,
    carriedWords: a.alignedWords,
    originalWords: a.pageWords,
  };
}

/** A language's word translator into English, from its lexicon; none without one. */
export async function translatorOf(language: string, lexicons: LexiconSource | undefined): Promise<Translate> {
  // A lexicon that cannot be read leaves numbers, names and cognates: the analysis goes on without it.
  const lexicon = await lexicons?.(language).catch(() => undefined);
  if (!lexicon) return NO_TRANSLATION;
  const compounds = splitsCompounds(language);
  return (word) => englishStemsOf(lexicon, word, compounds);
}

/**
 * Aligns a page and an original written in different languages. Lexicons translate into
 * English, so the side that is not English is translated; between two other languages only
 * numbers, names and cognates pair sentences.
 */
export async function alignTranslation(
  page: { model: TextModel; language: string },
  original: { model: TextModel; language: string },
  lexicons: LexiconSource | undefined,
): Promise<CrossAlignment> {
  if (page.language === 'en' && original.language !== 'en') {
    return swapped(alignAcrossLanguages(original.model, page.model, await translatorOf(original.language, lexicons)));
  }
  const translate = original.language === 'en' ? await translatorOf(page.language, lexicons) : NO_TRANSLATION;
  return alignAcrossLanguages(page.model, original.model, translate);
}
