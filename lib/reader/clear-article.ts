/**
 * The article read where it is, without Readability, when the page leaves no doubt: the element
 * whose paragraphs hold most of the page's paragraph text, as Readability scores candidates,
 * without copying or changing the page.
 */
import { leafBlocks, MAX_QUICK_PARAGRAPHS, mostlyLinks, textOf } from './blocks';
import { notArticleTest } from './not-article';

/** Paragraphs shorter than this do not vote for their container (captions, bylines, buttons). */
const MIN_VOTING_PARAGRAPH = 80;
/** Share of the page's paragraph text the chosen container must hold for the quick read to stand. */
const CLEAR_WINNER_SHARE = 0.8;
/** A sibling of the chosen container joins it with this share of its score. */
const SIBLING_SHARE = 0.2;
/** Least paragraph text in that container (about 150 words). */
const MIN_CLEAR_WINNER_CHARS = 900;

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

/**
 * The element whose paragraphs (and its children's, at half weight) hold most of the page's
 * paragraph text, read as it is. Null when no element clearly wins: Readability then decides.
 */
export function clearArticle(doc: Document): string[] | null {
  const { text, linkHeavy, inNotArticle } = pageMeasures();
  const scores = new Map<Element, number>();
  let total = 0;
  const paragraphs = doc.body.getElementsByTagName('p');
  for (let i = 0; i < Math.min(paragraphs.length, MAX_QUICK_PARAGRAPHS); i++) {
    const p = paragraphs[i];
    const length = text(p).length;
    if (length < MIN_VOTING_PARAGRAPH || inNotArticle(p) || linkHeavy(p, length)) continue;
    total += length;
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
  const parts = best.parentElement ? Array.from(best.parentElement.children).filter(joins) : [best];
  // The paragraph text they hold, their own or their children's.
  let held = 0;
  for (const part of parts) {
    for (const p of Array.from(part.getElementsByTagName('p'))) {
      const length = text(p).length;
      if (length >= MIN_VOTING_PARAGRAPH && !inNotArticle(p)) held += length;
    }
  }
  if (held < MIN_CLEAR_WINNER_CHARS || held < CLEAR_WINNER_SHARE * total) return null;
  return leafBlocks(parts, MAX_QUICK_PARAGRAPHS)
    .filter((el) => !inNotArticle(el) && text(el) && !linkHeavy(el, text(el).length))
    .map(text);
}
