/**
 * `npm run bench:hostile`: what a page built to make Upstream's patterns backtrack costs the
 * background, against plain prose of the same size (150,000 characters, the most a page may
 * send). Each page goes the way a page's article goes: prepared in slices (cleaning, sentences,
 * fingerprint) and analysed against the seed store. Prints the CPU time of each and its ratio to
 * prose; the ratio must stay at or under 2 (the command fails otherwise).
 */
import { analyse } from '../lib/engine';
import { articleFromMessage, MAX_PAGE_ARTICLE_CHARS } from '../lib/extension/page-message';
import { MemoryStore } from '../lib/store';
import { seedPackFromDisk } from '../cli/sources';
import { syntheticArticle } from './synthetic';

const LENGTH = MAX_PAGE_ARTICLE_CHARS;
const seed = (await seedPackFromDisk()).originals;
const store = new MemoryStore(seed);
// Prose that does not repeat (repeated paragraphs are dropped as boilerplate, which would flatter the baseline).
const prose = syntheticArticle(150, 30_000).join('\n');

/** Paragraphs as a page would send them: one block of the hostile run, and the run inside an article. */
const pages: [string, string[]][] = [
  [
    'plain prose',
    prose
      .repeat(Math.ceil(LENGTH / prose.length))
      .slice(0, LENGTH)
      .split('\n'),
  ],
];
const run = (prefix: string, unit: string) =>
  prefix + unit.repeat(Math.ceil(LENGTH / unit.length)).slice(0, LENGTH - prefix.length - 1) + 'x';
/** The run inside an article: prose paragraphs, each followed by 2,000 characters of it. */
function inProse(prefix: string, unit: string): string[] {
  const mixed: string[] = [];
  for (let i = 0, size = 0; size < LENGTH; i++) {
    const paragraph = `${pages[0][1][i % pages[0][1].length]} ${prefix}${unit.repeat(Math.ceil(2_000 / unit.length))}x`;
    mixed.push(paragraph.slice(0, LENGTH - size));
    size += paragraph.length;
  }
  return mixed;
}
for (const [name, prefix, unit] of [
  ['"Word " and a run of dots', 'Word ', '.'],
  ['a run of slashes', '', '/'],
  ['a run of spaces', 'Word', ' '],
  ['a run of tabs and spaces', 'Word', '\t '],
  ['dots and spaces', 'Word', '. '],
  ['a run of ellipses', 'Word ', '…'],
  ['a run of commas', '1', ','],
  ['a run of quotes after a stop', 'Word.', '"'],
  ['initials', '', 'A.'],
  ['a run of © signs', 'Photo: ', '©'],
  ['pipes and hashes', 'Title ', ' | #'],
] as const) {
  pages.push([name, [run(prefix, unit)]]);
  pages.push([`  in prose`, inProse(prefix, unit)]);
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function cost(paragraphs: string[]): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const started = cpuMs();
    const page = await articleFromMessage(
      { url: 'https://hostile.example/a', title: 'A page', paragraphs },
      'https://hostile.example/a',
      nextTurn,
    );
    if (page) await analyse(page, store);
    best = Math.min(best, cpuMs() - started);
  }
  return best;
}

await cost(pages[0][1]); // warm up the JIT
const plain = await cost(pages[0][1]);
// Not a backtracking case but the densest text in words and names: it costs more per character, linearly.
const dense = (await cost(inProse('', 'Ab '))) / plain;
console.log(`${LENGTH.toLocaleString('en')} characters per page, CPU time of preparing and analysing it (best of 3)`);
let worst = 0;
for (const [name, paragraphs] of pages) {
  const spent = await cost(paragraphs);
  const ratio = spent / plain;
  worst = Math.max(worst, ratio);
  console.log(`${name.padEnd(30)} ${spent.toFixed(0).padStart(6)} ms  ${ratio.toFixed(2)} x prose`);
}
console.log(`worst: ${worst.toFixed(2)} x plain prose (at most 2 allowed)`);
console.log(
  `not counted: prose with runs of two-letter capitalised words (dense in words and names): ${dense.toFixed(2)} x plain prose`,
);
if (worst > 2) process.exitCode = 1;
