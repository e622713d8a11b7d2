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
  it('gives each kind of reuse its own badge', () => {
    const kinds = ['original', 'copy', 'rewrite', 'excerpt', 'partial', 'translation', 'mixed'] as const;
    const texts = kinds.map((k) => badgeFor(ready(k)).text);
    expect(new Set(texts).size).toBe(kinds.length);
    expect(texts.every(Boolean)).toBe(true);
  });

  it('tells "checked, nothing known" from "no article" and "switched off", with the count in the tooltip', () => {
    const none = badgeFor(ready('none', 1234));
    expect(none.text).not.toBe('');
    expect(none).toMatchObject({ title: 'badgeNone', titleArgs: ['1234'] });
    const noArticle = badgeFor({ status: 'no-article', url: 'https://x.example/', updatedAt: 0 });
    const disabled = badgeFor({ status: 'disabled', url: 'https://x.example/', updatedAt: 0 });
    expect([noArticle.text, disabled.text]).toEqual(['', '']);
    expect(new Set([none.title, noArticle.title, disabled.title, 'badgeNotAnalysed']).size).toBe(4);
  });
});
