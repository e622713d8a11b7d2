/**
 * The cheap first look at a page, before any copy of it is made: may it hold an article at all?
 * Readability splits its readerable check from its parser the same way.
 */
// The check alone: the package's index would bring the whole parser into the content script.
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';

/** Paragraph text, in Latin-letter equivalents, that makes a page worth a closer look. */
const MIN_PARAGRAPH_TEXT = 500;
/** Paragraphs looked at by that count. */
const COUNTED_PARAGRAPHS = 200;

/**
 * Han, kana and Hangul: Readability's check counts characters, and one of these says about as
 * much as three letters. Code-point ranges, not Unicode scripts: a script pattern costs its
 * compilation on every page, and a loop over the characters in a content script runs cold.
 */
const IDEOGRAPHS = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]/g;

/** A text's length with each ideograph counted as three letters. */
const weightedLength = (text: string) => 3 * text.length - 2 * text.replace(IDEOGRAPHS, '').length;

/** Text of the page's first paragraphs, counting an ideograph as three letters, up to `enough`. */
function paragraphText(doc: Document, enough = MIN_PARAGRAPH_TEXT): number {
  let total = 0;
  const paragraphs = doc.getElementsByTagName('p');
  // Not bounded by the collection's length, which counts every paragraph of a huge page first.
  for (let i = 0; i < COUNTED_PARAGRAPHS && total < enough && paragraphs[i]; i++)
    total += weightedLength((paragraphs[i].textContent ?? '').slice(0, enough));
  return total;
}

/** Paragraph text in a page's own DOM that says its article is there, not in a shadow root or frame. */
const ARTICLE_IN_PAGE_TEXT = 2000;

/**
 * Whether the page's own paragraphs hold an article's worth of text: then what its shadow roots
 * and frames show is not looked for (asking a frame for its document sets up a context for it).
 */
export const articleInPage = (doc: Document): boolean =>
  paragraphText(doc, ARTICLE_IN_PAGE_TEXT) >= ARTICLE_IN_PAGE_TEXT;

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
