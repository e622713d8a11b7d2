/**
 * A page word's possible English stems, from a bilingual lexicon, as a bilingual reader would
 * guess them: the lexicon is keyed by Snowball stems, and a word's stem is the longest key that
 * begins it (stems are prefixes of their forms), so no stemmer has to ship. German compounds
 * the lexicon lacks are split into two words it has ("Bundesregierung" = Bund + Regierung).
 */
import type { Lexicon } from '../model';

/** Most letters a stem may have dropped from its word (Spanish "-aciones" is 7). */
export const MAX_SUFFIX = 7;
/** Shortest stem looked up: shorter prefixes belong to too many words. */
export const MIN_STEM = 3;
/** Shortest part of a split compound. */
export const MIN_COMPOUND_PART = 4;

const NONE: readonly string[] = [];

/** Translations of the longest lexicon stem that begins `word`, within MAX_SUFFIX letters of it. */
function byStem(lexicon: Lexicon, word: string): readonly string[] | undefined {
  for (let length = word.length; length >= Math.max(MIN_STEM, word.length - MAX_SUFFIX); length--) {
    const found = lexicon.entries.get(word.slice(0, length));
    if (found) return found;
  }
  return undefined;
}

/** The two parts of a compound, head first, each a word of the lexicon. */
function byCompound(lexicon: Lexicon, word: string): readonly string[] | undefined {
  for (let split = word.length - MIN_COMPOUND_PART; split >= MIN_COMPOUND_PART; split--) {
    const tail = byStem(lexicon, word.slice(split));
    if (!tail) continue;
    // The head's stem may leave a linking "s", "es" or "n" before the tail, like an inflection.
    const head = byStem(lexicon, word.slice(0, split));
    if (head) return [...head, ...tail];
  }
  return undefined;
}

/**
 * English stems a foreign word (its comparison form: lower case, no accents) may translate to;
 * empty when the lexicon has nothing for it.
 */
export function englishStemsOf(lexicon: Lexicon, word: string, splitCompounds: boolean): readonly string[] {
  const folded = word.replace(/ß/g, 'ss');
  return byStem(lexicon, folded) ?? (splitCompounds ? byCompound(lexicon, folded) : undefined) ?? NONE;
}
