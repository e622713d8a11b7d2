import { describe, expect, it } from 'vitest';
import { countWords, normalizeWord, tokenize } from './normalize';

describe('normalize', () => {
  it('folds case, accents, curly apostrophes and possessives', () => {
    expect(normalizeWord('Kyiv’s')).toBe('kyiv');
    expect(normalizeWord('Járkov')).toBe('jarkov');
    expect(normalizeWord('1,597')).toBe('1597');
  });

  it('keeps numbers and hyphenated names as single words', () => {
    const words = tokenize('Jean-Yves Le Drian said 1,597 were injured, about 2.5 percent.').map((t) => t.norm);
    expect(words).toEqual(['jean-yves', 'le', 'drian', 'said', '1597', 'were', 'injured', 'about', '2.5', 'percent']);
  });

  it('marks stop words as not content', () => {
    const content = tokenize('The city of Kherson is under siege').filter((t) => t.content);
    expect(content.map((t) => t.norm)).toEqual(['city', 'kherson', 'siege']);
  });

  it('counts words', () => {
    expect(countWords('One two, three-four 5,000.')).toBe(4);
    expect(countWords('')).toBe(0);
  });
});
