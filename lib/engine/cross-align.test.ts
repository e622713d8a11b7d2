import { describe, expect, it } from 'vitest';
import { nameSkeleton, numbersOf } from './anchors';
import { diskLexicons } from '../../test/support/engine-fixtures';
import { alignTranslation } from './cross-align';
import { buildTextModel } from './text-model';

describe('anchors that survive translation', () => {
  it('gives transliterations of one name one skeleton', () => {
    for (const name of ['Kharkiv', 'Járkov', 'Charkiw', 'Kharkov', 'Харьков', 'Харків'])
      expect(nameSkeleton(name)).toBe('hrkv');
    expect(nameSkeleton('Зеленский')).toBe(nameSkeleton('Zelensky'));
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
  const align = async (page: string[], original: string[], language = 'es') =>
    alignTranslation(
      { model: buildTextModel(page), language },
      { model: buildTextModel(original), language: 'en' },
      diskLexicons,
    );

  it('pairs translated sentences by their words, numbers and names, in order', async () => {
    const result = await align(spanish, english);
    expect(result.pairs.map((p) => [p.page, p.original])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
    expect(result.carriedWords).toBeLessThan(result.originalWords);
  });

  it('keeps only pairs in the original order', async () => {
    expect((await align([...spanish].reverse(), english)).pairs.length).toBeLessThanOrEqual(1);
  });

  it('translates the foreign side when the page is the English one', async () => {
    const result = await alignTranslation(
      { model: buildTextModel(english), language: 'en' },
      { model: buildTextModel(spanish), language: 'es' },
      diskLexicons,
    );
    expect(result.pairs.map((p) => [p.page, p.original])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
  });

  it('pairs a sentence with a single rare number and a name spelled another way', async () => {
    const result = await align(
      ['Ucrania recibió 4.750 millones de euros.', 'Irak anunció elecciones en octubre.'],
      ['Ukraine received 4,750 million euros.', 'Iraq announced elections in October.'],
    );
    expect(result.pairs.map((p) => [p.page, p.original])).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });

  it('pairs German sentences through compounds split against the lexicon', async () => {
    const result = await align(
      ['Die Bundesregierung kündigte neue Grenzkontrollen an.'],
      ['The federal government announced new border controls.'],
      'de',
    );
    expect(result.pairs).toHaveLength(1);
  });

  it('does not pair sentences without a lexicon when only their topic is shared', async () => {
    const result = await alignTranslation(
      { model: buildTextModel(['El tiempo fue frío y gris durante la mayor parte del día.']), language: 'es' },
      { model: buildTextModel(['Prices rose sharply across the region during the day.']), language: 'en' },
      undefined,
    );
    expect(result.pairs).toEqual([]);
  });
});
