/**
 * How close Upstream's extraction (Readability, then Upstream's cleaning) comes to Mozilla
 * Readability's own article on the saved pages of its test suite
 * (`../shared/corpora/readability-pages/`, read at run time): the share of the expected
 * article's words Upstream reads (a multiset: a word read twice counts twice), page by page.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { prepareArticle } from '../lib/engine';
import { clearArticle, extractArticle } from '../lib/reader';
import { CORPORA_DIR } from './corpora';

export interface ExtractionResult {
  page: string;
  /** Share of the expected article's words that Upstream reads. */
  recall: number;
  /** Share of the words Upstream reads that are in the expected article. */
  precision: number;
  readerable: boolean;
  found: boolean;
  /** Whether the page's article is clear enough to be read without Readability (what a page is spared). */
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
export function extractionResults(): ExtractionResult[] | null {
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
      const article = extractArticle(doc, 'http://fakehost/test/page.html');
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
