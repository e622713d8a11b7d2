/**
 * A page's skeleton, as HTML for the off-page reader: its text blocks (paragraphs, list items,
 * headings) and its boxes of text written with line breaks, each with its text and how much of
 * it is link text, inside copies of the elements that hold them (their tag, class, id, role and
 * the like, no other attribute). Finding the article is left to the off-page reader
 * (clear-article.ts, then Readability), which weighs exactly this: which elements hold the text,
 * what they are named, how much of it is links. The page pays for one query and its blocks'
 * text, not for finding the article, copying the page or serialising all of it. Scripts and
 * styles within a block are not its text.
 */
import { BLOCKS } from './blocks';
import { BLOCKS_PER_STEP, type ReadSteps } from './steps';

/** Most text a skeleton carries: twice what an article's message does, for the page around it. */
export const MAX_SKELETON_CHARS = 300_000;
/** Most elements written in a skeleton. */
const MAX_SKELETON_ELEMENTS = 10_000;

/** Elements whose text is not the page's text. */
const NOT_TEXT = 'script, style, noscript, template, svg, math, iframe, object, select, textarea, button';
const NOT_TEXT_TAGS = new Set(NOT_TEXT.split(', '));

/** What the readers weigh of an element besides its tag: its names, its role, whether it is hidden. */
const KEPT_ATTRIBUTES = new Set(['id', 'class', 'itemprop', 'role', 'aria-hidden']);
/** A style kept only where it hides the element (Readability leaves hidden elements out). */
const HIDING_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
/** Longest attribute value kept: names are short, and a page's attributes are its to make long. */
const MAX_ATTRIBUTE_CHARS = 300;
/** A tag name written as it is; any other (a namespaced or odd name) is written as a div. */
const PLAIN_TAG = /^[a-z][a-z0-9-]{0,40}$/;
/**
 * Tags the HTML parser reads otherwise than as a box (raw text, foreign content), also written as
 * a div: a script can put a paragraph in a `textarea`, and the skeleton around it stays a skeleton.
 */
const NOT_BOXES = new Set([...NOT_TEXT_TAGS, 'title', 'xmp', 'plaintext', 'noembed', 'noframes']);
/** A link to a place in the page counts for this share of its text, as Readability counts it. */
const IN_PAGE_LINK_WEIGHT = 0.3;

const HAS_TEXT = /\S/;
const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' };
const NEEDS_ESCAPE = /[&"<>]/;
export const escapeHtml = (value: string) =>
  NEEDS_ESCAPE.test(value) ? value.replace(/[&"<>]/g, (c) => ESCAPES[c]) : value;

const tagName = (name: string) => (PLAIN_TAG.test(name) && !NOT_BOXES.has(name) ? name : 'div');
const tagOf = (el: Element) => tagName(el.localName);

/** Whether an element has attributes, asked without making the list of them (linkedom cannot be asked). */
const hasAttributes = (el: Element) =>
  typeof el.hasAttributes === 'function' ? el.hasAttributes() : !!el.attributes?.length;

function openTag(el: Element, tag: string): string {
  // Every call into the page's DOM costs its thread on a first run: most elements have no
  // attribute, and those that have are asked for the names they have, not for each kept one.
  if (!hasAttributes(el)) return `<${tag}>`;
  let html = `<${tag}`;
  for (const name of el.getAttributeNames()) {
    if (KEPT_ATTRIBUTES.has(name)) {
      const value = el.getAttribute(name);
      if (value) html += ` ${name}="${escapeHtml(value.slice(0, MAX_ATTRIBUTE_CHARS))}"`;
    } else if (name === 'hidden') html += ' hidden';
    else if (name === 'style' && HIDING_STYLE.test((el.getAttribute(name) ?? '').slice(0, MAX_ATTRIBUTE_CHARS)))
      html += ' style="display:none"';
  }
  return `${html}>`;
}

/**
 * An element written flat: its text, with its last `linked` characters written as a link (the
 * readers only count link text). A link is written as a span around a link; within a link,
 * all of it is link text already (links do not nest).
 */
function flatHtml(el: Element, name: string, text: string, linked: number): string {
  const plain = text.slice(0, text.length - linked);
  const link = linked ? `<a>${escapeHtml(text.slice(text.length - linked))}</a>` : '';
  const tag = name === 'a' ? 'span' : tagName(name);
  return `${openTag(el, tag)}${escapeHtml(plain)}${link}</${tag}>`;
}

/** Whether a node is an element, which alone has a tag and text of its own to write. */
const isElement = (node: Node): node is Element => node.nodeType === 1;

/**
 * A box of text written with line breaks (`text<br>text`) instead of paragraphs: its text, its
 * line breaks and its elements (each flat) in order, as Readability reads such a box; in steps,
 * since a box may hold thousands of lines.
 */
function* textBoxSteps(box: Element, inLink: boolean): ReadSteps<string> {
  const tag = tagOf(box);
  let html = openTag(box, tag);
  let children = 0;
  for (let child = box.firstChild; child && html.length < MAX_SKELETON_CHARS; child = child.nextSibling) {
    if (++children % BLOCKS_PER_STEP === 0) yield;
    if (!isElement(child)) {
      if (child.nodeType === 3) html += escapeHtml((child.nodeValue ?? '').slice(0, MAX_SKELETON_CHARS));
    } else {
      const name = child.localName;
      if (name === 'br') html += '<br>';
      else if (!NOT_TEXT_TAGS.has(name)) html += flatOrNothing(child, name, inLink);
    }
  }
  return `${html}</${tag}>`;
}

/**
 * The skeleton of a body (or a shadow root's or frame's content), in steps: its leaf text
 * blocks (those holding no other) and its boxes of text written with line breaks, in document
 * order, with every element between them and the root; at most MAX_SKELETON_CHARS of text and
 * MAX_SKELETON_ELEMENTS blocks. One query finds them, and the page's own code reads their text:
 * a walk of every node in script costs a page several times as much on the first run.
 */
export function* skeletonSteps(root: Element | DocumentFragment): ReadSteps<string> {
  const found = root.querySelectorAll(`${BLOCKS}, br`);
  // Each found element's name, and for a line break the box it is in, if no block holds that box.
  const names: string[] = [];
  const boxOf: (Element | null)[] = [];
  const textBoxes = new Set<Element>();
  for (let i = 0; i < found.length; i++) {
    if (i % BLOCKS_PER_STEP === BLOCKS_PER_STEP - 1) yield;
    names.push(found[i].localName);
    const parent = names[i] === 'br' ? found[i].parentElement : null;
    const box = parent && parent !== root && (textBoxes.has(parent) || !parent.closest(BLOCKS)) ? parent : null;
    if (box) textBoxes.add(box);
    boxOf.push(box);
  }
  // The next block after each: a block holds another if, and only if, it holds the next one (document order).
  const nextBlock = new Array<number>(found.length);
  for (let i = found.length - 1, next = found.length; i >= 0; i--) {
    nextBlock[i] = next;
    if (names[i] !== 'br') next = i;
  }
  yield;
  const out: string[] = [];
  /** The elements open in the skeleton, from the root's child down, their tags, and how many are links. */
  const open: Element[] = [];
  const openTags: string[] = [];
  let links = 0;
  /** The last box of text written: what is in it is written already. */
  let lastBox: Element | null = null;
  let [chars, written] = [0, 0];
  for (let i = 0; i < found.length && written < MAX_SKELETON_ELEMENTS && chars < MAX_SKELETON_CHARS; i++) {
    if (i % BLOCKS_PER_STEP === BLOCKS_PER_STEP - 1) yield;
    let item: Element = found[i];
    if (names[i] === 'br') {
      if (!boxOf[i]) continue;
      item = boxOf[i]!;
    } else if (nextBlock[i] < found.length && item.contains(found[nextBlock[i]])) continue;
    if (lastBox?.contains(item)) continue;
    // Its containers not yet open, up to the innermost open one; a box of text among them is written whole.
    const opening: Element[] = [];
    for (let at = item.parentNode; at && at !== root && !open.includes(at as Element); at = at.parentNode) {
      if (textBoxes.has(at as Element)) [item, opening.length] = [at as Element, 0];
      else opening.push(at as Element);
    }
    const innermost = opening.length ? opening[opening.length - 1].parentNode : item.parentNode;
    const keep = innermost === root ? 0 : open.indexOf(innermost as Element) + 1;
    while (open.length > keep) {
      open.pop();
      const tag = openTags.pop()!;
      if (tag === 'a') links--;
      out.push(`</${tag}>`);
    }
    for (let k = opening.length - 1; k >= 0; k--) {
      const el = opening[k];
      const tag = tagOf(el);
      out.push(openTag(el, tag));
      open.push(el);
      openTags.push(tag);
      if (tag === 'a') links++;
    }
    const box = textBoxes.has(item);
    const html = box ? yield* textBoxSteps(item, links > 0) : flatOrNothing(item, names[i], links > 0);
    if (!html) continue;
    out.push(html);
    if (box) lastBox = item;
    written++;
    chars += html.length;
  }
  while (openTags.length) out.push(`</${openTags.pop()!}>`);
  return out.join('');
}

/** What makes an element more than plain text: a link or something that is not text in it. */
const NOT_PLAIN = `a, ${NOT_TEXT}`;

/**
 * An element written flat, unless it has no text: empty then. Its text is without what is not
 * text in it (a script in a paragraph, say), and how much of it is link text is counted unless it
 * is in a link already. One query finds both, and most blocks have neither: every call into the
 * page's DOM costs its thread on a first run.
 */
function flatOrNothing(el: Element, name: string, inLink: boolean): string {
  const inner = el.querySelectorAll(NOT_PLAIN);
  let text = el.textContent ?? '';
  let linked = 0;
  for (let i = 0; i < inner.length; i++) {
    const part = inner[i];
    const partText = part.textContent ?? '';
    if (part.localName !== 'a') text = text.replace(partText, '');
    else if (!inLink)
      linked += partText.length * (part.getAttribute('href')?.startsWith('#') ? IN_PAGE_LINK_WEIGHT : 1);
  }
  text = text.slice(0, MAX_SKELETON_CHARS);
  if (!HAS_TEXT.test(text)) return '';
  if (!inLink && name === 'a') linked = text.length;
  return flatHtml(el, name, text, Math.min(text.length, Math.round(linked)));
}
