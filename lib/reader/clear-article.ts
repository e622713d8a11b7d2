/**
 * The article read without Readability when the document leaves no doubt: the element whose
 * paragraphs hold most of the document's paragraph text, as Readability scores candidates,
 * without copying or changing the document. It reads off the page (a page's skeleton, a feed
 * item, a file): reading every paragraph's text again and again is not a page's to pay.
 */
import { leafBlocks, MAX_QUICK_CHARS, MAX_QUICK_PARAGRAPHS, mostlyLinks, textOf } from './blocks';
import { notArticleTest } from './not-article';

/** Paragraphs shorter than this do not vote for their container (captions, bylines, buttons). */
const MIN_VOTING_PARAGRAPH = 80;
/** Share of the page's paragraph text the chosen container must hold for the quick read to stand. */
const CLEAR_WINNER_SHARE = 0.8;
/** A sibling of the chosen container joins it with this share of its score. */
const SIBLING_SHARE = 0.2;
/** Least paragraph text in that container (about 150 words). */
const MIN_CLEAR_WINNER_CHARS = 900;
/** Paragraph text that votes: enough to find the article's container on any page, far less than a huge page holds. */
const MAX_VOTING_CHARS = 50_000;

/**
 * The quick read's measures of a page's elements, each taken once: the read looks at a
 * paragraph up to three times (its vote, the winner's total, the blocks read), and reading an
 * element's text from the page is what costs.
 */
function pageMeasures() {
  const texts = new Map<Element, string>();
  const text = (el: Element) => {
    let value = texts.get(el);
    if (value === undefined) texts.set(el, (value = textOf(el)));
    return value;
  };
  return {
    text,
    linkHeavy: (el: Element, length: number) => mostlyLinks(el, text, length),
    inNotArticle: notArticleTest(),
  };
}

/** Elements a page marks as its article: a region is read in place only within one. */
const ARTICLE_CONTAINERS = 'article, [itemprop="articleBody"]';
/** Share of the page's paragraph text a region holds: all but a stray paragraph or two. */
const REGION_SHARE = 0.95;
/** Ancestors of a paragraph credited with its text when looking for the region. */
const MAX_REGION_DEPTH = 64;

/**
 * Where a page's paragraph text is: the innermost element below the body that holds nearly all
 * of it, or null when only the body does. The elements holding more than half of it are
 * nested, so the innermost is the one holding least.
 */
function textRegionOf(doc: Document, voters: [Element, number][], total: number): Element | null {
  const held = new Map<Element, number>();
  for (const [p, length] of voters) {
    let at = p.parentElement;
    for (let depth = 0; at && at !== doc.body && depth < MAX_REGION_DEPTH; depth++, at = at.parentElement)
      held.set(at, (held.get(at) ?? 0) + length);
  }
  let region: Element | null = null;
  for (const [el, chars] of held) {
    if (chars < REGION_SHARE * total || chars < MIN_CLEAR_WINNER_CHARS) continue;
    const least = region ? held.get(region)! : Infinity;
    // Wrappers around the region hold as much as it: the innermost of them.
    if (chars < least || (chars === least && region!.contains(el))) region = el;
  }
  return region;
}

/**
 * The element whose paragraphs (and its children's, at half weight) hold most of the page's
 * paragraph text, read as it is; or an article split into several containers (a body cut by
 * advertisements, numbered steps, a story in columns), read as the region holding nearly all
 * the text when the page marks that region as its article. Null when neither is clear:
 * Readability then decides.
 */
export function clearArticle(doc: Document): string[] | null {
  const { text, linkHeavy, inNotArticle } = pageMeasures();
  const scores = new Map<Element, number>();
  const voters: [paragraph: Element, length: number][] = [];
  let total = 0;
  // A live collection, not bounded by its length, which counts every paragraph of a huge page first.
  const paragraphs = doc.body.getElementsByTagName('p');
  for (let i = 0; i < MAX_QUICK_PARAGRAPHS && total < MAX_VOTING_CHARS; i++) {
    const p = paragraphs[i];
    if (!p) break;
    const length = text(p).length;
    if (length < MIN_VOTING_PARAGRAPH || inNotArticle(p) || linkHeavy(p, length)) continue;
    total += length;
    voters.push([p, length]);
    const parent = p.parentElement;
    if (parent) scores.set(parent, (scores.get(parent) ?? 0) + length);
    const grandparent = parent?.parentElement;
    if (grandparent) scores.set(grandparent, (scores.get(grandparent) ?? 0) + length / 2);
  }
  let best: Element | undefined;
  for (const [el, score] of scores) if (!best || score > scores.get(best)!) best = el;
  if (!best) return null;
  // Siblings that hold a good part of the text too, or paragraphs and the winner's tag and first
  // class (an article body split into numbered columns), join it, as Readability joins them.
  const threshold = SIBLING_SHARE * scores.get(best)!;
  const kind = (el: Element) => `${el.tagName} ${el.className.split(' ')[0]}`;
  const alike = (el: Element) => !!el.className && kind(el) === kind(best);
  const joins = (el: Element) => el === best || (scores.get(el) ?? 0) >= threshold || (scores.has(el) && alike(el));
  let parts = best.parentElement ? Array.from(best.parentElement.children).filter(joins) : [best];
  // The voting paragraph text they hold, their own or their children's.
  let held = 0;
  for (const [p, length] of voters) if (parts.some((part) => part.contains(p))) held += length;
  if (held < MIN_CLEAR_WINNER_CHARS || held < CLEAR_WINNER_SHARE * total) {
    const textRegion = textRegionOf(doc, voters, total);
    if (!textRegion?.closest(ARTICLE_CONTAINERS)) return null;
    parts = [textRegion];
  }
  const read: string[] = [];
  let [chars, blocks] = [0, 0];
  for (const el of leafBlocks(parts)) {
    if (!el) continue;
    if (++blocks > MAX_QUICK_PARAGRAPHS) break;
    const block = text(el);
    if (!block || inNotArticle(el) || linkHeavy(el, block.length)) continue;
    read.push(block);
    if ((chars += block.length) >= MAX_QUICK_CHARS) break;
  }
  return read;
}
