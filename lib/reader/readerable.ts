/**
 * The cheap first look at a page, before any copy of it is made: may it hold an article at all?
 * Readability splits its readerable check from its parser the same way.
 */
// The check alone: the package's index would bring the whole parser into the content script.
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import { BLOCKS_PER_STEP, walk, type ReadSteps } from './steps';

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
function* paragraphText(doc: Document, enough = MIN_PARAGRAPH_TEXT): ReadSteps<number> {
  let total = 0;
  const paragraphs = doc.getElementsByTagName('p');
  // The first look-up walks to the first paragraph, ms on a large page: a step of its own.
  if (!paragraphs[0]) return 0;
  // Not bounded by the collection's length, which counts every paragraph of a huge page first.
  for (let i = 0; i < COUNTED_PARAGRAPHS && total < enough && paragraphs[i]; i++) {
    if (i % BLOCKS_PER_STEP === 0) yield;
    total += weightedLength((paragraphs[i].textContent ?? '').slice(0, enough));
  }
  return total;
}

/** Paragraph text in a page's own DOM that says its article is there, not in a shadow root or frame. */
const ARTICLE_IN_PAGE_TEXT = 2000;

/**
 * Whether the page's own paragraphs hold an article's worth of text: then what its shadow roots
 * and frames show is not looked for (asking a frame for its document sets up a context for it).
 */
export function* articleInPage(doc: Document): ReadSteps<boolean> {
  return (yield* paragraphText(doc, ARTICLE_IN_PAGE_TEXT)) >= ARTICLE_IN_PAGE_TEXT;
}

/** Elements looked at for open shadow roots when Readability's own check finds no article. */
const SHADOW_SCAN_ELEMENTS = 2_000;

/**
 * A cheap first look, before any copy of the page is made, in steps: enough paragraph text (ideographs
 * weighed as the words they are; stops at the first paragraphs that hold it, so most article
 * pages pass at once), or Readability's own readerable check (which scores every candidate
 * block), or an article it cannot see (in a same-origin frame, or under an open shadow root
 * near the top of the page). Pages that fail it (a login form, a search page) cost almost nothing.
 */
export function* mayHaveArticleSteps(doc: Document): ReadSteps<boolean> {
  if ((yield* paragraphText(doc)) >= MIN_PARAGRAPH_TEXT) return true;
  yield;
  if (isProbablyReaderable(doc) || doc.querySelector('iframe')) return true;
  let looked = 0;
  for (const el of doc.body ? walk(doc.body) : []) {
    if (!el) yield;
    else if (el.shadowRoot) return true;
    else if (++looked >= SHADOW_SCAN_ELEMENTS) break;
  }
  return false;
}
