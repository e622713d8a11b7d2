/**
 * The languages Upstream reads, a profile each. To add a language, write its profile beside
 * these (see profile.ts) and list it here: the language guess, the stop words, the sentence
 * rules and the cleaning of reposts all read from this table.
 */
import { czech } from './cs';
import { german } from './de';
import { english } from './en';
import { spanish } from './es';
import { french } from './fr';
import { italian } from './it';
import { dutch } from './nl';
import { polish } from './pl';
import { wordsOf, type LanguageProfile } from './profile';
import { portuguese } from './pt';
import { russian } from './ru';
import { ukrainian } from './uk';

export type { LanguageProfile } from './profile';

export const LANGUAGES: readonly LanguageProfile[] = [
  english,
  spanish,
  french,
  german,
  italian,
  portuguese,
  russian,
  czech,
  polish,
  dutch,
  ukrainian,
];

/** The profile of a language, by its code. */
export const profileOf = (code: string): LanguageProfile | undefined => LANGUAGES.find((l) => l.code === code);

/**
 * Words that never count as content, in any text. Comparisons are made without knowing a
 * text's language for sure, so every profile's stop words apply everywhere.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(LANGUAGES.flatMap((l) => wordsOf(l.stopWords)));

/** Abbreviations of every profile: a full stop after one does not end a sentence. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set(LANGUAGES.flatMap((l) => wordsOf(l.abbreviations)));

/** Each language's function words, for the language guess. */
export const FUNCTION_WORDS: ReadonlyMap<string, string[]> = new Map(
  LANGUAGES.map((l) => [l.code, wordsOf(l.functionWords)]),
);

/** Every profile's repost trailers (see LanguageProfile.trailers). */
export const TRAILERS: readonly RegExp[] = LANGUAGES.flatMap((l) => l.trailers ?? []);

/** Every profile's boilerplate lines. */
export const BOILERPLATE_LINES: readonly RegExp[] = LANGUAGES.flatMap((l) => l.boilerplateLines ?? []);

/** True for languages that write compounds as one word. */
export const splitsCompounds = (code: string): boolean => LANGUAGES.some((l) => l.code === code && l.compounds);
