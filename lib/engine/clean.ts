/**
 * Removes what reposting sites wrap around an article: trailers ("Source link", "Leave a
 * Reply", captchas, "More Stories" lists), photo credit lines, the reposting site's author
 * bio, repeated headlines, and paragraphs broken in the middle of a sentence. The same
 * cleaning runs on stored originals and on pages, so both are compared on the article alone.
 */
import { BOILERPLATE_LINES, TRAILERS } from './languages';
import { compactText } from './normalize';

const isTrailer = (line: string) => TRAILERS.some((pattern) => pattern.test(line));
const isBoilerplate = (line: string) => BOILERPLATE_LINES.some((pattern) => pattern.test(line));

const CREDIT_SOURCES =
  /(getty images|agence france-presse|afp|reuters|associated press|ap photo|shutterstock|zuma press|epa|bloomberg|press association|anadolu)$/i;
const BIO_ROLE = /\b(reporter|writer|editor|correspondent|journalist|columnist|contributor|covers)\b/i;

/** True for a caption credit such as "Gilles Bader/Zuma Press" or "daniel leal/AFP/Getty Images". */
export function isCreditLine(line: string): boolean {
  const words = line.split(/\s+/).length;
  if (words > 10 || /[.!?]["”]?(\s|$)/.test(line)) return false;
  return (line.includes('/') && !/\s\/\s.*\s\/\s/.test(line) && words <= 8) || CREDIT_SOURCES.test(line);
}

/** Strips a trailing " | #socialmedia" or " | Site Name" from a headline. */
export function cleanTitle(title: string): string {
  let t = title.replace(/\s+/g, ' ').trim();
  t = t.replace(/\s+[|]\s+#[^|]*$/, '');
  const parts = t.split(/\s+\|\s+/);
  if (parts.length > 1 && parts[parts.length - 1].split(' ').length <= 4) parts.pop();
  return parts.join(' | ').trim();
}

/** Longest trailing credit looked for; credits are short, and a bounded tail keeps the patterns linear. */
const MAX_CREDIT_CHARS = 300;
/** Longest line that can be a boilerplate line or a caption credit. */
const MAX_BOILERPLATE_LINE = 200;

/**
 * Removes trailing photo credits ("Photo: X/Shutterstock", "© X / AFP / Getty") from a
 * paragraph. Only the text after its last sentence end is searched, at most MAX_CREDIT_CHARS.
 */
function stripInlineCredits(paragraph: string): string {
  const lastEnd = Math.max(paragraph.lastIndexOf('.'), paragraph.lastIndexOf('!'), paragraph.lastIndexOf('?'));
  const tail = paragraph.slice(lastEnd + 1);
  if (tail.length > MAX_CREDIT_CHARS) return paragraph;
  const strippedTail = tail
    .replace(/\s*\b(photo( composite)?|image|credit|video)s?:.*$/i, '')
    .replace(/\s*©[^©]*\/.*$/, '');
  return (paragraph.slice(0, lastEnd + 1) + strippedTail).trim();
}

/** Most of an article's text that may follow a trailer marker ("Source link", "Comments"). */
const MAX_TRAILER_SHARE = 0.25;

/**
 * Longest paragraph handled as one: a longer one (a page that never breaks its text) is cut
 * at spaces into pieces of this size before cleaning, and never joined back.
 */
export const MAX_PARAGRAPH_CHARS = 10_000;

/** Joins paragraphs that a page layout broke inside a sentence ("Russian President" / "Vladimir Putin,"). */
function joinBrokenParagraphs(paragraphs: string[]): string[] {
  const joined: string[] = [];
  for (const paragraph of paragraphs) {
    const previous = joined[joined.length - 1];
    const previousOpen =
      previous !== undefined &&
      !/[.!?:;"”’)\]…]$/.test(previous) &&
      (/[,–-]$/.test(previous) ||
        previous.split(/\s+/).length <= 3 ||
        paragraph.split(/\s+/).length <= 3 ||
        /^[\p{Ll}]/u.test(paragraph));
    const fits = previous !== undefined && previous.length + paragraph.length < MAX_PARAGRAPH_CHARS;
    if (previousOpen && fits && /^[\p{L}\p{N}"“]/u.test(paragraph))
      joined[joined.length - 1] = `${previous} ${paragraph}`;
    else joined.push(paragraph);
  }
  return joined;
}

/** Drops a closing "Name" / "Name is a reporter for Site..." author bio of the reposting site. */
function dropRepostBio(paragraphs: string[]): string[] {
  for (let i = Math.max(0, paragraphs.length - 6); i < paragraphs.length - 1; i++) {
    const name = paragraphs[i];
    if (
      /^(\p{Lu}[\p{L}'.-]+\s){1,3}\p{Lu}[\p{L}'.-]+$/u.test(name) &&
      paragraphs[i + 1].startsWith(name) &&
      BIO_ROLE.test(paragraphs[i + 1])
    ) {
      return paragraphs.slice(0, i);
    }
  }
  return paragraphs;
}

/** Letters and digits of a breadcrumb trail glued before a headline ("HomePoliticsWorld"). */
const MAX_BREADCRUMB = 40;
/** Words a breadcrumb line may have beyond the headline's own. */
const BREADCRUMB_WORDS = 6;

/**
 * Cleans an article's paragraphs. `title` (already cleaned) lets repeated headlines be dropped.
 * Nothing is dropped from the first half of the paragraphs by a trailer marker, nor when more
 * than a quarter of the text follows it, so an article that merely mentions "Comments" is not
 * cut short.
 */
export function cleanParagraphs(paragraphs: string[], title?: string): string[] {
  let lines = paragraphs.map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
  // A trailer marker closes the article only where little text follows it: a "Comment" header
  // in a table halfway through a long article is not the end of it.
  const total = lines.reduce((n, line) => n + line.length, 0);
  let after = total;
  const trailerAt = lines.findIndex((line, i) => {
    after -= line.length;
    return i >= lines.length / 2 && isTrailer(line) && after <= total * MAX_TRAILER_SHARE;
  });
  if (trailerAt >= 0) lines = lines.slice(0, trailerAt);
  lines = dropRepostBio(lines);
  const seen = new Set<string>(title ? [compactText(title)] : []);
  const kept: string[] = [];
  const titleKey = title ? compactText(title) : '';
  const titleWords = title ? title.split(/\s+/).length : 0;
  // Near the top, a paragraph that IS the headline, or the headline with a short breadcrumb
  // glued before it ("HomePoliticsKyiv…"), or a line that is the headline's last part. A
  // paragraph that merely ends with the headline's words is article text.
  const isHeadline = (key: string, line: string, index: number) =>
    !!titleKey &&
    index < 3 &&
    key.length >= 12 &&
    (key === titleKey ||
      (key.endsWith(titleKey) &&
        key.length - titleKey.length <= MAX_BREADCRUMB &&
        line.split(' ').length <= titleWords + BREADCRUMB_WORDS) ||
      (titleKey.endsWith(key) && !/[.!?]["”’]?$/.test(line)));
  for (const [index, line] of lines.entries()) {
    if (line.length <= MAX_BOILERPLATE_LINE && (isBoilerplate(line) || isCreditLine(line))) continue;
    const stripped = stripInlineCredits(line);
    const key = compactText(stripped);
    if (!key || seen.has(key) || isHeadline(key, stripped, index)) continue;
    seen.add(key);
    kept.push(stripped);
  }
  return joinBrokenParagraphs(kept);
}

/**
 * Splits a plain-text article into an optional headline and its paragraphs. The first line is
 * a headline when it reads like one (short, no closing punctuation); a breadcrumb line that
 * ends with the headline ("HomePoliticsKyiv and Moscow…") is dropped.
 */
export function splitTextArticle(text: string): { title?: string; paragraphs: string[] } {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split(/\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 0) return { paragraphs: [] };
  const looksLikeTitle = (line: string) => line.split(/\s+/).length <= 30 && !/[.!?]["”]?$/.test(line);
  let title: string | undefined;
  let rest = lines;
  if (looksLikeTitle(lines[0])) {
    title = lines[0];
    rest = lines.slice(1);
    const second = lines[1];
    if (second && looksLikeTitle(second) && compactText(title).endsWith(compactText(second))) {
      title = second;
      rest = lines.slice(2);
    }
  }
  return { title: title ? cleanTitle(title) : undefined, paragraphs: rest };
}
