/**
 * The longest run of values in order (longest increasing subsequence, by dynamic programming),
 * as the ascending indexes of the values kept. Used to tell passages kept in the original's
 * order from moved ones, and translated sentences from scattered topical matches.
 */

/**
 * Indexes of a longest subsequence of `values` that increases (`strict`) or never decreases.
 * Each value looks back at most `lookBack` places, which bounds the work on long texts.
 */
export function longestOrderedRun(values: number[], strict: boolean, lookBack = Infinity): number[] {
  const n = values.length;
  const length = new Array<number>(n).fill(1);
  const previous = new Array<number>(n).fill(-1);
  let best = -1;
  for (let i = 0; i < n; i++) {
    for (let j = Math.max(0, i - lookBack); j < i; j++) {
      const inOrder = strict ? values[j] < values[i] : values[j] <= values[i];
      if (inOrder && length[j] + 1 > length[i]) {
        length[i] = length[j] + 1;
        previous[i] = j;
      }
    }
    if (best < 0 || length[i] > length[best]) best = i;
  }
  const kept: number[] = [];
  for (let at = best; at >= 0; at = previous[at]) kept.unshift(at);
  return kept;
}
