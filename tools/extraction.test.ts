import { describe, expect, it } from 'vitest';
import { extractionResults } from './extraction';

const results = extractionResults();

describe.skipIf(!results)("extraction on Readability's saved test pages", () => {
  it("reads on average at least 90% of the words of Readability's own article, and nothing else", () => {
    const mean = (pick: (r: NonNullable<typeof results>[number]) => number) =>
      results!.reduce((sum, r) => sum + pick(r), 0) / results!.length;
    expect(mean((r) => r.recall)).toBeGreaterThanOrEqual(0.9);
    expect(mean((r) => r.precision)).toBeGreaterThanOrEqual(0.98);
  }, 120_000);

  it('finds an article on every page Readability calls readerable', () => {
    expect(results!.filter((r) => r.readerable && !r.found).map((r) => r.page)).toEqual([]);
  }, 120_000);
});
