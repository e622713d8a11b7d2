/**
 * Text from an HTML fragment without a DOM (a service worker has none): what a feed carries in
 * `content:encoded`, an Atom `content` or a JSON Feed `content_html`. One pass over the
 * characters, finding each tag's end with indexOf, so hostile markup costs linear time; the
 * markup is read, never inserted anywhere.
 */

/** Elements whose end (or start) ends a paragraph. */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);
/** Elements whose content is not text a reader sees. */
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'math', 'head', 'title']);

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  bdquo: '„',
  sbquo: '‚',
  middot: '·',
  bull: '•',
  euro: '€',
  pound: '£',
  copy: '©',
  reg: '®',
  deg: '°',
  shy: '',
  zwj: '',
  zwnj: '',
  thinsp: ' ',
  ensp: ' ',
  emsp: ' ',
  eacute: 'é',
  egrave: 'è',
  ecirc: 'ê',
  aacute: 'á',
  agrave: 'à',
  acirc: 'â',
  iacute: 'í',
  oacute: 'ó',
  ocirc: 'ô',
  uacute: 'ú',
  ntilde: 'ñ',
  ccedil: 'ç',
  auml: 'ä',
  ouml: 'ö',
  uuml: 'ü',
  Auml: 'Ä',
  Ouml: 'Ö',
  Uuml: 'Ü',
  szlig: 'ß',
  Eacute: 'É',
  iexcl: '¡',
  iquest: '¿',
  euml: 'ë',
  iuml: 'ï',
  ucirc: 'û',
  icirc: 'î',
  oelig: 'œ',
};

/** Replaces character references (`&amp;`, `&#8217;`, `&#x2019;`); one left unknown stays as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  let out = '';
  let at = 0;
  for (let amp = text.indexOf('&'); amp >= 0; amp = text.indexOf('&', at)) {
    out += text.slice(at, amp);
    const semi = text.indexOf(';', amp);
    const name = semi > amp && semi - amp <= 12 ? text.slice(amp + 1, semi) : '';
    let char: string | undefined;
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      char = Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
    } else if (name && Object.hasOwn(NAMED, name)) char = NAMED[name];
    if (char === undefined) {
      out += '&';
      at = amp + 1;
    } else {
      out += char;
      at = semi + 1;
    }
  }
  return out + text.slice(at);
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The tag's lower-case name, and whether it closes (`</p>`). */
function tagOf(inside: string): { name: string; closing: boolean } {
  const closing = inside.startsWith('/');
  let end = closing ? 1 : 0;
  const start = end;
  while (end < inside.length && /[A-Za-z0-9]/.test(inside[end])) end++;
  return { name: inside.slice(start, end).toLowerCase(), closing };
}

/** The paragraphs of an HTML fragment as plain text, at most `maxChars` of it. */
export function paragraphsOfHtml(html: string, maxChars = 400_000): string[] {
  const paragraphs: string[] = [];
  let current = '';
  let size = 0;
  let hiddenUntil = '';
  const endParagraph = () => {
    const text = collapse(decodeEntities(current));
    current = '';
    if (text && size < maxChars) {
      paragraphs.push(text);
      size += text.length;
    }
  };
  let at = 0;
  while (at < html.length && size < maxChars) {
    const open = html.indexOf('<', at);
    if (open < 0) {
      if (!hiddenUntil) current += html.slice(at);
      break;
    }
    if (!hiddenUntil) current += html.slice(at, open);
    if (html.startsWith('<!--', open)) {
      const end = html.indexOf('-->', open + 4);
      at = end < 0 ? html.length : end + 3;
      continue;
    }
    const close = html.indexOf('>', open + 1);
    if (close < 0) break;
    const { name, closing } = tagOf(html.slice(open + 1, Math.min(close, open + 20)));
    at = close + 1;
    if (hiddenUntil) {
      if (closing && name === hiddenUntil) hiddenUntil = '';
      continue;
    }
    if (!closing && HIDDEN.has(name) && !html.slice(open, close).endsWith('/')) hiddenUntil = name;
    else if (BLOCKS.has(name)) endParagraph();
  }
  endParagraph();
  return paragraphs;
}

/** An HTML fragment (a title, an author's name) as one line of plain text. */
export function plainTextOfHtml(html: string, maxChars = 2_000): string {
  return collapse(paragraphsOfHtml(html.slice(0, maxChars * 4), maxChars).join(' ')).slice(0, maxChars);
}
