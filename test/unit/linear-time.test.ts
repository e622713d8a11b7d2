/**
 * No text a page, a feed or a file holds can make a text handler take more than linear time:
 * each function that reads text of unbounded length is fed 200,000-character strings built to
 * make a regular expression backtrack (runs of one character, alternations of two, after a
 * prefix that arms a pattern), and must take no more than a bounded multiple of its time on
 * plain prose of the same length. Quadratic work on 200,000 characters takes minutes, not the
 * tenths of a second this allows. Times are CPU times, so a busy machine does not fail it.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { comparableAddress } from '../../lib/engine/address';
import { extractAttribution } from '../../lib/engine/attribution';
import { numbersOf, quotesOf } from '../../lib/engine/anchors';
import { cleanParagraphs, cleanTitle, isCreditLine, splitTextArticle } from '../../lib/engine/clean';
import { prepareArticle } from '../../lib/engine/article';
import { countWords, foldText, tokenize } from '../../lib/engine/normalize';
import { splitSentences } from '../../lib/engine/sentences';
import { packAddress } from '../../lib/extension/subscriptions';
import { readFeed } from '../../lib/formats/feed';
import { decodeEntities, paragraphsOfHtml, plainTextOfHtml } from '../../lib/formats/html-text';
import { parseImportFile } from '../../lib/formats/import-files';
import { parseOriginalsJsonl } from '../../lib/formats/import-jsonl';
import { parseLexicon } from '../../lib/formats/lexicon';
import { readOpml } from '../../lib/formats/opml';
import { domainsFromText } from '../../lib/ui/options/learned-section';
import { leanHtml } from '../../lib/reader/lean-html';

const LENGTH = 200_000;
/** How many times plain prose's time a hostile text may take, and a floor below which the clock says more than the work. */
const RATIO = 25;
const FLOOR_MS = 100;

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const quietly = (run: () => unknown) => () => {
  try {
    run();
  } catch {
    // A refusal (not a feed, not OPML) is an answer too: what counts is how long it took.
  }
};
/** The best of `runs` runs, in CPU milliseconds. */
function timeOf(run: () => unknown, runs = 2): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = cpuMs();
    quietly(run)();
    best = Math.min(best, cpuMs() - started);
  }
  return best;
}

const seed = readFileSync(new URL('../../seeds/000_5431e028bc674fe8.txt', import.meta.url), 'utf8');
const prose = seed.repeat(Math.ceil(LENGTH / seed.length)).slice(0, LENGTH);
const parse = (html: string) => parseHTML(html).document as unknown as Document;

/** Every function that reads text of unbounded length, as a function of one string. */
const HANDLERS: Record<string, (text: string) => unknown> = {
  splitSentences: (s) => splitSentences(s),
  cleanParagraphs: (s) => cleanParagraphs(s.split('\n')),
  cleanTitle: (s) => cleanTitle(s),
  isCreditLine: (s) => isCreditLine(s),
  splitTextArticle: (s) => splitTextArticle(s),
  extractAttribution: (s) => extractAttribution([s, ...s.split('\n')]),
  prepareArticle: (s) => prepareArticle({ title: s.slice(0, 500), paragraphs: s.split('\n') }),
  comparableAddress: (s) => comparableAddress(`https://news.example/${s}`),
  numbersOf: (s) => numbersOf(s),
  quotesOf: (s) => quotesOf([s]),
  tokenize: (s) => tokenize(s),
  foldText: (s) => foldText(s),
  countWords: (s) => countWords(s),
  paragraphsOfHtml: (s) => paragraphsOfHtml(s),
  plainTextOfHtml: (s) => plainTextOfHtml(s, LENGTH),
  decodeEntities: (s) => decodeEntities(s),
  readFeed: (s) => readFeed(s, 'https://news.example/feed'),
  readOpml: (s) => readOpml(s),
  parseOriginalsJsonl: (s) => parseOriginalsJsonl(s),
  importTxt: (s) => parseImportFile('a.txt', `Title\n${s}`, parse),
  parseLexicon: (s) => parseLexicon(`# Upstream lexicon 1 de->en\n${s}`, 'de'),
  domainsFromText: (s) => domainsFromText(s),
  packAddress: (s) => packAddress(`https://lists.example/${s}`),
  leanHtml: (s) => leanHtml(s),
};

/** Pieces that arm a pattern, and pieces repeated after them. */
const PREFIXES = ['', 'Word ', 'write to ', '© 2022 ', 'Photo: x ', 'https://', '<p>', '{"title":"', 'A. B', '1,000'];
const UNITS = [
  '.',
  '/',
  ' ',
  '\t',
  '\n',
  '…',
  '!',
  ',',
  ';',
  '©',
  '|',
  '#',
  '-',
  "'",
  '"',
  '“',
  '<',
  '&',
  '&#',
  '<a',
  '1',
  'a',
  'A.',
  '\u00a0',
  ':',
  '(',
  ']',
  '\\',
  '<script',
  '<!--',
];

const build = (prefix: string, unit: string, end: string) =>
  `${prefix}${unit.repeat(Math.ceil(LENGTH / unit.length)).slice(0, LENGTH - prefix.length - end.length)}${end}`;

const hostile = fc
  .record({
    prefix: fc.constantFrom(...PREFIXES),
    a: fc.constantFrom(...UNITS),
    b: fc.option(fc.constantFrom(...UNITS), { nil: undefined }),
    end: fc.constantFrom('', 'x', ' x', '.x'),
  })
  .map(({ prefix, a, b, end }) => build(prefix, a + (b ?? ''), end));

/** Always tried, besides the random ones: a run of each character, and each prefix before a run of dots and of spaces. */
const EXAMPLES: [string][] = [
  ...UNITS.map((unit): [string] => [build('', unit, 'x')]),
  ...PREFIXES.flatMap((prefix) => ['.', ' ', '/'].map((unit): [string] => [build(prefix, unit, 'x')])),
];

describe('text handlers on hostile text', () => {
  for (const [name, handle] of Object.entries(HANDLERS)) {
    it(`${name} stays within ${RATIO} times its time on plain prose`, () => {
      const plain = timeOf(() => handle(prose));
      const bound = Math.max(FLOOR_MS, RATIO * plain);
      fc.assert(
        fc.property(hostile, (text) => {
          // Timed again only when over: a pause of the machine is not the code's.
          const once = timeOf(() => handle(text), 1);
          const spent = once <= bound ? once : timeOf(() => handle(text));
          expect(
            spent,
            `${JSON.stringify(text.slice(0, 24))}…: ${spent.toFixed(0)} ms, plain ${plain.toFixed(1)} ms`,
          ).toBeLessThanOrEqual(bound);
        }),
        { numRuns: 15, examples: EXAMPLES },
      );
    }, 120_000);
  }
});
