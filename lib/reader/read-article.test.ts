import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { hostileCases } from '../../fixtures/hostile';
import { pageCases } from '../../fixtures/pages';
import { clearArticle, extractArticle, mayHaveArticleSteps, pageDocument, readPage, readToEnd } from '.';
import { articleMessageOf, MAX_PAGE_ARTICLE_CHARS, pageMessageOf } from '../extension/page-message';

const body = Array.from(
  { length: 5 },
  (_, i) =>
    `<p>Paragraph ${i} of a real article with enough words in it to look like prose to Readability, which wants several hundred characters.</p>`,
).join('');
const doc = (head: string, content = body) =>
  parseHTML(
    `<html lang="en"><head>${head}</head><body><nav><a href="/">Home</a></nav><article>${content}</article></body></html>`,
  ).document as unknown as Document;

describe('extractArticle', () => {
  it('reads JSON-LD NewsArticle metadata first', () => {
    const article = extractArticle(
      doc(
        `<title>Page</title><link rel="canonical" href="/story"><script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"The headline","author":[{"name":"Jane Roe"},{"name":"John Doe"}],"datePublished":"2022-03-03","publisher":{"name":"Ledger"}}]}</script>`,
      ),
      'https://news.example/x?utm=1',
    )!;
    expect(article).toMatchObject({
      title: 'The headline',
      authors: ['Jane Roe', 'John Doe'],
      published: '2022-03-03',
      siteName: 'Ledger',
      url: 'https://news.example/story',
      language: 'en',
    });
    expect(article.paragraphs).toHaveLength(5);
  });

  it('falls back to OpenGraph and meta tags, and ignores broken JSON-LD', () => {
    const article = extractArticle(
      doc(
        `<meta property="og:site_name" content="Daily"><meta property="og:title" content="OG title"><meta name="author" content="Ann Lee"><script type="application/ld+json">{not json</script>`,
      ),
      'https://daily.example/a',
    )!;
    expect(article).toMatchObject({ title: 'OG title', siteName: 'Daily', authors: ['Ann Lee'] });
  });

  it('finds no article message on a login page or an empty page', async () => {
    expect(
      await articleMessageOf(doc('<title>Login</title>', '<form><input type="password"></form>'), 'https://x.example/'),
    ).toBeNull();
    expect(await articleMessageOf(doc('<title></title>', ''), 'https://x.example/')).toBeNull();
  });

  it('sends the article of a news page as read, for the background to clean and fingerprint', () => {
    const message = articleMessageOf(doc('<title>Story</title>'), 'https://news.example/a')!;
    expect(message.paragraphs).toHaveLength(5);
    expect(message).not.toHaveProperty('fingerprint');
  });

  it('sends at most MAX_PAGE_ARTICLE_CHARS of a very long article', () => {
    const long = `<article>${`<p>${'A sentence of a very long article. '.repeat(100)}</p>`.repeat(100)}</article>`;
    const message = articleMessageOf(doc('<title>Long</title>', long), 'https://news.example/long')!;
    const chars = message.paragraphs.reduce((n, p) => n + p.length, 0);
    expect(chars).toBeGreaterThan(100_000);
    expect(chars).toBeLessThanOrEqual(MAX_PAGE_ARTICLE_CHARS);
  });

  it('finds no article in an empty document, and reads a deeply nested one without Readability', () => {
    expect(extractArticle(parseHTML('').document as unknown as Document)).toBeNull();
    const deep = `<html><body>${'<div>'.repeat(2_000)}<article><p>${'A sentence of the article. '.repeat(20)}</p></article>${'</div>'.repeat(2_000)}</body></html>`;
    expect(extractArticle(parseHTML(deep).document as unknown as Document)?.paragraphs[0]).toMatch(/^A sentence/);
  });

  it('looks closer only at pages that may hold an article, in any script', () => {
    const verdictOf = (name: string) => {
      const c = [...pageCases(), ...hostileCases()].find((x) => x.name === name)!;
      return readToEnd(mayHaveArticleSteps(parseHTML(c.html).document as unknown as Document));
    };
    expect(verdictOf('no-article-login')).toBe(false);
    expect(verdictOf('no-article-empty')).toBe(false);
    expect(verdictOf('seed-000')).toBe(true);
    expect(verdictOf('cjk')).toBe(true);
    expect(verdictOf('iframe-article')).toBe(true);
  });

  it('reads a clear article where it is, without menus, asides or link lists, and leaves doubtful pages to Readability', () => {
    const para = (n: number) =>
      `<p>${`Paragraph ${n} of the story, with enough words to count as prose. `.repeat(3)}</p>`;
    const links =
      '<p><a href="/a">One other story with a long enough title to be counted</a> <a href="/b">and another one</a></p>';
    const page = `<nav>${para(0)}</nav><div class="story">${[1, 2, 3, 4, 5, 6].map(para).join('')}${links}</div><aside>${para(9)}</aside>`;
    const read = clearArticle(parseHTML(`<html><body>${page}</body></html>`).document as unknown as Document)!;
    expect(read).toHaveLength(6);
    expect(read.join(' ')).not.toMatch(/Paragraph [09]|other story/);
    // Half the text here, half far away in another part of the page: not clear.
    const nested = (html: string) => `<div><div>${html}</div></div>`;
    const split =
      nested(`<div class="a">${[1, 2, 3].map(para).join('')}</div>`) +
      nested(`<div class="b">${[4, 5, 6].map(para).join('')}</div>`);
    expect(clearArticle(parseHTML(`<html><body>${split}</body></html>`).document as unknown as Document)).toBeNull();
  });

  it("leaves the page's main thread its skeleton only, from which the article is read off it as on the page", () => {
    const para = (n: number) =>
      `<p>${`Paragraph ${n} of the story, with enough words to count as prose. `.repeat(6)}</p>`;
    const nested = (html: string) => `<div><div>${html}</div></div>`;
    const parse = (html: string) => parseHTML(html).document as unknown as Document;
    const split =
      nested(`<div class="a">${[1, 2, 3].map(para).join('')}</div>`) +
      nested(`<div class="b">${[4, 5, 6].map(para).join('')}</div>`);
    const pages = {
      doubtful: `<html lang="en"><head><title>Split</title></head><body>${split}</body></html>`,
      clear: `<html><body><nav><a href="/">Home</a></nav><div class="story">${[1, 2, 3, 4, 5, 6].map(para).join('')}</div></body></html>`,
    };
    for (const [name, html] of Object.entries(pages)) {
      const read = readPage(parse(html), 'https://news.example/a');
      expect(read && 'html' in read, name).toBe(true);
      const sent = (read as { html: string }).html;
      // The skeleton: the text and the names of the elements holding it, not the page's links.
      expect(sent, name).not.toContain('href="/"');
      expect(extractArticle(parse(sent), 'https://news.example/a'), name).toEqual(
        extractArticle(parse(html), 'https://news.example/a'),
      );
    }
    // A page that may hold no article sends nothing of itself.
    const login = parse('<html><body><form><input type="password"></form></body></html>');
    expect(pageMessageOf(login, 'https://x.example/')).toEqual({ type: 'no-article', url: 'https://x.example/' });
  });

  it('sends the metadata the page gives with its skeleton, and not its footer links or scripts', () => {
    const para = (n: number) =>
      `<p>${`Paragraph ${n} of the story, with enough words to count as prose. `.repeat(6)}</p>`;
    const head =
      '<title>Split story</title><link rel="canonical" href="https://news.example/story"><meta property="og:site_name" content="Ledger">' +
      '<script type="application/ld+json">{"@type":"NewsArticle","author":{"name":"Jane Roe"},"datePublished":"2024-05-01"}</script>' +
      '<script>var tracking = true;</script><style>body { color: red }</style>';
    const body =
      `<nav><a href="/">Home</a> <a href="/world">World</a></nav><div class="page"><div class="columns">` +
      `<div><div class="a">${[1, 2, 3].map(para).join('')}</div></div><div class="ad">Advertisement</div>` +
      `<div><div class="b">${[4, 5, 6].map(para).join('')}</div></div></div></div>` +
      `<footer><p>${'The footer of every page of the site, long enough to be a paragraph. '.repeat(2)}</p></footer>`;
    const parse = (html: string) => parseHTML(html).document as unknown as Document;
    const page = `<html lang="en"><head>${head}</head><body>${body}</body></html>`;
    const read = readPage(parse(page), 'https://news.example/story?ref=home');
    const html = (read as { html: string }).html;
    expect(html).toContain('Paragraph 6');
    expect(html).not.toMatch(/tracking|color: red|href="\/world"/);
    const url = 'https://news.example/story?ref=home';
    const { paragraphs, ...metadata } = extractArticle(parse(html), url)!;
    expect(paragraphs).toHaveLength(6);
    expect(paragraphs.join(' ')).not.toContain('footer of every page');
    expect(metadata).toEqual({
      url: 'https://news.example/story',
      title: 'Split story',
      siteName: 'Ledger',
      authors: ['Jane Roe'],
      published: '2024-05-01',
      language: 'en',
    });
  });

  it('reads a page with more elements than Readability handles where it is, quickly and bounded', () => {
    const filler = '<span></span>'.repeat(25_000);
    const para = (n: number) => `<p>${`Sentence ${n} of a long page with prose enough. `.repeat(4)}</p>`;
    const page = `<html><body><div><div>${[1, 2, 3].map(para).join('')}</div></div><div><div>${[4, 5, 6].map(para).join('')}</div></div>${filler}</body></html>`;
    const read = readPage(parseHTML(page).document as unknown as Document, 'https://news.example/long');
    expect(read && 'article' in read && read.article.paragraphs.length).toBeGreaterThan(0);
  });

  it('carries what shadow roots and frames show beside the HTML, and reads it with the page', () => {
    const story = Array.from(
      { length: 6 },
      (_, i) => `<p>Paragraph ${i} of the story kept in a shadow root, with enough words to count as prose here.</p>`,
    ).join('');
    const parser = new (parseHTML('<html></html>').DOMParser)() as unknown as DOMParser;
    const doc = pageDocument(parser, {
      html: '<html><body><nav>Home</nav><div id="host"></div></body></html>',
      parts: [story],
    });
    expect(extractArticle(doc, 'https://news.example/shadow')?.paragraphs).toHaveLength(6);
  });
});
