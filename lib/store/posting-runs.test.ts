import { describe, expect, it } from 'vitest';
import {
  bucketOf,
  buildRun,
  inputBucketRange,
  keyHash,
  levelOf,
  mergeSlice,
  pairsOf,
  POSTINGS_PER_BUCKET,
  refsIn,
  RUNS_PER_LEVEL,
  runsToMerge,
  type RunInfo,
} from './posting-runs';

/** Every ref under `key` in a built run, through the bucket the key hashes to. */
function lookup(run: ReturnType<typeof buildRun>, key: string, limit = Infinity) {
  const hash = keyHash(key);
  const bucket = run.contents.get(bucketOf(hash, run.buckets));
  return bucket ? refsIn(bucket, hash, limit) : { refs: [], count: 0 };
}

describe('posting runs', () => {
  it('finds every original under each of its keys, and nothing under other keys', () => {
    const originals = Array.from({ length: 3000 }, (_, ref) => ({
      ref: ref + 1,
      keys: [`c${ref}`, `c${ref + 1}`, `n${ref % 7}`],
    }));
    const run = buildRun(pairsOf(originals));
    expect(run.postings).toBe(9000);
    expect(run.buckets).toBeGreaterThanOrEqual(9000 / POSTINGS_PER_BUCKET);
    expect(lookup(run, 'c500').refs).toEqual([500, 501]);
    expect(lookup(run, 'c0').refs).toEqual([1]);
    expect(lookup(run, 'n3').count).toBe(429); // 3, 10, …, 2999
    expect(lookup(run, 'c-unknown').count).toBe(0);
  });

  it('counts the postings of a common key without reading them', () => {
    const run = buildRun(pairsOf(Array.from({ length: 500 }, (_, i) => ({ ref: i + 1, keys: ['sbdn'] }))));
    expect(lookup(run, 'sbdn', 200)).toEqual({ count: 500, refs: [] });
    expect(lookup(run, 'sbdn', 500).refs.slice(0, 3)).toEqual([1, 2, 3]);
  });

  it('keeps refs in write order when runs are merged', () => {
    const older = pairsOf([{ ref: 7, keys: ['cA', 'cB'] }]);
    const newer = pairsOf([{ ref: 3, keys: ['cA'] }]);
    const merged = new Uint32Array([...older, ...newer]);
    expect(lookup(buildRun(merged), 'cA').refs).toEqual([7, 3]);
  });

  it('merges runs a slice of buckets at a time into what one whole build gives', () => {
    const older = pairsOf(Array.from({ length: 2000 }, (_, i) => ({ ref: i + 1, keys: [`c${i}`, `n${i % 50}`] })));
    const newer = pairsOf(Array.from({ length: 1000 }, (_, i) => ({ ref: 3000 + i, keys: [`c${i}`, `s${i}`] })));
    const whole = buildRun(new Uint32Array([...older, ...newer]));
    const inputs = [buildRun(older), buildRun(newer)];
    expect(inputs[1].buckets).toBeLessThan(whole.buckets);
    const merged = new Map<number, Uint32Array>();
    for (let low = 0; low < whole.buckets; low += 3) {
      const high = Math.min(whole.buckets, low + 3);
      // Only the input buckets that hold the slice's hashes are read, as the store does.
      const parts = inputs.flatMap((input) => {
        const [first, last] = inputBucketRange(low, high, whole.buckets, input.buckets);
        return [...input.contents].filter(([b]) => b >= first && b <= last).map(([, content]) => content);
      });
      for (const [bucket, content] of mergeSlice(parts, low, high, whole.buckets)) merged.set(bucket, content);
    }
    expect(merged).toEqual(whole.contents);
    // Dead refs are left out of the merged run.
    const withoutOld = mergeSlice(
      [...inputs[0].contents.values(), ...inputs[1].contents.values()],
      0,
      whole.buckets,
      whole.buckets,
      new Set([1, 3000]),
    );
    const refs = [...withoutOld.values()].flatMap((content) => [...content].filter((_, i) => i % 2 === 1));
    expect(refs).toHaveLength(5996);
    expect(refs).not.toContain(1);
    expect(refs).not.toContain(3000);
  });

  it('finds the input buckets of a merged range whether the input has fewer buckets or more', () => {
    expect(inputBucketRange(8, 16, 64, 16)).toEqual([2, 3]);
    // An input sized for postings that died before the merge has more buckets than its output.
    expect(inputBucketRange(8, 16, 64, 256)).toEqual([32, 63]);
  });

  it('places runs in levels by size and merges a level once it is full', () => {
    expect(levelOf(1)).toBe(0);
    expect(levelOf(POSTINGS_PER_BUCKET * RUNS_PER_LEVEL)).toBe(1);
    expect(levelOf(POSTINGS_PER_BUCKET * RUNS_PER_LEVEL ** 3)).toBe(3);
    const run = (id: number, level: number): RunInfo => ({ id, level, buckets: 1, postings: 1 });
    const runs = [run(1, 2), ...Array.from({ length: RUNS_PER_LEVEL - 1 }, (_, i) => run(i + 2, 0))];
    expect(runsToMerge(runs)).toBeUndefined();
    const full = [...runs, run(99, 0)];
    expect(runsToMerge(full)?.map((r) => r.id)).toEqual(full.filter((r) => r.level === 0).map((r) => r.id));
    // Merging all: several runs, or one that holds postings of originals since removed.
    expect(runsToMerge([run(1, 2)], true)).toBeUndefined();
    expect(runsToMerge([run(1, 2)], true, true)?.map((r) => r.id)).toEqual([1]);
  });
});
