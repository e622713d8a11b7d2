/** A bilingual lexicon: what the words of one language can translate to in English. */
export interface Lexicon {
  /** ISO 639-1 code of the foreign language. */
  language: string;
  /** Foreign stem (lower case, no accents) -> the engine's stems of its English translations. */
  entries: ReadonlyMap<string, readonly string[]>;
}

/** Gives the lexicon of a language, loaded on first use; undefined when there is none. */
export type LexiconSource = (language: string) => Promise<Lexicon | undefined>;
