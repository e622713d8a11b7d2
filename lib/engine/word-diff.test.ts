import { describe, expect, it } from 'vitest';
import { matchWords, verbatimRuns } from './word-diff';

describe('word diff', () => {
  it('matches a longest common subsequence', () => {
    expect(matchWords(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'd'])).toEqual([0, -1, 2, 3]);
  });

  it('marks only unbroken runs of the minimum length as verbatim', () => {
    const matched = [0, 1, 2, -1, 4, 5, 6, 7];
    expect(verbatimRuns(matched, 4)).toEqual([false, false, false, false, true, true, true, true]);
  });

  it('stays bounded on very long sentences', () => {
    const long = Array.from({ length: 5000 }, (_, i) => `w${i}`);
    expect(matchWords(long, long).filter((m) => m >= 0).length).toBeLessThanOrEqual(400);
  });
});
