import { describe, expect, it } from 'vitest';
import { englishStemsOf } from './translate';

const lexicon = {
  language: 'de',
  entries: new Map([
    ['regier', ['gover', 'rule']],
    ['bund', ['feder', 'union']],
    ['gobiern', ['gover']],
    ['haus', ['house']],
  ]),
};

describe('englishStemsOf', () => {
  it('finds an inflected form through the longest stem that begins it', () => {
    expect(englishStemsOf(lexicon, 'gobiernos', false)).toEqual(['gover']);
    expect(englishStemsOf(lexicon, 'regierungen', false)).toEqual(['gover', 'rule']);
  });

  it('does not take a stem that leaves too much of the word unexplained', () => {
    expect(englishStemsOf(lexicon, 'hausmeisterinnen', false)).toEqual([]);
  });

  it('splits a German compound into words of the lexicon, with a linking s', () => {
    expect(englishStemsOf(lexicon, 'bundesregierung', true)).toEqual(['feder', 'union', 'gover', 'rule']);
    expect(englishStemsOf(lexicon, 'bundesregierung', false)).toEqual([]);
  });

  it('gives nothing for a word it does not know', () => {
    expect(englishStemsOf(lexicon, 'xyzzy', true)).toEqual([]);
  });
});
