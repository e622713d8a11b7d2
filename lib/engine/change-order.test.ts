import { describe, expect, it } from 'vitest';
import type { Change } from '../model';
import { isSpellingVariant, meaningFirst } from './change-order';

const name = (original: string, page: string): Change => ({ kind: 'name', original, page });

describe('meaningFirst', () => {
  it('puts numbers, quotes and names that change the meaning before names only spelled differently, in turns', () => {
    const changes: Change[] = [
      name('Zaporizhya', 'Zaporizhia'),
      name('Lahuta', 'Lahota'),
      { kind: 'quote', original: 'with shame', page: 'shyly' },
      { kind: 'number', original: '498', page: '489' },
      name('Kherson', 'Mykolaiv'),
      { kind: 'number', original: '1,597', page: '1,579' },
    ];
    const ordered = meaningFirst(changes);
    expect(ordered.map((c) => c.page)).toEqual(['489', 'shyly', 'Mykolaiv', '1,579', 'Zaporizhia', 'Lahota']);
    expect(ordered.map((c) => !!c.variant)).toEqual([false, false, false, false, true, true]);
  });

  it('takes accents, case and one letter in six for spelling, not a different name', () => {
    expect(isSpellingVariant(name('Zelensky', 'Zelenskyy'))).toBe(true);
    expect(isSpellingVariant(name('Lahuta', 'Lahota'))).toBe(true);
    expect(isSpellingVariant(name('José Martí', 'Jose Marti'))).toBe(true);
    expect(isSpellingVariant(name('Biden', 'Bidet'))).toBe(false);
    expect(isSpellingVariant(name('Kyiv', 'Kiev'))).toBe(false);
    expect(isSpellingVariant(name('Putin', 'Zelensky'))).toBe(false);
    expect(isSpellingVariant({ kind: 'number', original: '1,000', page: '1.000' })).toBe(false);
  });
});
