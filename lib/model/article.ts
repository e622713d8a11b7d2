/** Articles as they travel between the layers: given, prepared, fingerprinted. Types only. */

/** A word of the text with its position, its surface form and its comparison forms. */
export interface Token {
  /** As written on the page (for showing changes). */
  surface: string;
  /** Lower-cased, accents and apostrophe variants folded: the form compared for equality. */
  norm: string;
  /** Truncation stem of `norm`, tolerant of inflection ("shelling" ~ "shelled"). */
  stem: string;
  /** True for words that carry meaning (not a stop word, not punctuation-like). */
  content: boolean;
  /** Offset of the word in the string it came from. */
  start: number;
}

/** One sentence of an article. */
export interface Sentence {
  text: string;
  tokens: Token[];
  /** Index of the paragraph the sentence belongs to. */
  paragraph: number;
}

/** An article's text, split for matching. */
export interface TextModel {
  sentences: Sentence[];
  /** Word count of the whole text (tokens of all sentences). */
  words: number;
}

/** Serialisable fingerprint of an article. */
export interface Fingerprint {
  keys: string[];
  words: number;
  /** FINGERPRINT_VERSION of the keys, written on export; absent in the store and in messages (current). */
  version?: number;
}

/**
 * What the keys are for: a page queries with all of its keys; an original is indexed under
 * a winnowed few, which any page sharing three sentences or its main names with it still finds.
 */
export type KeyPurpose = 'query' | 'index';

export interface Attribution {
  authors?: string[];
  contributors?: string[];
  publisher?: string;
  /** Year (or date) from the copyright line. */
  published?: string;
}

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

/** A feed a page declares (`<link rel="alternate" type="application/rss+xml">`): the page's claim, offered to the person. */
export interface FeedLink {
  url: string;
  title: string;
  type: 'rss' | 'atom' | 'json';
}

/** An article ready for matching. */
export interface PreparedArticle {
  meta: Omit<ArticleInput, 'paragraphs'> & Attribution;
  paragraphs: string[];
  model: TextModel;
  fingerprint: Fingerprint;
}
