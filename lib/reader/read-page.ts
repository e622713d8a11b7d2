/**
 * What the content script reads of a page, at little cost to the page's main thread: the
 * article where the page leaves no doubt about it (clear-article.ts), else the HTML of the region
 * holding its text or of the whole page, which the background has Readability read off the page (copying a page and scoring it cost pages a
 * tenth of a second at the 95th percentile, and Readability's code costs every page its
 * compilation). The content of open shadow roots and same-origin frames, which the HTML does
 * not carry, travels beside it, and neither carries scripts or style sheets (lean-html.ts). A
 * page with too many elements for Readability, or too much HTML to send, gets its quick,
 * bounded read here; the off-page reader gives it to a page it finds too big in other ways.
 * Nothing here needs Readability, so the content script does not carry it.
 */
import { MAX_READABILITY_ELEMENTS, quickParagraphs } from './bounded-read';
import { pageLayoutSteps } from './clear-article';
import { hiddenParts } from './hidden-parts';
import { leanHtml } from './lean-html';
import { articleInPage } from './readerable';
import { pageMetadata } from './metadata';
import { readToEnd, walk, type ReadSteps } from './steps';
import type { ArticleInput } from '../model';

/** Longest page HTML (with its hidden parts) handed to the off-page reader; a longer page is read where it is, quickly and bounded. */
export const MAX_PAGE_HTML_CHARS = 4_000_000;
/** Most shadow roots and frames sent beside a page's HTML. */
export const MAX_PAGE_PARTS = 20;

/** A page as the off-page reader gets it: its HTML, and the HTML of what it shows in shadow roots and frames. */
export interface PageHtml {
  html: string;
  parts?: string[];
}

/** What a live page gives: its article, read where it is, or its HTML, for Readability to read elsewhere. */
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

const attributeValue = (value: string) =>
  value.replace(/[&"<>]/g, (c) => ({ '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' })[c]!);

/* Read, never written: the page is serialised for the off-page reader, which parses it inert (DOMParser). */
/* eslint-disable no-restricted-properties */
/**
 * The page as the off-page reader gets it. Where one region holds nearly all the page's
 * paragraph text, only that region travels, with the page's metadata: serialising and sending
 * cost the page's main thread by the character (tens of ms for a large page), and the rest of
 * the page (menus, lists of other stories, footers) is what Readability would leave out.
 */
function* serialisedSteps(doc: Document, textRegion: Element | null): ReadSteps<PageHtml> {
  if (textRegion) {
    const lang = doc.documentElement.getAttribute('lang');
    const head = Array.from(doc.querySelectorAll(METADATA), (el) => el.outerHTML).join('');
    const body = leanHtml(textRegion.outerHTML);
    return {
      html: `<!DOCTYPE html><html${lang ? ` lang="${attributeValue(lang)}"` : ''}><head>${head}</head><body>${body}</body></html>`,
    };
  }
  const { hosts, frames } = (yield* articleInPage(doc)) ? { hosts: [], frames: [] } : yield* hiddenParts(doc);
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
 * Whether a page is too big to serialise and send: more HTML received by the browser than is
 * sent, or more elements than Readability handles (counted in steps, up to that many). Its text
 * is not read for this (a copy of all of it); what is serialised is measured before it is sent,
 * and the off-page reader makes the finer checks (depth, text).
 */
function* tooBigToSend(doc: Document): ReadSteps<boolean> {
  const [navigation] = (doc.defaultView?.performance?.getEntriesByType?.('navigation') ??
    []) as PerformanceNavigationTiming[];
  if ((navigation?.decodedBodySize ?? 0) > MAX_PAGE_HTML_CHARS) return true;
  let elements = 0;
  for (const el of walk(doc.documentElement)) {
    if (!el) yield;
    else if (++elements > MAX_READABILITY_ELEMENTS) return true;
  }
  return false;
}

/**
 * The article, read where the page leaves no doubt, or the page's HTML; null when the page has
 * none. In steps (ReadSteps): where the article is, then its blocks a few at a time, or the HTML.
 */
export function* readPageSteps(doc: Document, url?: string): ReadSteps<PageRead | null> {
  if (!doc.documentElement || !doc.body) return null;
  const { article, textRegion } = yield* pageLayoutSteps(doc);
  let paragraphs: string[];
  if (article) paragraphs = yield* article();
  else {
    if (!(yield* tooBigToSend(doc))) {
      const page = yield* serialisedSteps(doc, textRegion);
      if (size(page) <= MAX_PAGE_HTML_CHARS) return page;
    }
    paragraphs = yield* quickParagraphs(doc);
  }
  // The page's metadata in a step of its own: its queries walk the whole document.
  yield;
  return wrap(articleOf(doc, url, { paragraphs }));
}

/** The article, read where the page leaves no doubt, or the page's HTML, at once. */
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
