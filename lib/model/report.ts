/**
 * The ProvenanceReport contract of docs/design.md, shared by the popup, the compare page and the CLI.
 */

export type Verdict =
  'original' | 'copy' | 'rewrite' | 'summary' | 'excerpt' | 'partial' | 'translation' | 'mixed' | 'none' | 'no-article';

/** What is known of an original article. */
export interface OriginalRef {
  id: string;
  title: string;
  publisher?: string;
  authors?: string[];
  published?: string;
  url?: string;
  language?: string;
  /** The title of the subscribed list this original came from ("known from: …"). */
  knownFrom?: string;
}

export type ChangeKind = 'number' | 'name' | 'quote';

/** A name, number or quote the page changed. */
export interface Change {
  kind: ChangeKind;
  original: string;
  page: string;
  /** A name only spelled differently (accents, case, a transliteration), not another name. */
  variant?: true;
}

/** A known copy of an original, found when the store was built. */
export interface KnownCopy {
  id: string;
  title: string;
  url?: string;
  publisher?: string;
  verdict: Verdict;
}

export interface Alteration {
  verbatim: number;
  reworded: number;
  added: number;
  coverage: number;
  removed: number;
  changes: Change[];
  /** Set when the original's text is not stored and the shares are estimated from its fingerprint. */
  estimated?: boolean;
}

export interface ProvenanceReport {
  verdict: Verdict;
  confidence: number;
  page: {
    url?: string;
    title?: string;
    language?: string;
    words: number;
    /**
     * Set when the page is in another language than English and Upstream has no bilingual lexicon
     * for it: a translation from it is found by numbers, names and cognates only, so may be missed.
     */
    noLexicon?: true;
  };
  original: OriginalRef | null;
  sources: { original: OriginalRef; share: number }[];
  alteration: Alteration | null;
  /** Other copies of the same original known to the store. */
  knownCopies?: KnownCopy[];
}

export type RowKind = 'verbatim' | 'reworded' | 'added' | 'removed';

/** A piece of a sentence: a word (with what follows it up to the next word) and whether it differs. */
export interface Segment {
  text: string;
  changed: boolean;
}

export interface CompareRow {
  kind: RowKind;
  moved: boolean;
  page?: Segment[];
  original?: Segment[];
  /** Indexes into the report's changes that occur in this row. */
  changes: number[];
}

export type WordLabel = 'verbatim' | 'reworded' | 'added';

/** How a reader says a verdict is wrong. */
export type FeedbackKind = 'wrong-original' | 'wrong-kind' | 'missed-original';

/** A reader's word that a verdict is wrong, kept on the device with what was shown. */
export interface VerdictFeedback {
  /** When it was said; also its key. */
  at: number;
  /** The page's address. */
  url: string;
  kind: FeedbackKind;
  note?: string;
  report: ProvenanceReport;
}
