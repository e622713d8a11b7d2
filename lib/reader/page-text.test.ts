import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { pageTextSteps } from './page-text';
import { readToEnd } from './steps';

const read = (body: string) =>
  readToEnd(pageTextSteps(parseHTML(`<html><body>${body}</body></html>`).document as unknown as Document));
const sentence = (n: number) => `Sentence number ${n} of the article says something about the news of the day.`;

describe('page text for the probe', () => {
  it("reads every text block of the page, in order, where they hold the page's text", () => {
    const body = `<nav><ul><li>Home</li><li>World</li></ul></nav><article><h2>Title</h2>${[1, 2, 3]
      .map((n) => `<p>${sentence(n)}</p>`)
      .join('')}</article><footer><p>© The Outlet</p></footer>`;
    expect(read(body)).toEqual(['Home', 'World', 'Title', sentence(1), sentence(2), sentence(3), '© The Outlet']);
  });

  it('reads nothing where the text is mostly outside blocks (an article in bare divs): the article is found instead', () => {
    const body = `<p>Menu</p><div>${[1, 2, 3, 4].map((n) => `${sentence(n)}<br>`).join('')}</div>`;
    expect(read(body)).toBeNull();
  });

  it("leaves out scripts and styles when weighing the blocks' share of the text", () => {
    const body = `<p>${sentence(1)}</p><script>${'var x = 1;'.repeat(200)}</script><style>p { color: red }</style>`;
    expect(read(body)).toEqual([sentence(1)]);
  });
});
