/**
 * A page's text blocks: the leaf blocks (paragraphs, list items, headings) of some elements,
 * with their white space collapsed. Shared by every way of reading a page.
 */
import { walk } from './steps';

/** The quick reads look at no more than this many paragraphs, */
export const MAX_QUICK_PARAGRAPHS = 4_000;
/** and read no more text than this: what a page's message carries, more than an article holds. */
export const MAX_QUICK_CHARS = 150_000;

export const BLOCKS = 'p, li, blockquote, h2, h3, h4, h5, h6, pre, figcaption, td';
const BLOCK_TAGS = new Set(BLOCKS.split(', '));

/**
 * The text blocks of Readability's content element, in order, without empty ones or blocks in an
 * element that carries `mark` (set on furniture before Readability read the page). Lists of links
 * stay: Readability weighs link density itself, and a densely linked paragraph (Wikipedia) is text.
 */
export function paragraphsOf(content: Element, mark: string): string[] {
  const blocks = Array.from(leafBlocks([content])).filter((el): el is Element => !!el && !el.closest(`[${mark}]`));
  return (blocks.length ? blocks : [content]).map(textOf).filter(Boolean);
}

/** An element's text with its white space collapsed. */
export const textOf = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

/**
 * The text blocks within some elements that hold no other text block, in document order, one at
 * a time, with `undefined` between steps of the walk: a reader that has read enough stops, on a
 * page of a hundred thousand blocks.
 */
export function* leafBlocks(roots: Element[]): Generator<Element | undefined> {
  for (const root of roots)
    for (const el of walk(root)) if (!el || (BLOCK_TAGS.has(el.localName) && !el.querySelector(BLOCKS))) yield el;
}

/** Blocks mostly of link text are menus and lists of other articles. */
export const MAX_LINK_DENSITY = 0.5;

/** Whether most of a block's text is link text (a list of other articles, a menu). */
export function mostlyLinks(el: Element, text = textOf, length = text(el).length): boolean {
  let linked = 0;
  for (const a of Array.from(el.getElementsByTagName('a'))) linked += text(a).length;
  return length ? linked / length > MAX_LINK_DENSITY : true;
}
