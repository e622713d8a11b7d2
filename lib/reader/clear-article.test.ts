import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { clearArticle } from './clear-article';
import { MAX_QUICK_CHARS } from './blocks';

const sentence = (i: number) =>
  `Paragraph ${i} of the story goes on for long enough, with commas, clauses and the detail a reporter adds, to count as prose.`;
const paragraphs = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => `<p>${sentence(from + i)}</p>`).join('');
const page = (body: string) =>
  parseHTML(`<html><head><title>t</title></head><body>${body}</body></html>`).document as unknown as Document;
const advertisement = '<div class="ad-slot"><span>Advertisement</span></div>';

describe('clearArticle', () => {
  it('reads an article the page splits into containers, around advertisements, in order', () => {
    const split = page(
      `<nav><a href="/">Home</a></nav><article><h1>Title</h1>` +
        `<div class="block"><div class="text">${paragraphs(0, 3)}</div></div>${advertisement}` +
        `<div class="block wide"><div class="copy">${paragraphs(3, 3)}</div></div>${advertisement}` +
        `<section><div class="text">${paragraphs(6, 3)}</div></section></article>`,
    );
    expect(clearArticle(split)).toEqual(Array.from({ length: 9 }, (_, i) => sentence(i)));
  });

  it('leaves a page to Readability when its text is spread over parts it does not mark as its article', () => {
    const spread = page(
      `<div class="stream"><ul>${Array.from({ length: 6 }, (_, i) => `<li><div>${paragraphs(100 + i, 1)}</div></li>`).join('')}</ul></div>` +
        `<div class="story"><div class="text">${paragraphs(0, 3)}</div>${advertisement}<div class="text">${paragraphs(3, 3)}</div></div>`,
    );
    expect(clearArticle(spread)).toBeNull();
  });

  it('reads no more text than its bound on a page of a hundred thousand paragraphs', () => {
    const huge = page(`<article>${paragraphs(0, 100_000)}</article>`);
    const read = clearArticle(huge)!;
    expect(read.length).toBeGreaterThan(100);
    expect(read.join('').length).toBeLessThan(MAX_QUICK_CHARS + sentence(0).length + 10);
  });
});
