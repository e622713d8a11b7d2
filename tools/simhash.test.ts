import { describe, expect, it } from 'vitest';
import { hammingDistance, simhash64 } from './simhash';

const words = 'the quick brown fox jumps over the lazy dog near the river bank today'.split(' ');

describe('simhash64', () => {
  it('is stable and 64 bits wide', () => {
    expect(simhash64(words)).toMatch(/^[0-9a-f]{16}$/);
    expect(simhash64(words)).toBe(simhash64([...words]));
  });

  it('puts a one-word edit closer than unrelated text', () => {
    const edited = [...words];
    edited[3] = 'leaps';
    const other = 'stock markets fell sharply as investors weighed new interest rate rises in europe'.split(' ');
    expect(hammingDistance(simhash64(words), simhash64(edited))).toBeLessThan(
      hammingDistance(simhash64(words), simhash64(other)),
    );
  });
});
