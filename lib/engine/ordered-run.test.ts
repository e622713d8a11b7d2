import { describe, expect, it } from 'vitest';
import { longestOrderedRun } from './ordered-run';

describe('longestOrderedRun', () => {
  it('keeps the longest run in order, strictly or not', () => {
    expect(longestOrderedRun([2, 0, 1, 3], true)).toEqual([1, 2, 3]);
    expect(longestOrderedRun([1, 1, 0, 2], false)).toEqual([0, 1, 3]);
    expect(longestOrderedRun([1, 1, 0, 2], true)).toEqual([0, 3]);
    expect(longestOrderedRun([], true)).toEqual([]);
  });

  it('looks back no further than asked', () => {
    expect(longestOrderedRun([0, 9, 9, 1], false, 1)).toEqual([0, 1, 2]);
  });
});
