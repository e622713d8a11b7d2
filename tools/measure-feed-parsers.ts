/**
 * How the candidate feed parsers compare, for the choice in the README: the size each adds to
 * the background's bundle (esbuild, minified, only what Upstream calls), and how many feeds of
 * a test corpus each reads without throwing and with its items. The corpus is a folder of feed
 * files, e.g. feedparser's tests (github.com/kurtmckee/feedparser, BSD-2-Clause); a file whose
 * "Expect" line mentions entries[0] counts as one that has an item.
 *
 *   npx tsx cli/measure-feed-parsers.ts <folder of feed files>
 */
import { build } from 'esbuild';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseFeed } from 'feedsmith';
import { parseFeed as parseRowan } from '@rowanmanning/feed-parser';

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(xml|rdf|json)$/.test(name) ? [path] : [];
  });

const parsers: Record<string, { entry: string; items(text: string): number }> = {
  feedsmith: {
    entry: `import { parseFeed } from 'feedsmith'; globalThis.p = parseFeed;`,
    items(text) {
      const { feed } = parseFeed(text) as { feed: { items?: unknown[]; entries?: unknown[] } };
      return (feed.items ?? feed.entries ?? []).length;
    },
  },
  '@rowanmanning/feed-parser': {
    entry: `import { parseFeed } from '@rowanmanning/feed-parser'; globalThis.p = parseFeed;`,
    items: (text) => parseRowan(text).items.length,
  },
};

const corpus = files(process.argv[2] ?? '.');
console.log(`${corpus.length} feed files`);
for (const [name, parser] of Object.entries(parsers)) {
  const bundle = await build({
    stdin: { contents: parser.entry, resolveDir: process.cwd() },
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    platform: 'browser',
  });
  let read = 0;
  let expected = 0;
  let found = 0;
  let thrown = 0;
  const started = performance.now();
  for (const path of corpus) {
    const text = readFileSync(path, 'utf8');
    const wantsItem = /entries\[0\]/.test(text.slice(0, 600));
    if (wantsItem) expected++;
    try {
      const items = parser.items(text);
      read++;
      if (wantsItem && items > 0) found++;
    } catch {
      thrown++;
    }
  }
  console.log(
    `${name}: ${(bundle.outputFiles[0].contents.length / 1024).toFixed(1)} KB minified; ` +
      `read ${read}/${corpus.length} (threw on ${thrown}); items found in ${found}/${expected} files that have one; ` +
      `${(performance.now() - started).toFixed(0)} ms`,
  );
}
