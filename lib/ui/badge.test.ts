import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ProvenanceReport, TabState } from '../model';
import { badgeFor } from './badge';

const ready = (verdict: ProvenanceReport['verdict'], checked?: number): TabState => ({
  status: 'ready',
  url: 'https://x.example/a',
  updatedAt: 0,
  checked,
  report: { verdict, confidence: 1, page: { words: 100 }, original: null, sources: [], alteration: null },
});

describe('badgeFor', () => {
  it('gives each kind of reuse its own badge, of at most four letters in every language', () => {
    const kinds = ['original', 'copy', 'rewrite', 'excerpt', 'partial', 'translation', 'mixed'] as const;
    const keys = kinds.map((k) => badgeFor(ready(k)).text!);
    for (const lang of ['en', 'es', 'fr', 'de']) {
      const catalogue = JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Record<
        string,
        { message: string }
      >;
      const texts = keys.map((key) => catalogue[key].message);
      expect(new Set(texts).size, lang).toBe(kinds.length);
      for (const text of texts) expect(text.length, `${lang} ${text}`).toBeLessThanOrEqual(4);
    }
  });

  it('tells "checked, nothing known" from "no article" and "switched off", with the count in the tooltip', () => {
    const none = badgeFor(ready('none', 1234));
    expect(none.text).toBe('badgeTextNone');
    expect(none).toMatchObject({ title: 'badgeNone', titleArgs: ['1234'] });
    const noArticle = badgeFor({ status: 'no-article', url: 'https://x.example/', updatedAt: 0 });
    const disabled = badgeFor({ status: 'disabled', url: 'https://x.example/', updatedAt: 0 });
    expect([noArticle.text, disabled.text]).toEqual([null, null]);
    expect(new Set([none.title, noArticle.title, disabled.title, 'badgeNotAnalysed']).size).toBe(4);
  });
});
