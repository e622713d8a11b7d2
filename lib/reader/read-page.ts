/**
 * What the content script reads of a page, at little cost to the page's main thread: the page's
 * skeleton (skeleton.ts: its text in the elements that hold it, with their names), from which the
 * off-page reader finds the article as it would on the page itself. Finding the article on the
 * page, or copying and serialising it, cost pages tens of ms at the 95th percentile, and
 * Readability's code costs every page its compilation. A page whose own paragraphs hold too
 * little text sends its whole HTML instead, without scripts or style sheets (lean-html.ts), with
 * what its open shadow roots and same-origin frames show. A page with too many elements for
 * Readability, or too much HTML to send, gets its quick, bounded read here.
 */
import { MAX_READABILITY_ELEMENTS, quickParagraphs } from './bounded-read';
import { hiddenParts } from './hidden-parts';
import { leanHtml } from './lean-html';
import { articleInPage } from './readerable';
import { pageMetadata } from './metadata';
import { escapeHtml, skeletonSteps } from './skeleton';
import { readToEnd, type ReadSteps } from './steps';
import type { ArticleInput } from '../model';

/** Longest page HTML (with its hidden parts) handed to the off-page reader; a longer page is read where it is, quickly and bounded. */
export const MAX_PAGE_HTML_CHARS = 4_000_000;
/** Most shadow roots and frames sent beside a page's HTML. */
export const MAX_PAGE_PARTS = 20;

/** A page as the off-page reader gets it: its skeleton or its HTML, and the HTML of what it shows in shadow roots and frames. */
export interface PageHtml {
  html: string;
  parts?: string[];
}

/** What a live page gives: its skeleton or HTML, for the off-page reader, or its article read where it is when too big to send. */
export type PageRead = { article: ArticleInput } | PageHtml;

/** The article of a page from what was read of it and its metadata; null without paragraphs. */
export function articleOf(
  doc: Document,
  url: string | undefined,
  read: { paragraphs: string[]; title?: string; siteName?: string; publishedTime?: string; lang?: string },
): ArticleInput | null {
  if (read.paragraphs.length === 0) return null;
  const article: ArticleInput = { ...pageMetadata(doc, url, read), paragraphs: read.paragraphs };
  return Object.fromEntries(
    Object.entries(article).filter(([, v]) => v !== undefined && v !== ''),
  ) as unknown as ArticleInput;
}

/** What the off-page reader needs of a page besides its text: the elements pageMetadata and Readability read it from. */
const METADATA = 'title, meta, link[rel~="canonical"], base[href], script[type="application/ld+json"]';

/* Read, never written: the page's metadata is serialised for the off-page reader, which parses it inert (DOMParser). */
/* eslint-disable no-restricted-properties */
/** A document of the page's metadata and `body`. */
function withMetadata(doc: Document, body: string): PageHtml {
  const lang = doc.documentElement.getAttribute('lang');
  const head = Array.from(doc.querySelectorAll(METADATA), (el) => el.outerHTML).join('');
  return {
    html: `<!DOCTYPE html><html${lang ? ` lang="${escapeHtml(lang)}"` : ''}><head>${head}</head><body>${body}</body></html>`,
  };
}

/**
 * The whole page, with what its open shadow roots and same-origin frames show, for a page whose
 * own paragraphs hold too little text to be its article: Readability finds an article written
 * in other elements (text in divs), and one the page's HTML does not carry.
 */
function* wholePageSteps(doc: Document): ReadSteps<PageHtml> {
  const { hosts, frames } = yield* hiddenParts(doc);
  yield;
  const parts = [...hosts.map((host) => host.shadowRoot!.innerHTML), ...frames.map(([, body]) => body.innerHTML)].map(
    leanHtml,
  );
  yield;
  const html = `<!DOCTYPE html>${leanHtml(doc.documentElement.outerHTML)}`;
  return parts.length ? { html, parts: parts.slice(0, MAX_PAGE_PARTS) } : { html };
}
/* eslint-enable no-restricted-properties */

const size = (page: PageHtml) => (page.parts ?? []).reduce((n, part) => n + part.length, page.html.length);

/**
 * Whether a page is too big to send: more HTML received by the browser than is sent, or more
 * elements than Readability handles (counted natively, without a wrapper for each).
 */
function tooBigToSend(doc: Document): boolean {
  const [navigation] = (doc.defaultView?.performance?.getEntriesByType?.('navigation') ??
    []) as PerformanceNavigationTiming[];
  if ((navigation?.decodedBodySize ?? 0) > MAX_PAGE_HTML_CHARS) return true;
  // A live collection counts natively; linkedom's takes no '*' and counts none, so a query does there.
  return (doc.getElementsByTagName('*').length || doc.querySelectorAll('*').length) > MAX_READABILITY_ELEMENTS;
}

/**
 * What the off-page reader reads of a page, or its article read here when the page is too big
 * to send; null when the page has none. In steps (ReadSteps). A page whose own paragraphs hold
 * an article's worth of text sends its skeleton (skeleton.ts), any other its whole HTML.
 */
export function* readPageSteps(doc: Document, url?: string): ReadSteps<PageRead | null> {
  if (!doc.documentElement || !doc.body) return null;
  if (!tooBigToSend(doc)) {
    const page = (yield* articleInPage(doc))
      ? withMetadata(doc, yield* skeletonSteps(doc.body))
      : yield* wholePageSteps(doc);
    if (size(page) <= MAX_PAGE_HTML_CHARS) return page;
  }
  const paragraphs = yield* quickParagraphs(doc);
  // The page's metadata in a step of its own: its queries walk the whole document.
  yield;
  return wrap(articleOf(doc, url, { paragraphs }));
}

/** What the off-page reader reads of a page, or its article, at once. */
export const readPage = (doc: Document, url?: string): PageRead | null => readToEnd(readPageSteps(doc, url));

const wrap = (article: ArticleInput | null) => (article ? { article } : null);

/**
 * The document the off-page reader reads: the page's HTML parsed, inert, with the content of its
 * shadow roots and frames after its body's own (Readability finds the article wherever it is).
 */
export function pageDocument(parser: DOMParser, page: PageHtml): Document {
  const doc = parser.parseFromString(page.html, 'text/html');
  for (const part of page.parts ?? []) {
    const holder = doc.createElement('div');
    // Wrapped, so every DOM (linkedom's too) gives the part a body.
    const body = parser.parseFromString(`<!DOCTYPE html><html><body>${part}</body></html>`, 'text/html').body;
    for (const node of Array.from(body?.childNodes ?? [])) holder.append(doc.importNode(node, true));
    doc.body?.append(holder);
  }
  return doc;
}
