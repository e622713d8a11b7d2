/**
 * How close Upstream's extraction (Readability, then Upstream's cleaning) comes to Mozilla
 * Readability's own article on the saved pages of its test suite
 * (`../shared/corpora/readability-pages/`, read at run time): the share of the expected
 * article's words Upstream reads (a multiset: a word read twice counts twice), page by page.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { DOMParser, parseHTML } from 'linkedom';
import { prepareArticle } from '../lib/engine';
import { clearArticle, extractArticle, mayHaveArticleSteps, pageDocument, readPage, readToEnd } from '../lib/reader';
import type { ArticleInput } from '../lib/model';
import { CORPORA_DIR } from './corpora';

/** A way of reading a page's article. */
export type PageReader = (doc: Document, url: string) => ArticleInput | null;

/** As `npm run check` reads a file: the whole document. */
export const readAsFile: PageReader = extractArticle;

/**
 * As the extension reads a live page: what the content script sends (the page's skeleton, or
 * the whole page when its paragraphs hold little text) read as the off-page reader reads it, or
 * the quick read of a page too big to send.
 */
export const readAsPage: PageReader = (doc, url) => {
  const read = readToEnd(mayHaveArticleSteps(doc)) ? readPage(doc, url) : null;
  if (!read) return null;
  return 'article' in read ? read.article : extractArticle(pageDocument(new DOMParser() as never, read), url);
};

export interface ExtractionResult {
  page: string;
  /** Share of the expected article's words that Upstream reads. */
  recall: number;
  /** Share of the words Upstream reads that are in the expected article. */
  precision: number;
  readerable: boolean;
  found: boolean;
  /** Whether the page's article is clear enough to be read without Readability. */
  quickRead: boolean;
}

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

function overlap(expected: string[], read: string[]): number {
  const left = new Map<string, number>();
  for (const w of expected) left.set(w, (left.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of read) {
    const n = left.get(w) ?? 0;
    if (n > 0) {
      shared++;
      left.set(w, n - 1);
    }
  }
  return shared;
}

/** Every test page with its figures, or null when the corpus is not there. */
export function extractionResults(reader: PageReader = readAsFile): ExtractionResult[] | null {
  const dir = join(CORPORA_DIR, 'readability-pages');
  if (!existsSync(dir)) return null;
  return readdirSync(dir)
    .sort()
    .map((page) => {
      const read = (name: string) => readFileSync(join(dir, page, name), 'utf8');
      const expected = words(
        parseHTML(`<html><body>${read('expected.html')}</body></html>`).document.body.textContent ?? '',
      );
      const metadata = JSON.parse(read('expected-metadata.json')) as { readerable?: boolean };
      // Parsed once: extraction reads the page without changing it (Readability works on a copy).
      const doc = parseHTML(read('source.html')).document as unknown as Document;
      const article = reader(doc, 'http://fakehost/test/page.html');
      const ours = article ? words(prepareArticle(article).paragraphs.join(' ')) : [];
      const shared = overlap(expected, ours);
      return {
        page,
        recall: expected.length ? shared / expected.length : 1,
        precision: ours.length ? shared / ours.length : 0,
        readerable: metadata.readerable !== false,
        found: !!article,
        quickRead: !!clearArticle(doc),
      };
    });
}

/** Figures for one page of the article-extraction benchmark (human-marked article bodies). */
export interface ParagraphResult {
  page: string;
  /** Share of the article's word trigrams that Upstream reads. */
  recall: number;
  /** Share of the words read that sit in paragraphs of the article (most of their trigrams in it). */
  paragraphPrecision: number;
  /** Paragraphs read that are not the article's, with their first words, for a person to look at. */
  strays: string[];
  /** Whether the article is clear enough to be read without Readability. */
  quickRead: boolean;
}

const trigrams = (list: string[]) => {
  const out: string[] = [];
  for (let i = 0; i + 3 <= list.length; i++) out.push(`${list[i]} ${list[i + 1]} ${list[i + 2]}`);
  return out.length ? out : [list.join(' ')];
};

/** Share of a paragraph's trigrams the article holds at which it counts as the article's. */
const IN_ARTICLE = 0.5;

/**
 * Paragraph-level precision on Zyte's article-extraction benchmark (181 real news and blog
 * pages, each with its article body marked by a person): a directory holding its `html/*.html.gz`
 * and `ground-truth.json` (a checkout of scrapinghub/article-extraction-benchmark, MIT), given by
 * EXTRACTION_BENCHMARK_DIR. Null when it is not there.
 */
export function paragraphResults(
  reader: PageReader = readAsFile,
  dir = process.env.EXTRACTION_BENCHMARK_DIR,
): ParagraphResult[] | null {
  if (!dir || !existsSync(join(dir, 'ground-truth.json'))) return null;
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody: string; url: string }
  >;
  return Object.entries(truth)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([page, { articleBody, url }]) => {
      const html = gunzipSync(readFileSync(join(dir, 'html', `${page}.html.gz`))).toString('utf8');
      const expected = new Set(trigrams(words(articleBody)));
      const doc = parseHTML(html).document as unknown as Document;
      const article = reader(doc, url);
      const paragraphs = article ? prepareArticle(article).paragraphs : [];
      const seen = new Set<string>();
      let read = 0;
      let inArticle = 0;
      const strays: string[] = [];
      for (const paragraph of paragraphs) {
        const grams = trigrams(words(paragraph));
        grams.forEach((g) => expected.has(g) && seen.add(g));
        const count = words(paragraph).length;
        read += count;
        if (grams.filter((g) => expected.has(g)).length >= IN_ARTICLE * grams.length) inArticle += count;
        else strays.push(paragraph.slice(0, 80));
      }
      return {
        page,
        recall: expected.size ? seen.size / expected.size : 1,
        paragraphPrecision: read ? inArticle / read : 0,
        quickRead: !!clearArticle(doc),
        strays,
      };
    });
}
