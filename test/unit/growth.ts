/**
 * How a function's time grows with its input, for tests that a text handler stays linear:
 * the best of three runs at size n and at 16n, in CPU time. Linear work grows about 16 times, quadratic
 * 256 times; the bound leaves four times room for a busy machine and lets no quadratic through.
 */
export const GROWTH_FACTOR = 16;
export const LINEAR_BOUND = 64;

/**
 * Milliseconds of CPU this process spent, user and system: unlike the wall clock, it does not
 * count the time other processes had the core, so a busy machine does not look like slow code.
 */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

export function growth(run: (n: number) => unknown, n: number): number {
  const best = (size: number) => {
    let fastest = Infinity;
    for (let i = 0; i < 3; i++) {
      const started = cpuMs();
      run(size);
      fastest = Math.min(fastest, cpuMs() - started);
    }
    return fastest;
  };
  best(n); // warm up the JIT
  // Below a millisecond the clock says more than the work: count such runs as a millisecond.
  return Math.max(1, best(GROWTH_FACTOR * n)) / Math.max(1, best(n));
}
