import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from './read-article';
import { MAX_SKELETON_CHARS, skeletonSteps } from './skeleton';
import { readToEnd } from './steps';

const parse = (html: string) => parseHTML(html).document as unknown as Document;
const page = (body: string) => parse(`<html><head><title>Story</title></head><body>${body}</body></html>`);
const skeleton = (doc: Document) => readToEnd(skeletonSteps(doc.body));
/** The document the off-page reader rebuilds from a page's skeleton. */
const rebuilt = (doc: Document) => page(skeleton(doc));
const sentence = (i: number) =>
  `Sentence ${i} of the story goes on for long enough, with commas, clauses and the detail a reporter adds.`;
const para = (i: number) => `<p>${sentence(i)} ${sentence(i + 100)}</p>`;
const paras = (from: number, count: number) => Array.from({ length: count }, (_, i) => para(from + i)).join('');

describe('a page skeleton', () => {
  it('gives the off-page reader the article it would read on the page, and not the menus, asides and lists', () => {
    const cases = {
      clear: `<nav><ul><li><a href="/">Home</a></li><li><a href="/w">World</a></li></ul></nav><article class="story">${paras(0, 6)}</article><aside><p>${sentence(50)}</p></aside>`,
      split: `<div><div class="a">${paras(0, 3)}</div></div><div class="ad">Advertisement</div><div><div class="b">${paras(3, 3)}</div></div>`,
      related: `<main><div class="body">${paras(0, 6)}</div><div class="related-stories"><ul>${[1, 2, 3].map((i) => `<li><a href="/${i}">${sentence(i + 200)}</a></li>`).join('')}</ul></div></main>`,
    };
    for (const [name, body] of Object.entries(cases)) {
      const onPage = extractArticle(page(body), 'https://news.example/a')!;
      expect(onPage.paragraphs.length, name).toBeGreaterThanOrEqual(6);
      expect(extractArticle(rebuilt(page(body)), 'https://news.example/a')!.paragraphs, name).toEqual(
        onPage.paragraphs,
      );
    }
  });

  it('carries an article written as text and line breaks, in order', () => {
    const body = `<div class="content">${[0, 1, 2, 3, 4, 5].map(sentence).join('<br><br>')}<div class="ad"><img src="/ad.png"></div></div><footer><p>${sentence(90)}</p></footer>`;
    const read = extractArticle(rebuilt(page(body)), 'https://news.example/a')!;
    expect(read.paragraphs.join(' ')).toContain(sentence(0));
    expect(read.paragraphs.join(' ').indexOf(sentence(5))).toBeGreaterThan(
      read.paragraphs.join(' ').indexOf(sentence(1)),
    );
    expect(read.paragraphs.join(' ')).not.toContain(sentence(90));
  });

  it('keeps what the reader weighs (tags, names, hidden boxes, link text) and nothing else of the page', () => {
    const body =
      `<div id="main" class="story" data-track="x" onclick="steal()" style="color: red">` +
      `<p class="lede" title="t">${sentence(1)} <a href="https://elsewhere.example/x" onmouseover="steal()">a link</a></p>` +
      `<p>An image <img src="https://tracker.example/pixel.gif"> and <script>var secret = 1;</script>no script.</p></div>` +
      `<div style="display: none"><p>${sentence(2)}</p></div>`;
    const html = skeleton(page(body));
    expect(html).toContain('<div id="main" class="story">');
    expect(html).toContain('<p class="lede">');
    expect(html).toContain('<div style="display:none">');
    expect(html).toMatch(/<a>[^<]*a link<\/a>/);
    expect(html).not.toMatch(/onclick|onmouseover|data-track|title=|href|src=|tracker|elsewhere|secret|color/);
  });

  it("writes the page's text as text: markup in it stays text when the reader parses it", () => {
    const doc = page('<p></p>');
    doc.querySelector('p')!.textContent = `${sentence(1)} <img src=x onerror=alert(1)> & "quotes"`;
    const html = skeleton(doc);
    expect(html).not.toContain('<img');
    expect(page(html).querySelector('p')!.textContent).toBe(doc.querySelector('p')!.textContent);
    expect(page(html).querySelectorAll('img')).toHaveLength(0);
  });

  it('writes a block a script put inside raw text (a textarea, a script) in a box the reader reads as one', () => {
    const doc = page('<div class="story"></div>');
    for (const tag of ['textarea', 'script', 'plaintext']) {
      const holder = doc.createElement(tag);
      const p = doc.createElement('p');
      p.textContent = `${sentence(1)} in a ${tag}`;
      holder.append(p);
      doc.querySelector('.story')!.append(holder);
    }
    const html = skeleton(doc);
    expect(html).not.toMatch(/<(textarea|script|plaintext)/);
    expect(page(html).querySelectorAll('.story p')).toHaveLength(3);
  });

  it('reads a page of a hundred thousand paragraphs in many small steps, to a bounded skeleton', () => {
    const steps = skeletonSteps(page(`<article>${paras(0, 100_000)}</article>`).body);
    let pauses = 0;
    let next = steps.next();
    for (; !next.done; next = steps.next()) pauses++;
    expect(pauses).toBeGreaterThan(100);
    const text = page(next.value).body.textContent!;
    expect(text.length).toBeGreaterThan(MAX_SKELETON_CHARS / 2);
    expect(text.length).toBeLessThan(MAX_SKELETON_CHARS + 1_000);
  });
});
