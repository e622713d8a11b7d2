/**
 * Tiny DOM builder for the extension pages. Text is only ever set through textContent and
 * attributes through setAttribute, so nothing from a page or a file is parsed as HTML.
 */

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
