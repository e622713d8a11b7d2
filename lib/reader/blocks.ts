/**
 * A page's text blocks: the leaf blocks (paragraphs, list items, headings) of some elements,
 * with their white space collapsed. Shared by every way of reading a page.
 */

/** The quick reads look at no more than this many paragraphs. */
export const MAX_QUICK_PARAGRAPHS = 4_000;

const BLOCKS = 'p, li, blockquote, h2, h3, h4, h5, h6, pre, figcaption, td';

/** The text blocks of Readability's content element, in order, without empty ones. */
export function paragraphsOf(content: Element): string[] {
  const blocks = leafBlocks([content]);
  return (blocks.length ? blocks : [content]).map(textOf).filter(Boolean);
}

/** An element's text with its white space collapsed. */
export const textOf = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The text blocks within some elements (the first `limit`) that hold no other text block, in document order. */
export const leafBlocks = (roots: Element[], limit = Infinity) =>
  roots
    .flatMap((root) => Array.from(root.querySelectorAll(BLOCKS)))
    .slice(0, limit)
    .filter((el) => !el.querySelector(BLOCKS));
