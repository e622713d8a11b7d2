/**
 * How a function's time grows with its input, for tests that a text handler stays linear:
 * the best of a few runs at size n and at 8n. Linear work grows about 8 times, quadratic 64
 * times; the bound leaves room for a busy machine without letting a quadratic through.
 */
export const LINEAR_BOUND = 24;

export function growth(run: (n: number) => unknown, n: number): number {
  const best = (size: number) => {
    let fastest = Infinity;
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      run(size);
      fastest = Math.min(fastest, performance.now() - started);
    }
    return fastest;
  };
  best(n); // warm up the JIT
  // Below a millisecond the clock says more than the work: count such runs as a millisecond.
  return Math.max(1, best(8 * n)) / Math.max(1, best(n));
}
