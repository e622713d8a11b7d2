/**
 * The verdict policy: when an aligned original counts as reused at all, and what the page is
 * to it (original, copy, rewrite, summary, excerpt, partial, mixed, translation). The thresholds live
 * here, beside the one function that decides; `analyse.ts` is the pipeline that calls them.
 */
import { sameAddress } from './address';
import type { Alignment, SentencePair } from './align';
import { quotesOf } from './anchors';
import { MIN_PAIR_SIMILARITY, type CrossAlignment } from './cross-align';
import type { Change, OriginalRecord, TextModel, Verdict } from '../model';

/** Fewest page words that must align with an original before it is named as the source. */
export const MIN_ALIGNED_WORDS = 25;
/** Least share of the page or of the original that must align for reuse to be reported. */
export const MIN_REUSE_SHARE = 0.15;
/** Coverage below which a faithful copy of part of an original is an excerpt. */
export const EXCERPT_COVERAGE = 0.6;
/** A translation needs this many sentence pairs in the original's order... */
export const MIN_TRANSLATION_PAIRS = 3;
/**
 * ...and this much evidence: each pair counts by how far its similarity rises above the least a
 * pair needs (MIN_PAIR_SIMILARITY), so a few close pairs weigh as much as many chance ones.
 * Measured on PUD (npm run eval): translations give 1.2 or more, chance pairings at most 0.2.
 */
export const MIN_TRANSLATION_EVIDENCE = 0.5;
/** Share of the page an original must account for to be what the page mostly is (copy, rewrite, excerpt). */
export const MOSTLY_SHARE = 0.5;
/** A passage of consecutive sentences this long, lifted closely, is reuse however small a share of the page. */
export const MIN_LIFTED_WORDS = 40;
/** Least similarity of each sentence of a lifted passage (copied or lightly reworded). */
export const LIFT_SIMILARITY = 0.6;
/** A passage copied near word for word is reuse from this many words, the least any verdict needs. */
export const VERBATIM_LIFT_SIMILARITY = 0.9;
/** Share of the page a second original must account for to make the page "mixed". */
export const MIXED_SHARE = 0.15;
/**
 * A reworded page that says what it carries of an original in at most this share of the words
 * condenses it: a summary, not a rewrite (which says it all again in about as many words).
 */
export const CONDENSED_SHARE = 0.6;
/** A summary pairs at least this many of its sentences with runs of the original. */
export const MIN_SUMMARY_PAIRS = 3;

/** An original aligned with the page. */
export interface Verified {
  record: OriginalRecord;
  model: TextModel;
  alignment: Alignment;
  aligned: number;
}

/**
 * The page is the stored original's own publication: the browser (or the person) gives the
 * address the store records for the original, the page is mostly its text, and no name,
 * number or quote was changed. What a page claims about its own address counts for nothing.
 */
function isTheOriginal(address: string | undefined, best: Verified, changes: Change[]): boolean {
  return sameAddress(address, best.record.url) && isMostlyTheOriginal(best) && changes.length === 0;
}

/** The original accounts for at least half of the page's words. */
export const isMostlyTheOriginal = (v: Verified) => v.aligned / Math.max(1, v.alignment.pageWords) >= MOSTLY_SHARE;

/** Words of the original from the first to the last sentence the page's pairs draw on. */
function spannedWords(v: Verified): number {
  const { pairs } = v.alignment;
  if (!pairs.length) return 0;
  const first = Math.min(...pairs.map((p) => p.original));
  const last = Math.max(...pairs.map((p) => p.through ?? p.original));
  let words = 0;
  for (let o = first; o <= last; o++) words += v.model.sentences[o].tokens.length;
  return words;
}

/** The page says what it draws on of the original in far fewer words than the original took. */
const condenses = (v: Verified) => v.aligned <= CONDENSED_SHARE * spannedWords(v);

/** A page short enough beside an original to be worth aligning as its summary. */
export const mayBeSummary = (page: TextModel, original: TextModel) => page.words <= CONDENSED_SHARE * original.words;

/**
 * An alignment with runs from `alignSummary` that makes the page a summary: at least
 * MIN_SUMMARY_PAIRS sentences condense runs of the original in its order, most of the page is
 * aligned, in its own words, and in far fewer words than the original spent.
 */
export function isSummary(v: Verified): boolean {
  const { pairs, rewordedWords, verbatimWords } = v.alignment;
  return (
    pairs.filter((p) => p.through !== undefined).length >= MIN_SUMMARY_PAIRS &&
    isMostlyTheOriginal(v) &&
    rewordedWords > verbatimWords &&
    condenses(v)
  );
}

/** What the page is to the original that best accounts for it (in this order: see docs/design.md). */
export function decideVerdict(best: Verified, mixed: boolean, address: string | undefined, changes: Change[]): Verdict {
  const { verbatimWords, rewordedWords, carriedWords, originalWords } = best.alignment;
  if (isTheOriginal(address, best, changes)) return 'original';
  if (mixed) return 'mixed';
  if (!isMostlyTheOriginal(best)) return 'partial';
  if (rewordedWords > verbatimWords) return condenses(best) ? 'summary' : 'rewrite';
  return carriedWords / Math.max(1, originalWords) < EXCERPT_COVERAGE ? 'excerpt' : 'copy';
}

/**
 * Words of the longest passage the page lifted: consecutive page sentences aligned, each
 * closely, to consecutive sentences of the original. Topical likeness gives isolated pairs,
 * not runs in the same order.
 */
function liftedPassageWords(alignment: Alignment, page: TextModel, similarity = LIFT_SIMILARITY): number {
  let best = 0;
  let run = 0;
  let previous: SentencePair | undefined;
  for (const pair of alignment.pairs) {
    const close = pair.similarity >= similarity;
    const continues = close && previous && pair.page === previous.page + 1 && pair.original === previous.original + 1;
    const words = page.sentences[pair.page].tokens.length;
    run = continues ? run + words : close ? words : 0;
    if (continues) best = Math.max(best, run);
    previous = close ? pair : undefined;
  }
  return best;
}

/** Share of a sentence's characters inside quotation marks. */
function quotedShare(text: string): number {
  const quoted = quotesOf([text]).reduce((n, quote) => n + quote.text.length, 0);
  return quoted / Math.max(1, text.length);
}

/**
 * A single sentence of MIN_LIFTED_WORDS or more copied near word for word, that is not mostly a
 * quotation: two articles may quote the same statement, but not write the same long sentence.
 */
function liftsALongSentence(alignment: Alignment, page: TextModel): boolean {
  return alignment.pairs.some((pair) => {
    const sentence = page.sentences[pair.page];
    return (
      pair.similarity >= VERBATIM_LIFT_SIMILARITY &&
      sentence.tokens.length >= MIN_LIFTED_WORDS &&
      quotedShare(sentence.text) < MOSTLY_SHARE
    );
  });
}

/** A passage of 2+ consecutive sentences lifted closely (40+ words), or near word for word (25+). */
function liftsAPassage(alignment: Alignment, page: TextModel): boolean {
  return (
    liftedPassageWords(alignment, page) >= MIN_LIFTED_WORDS ||
    liftedPassageWords(alignment, page, VERBATIM_LIFT_SIMILARITY) >= MIN_ALIGNED_WORDS
  );
}

export function isReuse(v: Verified, page: TextModel): boolean {
  if (v.aligned < MIN_ALIGNED_WORDS) return false;
  // A long sentence copied word for word is reuse on its own: no list of likenesses gives one.
  if (liftsALongSentence(v.alignment, page)) return true;
  // Otherwise at least two different sentences of the original: many page sentences that all
  // resemble one sentence of it (a list on the same subject) are topical likeness, not reuse.
  if (new Set(v.alignment.pairs.map((p) => p.original)).size < 2) return false;
  const coverage = v.alignment.carriedWords / Math.max(1, v.alignment.originalWords);
  return (
    v.aligned / Math.max(1, page.words) >= MIN_REUSE_SHARE ||
    coverage >= MIN_REUSE_SHARE ||
    liftsAPassage(v.alignment, page)
  );
}

export const translationEvidence = (cross: CrossAlignment) =>
  cross.pairs.reduce((sum, pair) => sum + pair.similarity - MIN_PAIR_SIMILARITY, 0);

/**
 * A page translates (part of) an original: enough sentence pairs in order, close enough
 * together, accounting for a share of the page or of the original that reuse needs anyway.
 */
export function isTranslation(cross: CrossAlignment): boolean {
  const share = cross.alignedWords / Math.max(1, cross.pageWords);
  const coverage = cross.carriedWords / Math.max(1, cross.originalWords);
  return (
    cross.pairs.length >= MIN_TRANSLATION_PAIRS &&
    translationEvidence(cross) >= MIN_TRANSLATION_EVIDENCE &&
    Math.max(share, coverage) >= MIN_REUSE_SHARE
  );
}

/** Least share of a page's sentence keys an original must carry when only its fingerprint is stored. */
export const FINGERPRINT_ONLY_CONTAINMENT = 0.5;
