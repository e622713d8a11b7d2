/**
 * Article extraction from a DOM document with Mozilla Readability, plus the page's own
 * metadata (OpenGraph, meta author and dates, canonical link, JSON-LD NewsArticle). It works
 * on any DOM: the page's in the content script, linkedom's in Node.
 */
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import type { ArticleInput } from '../model';

/** Pages with more elements, deeper nesting or more text than this skip Readability for a quick, bounded read. */
export const MAX_READABILITY_ELEMENTS = 20_000;
export const MAX_READABILITY_DEPTH = 400;
export const MAX_READABILITY_CHARS = 1_000_000;
/** The quick read looks at no more than this many paragraphs. */
export const MAX_QUICK_PARAGRAPHS = 4_000;

const BLOCKS = 'p, li, blockquote, h2, h3, h4, h5, h6, pre, figcaption, td';

function meta(doc: Document, ...names: string[]): string | undefined {
  for (const name of names) {
    const el = doc.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
    const value = el?.getAttribute('content')?.trim();
    if (value) return value;
  }
  return undefined;
}

interface JsonLdArticle {
  headline?: string;
  author?: unknown;
  datePublished?: string;
  publisher?: { name?: string } | string;
  url?: string;
  inLanguage?: string;
}

function namesOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list
    .map((a) => (typeof a === 'string' ? a : typeof a === 'object' && a && 'name' in a ? String(a.name) : ''))
    .map((name) => name.trim())
    .filter(Boolean);
}

/** The first NewsArticle-like object in the page's JSON-LD, if any. Malformed JSON is ignored. */
export function jsonLdArticle(doc: Document): JsonLdArticle | undefined {
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    while (queue.length) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === 'object') {
        const type = (item as { '@type'?: unknown })['@type'];
        const types = Array.isArray(type) ? type : [type];
        if (types.some((t) => typeof t === 'string' && /Article|Posting|Report/.test(t))) return item as JsonLdArticle;
        if ('@graph' in item) queue.push((item as { '@graph': unknown })['@graph']);
      }
    }
  }
  return undefined;
}

/** The text blocks of Readability's content element, in order, without empty ones. */
function paragraphsOf(content: Element): string[] {
  const blocks = leafBlocks([content]);
  return (blocks.length ? blocks : [content]).map(textOf).filter(Boolean);
}

/** An element's text with its white space collapsed. */
const textOf = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The text blocks within some elements (the first `limit`) that hold no other text block, in document order. */
const leafBlocks = (roots: Element[], limit = Infinity) =>
  roots
    .flatMap((root) => Array.from(root.querySelectorAll(BLOCKS)))
    .slice(0, limit)
    .filter((el) => !el.querySelector(BLOCKS));

/** Child-index path from the root element to `node`, to find its copy in a cloned document. */
function pathTo(node: Element, root: Element): number[] {
  const path: number[] = [];
  for (let el: Element | null = node; el && el !== root; el = el.parentElement) {
    path.unshift(Array.prototype.indexOf.call(el.parentElement?.children ?? [], el));
  }
  return path;
}

function follow(root: Element, path: number[]): Element | undefined {
  let el: Element | undefined = root;
  for (const i of path) el = el?.children[i];
  return el;
}

/**
 * A copy of the document for Readability, with the content of open shadow roots and of
 * same-origin iframes put where they are shown, so an article inside them is found.
 */
function flattenedClone(doc: Document): Document {
  const clone = doc.cloneNode(true) as Document;
  const root = doc.documentElement;
  const cloneRoot = clone.documentElement;
  const hosts = Array.from(doc.querySelectorAll('*')).filter((el) => el.shadowRoot);
  const frames = Array.from(doc.querySelectorAll('iframe'));
  for (const host of hosts) {
    const target = follow(cloneRoot, pathTo(host, root));
    for (const child of Array.from(host.shadowRoot!.childNodes)) target?.append(clone.importNode(child, true));
  }
  for (const frame of frames) {
    let body: HTMLElement | null | undefined;
    try {
      body = frame.contentDocument?.body;
    } catch {
      body = null; // cross-origin: not ours to read
    }
    const target = follow(cloneRoot, pathTo(frame, root));
    if (!body || !target) continue;
    const container = clone.createElement('div');
    for (const child of Array.from(body.childNodes)) container.append(clone.importNode(child, true));
    target.replaceWith(container);
  }
  return clone;
}

/** Paragraph text, in Latin-letter equivalents, that makes a page worth a closer look. */
const MIN_PARAGRAPH_TEXT = 500;
/** Paragraphs looked at by that count. */
const COUNTED_PARAGRAPHS = 200;

/** Han, kana and Hangul code points: Readability's check counts characters, and one of these says about as much as three letters. */
const isIdeograph = (code: number) =>
  (code >= 0x2e80 && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7af) || (code >= 0xf900 && code <= 0xfaff);

/** A text's length with each ideograph counted as three letters (a loop: a Unicode-script pattern costs its compilation on every page). */
function weightedLength(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length; i++) if (isIdeograph(text.charCodeAt(i))) length += 2;
  return length;
}

/** Text of the page's first paragraphs, counting an ideograph as three letters (bounded). */
function paragraphText(doc: Document): number {
  let total = 0;
  const paragraphs = doc.getElementsByTagName('p');
  for (let i = 0; i < Math.min(paragraphs.length, COUNTED_PARAGRAPHS) && total < MIN_PARAGRAPH_TEXT; i++)
    total += weightedLength((paragraphs[i].textContent ?? '').slice(0, MIN_PARAGRAPH_TEXT));
  return total;
}

/** Elements looked at for open shadow roots when Readability's own check finds no article. */
const SHADOW_SCAN_ELEMENTS = 2_000;

/**
 * A cheap first look, before any copy of the page is made: enough paragraph text (ideographs
 * weighed as the words they are; stops at the first paragraphs that hold it, so most article
 * pages pass at once), or Readability's own readerable check (which scores every candidate
 * block), or an article it cannot see (in a same-origin frame, or under an open shadow root
 * near the top of the page). Pages that fail it (a login form, a search page) cost almost nothing.
 */
export function mayHaveArticle(doc: Document): boolean {
  if (paragraphText(doc) >= MIN_PARAGRAPH_TEXT || isProbablyReaderable(doc)) return true;
  if (doc.querySelector('iframe')) return true;
  const elements = doc.body?.getElementsByTagName('*') ?? [];
  for (let i = 0; i < Math.min(elements.length, SHADOW_SCAN_ELEMENTS); i++) if (elements[i].shadowRoot) return true;
  return false;
}

/**
 * True for a page with more elements or deeper nesting than Readability handles quickly. A walk
 * of its own, stopped at the limit: DOMs differ in what counting helpers they offer.
 */
function tooBigForReadability(root: Element): boolean {
  let elements = 0;
  let depth = 1;
  let element: Element | null = root;
  while (element) {
    if (++elements > MAX_READABILITY_ELEMENTS || depth > MAX_READABILITY_DEPTH) return true;
    // Depth first, in document order, without a stack: down, else across, else up and across.
    if (element.firstElementChild) {
      element = element.firstElementChild;
      depth++;
      continue;
    }
    while (element && element !== root && !element.nextElementSibling) {
      element = element.parentElement;
      depth--;
    }
    element = element && element !== root ? element.nextElementSibling : null;
  }
  return false;
}

/** Share of the page's paragraph text a single `<article>` must hold to be read on its own. */
const ARTICLE_ELEMENT_SHARE = 0.8;

/**
 * When the page marks its article (one `<article>` holding most of its paragraph text), a small
 * document of that element alone, for Readability: copying and scoring the whole page costs the
 * page its main thread, on every article page. Null when the page marks no single article.
 */
function articleOnly(doc: Document): Document | null {
  const articles = doc.getElementsByTagName('article');
  if (articles.length !== 1 || !doc.body) return null;
  const paragraphChars = (root: Element) => {
    let chars = 0;
    for (const p of Array.from(root.getElementsByTagName('p'))) chars += (p.textContent ?? '').length;
    return chars;
  };
  const inArticle = paragraphChars(articles[0]);
  if (inArticle === 0 || inArticle < ARTICLE_ELEMENT_SHARE * paragraphChars(doc.body)) return null;
  // An empty copy of the document holding only <html><body><article>: works in every DOM.
  const small = doc.cloneNode(false) as Document;
  const html = small.appendChild(small.importNode(doc.documentElement, false));
  html.appendChild(small.importNode(doc.body, false)).appendChild(small.importNode(articles[0], true));
  return small;
}

/** A bounded read of a huge page: the paragraphs of its article, main or body element. */
function quickParagraphs(doc: Document): string[] {
  const root = doc.querySelector('article, main, [role="main"]') ?? doc.body;
  if (!root) return [];
  const paragraphs: string[] = [];
  let chars = 0;
  for (const p of Array.from(root.getElementsByTagName('p')).slice(0, MAX_QUICK_PARAGRAPHS)) {
    const text = textOf(p);
    if (!text) continue;
    paragraphs.push(text);
    chars += text.length;
    if (chars > MAX_READABILITY_CHARS) break;
  }
  return paragraphs;
}

/** Parts of a page that are never its article's text. */
const NOT_ARTICLE = 'nav, aside, footer, header, form, figure, [role="navigation"], [role="complementary"]';
/** Paragraphs shorter than this do not vote for their container (captions, bylines, buttons). */
const MIN_VOTING_PARAGRAPH = 80;
/** Share of the page's paragraph text the chosen container must hold for the quick read to stand. */
const CLEAR_WINNER_SHARE = 0.8;
/** A sibling of the chosen container joins it with this share of its score. */
const SIBLING_SHARE = 0.2;
/** Least paragraph text in that container (about 150 words). */
const MIN_CLEAR_WINNER_CHARS = 900;

/** Blocks mostly of link text are menus and lists of other articles. */
const MAX_LINK_DENSITY = 0.5;

/**
 * The quick read's measures of a page's elements, each taken once: the read looks at a
 * paragraph up to three times (its vote, the winner's total, the blocks read), and reading an
 * element's text from the page is what costs.
 */
function pageMeasures() {
  const texts = new Map<Element, string>();
  const outside = new Map<Element | null, boolean>();
  const text = (el: Element) => {
    let value = texts.get(el);
    if (value === undefined) texts.set(el, (value = textOf(el)));
    return value;
  };
  /** Share of a block's text that is link text. */
  const linkDensity = (el: Element, length: number) => {
    let linked = 0;
    for (const a of Array.from(el.getElementsByTagName('a'))) linked += text(a).length;
    return length ? linked / length : 1;
  };
  /** Whether an element sits in a part of the page that is never the article (asked once per parent). */
  const inNotArticle = (el: Element) => {
    if (el.matches(NOT_ARTICLE)) return true;
    const parent = el.parentElement;
    let value = outside.get(parent);
    if (value === undefined) outside.set(parent, (value = !!parent?.closest(NOT_ARTICLE)));
    return value;
  };
  return { text, linkDensity, inNotArticle };
}

/**
 * The article read without Readability, when the page leaves no doubt where it is: the
 * element whose paragraphs (and its children's, at half weight) hold most of the page's
 * paragraph text, as Readability scores candidates, without copying or changing the page.
 * Null when no element clearly wins: Readability then decides.
 */
export function clearArticle(doc: Document): string[] | null {
  const { text, linkDensity, inNotArticle } = pageMeasures();
  const scores = new Map<Element, number>();
  let total = 0;
  const paragraphs = doc.body.getElementsByTagName('p');
  for (let i = 0; i < Math.min(paragraphs.length, MAX_QUICK_PARAGRAPHS); i++) {
    const p = paragraphs[i];
    const length = text(p).length;
    if (length < MIN_VOTING_PARAGRAPH || inNotArticle(p) || linkDensity(p, length) > MAX_LINK_DENSITY) continue;
    total += length;
    const parent = p.parentElement;
    if (parent) scores.set(parent, (scores.get(parent) ?? 0) + length);
    const grandparent = parent?.parentElement;
    if (grandparent) scores.set(grandparent, (scores.get(grandparent) ?? 0) + length / 2);
  }
  let best: Element | undefined;
  for (const [el, score] of scores) if (!best || score > scores.get(best)!) best = el;
  if (!best) return null;
  // Siblings that hold a good part of the text too, or paragraphs and the winner's tag and first
  // class (an article body split into numbered columns), join it, as Readability joins them.
  const threshold = SIBLING_SHARE * scores.get(best)!;
  const kind = (el: Element) => `${el.tagName} ${el.className.split(' ')[0]}`;
  const alike = (el: Element) => !!el.className && kind(el) === kind(best);
  const joins = (el: Element) => el === best || (scores.get(el) ?? 0) >= threshold || (scores.has(el) && alike(el));
  const parts = best.parentElement ? Array.from(best.parentElement.children).filter(joins) : [best];
  // The paragraph text they hold, their own or their children's.
  let held = 0;
  for (const part of parts) {
    for (const p of Array.from(part.getElementsByTagName('p'))) {
      const length = text(p).length;
      if (length >= MIN_VOTING_PARAGRAPH && !inNotArticle(p)) held += length;
    }
  }
  if (held < MIN_CLEAR_WINNER_CHARS || held < CLEAR_WINNER_SHARE * total) return null;
  return leafBlocks(parts, MAX_QUICK_PARAGRAPHS)
    .filter((el) => !inNotArticle(el) && text(el) && linkDensity(el, text(el).length) <= MAX_LINK_DENSITY)
    .map(text);
}

/**
 * Extracts the article of a document, or null when the page has none. A page whose article is
 * clear is read as it is; otherwise Readability works on a copy (it changes the DOM it is
 * given); pages too big for it get a quick, bounded read.
 */
export function extractArticle(doc: Document, url?: string): ArticleInput | null {
  if (!doc.documentElement || !doc.body) return null;
  const clear = clearArticle(doc);
  const huge =
    !clear &&
    (tooBigForReadability(doc.documentElement) || (doc.body.textContent?.length ?? 0) > MAX_READABILITY_CHARS);
  const parsed =
    clear || huge
      ? null
      : new Readability<Node>(articleOnly(doc) ?? flattenedClone(doc), {
          serializer: (el: Node) => el,
          charThreshold: 300,
        }).parse();
  let paragraphs: string[];
  if (clear) {
    paragraphs = clear;
  } else if (huge) {
    paragraphs = quickParagraphs(doc);
  } else {
    const content = parsed?.content as Element | null | undefined;
    paragraphs = content ? paragraphsOf(content) : [];
  }
  if (paragraphs.length === 0) return null;
  const ld = jsonLdArticle(doc);
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
  const publisher = typeof ld?.publisher === 'string' ? ld.publisher : ld?.publisher?.name;
  const ldAuthors = namesOf(ld?.author);
  const metaAuthor = meta(doc, 'author', 'article:author');
  const authors = ldAuthors.length ? ldAuthors : metaAuthor && !/^https?:/.test(metaAuthor) ? [metaAuthor] : undefined;
  const resolved = (href: string | undefined) => {
    if (!href) return undefined;
    try {
      return new URL(href, url).href;
    } catch {
      return undefined;
    }
  };
  const article: ArticleInput = {
    url: resolved(canonical ?? ld?.url ?? meta(doc, 'og:url')) ?? url,
    title: ld?.headline ?? meta(doc, 'og:title') ?? parsed?.title ?? (doc.title || undefined),
    siteName: publisher ?? meta(doc, 'og:site_name') ?? parsed?.siteName ?? undefined,
    authors,
    published:
      ld?.datePublished ?? meta(doc, 'article:published_time', 'datePublished') ?? parsed?.publishedTime ?? undefined,
    language: ld?.inLanguage ?? doc.documentElement.getAttribute('lang') ?? parsed?.lang ?? undefined,
    paragraphs,
  };
  return Object.fromEntries(
    Object.entries(article).filter(([, v]) => v !== undefined && v !== ''),
  ) as unknown as ArticleInput;
}
