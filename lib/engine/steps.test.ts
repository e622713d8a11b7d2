import { describe, expect, it } from 'vitest';
import { runSliced, runToEnd } from './steps';

function* counting(n: number): Generator<void, number> {
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += i;
    yield;
  }
  return total;
}

describe('steps', () => {
  it('runs a step generator to its result, at once or in slices', async () => {
    expect(runToEnd(counting(100))).toBe(4950);
    let pauses = 0;
    // A zero budget pauses after every step.
    expect(await runSliced(counting(10), async () => void pauses++, 0)).toBe(45);
    expect(pauses).toBe(10);
  });
});
