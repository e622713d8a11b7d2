/**
 * Tiny DOM builder for the extension pages. Text is only ever set through textContent and
 * attributes through setAttribute, so nothing from a page or a file is parsed as HTML.
 */
import { ARTICLE_END, ARTICLE_START } from './describe';

type Child = Node | string | null | undefined | false;

/** Creates an element with attributes and children. */
export function h(
  doc: Document,
  tag: string,
  attributes: Record<string, string | undefined> = {},
  ...children: Child[]
): HTMLElement {
  const el = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) el.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' ? doc.createTextNode(child) : child);
  }
  return el;
}

/** Only http(s) links are shown as links; anything else (javascript:, data:) is shown as text. */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** The marker a translated sentence carries where `placed` puts an element. */
export const SLOT = '\u0001';

/**
 * A translated sentence with elements in it: `text` was translated with SLOT for each element's
 * substitution, so the language decides where the element goes.
 */
export function placed(doc: Document, tag: string, attributes: Record<string, string>, text: string, ...nodes: Node[]) {
  const pieces = text.split(SLOT);
  const children: (Node | string)[] = [];
  pieces.forEach((piece, i) => {
    if (piece) children.push(piece);
    if (i < pieces.length - 1 && nodes[i]) children.push(nodes[i]);
  });
  return h(doc, tag, attributes, ...children);
}

/**
 * A sentence as nodes, its marked stretches (ARTICLE_START … ARTICLE_END, see describe.ts) in
 * spans that say they are an article's text, not the interface's: translate="no".
 */
export function fromArticleSpans(doc: Document, text: string): (Node | string)[] {
  return text.split(ARTICLE_START).flatMap((piece, i) => {
    if (i === 0) return piece ? [piece] : [];
    const [inside, after] = piece.split(ARTICLE_END);
    return [h(doc, 'span', { translate: 'no' }, inside), ...(after ? [after] : [])];
  });
}

let lastId = 0;
/** An id for an element that another one names (aria-labelledby), unique in the page. */
export const uniqueId = (prefix: string) => `${prefix}-${++lastId}`;
