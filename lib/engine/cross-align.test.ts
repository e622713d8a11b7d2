import { describe, expect, it } from 'vitest';
import { nameSkeleton, numbersOf } from './anchors';
import { alignAcrossLanguages } from './cross-align';
import { buildTextModel } from './text-model';

describe('anchors that survive translation', () => {
  it('gives transliterations of one name one skeleton', () => {
    for (const name of ['Kharkiv', 'Járkov', 'Charkiw', 'Kharkov']) expect(nameSkeleton(name)).toBe('hrkv');
    expect(nameSkeleton('Zelensky')).toBe(nameSkeleton('Selenskyj'));
    expect(nameSkeleton('Kyiv')).not.toBe(nameSkeleton('Kharkiv'));
  });

  it('folds thousands separators of every convention', () => {
    expect(numbersOf('1,597 and 1.597 and 1 597 and 2.5 and 100 000')).toEqual([
      '1597',
      '1597',
      '1597',
      '2.5',
      '100000',
    ]);
  });
});

describe('alignAcrossLanguages', () => {
  const english = [
    'Russia said 498 soldiers were killed and 1,597 wounded in the first week, its first admission of losses.',
    'The mayor of Kherson, Igor Kolykhaev, said armed visitors had entered the council building.',
    'Ukraine said its forces had killed 5,840 Russian troops and that 2,000 civilians had died.',
    'The weather in the region was cold and grey for most of the day, with some rain in the evening.',
  ];
  const spanish = [
    'Rusia dijo que 498 soldados murieron y 1.597 resultaron heridos en la primera semana.',
    'El alcalde de Jersón, Igor Kolyjáyev, dijo que visitantes armados entraron en el ayuntamiento.',
    'Ucrania afirmó que sus fuerzas mataron a 5.840 soldados rusos y que murieron 2.000 civiles.',
  ];

  it('pairs translated sentences by their numbers and names, in order', () => {
    const result = alignAcrossLanguages(buildTextModel(spanish), buildTextModel(english));
    // Sentence 1 shares no number, but its names do: Jersón/Kherson, Kolyjáyev/Kolykhaev.
    expect(result.pairs.map((p) => [p.page, p.original])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
    expect(result.carriedWords).toBeLessThan(result.originalWords);
  });

  it('keeps only pairs in the original order', () => {
    const reversed = alignAcrossLanguages(buildTextModel([...spanish].reverse()), buildTextModel(english));
    expect(reversed.pairs.length).toBeLessThanOrEqual(1);
  });
});
