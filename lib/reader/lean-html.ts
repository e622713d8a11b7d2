/**
 * A page's serialised HTML without what no reader of articles uses: scripts (other than JSON-LD,
 * which holds the article's metadata), style sheets, drawings (SVG) and comments. They are often most of a
 * page's HTML, and every character sent to the background is copied and converted on the page's
 * main thread. A scan with indexOf, linear in the HTML: serialised HTML has its tags lower-case.
 */

/** What is left out, from its opening to its end. */
const LEFT_OUT: [open: string, close: string][] = [
  ['<script', '</script>'],
  ['<style', '</style>'],
  ['<svg', '</svg>'],
  ['<!--', '-->'],
];

/** A script the page's metadata is read from. */
const isJsonLd = (openTag: string) => /type\s*=\s*["']?application\/ld\+json/i.test(openTag);

export function leanHtml(html: string): string {
  const kept: string[] = [];
  let from = 0;
  // Where each kind next starts, looked for again only once passed: each kind is one pass.
  const next = LEFT_OUT.map(([open]) => html.indexOf(open));
  for (;;) {
    let kind = -1;
    for (let k = 0; k < LEFT_OUT.length; k++) {
      if (next[k] >= 0 && next[k] < from) next[k] = html.indexOf(LEFT_OUT[k][0], from);
      if (next[k] >= 0 && (kind < 0 || next[k] < next[kind])) kind = k;
    }
    if (kind < 0) break;
    const start = next[kind];
    const [open, close] = LEFT_OUT[kind];
    // `<scripts>` or `<styled-box>` are other elements.
    if (kind < 3 && !/[\s>]/.test(html.charAt(start + open.length))) {
      next[kind] = html.indexOf(open, start + 1);
      continue;
    }
    const end = html.indexOf(close, start + open.length);
    if (end < 0) break;
    const openTag = html.slice(start, Math.max(start, html.indexOf('>', start)));
    kept.push(html.slice(from, kind === 0 && isJsonLd(openTag) ? end + close.length : start));
    from = end + close.length;
  }
  kept.push(html.slice(from));
  return kept.join('');
}
