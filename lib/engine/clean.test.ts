import { describe, expect, it } from 'vitest';
import { growth, LINEAR_BOUND } from '../../test/unit/growth';
import { cleanParagraphs, cleanTitle, isCreditLine, splitTextArticle } from './clean';

describe('cleanTitle', () => {
  it('strips hashtag and short site suffixes', () => {
    expect(cleanTitle('Russian Forces Advance in Southern Ukraine | #socialmedia')).toBe(
      'Russian Forces Advance in Southern Ukraine',
    );
    expect(cleanTitle('Putin warns US | NATO')).toBe('Putin warns US');
  });
});

describe('isCreditLine', () => {
  it('recognises photo credits and not sentences', () => {
    expect(isCreditLine('Gilles Bader/Zuma Press')).toBe(true);
    expect(isCreditLine('daniel leal/Agence France-Presse/Getty Images')).toBe(true);
    expect(isCreditLine('A woman and her child arrived in the city of Lviv after fleeing Odessa.')).toBe(false);
  });
});

describe('cleanParagraphs', () => {
  const body = Array.from({ length: 6 }, (_, i) => `Paragraph ${i} of the article says something about the events.`);

  it('cuts repost trailers, captchas and "More Stories" lists', () => {
    const cleaned = cleanParagraphs([
      ...body,
      'Original Source link',
      'Leave a Reply',
      'Your email address will not be published.',
      'sixty seven − fifty seven =',
    ]);
    expect(cleaned).toEqual(body);
    expect(cleanParagraphs([...body, 'More Stories', 'Two children killed in attack'])).toEqual(body);
  });

  it('drops the reposting site author bio', () => {
    const cleaned = cleanParagraphs([
      ...body,
      'Melissa Galbraith',
      'Melissa Galbraith is the World News reporter for Globe Live Media. She covers all the major events.',
    ]);
    expect(cleaned).toEqual(body);
  });

  it('drops repeated headlines and duplicate paragraphs', () => {
    const cleaned = cleanParagraphs(
      ['Big News Today', body[0], body[0], ...body.slice(1), 'Big News Today'],
      'Big News Today',
    );
    expect(cleaned).toEqual(body);
  });

  it('keeps article text that ends with the headline, and drops a breadcrumb glued to it', () => {
    const title = 'Is coffee good for your heart?';
    const opening =
      'Millions of people start the day with a cup, and researchers have spent decades asking the same question: is coffee good for your heart?';
    expect(cleanParagraphs([`HomeHealthNutrition${title}`, opening, body[1]], title)).toEqual([opening, body[1]]);
    const only = 'The council met for four hours and voted on the budget, the roads and the new school in the end.';
    expect(cleanParagraphs([only], 'The new school in the end')).toEqual([only]);
  });

  it('cleans in time that grows with the text, not its square, on text built to make patterns backtrack', () => {
    const adversarial = (n: number) => [
      'Intro sentence.',
      '© a/b '.repeat(n),
      'photo: x. '.repeat(n),
      'a - '.repeat(n) + '=!',
      `Write to ${'.'.repeat(n)} x`,
    ];
    expect(growth((n) => cleanParagraphs(adversarial(n)), 2_000)).toBeLessThan(LINEAR_BOUND);
  });

  it('joins paragraphs a layout broke inside a sentence', () => {
    expect(cleanParagraphs(['Russian President', 'Vladimir Putin,', 'in a phone call, spoke.'])).toEqual([
      'Russian President Vladimir Putin, in a phone call, spoke.',
    ]);
  });

  it('removes inline photo credits at the end of a caption', () => {
    expect(cleanParagraphs(['People hid inside their homes. Photo: Roman Pilipey/Shutterstock'])).toEqual([
      'People hid inside their homes.',
    ]);
  });
});

describe('splitTextArticle', () => {
  it('takes a headline-like first line as the title and skips a breadcrumb line', () => {
    const { title, paragraphs } = splitTextArticle('HomePoliticsKyiv talks\n\nKyiv talks\n\nBody text here.');
    expect(title).toBe('Kyiv talks');
    expect(paragraphs).toEqual(['Body text here.']);
  });

  it('finds no title when the first line is prose', () => {
    expect(splitTextArticle('Kyiv, Ukraine – Russia has deepened its attack.\nMore text.').title).toBeUndefined();
  });
});
