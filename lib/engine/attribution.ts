/**
 * Reads attribution from the article's own text: "Write to …" and "By …" bylines,
 * "… contributed to this article", and copyright lines. Only what is written there is
 * returned; where a field has no evidence it stays undefined.
 */
import type { Attribution } from '../model';

const WRITE_TO = /^write to (.+)$/i;
const BY_LINE = /^by\s+(.{3,120})$/i;
const CONTRIBUTED = /^(.+?) contributed (reporting )?to this (article|report)\.?$/i;
const COPYRIGHT = /^(copyright\s*)?(©|\(c\)|copyright)\s*(\d{4})\s+(.+)$/i;
/** Attribution lines are short: longer paragraphs are article text and are not matched at all. */
const MAX_ATTRIBUTION_LINE = 300;
const NAME_WORD = /^\p{Lu}[\p{L}'.-]*$/u;
const CORPORATE_SUFFIX = /(,?\s+(inc|ltd|llc|plc|corp|gmbh|s\.a)\.?|\s+&\s+(company|co)\.?|\s+group)$/i;

function splitNames(list: string): string[] {
  return list
    .split(/,\s*|\s+and\s+|\s+&\s+/)
    .map((name) =>
      name
        .replace(/\s+at\b.*$/i, '')
        .replace(/[\s.,;]+$/, '')
        .trim(),
    )
    .filter((name) => {
      // Two to five capitalised words, checked word by word (a pattern of repeated optional
      // parts backtracks for ever on a long capitalised run).
      const words = name.split(' ');
      return words.length >= 2 && words.length <= 5 && words.every((w) => NAME_WORD.test(w));
    });
}

function publisherFrom(rest: string): string | undefined {
  let name = rest.split(/\.\s|\s+all rights/i)[0].trim();
  for (let i = 0; i < 3; i++) name = name.replace(CORPORATE_SUFFIX, '').trim();
  name = name.replace(/[.,]+$/, '');
  return name && name.split(/\s+/).length <= 6 ? name : undefined;
}

/** Finds attribution lines, returning what they say and the paragraphs without them. */
export function extractAttribution(paragraphs: string[]): { attribution: Attribution; paragraphs: string[] } {
  const attribution: Attribution = {};
  const kept: string[] = [];
  paragraphs.forEach((paragraph, i) => {
    const nearEdge = (i < 3 || i >= paragraphs.length - 6) && paragraph.length <= MAX_ATTRIBUTION_LINE;
    let match: RegExpMatchArray | null;
    if (nearEdge && (match = paragraph.match(WRITE_TO)) && !attribution.authors) {
      const names = splitNames(match[1]);
      if (names.length) attribution.authors = names;
      return;
    }
    if (nearEdge && i < 3 && (match = paragraph.match(BY_LINE)) && !attribution.authors) {
      const names = splitNames(match[1]);
      if (names.length) {
        attribution.authors = names;
        return;
      }
    }
    if (nearEdge && (match = paragraph.match(CONTRIBUTED))) {
      const names = splitNames(match[1]);
      if (names.length) attribution.contributors = names;
      return;
    }
    if (nearEdge && (match = paragraph.match(COPYRIGHT))) {
      attribution.published ??= match[3];
      attribution.publisher ??= publisherFrom(match[4]);
      return;
    }
    kept.push(paragraph);
  });
  return { attribution, paragraphs: kept };
}
