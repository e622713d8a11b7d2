import { describe, expect, it } from 'vitest';
import { searchWordsOf, wordsOf } from './search-words';

describe('search words', () => {
  it('folds case and accents and keeps words of two characters or more', () => {
    expect(wordsOf('Élection à São Paulo: 2 candidats, 12 débats')).toEqual([
      'election',
      'sao',
      'paulo',
      'candidats',
      '12',
      'debats',
    ]);
  });

  it('indexes an original by its title, publisher, host and list', () => {
    expect(
      searchWordsOf({
        title: 'Harbour reopens',
        publisher: 'Coast Herald',
        url: 'https://www.coast.example/a/1',
        knownFrom: 'Desk',
      }),
    ).toEqual(['harbour', 'reopens', 'coast', 'herald', 'www', 'example', 'desk']);
  });

  it('stays bounded on hostile titles', () => {
    const words = searchWordsOf({ title: Array.from({ length: 5000 }, (_, i) => `w${i}`).join(' ') });
    expect(words.length).toBeLessThanOrEqual(40);
  });
});
