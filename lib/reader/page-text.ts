/**
 * The text of all a page's text blocks, read for the probe (engine/gate.ts) at a fraction of
 * what finding its article costs: one query, then each block's text, in steps. It stands for
 * the article only where the blocks hold most of the page's text; elsewhere (an article in bare
 * `div`s, a page too big to tell cheaply) there is none.
 */
import { BLOCKS, MAX_QUICK_CHARS, MAX_QUICK_PARAGRAPHS, textOf } from './blocks';
import { BLOCKS_PER_STEP, type ReadSteps } from './steps';

/** Largest page (HTML as received, in bytes) read this way: the query and the text count go at once. */
export const MAX_PROBED_PAGE_BYTES = 1_000_000;
/** Share of the page's text (scripts and styles aside) its blocks must hold. */
export const MIN_BLOCK_SHARE = 0.5;

/** Characters of text, white space collapsed (a page's indentation is not text). */
const lengthOf = (nodes: Iterable<Element>) => {
  let length = 0;
  for (const node of nodes) length += textOf(node).length;
  return length;
};

export function* pageTextSteps(doc: Document): ReadSteps<string[] | null> {
  const body = doc.body;
  const [navigation] = (doc.defaultView?.performance?.getEntriesByType?.('navigation') ??
    []) as PerformanceNavigationTiming[];
  if (!body || (navigation?.decodedBodySize ?? 0) > MAX_PROBED_PAGE_BYTES) return null;
  const pageChars = lengthOf([body]) - lengthOf(body.querySelectorAll('script, style'));
  yield;
  const blocks = body.querySelectorAll(BLOCKS);
  yield;
  const texts: string[] = [];
  let chars = 0;
  for (let i = 0; i < blocks.length && i < MAX_QUICK_PARAGRAPHS && chars < MAX_QUICK_CHARS; i++) {
    if (i % BLOCKS_PER_STEP === BLOCKS_PER_STEP - 1) yield;
    const text = textOf(blocks[i]);
    if (!text) continue;
    texts.push(text);
    chars += text.length;
  }
  return texts.length && chars >= MIN_BLOCK_SHARE * Math.min(pageChars, MAX_QUICK_CHARS) ? texts : null;
}
