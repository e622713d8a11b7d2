/**
 * Reading a page in steps: a read yields between them, so a content script can give the page its
 * main thread back (on a 10 MB page reading 150,000 characters takes tens of ms), and runs at
 * once anywhere else (`readToEnd`).
 */

/** A read in steps, which returns what it read. */
export type ReadSteps<T> = Generator<void, T>;

/** Runs a read in steps at once. */
export function readToEnd<T>(steps: ReadSteps<T>): T {
  for (let next = steps.next(); ; next = steps.next()) if (next.done) return next.value;
}

/** Text blocks (paragraphs) read between two steps: reading an element's text is what costs. */
export const BLOCKS_PER_STEP = 32;

/** Elements walked between two steps: a fraction of a ms, where a whole large page takes tens. */
export const ELEMENTS_PER_STEP = 512;

/**
 * The elements below a root, in document order, one at a time, with `undefined` between steps
 * (every 512 elements): a reader stops where it has read enough. A walk of its own, without a
 * stack (a page may nest deeper than a call stack goes), for reads that look at every element
 * or stop early: a query over a large page finds all its matches in one go (18 ms for 100,000
 * elements). Paragraphs alone come from a live collection instead, which passes over the other
 * elements natively, where this walk makes a wrapper for each.
 */
export function* walk(root: Element): Generator<Element | undefined> {
  let walked = 0;
  let element: Element | null = root.firstElementChild;
  while (element) {
    yield element;
    if (++walked % ELEMENTS_PER_STEP === 0) yield undefined;
    // Depth first: down, else across, else up and across.
    if (element.firstElementChild) {
      element = element.firstElementChild;
      continue;
    }
    while (element && element !== root && !element.nextElementSibling) element = element.parentElement;
    element = element && element !== root ? element.nextElementSibling : null;
  }
}
