import { describe, expect, it } from 'vitest';
import type { Change } from '../model';
import { isRespelling, isSpellingVariant } from './spelling';

const name = (original: string, page: string): Change => ({ kind: 'name', original, page });

describe('isRespelling', () => {
  it('takes close spellings of a name as the same name, and others not', () => {
    expect(isRespelling('lahuta', 'lahota')).toBe(true);
    expect(isRespelling('enerhodar', 'innerhodar')).toBe(true);
    expect(isRespelling('kherson', 'kharkiv')).toBe(false);
    expect(isRespelling('kyiv', 'kyiv')).toBe(false);
  });
});

describe('isSpellingVariant', () => {
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
