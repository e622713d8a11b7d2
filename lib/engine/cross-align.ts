/**
 * Alignment across languages, for translations: sentences are compared by what survives
 * translation — numbers (thousands separators folded: 1,597 = 1.597 = 1 597) and names
 * reduced to a transliteration-tolerant consonant skeleton (Kharkiv, Járkov and Charkiw all
 * give "hrkv"). Only pairs in the original's order are kept: a translation keeps the order of
 * its sentences, while coverage of the same events repeats names in any order.
 */
import { anchorsOfSentence } from './anchors';
import { longestOrderedRun } from './ordered-run';
import type { TextModel } from '../model';

/** Fewest shared anchors for a pair of sentences. */
export const MIN_SHARED_ANCHORS = 2;
/** Least weighted overlap of anchors for a pair of sentences. */
export const MIN_ANCHOR_SIMILARITY = 0.4;

/** The anchors of each sentence: numbers and name skeletons. */
export function sentenceAnchors(model: TextModel): Set<string>[] {
  return model.sentences.map((sentence) => {
    const { numbers, skeletons } = anchorsOfSentence(sentence);
    return new Set([...numbers.map((n) => `#${n}`), ...skeletons.map((k) => `@${k}`)]);
  });
}

export interface CrossAlignment {
  pairs: { page: number; original: number; similarity: number }[];
  /** Page words in aligned sentences. */
  alignedWords: number;
  pageWords: number;
  /** Original words in aligned sentences. */
  carriedWords: number;
  originalWords: number;
}

/** Aligns a page with an original in another language. */
export function alignAcrossLanguages(page: TextModel, original: TextModel): CrossAlignment {
  const pageAnchors = sentenceAnchors(page);
  const originalAnchors = sentenceAnchors(original);
  // Anchors found in many of the original's sentences ("Russia", "Ukraine") weigh little.
  const frequency = new Map<string, number>();
  for (const set of originalAnchors) for (const a of set) frequency.set(a, (frequency.get(a) ?? 0) + 1);
  const weight = (a: string) =>
    Math.log(1 + originalAnchors.length / (frequency.get(a) ?? 1)) * (a[0] === '#' ? 1.5 : 1);

  // Only anchors both texts use are compared: a German page capitalises every noun, and
  // anything either text has alone says nothing about the pairing.
  const inPage = new Set(pageAnchors.flatMap((set) => [...set]));
  const common = (set: Set<string>, other: Set<string>) => new Set([...set].filter((a) => other.has(a)));
  const known = originalAnchors.map((set) => common(set, inPage));

  const candidates: { page: number; original: number; similarity: number }[] = [];
  pageAnchors.forEach((all, p) => {
    const anchors = new Set([...all].filter((a) => frequency.has(a)));
    if (anchors.size < MIN_SHARED_ANCHORS) return;
    let best = { page: p, original: -1, similarity: 0 };
    known.forEach((other, o) => {
      let shared = 0;
      let sharedWeight = 0;
      let total = 0;
      for (const a of anchors) {
        total += weight(a);
        if (other.has(a)) {
          shared++;
          sharedWeight += 2 * weight(a);
        }
      }
      for (const a of other) total += weight(a);
      const similarity = total ? sharedWeight / total : 0;
      if (shared >= MIN_SHARED_ANCHORS && similarity > best.similarity) best = { page: p, original: o, similarity };
    });
    if (best.similarity >= MIN_ANCHOR_SIMILARITY) candidates.push(best);
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
