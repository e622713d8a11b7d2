import { describe, expect, it } from 'vitest';
import { leanHtml } from './lean-html';

describe('leanHtml', () => {
  it('leaves out scripts, style sheets and comments, and keeps JSON-LD and everything else', () => {
    const html =
      '<html><head><style>p{color:red}</style><script src="a.js"></script>' +
      '<script type="application/ld+json">{"author":"Ana"}</script><!-- a note --></head>' +
      '<body><p>One <scripts>x</scripts> two<svg viewBox="0 0 1 1"><path d="M0"/></svg></p><styled-box>three</styled-box>' +
      '<script>var s = "<p>not text</p>";</script><p>four</p></body></html>';
    expect(leanHtml(html)).toBe(
      '<html><head><script type="application/ld+json">{"author":"Ana"}</script></head>' +
        '<body><p>One <scripts>x</scripts> two</p><styled-box>three</styled-box><p>four</p></body></html>',
    );
  });

  it('keeps the rest of a page whose script never ends', () => {
    expect(leanHtml('<p>a</p><style>x</style><script>never ends <p>b</p>')).toBe('<p>a</p><script>never ends <p>b</p>');
  });
});
