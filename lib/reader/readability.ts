/**
 * Mozilla Readability on a copy of the page (it changes the DOM it is given): the copy is the
 * page's marked article alone where there is one, else the whole page with open shadow roots and
 * same-origin frames put where they are shown. Pages too big for it get a quick, bounded read.
 */
import { Readability } from '@mozilla/readability';
import { BLOCKS, paragraphsOf } from './blocks';
import { quickParagraphs, tooBig } from './bounded-read';
import { hiddenParts } from './hidden-parts';
import { isNamedFurniture } from './not-article';
import { readToEnd } from './steps';

/** Child-index path from the root element to `node`, to find its copy in a cloned document. */
function pathTo(node: Element, root: Element): number[] {
  const path: number[] = [];
  for (let el: Element | null = node; el && el !== root; el = el.parentElement) {
    path.unshift(Array.prototype.indexOf.call(el.parentElement?.children ?? [], el));
  }
  return path;
}

function follow(root: Element, path: number[]): Element | undefined {
  let el: Element | undefined = root;
  for (const i of path) el = el?.children[i];
  return el;
}

/**
 * A copy of the document for Readability, with the content of open shadow roots and of
 * same-origin iframes put where they are shown, so an article inside them is found.
 */
function flattenedClone(doc: Document): Document {
  const clone = doc.cloneNode(true) as Document;
  const root = doc.documentElement;
  const cloneRoot = clone.documentElement;
  const { hosts, frames } = readToEnd(hiddenParts(doc));
  for (const host of hosts) {
    const target = follow(cloneRoot, pathTo(host, root));
    for (const child of Array.from(host.shadowRoot!.childNodes)) target?.append(clone.importNode(child, true));
  }
  for (const [frame, body] of frames) {
    const target = follow(cloneRoot, pathTo(frame, root));
    if (!target) continue;
    const container = clone.createElement('div');
    for (const child of Array.from(body.childNodes)) container.append(clone.importNode(child, true));
    target.replaceWith(container);
  }
  return clone;
}

/** Share of the page's paragraph text a single `<article>` must hold to be read on its own. */
const ARTICLE_ELEMENT_SHARE = 0.8;

/**
 * When the page marks its article (one `<article>` holding most of its paragraph text), a small
 * document of that element alone, for Readability: copying and scoring the whole page costs the
 * page its main thread, on every article page. Null when the page marks no single article.
 */
function articleOnly(doc: Document): Document | null {
  const articles = doc.getElementsByTagName('article');
  if (articles.length !== 1 || !doc.body) return null;
  const paragraphChars = (root: Element) => {
    let chars = 0;
    for (const p of Array.from(root.getElementsByTagName('p'))) chars += (p.textContent ?? '').length;
    return chars;
  };
  const inArticle = paragraphChars(articles[0]);
  if (inArticle === 0 || inArticle < ARTICLE_ELEMENT_SHARE * paragraphChars(doc.body)) return null;
  // An empty copy of the document holding only <html><body><article>: works in every DOM.
  const small = doc.cloneNode(false) as Document;
  const html = small.appendChild(small.importNode(doc.documentElement, false));
  html.appendChild(small.importNode(doc.body, false)).appendChild(small.importNode(articles[0], true));
  return small;
}

/** Set on the copy's blocks that sit in named furniture, for paragraphsOf to leave out. */
export const FURNITURE_MARK = 'data-upstream-furniture';

/**
 * Marks the copy's boxes whose class names call them furniture (comments, related stories,
 * newsletter sign-ups), and every block in them, before Readability reads it: Readability keeps
 * some of them and unwraps or renames the elements it keeps, so their names are gone after.
 * Marked, not removed: taking them out changes which element Readability chooses. A mark the
 * page itself carried is taken off first.
 */
function markNamedFurniture(copy: Document): Document {
  for (const el of Array.from(copy.querySelectorAll(`[${FURNITURE_MARK}]`))) el.removeAttribute(FURNITURE_MARK);
  for (const el of Array.from(copy.querySelectorAll('body [class], body [id]'))) {
    if (!isNamedFurniture(el)) continue;
    el.setAttribute(FURNITURE_MARK, '');
    for (const block of Array.from(el.querySelectorAll(BLOCKS))) block.setAttribute(FURNITURE_MARK, '');
  }
  return copy;
}

/** What Readability (or the quick read of a huge page) found: the paragraphs, and what it read of the page's metadata. */
export interface ReadabilityRead {
  paragraphs: string[];
  title?: string;
  siteName?: string;
  publishedTime?: string;
  lang?: string;
}

/** The article as Readability reads it from a copy of the page, or a quick read of a page too big for it. */
export function readWithReadability(doc: Document): ReadabilityRead {
  if (tooBig(doc)) return { paragraphs: readToEnd(quickParagraphs(doc)) };
  const parsed = new Readability<Node>(markNamedFurniture(articleOnly(doc) ?? flattenedClone(doc)), {
    serializer: (el: Node) => el,
    charThreshold: 300,
  }).parse();
  const content = parsed?.content as Element | null | undefined;
  return {
    paragraphs: content ? paragraphsOf(content, FURNITURE_MARK) : [],
    title: parsed?.title ?? undefined,
    siteName: parsed?.siteName ?? undefined,
    publishedTime: parsed?.publishedTime ?? undefined,
    lang: parsed?.lang ?? undefined,
  };
}
