/**
 * `npm run check -- [--json] [--originals PATH]... <file|url>...`
 * Prints the provenance report of each input against the seed store (plus any originals
 * given), human-readable or as JSON Lines in input order.
 */
import { diskLexicons } from './lexicons';
import { analyse, MAX_ARTICLE_CHARS, prepareArticle } from '../lib/engine';
import { attributionOf, describeReport, percent, translateEnglish as t } from '../lib/ui';
import { MemoryStore } from '../lib/store';
import type { ProvenanceReport } from '../lib/model';
import { readArticle, readOriginals, seedPackFromDisk } from './sources';

const USAGE = `usage: npm run check -- [--json] [--originals PATH]... [--url ADDRESS] <file|url>...

  --originals PATH  adds originals from a folder, a .txt/.html file or a .jsonl pack
  --url ADDRESS     the address the next file was saved from: a page is called the original
                    only when its address is the one the store records (a fetched URL is its own)`;

interface Input {
  input: string;
  /** The address the person gives for a file (`--url`). */
  address?: string;
}

function parseArgs(argv: string[]): { json: boolean; originals: string[]; inputs: Input[] } {
  const options = { json: false, originals: [] as string[], inputs: [] as Input[] };
  let address: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') options.json = true;
    else if (arg === '--originals') {
      const path = argv[++i];
      if (!path) throw new Error('--originals needs a path');
      options.originals.push(path);
    } else if (arg === '--url') {
      address = argv[++i];
      if (!address || !/^https?:\/\//i.test(address)) throw new Error('--url needs an http(s) address');
    } else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else {
      options.inputs.push({ input: arg, address });
      address = undefined;
    }
  }
  if (address) throw new Error('--url must come before the file it is the address of');
  if (options.inputs.length === 0) throw new Error(USAGE);
  return options;
}

function formatReport(input: string, report: ProvenanceReport): string {
  const lines = [`${input}`, `  ${describeReport(report, t)}`];
  if (report.original) {
    lines.push(`  original: ${report.original.id}${report.original.url ? `  ${report.original.url}` : ''}`);
    const attribution = attributionOf(report.original, t);
    if (attribution) lines.push(`  ${attribution}`);
    if (report.original.knownFrom) lines.push(`  ${t('knownFrom', report.original.knownFrom)}`);
  }
  const a = report.alteration;
  if (a) {
    lines.push(
      `  verbatim ${percent(a.verbatim)} · reworded ${percent(a.reworded)} · added ${percent(a.added)} · carries ${percent(a.coverage)} of the original`,
    );
    for (const change of a.changes) {
      const spelling = change.variant ? ' (spelling only)' : '';
      lines.push(`  changed ${change.kind}: "${change.original}" → "${change.page}"${spelling}`);
    }
  }
  if (report.sources.length > 1)
    for (const s of report.sources) lines.push(`  source ${s.original.id}: ${percent(s.share)} of the page`);
  lines.push(`  confidence ${report.confidence}`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const pack = await seedPackFromDisk();
  const store = new MemoryStore(pack.originals);
  for (const path of options.originals) {
    const started = performance.now();
    const { originals, skipped } = await readOriginals(path);
    for (const reason of skipped) console.error(`skipped ${reason}`);
    for (const original of originals) store.put(original);
    store.buildIndex();
    // What loading a large pack costs, said where it is paid: the time, and the process's memory after.
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const megabytes = Math.round(process.memoryUsage().rss / 1024 / 1024);
    if (!options.json || skipped.length)
      console.error(
        `${path}: ${originals.length.toLocaleString('en')} originals added, ${skipped.length} skipped, in ${seconds} s (memory ${megabytes} MB)`,
      );
  }
  for (const { input, address: given } of options.inputs) {
    let line: Record<string, unknown>;
    try {
      const { article, address } = await readArticle(input);
      const chars = article?.paragraphs.reduce((n, p) => n + p.length, 0) ?? 0;
      if (chars > MAX_ARTICLE_CHARS)
        console.error(
          `${input}: the article has ${chars.toLocaleString('en')} characters; only the first ${MAX_ARTICLE_CHARS.toLocaleString('en')} are compared`,
        );
      const report = article
        ? await analyse(
            prepareArticle({ ...article, url: given ?? address ?? article.url }),
            store,
            { address: given ?? address },
            { lexicons: diskLexicons },
          )
        : ({
            verdict: 'no-article',
            confidence: 1,
            page: { words: 0 },
            original: null,
            sources: [],
            alteration: null,
          } as ProvenanceReport);
      line = { input, ...report };
      if (!options.json) console.log(formatReport(input, report));
    } catch (error) {
      line = { input, error: (error as Error).message };
      if (!options.json) console.log(`${input}\n  error: ${(error as Error).message}`);
    }
    if (options.json) console.log(JSON.stringify(line));
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(2);
});
