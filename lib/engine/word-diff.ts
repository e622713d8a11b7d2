/**
 * Word-level alignment of two sentences: a longest common subsequence over normalised words,
 * bounded in size so that a pathological sentence cannot stall the matcher.
 */

/** Longest sentence (in words) aligned word by word; longer ones are cut for the diff only. */
export const MAX_DIFF_WORDS = 400;

/**
 * For each word of `a`, the index of the word of `b` it is matched to in a longest common
 * subsequence, or -1.
 */
export function matchWords(a: string[], b: string[]): number[] {
  const n = Math.min(a.length, MAX_DIFF_WORDS);
  const m = Math.min(b.length, MAX_DIFF_WORDS);
  const matched = new Array<number>(a.length).fill(-1);
  if (n === 0 || m === 0) return matched;
  // lengths[i][j]: LCS length of a[i..] and b[j..], flattened.
  const width = m + 1;
  const lengths = new Uint16Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? lengths[(i + 1) * width + j + 1] + 1
          : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      matched[i] = j;
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) i++;
    else j++;
  }
  return matched;
}

/**
 * Marks words of `a` that belong to a run of at least `minRun` words copied in the same order
 * and without gaps in `b` (word for word), given the LCS matching from `matchWords`.
 */
export function verbatimRuns(matched: number[], minRun: number): boolean[] {
  const verbatim = new Array<boolean>(matched.length).fill(false);
  let runStart = -1;
  for (let i = 0; i <= matched.length; i++) {
    const inRun = i < matched.length && matched[i] >= 0;
    const continues = inRun && runStart >= 0 && matched[i] === matched[i - 1] + 1;
    if (continues) continue;
    if (runStart >= 0 && i - runStart >= minRun) verbatim.fill(true, runStart, i);
    runStart = inRun ? i : -1;
  }
  return verbatim;
}
