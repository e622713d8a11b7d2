import { describe, expect, it } from 'vitest';
import { syntheticArticle } from '../../tools/synthetic';
import { MAX_ARTICLE_CHARS } from './article';
import { prepareArticle } from './article';
import { FINGERPRINT_VERSION } from './fingerprint';
import { FIELD_CAPS, makeOriginal } from './original';

const text = syntheticArticle(3, 300).join('\n\n');

describe('makeOriginal', () => {
  it('caps every field of an original, whichever way it comes', () => {
    const huge = {
      title: 'T'.repeat(100_000),
      text,
      publisher: 'P'.repeat(100_000),
      authors: Array.from({ length: 1000 }, () => 'A'.repeat(10_000)),
      published: '2'.repeat(10_000),
      url: `https://news.example/${'a/'.repeat(50_000)}`,
      language: 'x'.repeat(1000),
    };
    for (const input of [
      huge,
      { ...huge, fingerprint: prepareArticle({ title: 't', paragraphs: [text] }).fingerprint },
    ]) {
      const record = makeOriginal(input, 'import');
      expect(record.title.length).toBeLessThanOrEqual(FIELD_CAPS.title);
      expect(record.publisher!.length).toBeLessThanOrEqual(FIELD_CAPS.publisher);
      expect(record.authors?.length ?? 0).toBeLessThanOrEqual(FIELD_CAPS.authors);
      expect(record.url).toBeUndefined();
      expect(record.language!.length).toBeLessThanOrEqual(FIELD_CAPS.language);
    }
  });

  it('caps the text of a pack line that brings its own fingerprint, as it caps text it prepares', () => {
    const fingerprint = {
      ...prepareArticle({ title: 't', paragraphs: [text] }).fingerprint,
      version: FINGERPRINT_VERSION,
    };
    const wall = 'word '.repeat(200_000);
    const record = makeOriginal({ title: 'Wall', text: wall, fingerprint }, 'subscription');
    const chars = (record.paragraphs ?? []).reduce((sum, p) => sum + p.length, 0);
    expect(chars).toBeLessThanOrEqual(MAX_ARTICLE_CHARS);
    expect(Math.max(...(record.paragraphs ?? []).map((p) => p.length))).toBeLessThanOrEqual(10_000);
  });
});
