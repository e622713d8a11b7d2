/**
 * Sorted runs of postings, the candidate index of the IndexedDB store (run-index.ts) in the manner
 * of a log-structured merge tree: every write adds a small run, and runs of the same level are
 * merged into one of the next level once there are RUNS_PER_LEVEL of them, so a store of n
 * originals has O(log n) runs. A run is stored as buckets of (key hash, ref) pairs, each a
 * sorted Uint32Array: one IndexedDB record carries hundreds of postings, where a multi-entry
 * index needs an entry for each, which is what made imports slow and the store large.
 *
 * A key's bucket is the top bits of its hash, so a bucket holds a range of hashes and runs can
 * be merged a slice of that range at a time, in small transactions that lookups pass between.
 *
 * A ref is the number the store gives an original when it writes it. Postings are never
 * rewritten in place: those of a replaced or deleted original lead nowhere (the store resolves
 * refs through its "indexRef" index) and are left out by the merges that follow.
 */
import { hash32 } from '../engine';

/** Runs of one level merged into one run of the next. */
export const RUNS_PER_LEVEL = 8;
/** About this many postings per bucket record: small enough to read a few per key, large enough to pack. */
export const POSTINGS_PER_BUCKET = 1024;
/** Runs smaller than this are level 0; each level above holds runs RUNS_PER_LEVEL times larger. */
const LEVEL_0_POSTINGS = POSTINGS_PER_BUCKET * RUNS_PER_LEVEL;

/** A run's level from its size, so a run merged from many small writes sits where its size says. */
export function levelOf(postings: number): number {
  let level = 0;
  for (let size = LEVEL_0_POSTINGS; postings >= size; size *= RUNS_PER_LEVEL) level++;
  return level;
}

/** What the store keeps of a run besides its buckets. */
export interface RunInfo {
  id: number;
  level: number;
  /** A power of two: a key lives in the bucket numbered by the top log2(buckets) bits of its hash. */
  buckets: number;
  postings: number;
  /**
   * Present while the run is being merged from `inputs`: buckets below `nextBucket` are done,
   * holding `written` postings; lookups skip the run until it is done. A merge of every run
   * forgets, when done, the dead refs listed up to `forgetDeathsUpTo`: it left out all their postings.
   */
  merging?: { inputs: number[]; nextBucket: number; written: number; forgetDeathsUpTo?: number };
}

/** The 32-bit number a fingerprint key is indexed under. */
export const keyHash = (key: string): number => hash32(key);

const bitsOf = (buckets: number) => 31 - Math.clz32(buckets);

export const bucketOf = (hash: number, buckets: number): number =>
  buckets === 1 ? 0 : hash >>> (32 - bitsOf(buckets));

/** The buckets of a run of `inputBuckets` that hold the hashes of buckets [low, high) of a run of `buckets`. */
export function inputBucketRange(low: number, high: number, buckets: number, inputBuckets: number): [number, number] {
  const shift = bitsOf(buckets) - bitsOf(inputBuckets);
  // An input may have more buckets than the merge (it was sized before its dead postings went).
  return shift >= 0 ? [low >>> shift, (high - 1) >>> shift] : [low << -shift, (high << -shift) - 1];
}

/** The smallest power of two that leaves about POSTINGS_PER_BUCKET postings per bucket. */
export function bucketCount(postings: number): number {
  let buckets = 1;
  while (buckets * POSTINGS_PER_BUCKET < postings) buckets *= 2;
  return buckets;
}

/** (hash, ref) pairs of originals, in no order: what a write adds to the index. */
export function pairsOf(originals: { ref: number; keys: readonly string[] }[]): Uint32Array {
  const pairs: number[] = [];
  for (const { ref, keys } of originals) for (const key of new Set(keys)) pairs.push(keyHash(key), ref);
  return Uint32Array.from(pairs);
}

/** One stable counting-sort pass over pairs by 16 bits of their hash. */
function sortPass(from: Uint32Array, to: Uint32Array, shift: number): void {
  const counts = new Uint32Array(65537);
  for (let i = 0; i < from.length; i += 2) counts[((from[i] >>> shift) & 0xffff) + 1]++;
  for (let d = 1; d <= 65536; d++) counts[d] += counts[d - 1];
  for (let i = 0; i < from.length; i += 2) {
    const at = 2 * counts[(from[i] >>> shift) & 0xffff]++;
    to[at] = from[i];
    to[at + 1] = from[i + 1];
  }
}

/**
 * Pairs sorted by hash: a radix sort in two stable passes, linear in the pairs, so merging a
 * million originals' postings stays fast. Pairs of one hash keep their order: runs are merged oldest first, so refs stay ascending.
 */
export function sortPairs(pairs: Uint32Array): Uint32Array {
  const scratch = new Uint32Array(pairs.length);
  const sorted = new Uint32Array(pairs.length);
  sortPass(pairs, scratch, 0);
  sortPass(scratch, sorted, 16);
  return sorted;
}

/** Sorted pairs split into the buckets of a run of `buckets`, empty buckets left out. */
export function splitIntoBuckets(sorted: Uint32Array, buckets: number): Map<number, Uint32Array> {
  const contents = new Map<number, Uint32Array>();
  let start = 0;
  // Buckets are ranges of hashes, so each is a stretch of the sorted pairs.
  while (start < sorted.length) {
    const bucket = bucketOf(sorted[start], buckets);
    let end = start + 2;
    while (end < sorted.length && bucketOf(sorted[end], buckets) === bucket) end += 2;
    contents.set(bucket, sorted.slice(start, end));
    start = end;
  }
  return contents;
}

/** A new run of the given pairs, in any order, as its buckets. */
export function buildRun(pairs: Uint32Array): {
  buckets: number;
  postings: number;
  contents: Map<number, Uint32Array>;
} {
  const postings = pairs.length / 2;
  const buckets = bucketCount(postings);
  return { buckets, postings, contents: splitIntoBuckets(sortPairs(pairs), buckets) };
}

/**
 * Buckets [low, high) of a run merged from `parts`, the input buckets that hold their hashes,
 * oldest run first: the pairs in range, but for those of `dead` refs (originals deleted or
 * changed since), sorted, split into the merged run's buckets.
 */
export function mergeSlice(
  parts: Uint32Array[],
  low: number,
  high: number,
  buckets: number,
  dead: ReadonlySet<number> = new Set(),
): Map<number, Uint32Array> {
  const inRange: number[] = [];
  for (const part of parts)
    for (let i = 0; i < part.length; i += 2) {
      const bucket = bucketOf(part[i], buckets);
      if (bucket >= low && bucket < high && !dead.has(part[i + 1])) inRange.push(part[i], part[i + 1]);
    }
  return splitIntoBuckets(sortPairs(Uint32Array.from(inRange)), buckets);
}

/** The first pair of a sorted bucket whose hash is at least `hash`. */
function firstAtLeast(bucket: Uint32Array, hash: number): number {
  let low = 0;
  let high = bucket.length / 2;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (bucket[2 * mid] < hash) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * How many refs a bucket has under `hash`, and the refs themselves when there are at most
 * `limit` (a common key's are never read).
 */
export function refsIn(bucket: Uint32Array, hash: number, limit: number): { refs: number[]; count: number } {
  const first = firstAtLeast(bucket, hash);
  const count = hash === 0xffffffff ? bucket.length / 2 - first : firstAtLeast(bucket, hash + 1) - first;
  const refs: number[] = [];
  if (count <= limit) for (let at = first; at < first + count; at++) refs.push(bucket[2 * at + 1]);
  return { refs, count };
}

/**
 * Runs to merge next: the runs of the lowest level that has RUNS_PER_LEVEL of them, or with
 * `all` (once an import is over) every run when there are several, or the one run when
 * originals died since (`withDead`): merging it drops their postings. For runs none of which
 * is being merged (the store finishes a merge under way before it starts another).
 */
export function runsToMerge(runs: readonly RunInfo[], all = false, withDead = false): RunInfo[] | undefined {
  if (all) return runs.length > 1 || (runs.length === 1 && withDead) ? [...runs] : undefined;
  const byLevel = new Map<number, RunInfo[]>();
  for (const run of runs) byLevel.set(run.level, [...(byLevel.get(run.level) ?? []), run]);
  const level = [...byLevel.keys()].sort((a, b) => a - b).find((l) => byLevel.get(l)!.length >= RUNS_PER_LEVEL);
  return level === undefined ? undefined : byLevel.get(level);
}
