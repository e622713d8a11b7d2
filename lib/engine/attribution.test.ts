import { describe, expect, it } from 'vitest';
import { extractAttribution } from './attribution';

describe('extractAttribution', () => {
  it('reads "Write to" bylines and copyright lines, and removes them from the text', () => {
    const { attribution, paragraphs } = extractAttribution([
      'Body.',
      'Write to Yaroslav Trofimov at and Stacy Meichtry at',
      'Copyright ©2022 Dow Jones & Company, Inc. All Rights Reserved. 87990cbe',
    ]);
    expect(attribution).toEqual({
      authors: ['Yaroslav Trofimov', 'Stacy Meichtry'],
      publisher: 'Dow Jones',
      published: '2022',
    });
    expect(paragraphs).toEqual(['Body.']);
  });

  it('reads contributors and "By" lines', () => {
    const { attribution } = extractAttribution([
      'By Jane Roe and John Doe',
      'Body.',
      'Drew Henshaw and Ann M Simmons contributed to this article.',
    ]);
    expect(attribution.authors).toEqual(['Jane Roe', 'John Doe']);
    expect(attribution.contributors).toEqual(['Drew Henshaw', 'Ann M Simmons']);
  });

  it('invents nothing where there is no evidence', () => {
    expect(extractAttribution(['Just a paragraph.', 'Another one.']).attribution).toEqual({});
  });
});
