import { describe, expect, it } from 'vitest';
import { growth, LINEAR_BOUND } from '../../test/unit/growth';
import { decodeEntities, paragraphsOfHtml, plainTextOfHtml } from './html-text';

describe('paragraphsOfHtml', () => {
  it('splits on block elements, drops scripts, styles and comments, decodes entities', () => {
    const html =
      '<h2>Head</h2><p>One &amp; <a href="#">two</a>&#8217;s.</p><!-- <p>hidden</p> --><style>p{}</style><script>var a = "<p>x</p>";</script><ul><li>A</li><li>B&nbsp;C</li></ul>';
    expect(paragraphsOfHtml(html)).toEqual(['Head', 'One & two’s.', 'A', 'B C']);
  });

  it('keeps text that is not markup, and an unknown entity as written', () => {
    expect(paragraphsOfHtml('Plain text &bogus; here')).toEqual(['Plain text &bogus; here']);
  });

  it('reads hostile markup in time that grows with its length, not its square', () => {
    const hostile = [
      (n: number) => '<'.repeat(n),
      (n: number) => '<p'.repeat(n),
      (n: number) => '&'.repeat(n),
      (n: number) => '&#'.repeat(n),
      (n: number) => '<!--'.repeat(n),
      (n: number) => '<script>'.repeat(n),
      (n: number) => '<script><p>x</p>'.repeat(n),
    ];
    for (const text of hostile) expect(growth((n) => paragraphsOfHtml(text(n)), 4_000)).toBeLessThan(LINEAR_BOUND);
  });
});

describe('plainTextOfHtml and decodeEntities', () => {
  it('gives one line of text', () => {
    expect(plainTextOfHtml('Talks <b>resume</b>\n at the <i>border</i>')).toBe('Talks resume at the border');
    expect(decodeEntities('&lt;b&gt; &#x41; &#0; &#99999999;')).toBe('<b> A &#0; &#99999999;');
  });
});
