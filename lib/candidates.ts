/**
 * Candidate lookup: which stored originals share enough rare fingerprint keys with a page to
 * be worth verifying. Keys found in very many originals are ignored, as passim ignores n-grams
 * shared by too many series: they are topical, not evidence of copying.
 */
import type { Fingerprint } from './fingerprint';

/** Where candidates come from: the IndexedDB store in the extension, a Map in Node. */
export interface CandidateIndex {
  /** Number of originals indexed. */
  count(): Promise<number>;
  /**
   * For each key, the ids of originals carrying it, at most `limit` of them (keys absent from
   * the index may be left out). The cap keeps a lookup's work the same in a large store.
   */
  postings(keys: string[], limit: number): Promise<Map<string, string[]>>;
}

/** Keys carried by more originals than this are ignored. */
export const MAX_POSTING = 200;
/** How many candidates go on to verification. */
export const CANDIDATES = 5;

/** A candidate original with its lookup score. */
export interface Candidate {
  id: string;
  score: number;
}

// SimHash bands only say "near-identical" when several of them agree, so each weighs less.
const channelWeight = (key: string) => (key[0] === 'h' ? 0.5 : key[0] === 'c' ? 1 : 1.5);

/** Ranks originals by the inverse-frequency weight of the keys they share with the page. */
export async function findCandidates(
  fingerprint: Fingerprint,
  index: CandidateIndex,
  limit = CANDIDATES,
): Promise<Candidate[]> {
  const total = await index.count();
  if (total === 0) return [];
  // One id more than the most a key may have tells which keys are too common to count.
  const postings = await index.postings(fingerprint.keys, MAX_POSTING + 1);
  const scores = new Map<string, number>();
  for (const [key, ids] of postings) {
    if (ids.length === 0 || ids.length > MAX_POSTING) continue;
    const weight = channelWeight(key) * Math.log(1 + total / ids.length);
    for (const id of ids) scores.set(id, (scores.get(id) ?? 0) + weight);
  }
  return [...scores]
    .map(([id, score]) => ({ id, score }))
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, limit);
}
