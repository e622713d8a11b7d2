import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences';

describe('splitSentences', () => {
  it('does not break after titles, initials or U.S.', () => {
    expect(splitSentences('Maj. Gen. Igor Konashenkov spoke. Mr. Putin replied to the U.S. Senate today.')).toEqual([
      'Maj. Gen. Igor Konashenkov spoke.',
      'Mr. Putin replied to the U.S. Senate today.',
    ]);
  });

  it('keeps closing quotes with their sentence', () => {
    expect(splitSentences('“We will fight,” he said. “We will win.” Then he left.')).toEqual([
      '“We will fight,” he said.',
      '“We will win.”',
      'Then he left.',
    ]);
  });

  it('returns nothing for blank text', () => {
    expect(splitSentences('   ')).toEqual([]);
  });
});
