import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '.';
import { isNotArticlePart, notArticleTest } from './not-article';

const prose = (topic: string, n = 5) =>
  Array.from(
    { length: n },
    (_, i) =>
      `<p>${topic} paragraph ${i}: enough words of real prose that a reader would read here, with a few more words to make it long enough to vote.</p>`,
  ).join('');
const page = (html: string) => parseHTML(`<html><body>${html}</body></html>`).document as unknown as Document;
const element = (html: string) => page(html).body.firstElementChild!;

describe('parts of a page that are not its article', () => {
  it('are named so by their class or id, as whole words', () => {
    for (const html of [
      '<div class="comments-section"></div>',
      '<section id="comments"></section>',
      '<div class="box related_stories"></div>',
      '<div class="newsletter-signup"></div>',
      '<ul class="most-read"></ul>',
      '<nav></nav>',
      '<div role="complementary"></div>',
    ])
      expect(isNotArticlePart(element(html)), html).toBe(true);
    for (const html of [
      '<div class="commentary-body"></div>',
      '<div class="entry-content entry-content-read-more"></div>',
      '<div class="social-media-embed"></div>',
      '<article class="post has-comments"></article>',
      '<div class="post category-social tag-related"></div>',
      '<div id="sharing-with-a-single-developer"></div>',
    ])
      expect(isNotArticlePart(element(html)), html).toBe(false);
  });

  it('are left out of the article read, whichever way the page is read', () => {
    const related =
      '<div class="related-articles"><p>Teaser of another story that is long enough to be a paragraph of its own here.</p></div>';
    const comments = `<section id="comments">${prose('A reader comment', 8)}</section>`;
    // Read where it is (one container clearly holds the text) and by Readability (no clear winner).
    for (const html of [
      `<main><div class="body">${prose('Article', 8)}${related}</div>${comments}</main>`,
      `<div>${prose('Article', 3)}</div><div>${prose('Article more', 3)}${related}</div>${comments}`,
    ]) {
      const paragraphs = extractArticle(page(html))?.paragraphs ?? [];
      expect(paragraphs.some((p) => p.startsWith('Article paragraph'))).toBe(true);
      expect(paragraphs.filter((p) => /comment|Teaser/.test(p))).toEqual([]);
    }
  });

  it('are found in one walk up however deep the page nests', () => {
    const depth = 20_000;
    const doc = page('<div class="comments"></div>');
    let at = doc.body.firstElementChild!;
    for (let i = 0; i < depth; i++) at = at.appendChild(doc.createElement('div'));
    expect(notArticleTest()(at)).toBe(true);
  });
});
