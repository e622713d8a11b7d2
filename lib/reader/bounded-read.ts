/**
 * Pages too big for Readability, and the quick, bounded read they get instead: a walk that
 * stops at the limit, and the paragraphs of the article, main or body element.
 */
import { MAX_QUICK_CHARS, MAX_QUICK_PARAGRAPHS, textOf } from './blocks';
import { BLOCKS_PER_STEP, type ReadSteps } from './steps';

/** Pages with more elements, deeper nesting or more text than this skip Readability for a quick, bounded read. */
export const MAX_READABILITY_ELEMENTS = 20_000;
export const MAX_READABILITY_DEPTH = 400;
export const MAX_READABILITY_CHARS = 1_000_000;

/**
 * True for a page with more elements or deeper nesting than Readability handles quickly. A walk
 * of its own, stopped at the limit: DOMs differ in what counting helpers they offer.
 */
function tooDeepOrWide(root: Element): boolean {
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

/** True for a page Readability would take too long on: read it with quickParagraphs. */
export const tooBig = (doc: Document) =>
  tooDeepOrWide(doc.documentElement) || (doc.body.textContent?.length ?? 0) > MAX_READABILITY_CHARS;

/** A bounded read of a huge page, in steps: the paragraphs of its article, main or body element. */
export function* quickParagraphs(doc: Document): ReadSteps<string[]> {
  const root = doc.querySelector('article, main, [role="main"]') ?? doc.body;
  if (!root) return [];
  const paragraphs: string[] = [];
  let chars = 0;
  const found = root.getElementsByTagName('p');
  // Not bounded by the collection's length, which counts every paragraph of a huge page first.
  for (let i = 0; i < MAX_QUICK_PARAGRAPHS && chars < MAX_QUICK_CHARS && found[i]; i++) {
    if (i % BLOCKS_PER_STEP === BLOCKS_PER_STEP - 1) yield;
    const text = textOf(found[i]);
    if (!text) continue;
    paragraphs.push(text);
    chars += text.length;
  }
  return paragraphs;
}
