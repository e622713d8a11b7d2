/** What Upstream knows of one language: one file per language beside this one, listed in index.ts. */
export interface LanguageProfile {
  /** ISO 639-1 code, as pages and originals give their language. */
  code: string;
  name: string;
  /** Frequent function words, few shared with other languages: the language guess counts them. */
  functionWords: string;
  /** Writes compounds as one word ("Bundesregierung"), which a lexicon lookup splits. */
  compounds?: boolean;
  /** Words too common to count as content when pages and originals are compared. */
  stopWords?: string;
  /** Abbreviations that end with a full stop without ending the sentence. */
  abbreviations?: string;
  /** A paragraph after which nothing belongs to the article any more (a repost's trailer). */
  trailers?: RegExp;
  /** A single boilerplate paragraph that can sit anywhere ("Advertisement"). */
  boilerplateLines?: RegExp;
  /**
   * Word endings (accents folded), longest taken first, for building its lexicon where Snowball
   * has no stemmer (`npm run lexicons`); the engine itself never stems with them.
   */
  inflections?: string;
}

/** The words of a space-separated list. */
export const wordsOf = (list: string | undefined): string[] => (list ? list.split(/\s+/).filter(Boolean) : []);
