/**
 * `npm run bench`: prints the figures behind the README's design decisions and writes them to
 * bench-results.json. Seeds: how word shingles, simhash-js (32-bit) and Upstream's 64-bit
 * SimHash and sentence alignment see each pair. Speed: fingerprinting and candidate lookup.
 */
import 'fake-indexeddb/auto';
import { execFile } from 'node:child_process';
import { writeFile, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { performance } from 'node:perf_hooks';
import { LshIndex, Minhash } from 'minhash';
import simhashJs from 'simhash-js';
import { alignTexts, analyse, prepareArticle, findCandidates, fingerprint, makeOriginal } from '../lib/engine';
import { MemoryStore, openStores } from '../lib/store';
import { packText, toJsonlLine } from '../lib/formats';
import { originalFromSeed } from '../cli/seed-pack';
import { diskLexicons, lexiconsFromDisk } from '../cli/lexicons';
import { pudArticles } from './corpora';
import { hammingDistance, simhash64 } from './simhash';
import { browserBench } from './bench-browser';
import { syntheticOriginals, syntheticText } from './bench-originals';
import { syntheticArticle } from './synthetic';
import { SEEDS_DIR, seedPackFromDisk } from '../cli/sources';
import { handTranslations } from '../fixtures/texts';
import type { OriginalRecord, OriginalStore } from '../lib/model';

const results: Record<string, unknown> = {};
const execFileAsync = promisify(execFile);

function shingles(words: string[]): Set<string> {
  const set = new Set<string>();
  for (let i = 0; i + 3 <= words.length; i++) set.add(words.slice(i, i + 3).join(' '));
  return set;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

function bits32(x: number): number {
  let n = 0;
  for (let v = x >>> 0; v; v &= v - 1) n++;
  return n;
}

async function seedPairs(): Promise<void> {
  const names = (await readdir(SEEDS_DIR)).filter((n) => n.endsWith('.txt')).sort();
  const seeds = await Promise.all(
    names.map(async (n) =>
      originalFromSeed({ id: n.slice(0, 3), text: await readFile(new URL(n, SEEDS_DIR), 'utf8') }),
    ),
  );
  const jsHasher = new simhashJs.SimHash();
  const rows = [];
  for (let i = 0; i < seeds.length; i++) {
    for (let j = i + 1; j < seeds.length; j++) {
      const [a, b] = [seeds[i], seeds[j]];
      const pa = prepareArticle({ paragraphs: a.paragraphs! });
      const pb = prepareArticle({ paragraphs: b.paragraphs! });
      const words = (p: typeof pa) => p.model.sentences.flatMap((s) => s.tokens.map((t) => t.norm));
      const alignment = alignTexts(pa.model, pb.model);
      rows.push({
        pair: `${a.id}/${b.id}`,
        shingleJaccard: Number(jaccard(shingles(words(pa)), shingles(words(pb))).toFixed(3)),
        simhashJs32: bits32(jsHasher.hash(a.paragraphs!.join('\n')) ^ jsHasher.hash(b.paragraphs!.join('\n'))),
        simhash64: hammingDistance(simhash64(words(pa)), simhash64(words(pb))),
        alignedShare: Number(((alignment.verbatimWords + alignment.rewordedWords) / alignment.pageWords).toFixed(3)),
      });
    }
  }
  console.log(
    '\nSeed pairs: word 3-shingle Jaccard, SimHash Hamming distances, share of the first aligned to the second',
  );
  console.table(rows);
  results.seedPairs = rows;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function fingerprintTimes(): Promise<void> {
  const rows = [];
  for (const words of [500, 2000, 10_000]) {
    const paragraphs = syntheticArticle(words, words);
    const times: number[] = [];
    for (let run = 0; run < 15; run++) {
      const start = performance.now();
      fingerprint(prepareArticle({ paragraphs }).paragraphs);
      times.push(performance.now() - start);
    }
    rows.push({
      words,
      p50ms: Number(percentile(times, 50).toFixed(2)),
      p95ms: Number(percentile(times, 95).toFixed(2)),
    });
  }
  console.log('\nPreparing and fingerprinting an article (clean, sentences, keys)');
  console.table(rows);
  results.fingerprint = rows;
}

/** The id of the original a store ranks first for a page's keys. */
async function bestOriginal(keys: string[], store: OriginalStore): Promise<string | undefined> {
  const candidates = await findCandidates({ keys, words: 0 }, store, 1);
  return (await store.candidateOriginals(candidates.map((c) => c.id)))[0]?.id;
}

/** Lookups in the in-memory store, built here and let go before the next store is built. */
async function memoryStoreRow(slice: OriginalRecord[], queries: { keys: string[]; expected: string }[]) {
  // The index is a typed array, outside the JS heap: both are counted.
  const used = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const memoryBefore = used();
  const store = new MemoryStore(slice);
  store.buildIndex();
  const indexMb = (used() - memoryBefore) / 1024 / 1024;
  const keyBytes =
    slice.reduce((sum, o) => sum + o.fingerprint.keys.reduce((k, key) => k + key.length + 4, 0), 0) / slice.length;
  return {
    originals: slice.length,
    method: 'Upstream index (memory)',
    ...(await timeLookups(queries, (keys) => bestOriginal(keys, store))),
    indexBytesPerOriginal: Math.round(keyBytes),
    heapMb: Number(indexMb.toFixed(1)),
  };
}

/** Timings of `lookup` over `queries`: p50, p95 and the share whose first answer is `expected`. */
async function timeLookups(
  queries: { keys: string[]; expected: string }[],
  lookup: (keys: string[]) => Promise<string | undefined> | string | undefined,
) {
  // Untimed first pass: the figures are for a warmed-up engine, not the compiler's first calls.
  for (const q of queries.slice(0, 10)) await lookup(q.keys);
  const times: number[] = [];
  let hits = 0;
  for (const q of queries) {
    const start = performance.now();
    const found = await lookup(q.keys);
    times.push(performance.now() - start);
    if (found === q.expected) hits++;
  }
  return {
    p50ms: Number(percentile(times, 50).toFixed(3)),
    p95ms: Number(percentile(times, 95).toFixed(3)),
    recallAt1: hits / queries.length,
  };
}

/** Originals in the list the browser run subscribes to and then removes. */
const SUBSCRIPTION_SIZE = 100_000;

/** Largest store built on fake-indexeddb (BENCH_FAKE_IDB_LARGEST), a reference in Node: the real browser goes to a million. */
const FAKE_IDB_LARGEST = Number(process.env.BENCH_FAKE_IDB_LARGEST ?? 10_000);

async function lookupTimes(): Promise<void> {
  const rows: Record<string, unknown>[] = [];
  const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000,1000000').split(',').map(Number);
  const largest = Math.max(...sizes);
  // Synthetic originals of about 150 words; the queries are excerpts (their first 100 words or so).
  const started = performance.now();
  const { records: originals, jsHashes, fromCache } = await syntheticOriginals(largest);
  console.log(
    `\n(${largest} synthetic originals in ${((performance.now() - started) / 1000).toFixed(1)} s, ${fromCache} of them read from .cache/bench)`,
  );
  const textCache = new Map<number, string[]>();
  const textOf = (n: number) => textCache.get(n) ?? textCache.set(n, syntheticText(n)).get(n)!;
  const queryIds = Array.from({ length: 50 }, (_, i) => i * 13);
  const queries = queryIds.map((i) => ({
    keys: prepareArticle({ paragraphs: textOf(i).slice(0, 2) }).fingerprint.keys,
    expected: `s${i}`,
    text: textOf(i).slice(0, 2).join('\n'),
  }));
  const jsHasher = new simhashJs.SimHash();

  for (const size of sizes) {
    const done = rows.length;
    const slice = originals.slice(0, size);
    rows.push(await memoryStoreRow(slice, queries));
    rows.push({
      originals: size,
      method: 'linear scan over key sets',
      ...(await timeLookups(queries, (keys) => {
        const wanted = new Set(keys);
        let best: string | undefined;
        let bestScore = 0;
        for (const original of slice) {
          let score = 0;
          for (const key of original.fingerprint.keys) if (wanted.has(key)) score++;
          if (score > bestScore) [best, bestScore] = [original.id, score];
        }
        return best;
      })),
    });
    rows.push({
      originals: size,
      method: 'simhash-js (32 bit), nearest by Hamming distance',
      ...(await timeLookups(
        queries.map((q) => ({ keys: [q.text], expected: q.expected })),
        ([text]) => {
          const h = jsHasher.hash(text);
          let best = 0;
          let bestDistance = 33;
          for (let i = 0; i < size; i++) {
            const d = bits32(h ^ jsHashes[i]);
            if (d < bestDistance) [best, bestDistance] = [i, d];
          }
          return slice[best].id;
        },
      )),
    });
    if (size <= 10_000) {
      // The npm minhash package's LSH index, over word 3-shingles (too slow to build beyond 10k here).
      const shingleSet = (words: string[]) => [...shingles(words.map((w) => w.toLowerCase()))];
      const index = new LshIndex();
      slice.forEach((original, i) => {
        const m = new Minhash();
        for (const sh of shingleSet(textOf(i).join(' ').split(/\s+/))) m.update(sh);
        index.insert(original.id, m);
      });
      rows.push({
        originals: size,
        method: 'minhash LSH (npm minhash)',
        ...(await timeLookups(
          queries.map((q) => ({ keys: shingleSet(q.text.split(/\s+/)), expected: q.expected })),
          (keys) => {
            const m = new Minhash();
            for (const sh of keys) m.update(sh);
            // The package's query throws when one of the query's bands was never indexed: a miss.
            try {
              return index.query(m)[0];
            } catch {
              return undefined;
            }
          },
        )),
      });
    }
    if (size <= FAKE_IDB_LARGEST) {
      const stores = await openStores(`bench-${size}`);
      const idb = stores.originals;
      const building = performance.now();
      for (let i = 0; i < size; i += 500) {
        await idb.putOriginals(slice.slice(i, i + 500));
        await idb.mergeRuns();
      }
      await idb.mergeRuns(true); // as the extension does once an import is over
      const buildSeconds = Number(((performance.now() - building) / 1000).toFixed(1));
      rows.push({
        originals: size,
        method: 'Upstream index (IndexedDB via fake-indexeddb)',
        ...(await timeLookups(queries, (keys) => bestOriginal(keys, idb))),
        buildSeconds,
      });
      stores.db.close();
      // fake-indexeddb keeps a closed database in memory; the million-original one needs the room.
      await new Promise((resolve) => (indexedDB.deleteDatabase(`bench-${size}`).onsuccess = resolve));
    }
    for (const row of rows.slice(done)) console.log(JSON.stringify(row));
  }
  console.log('\nCandidate lookup for excerpts (first ~100 words) of synthetic originals');
  console.table(rows);
  results.lookup = rows;

  if (largest >= CLI_PACK_SIZE) await cliPackLoad(originals, textOf);

  if (process.env.BENCH_BROWSER !== '0') {
    // The same originals, stored without text, imported into Chromium's real IndexedDB.
    const browser = await browserBench(originals, textOf, sizes, Math.min(SUBSCRIPTION_SIZE, largest));
    console.log(
      '\nChromium, real IndexedDB: import through the extension, then pages copying originals analysed end to end',
    );
    console.table(
      browser.rows.map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => k !== 'stagesP50Ms'))),
    );
    console.log("Where a page's time goes, p50 ms per stage (from opening its tab to the bench noticing the report)");
    console.table(browser.rows.map((row) => ({ originals: row.originals, ...row.stagesP50Ms })));
    const at = (n: number) => browser.rows.find((row) => row.originals === n);
    const [small, large] = [at(10_000), at(1_000_000)];
    if (small && large)
      console.log(
        `Page analysis at a million originals against 10,000: p50 ${(large.pageAnalysisP50Ms / small.pageAnalysisP50Ms).toFixed(2)}x, p95 ${(large.pageAnalysisP95Ms / small.pageAnalysisP95Ms).toFixed(2)}x`,
      );
    console.log(
      `Plain IndexedDB in the same browser, nothing of Upstream: ${browser.raw.records} records of ` +
        `${browser.raw.keysPerRecord} multi-entry index keys each, 1,000 per transaction: ${browser.raw.seconds} s`,
    );
    console.log(
      `The options page's search over ${browser.search.originals} originals: a word every title has ${browser.search.everyOriginalMs} ms, a word none has ${browser.search.noOriginalMs} ms`,
    );
    if (browser.subscription) {
      console.log('\nA subscribed list of fingerprints, stored and then removed while pages are analysed');
      console.table([browser.subscription]);
    }
    results.browser = browser;
  }
}

/** Originals, with their text and fingerprints, in the pack `npm run check` is timed loading. */
const CLI_PACK_SIZE = 100_000;

/**
 * `npm run check` with a pack of CLI_PACK_SIZE originals, as a person runs it (its own process):
 * the load time and the process's memory it prints.
 */
async function cliPackLoad(records: OriginalRecord[], textOf: (n: number) => string[]): Promise<void> {
  const file = join(tmpdir(), `upstream-bench-pack-${process.pid}.jsonl`);
  const lines = records.slice(0, CLI_PACK_SIZE).map((record, n) => toJsonlLine({ ...record, paragraphs: textOf(n) }));
  await writeFile(file, await packText('Bench pack', lines));
  try {
    const seed = fileURLToPath(
      new URL(
        (await readdir(SEEDS_DIR)).find((n) => n.endsWith('.txt'))!,
        SEEDS_DIR,
      ),
    );
    const { stderr } = await execFileAsync(process.execPath, [
      '--import',
      'tsx',
      'cli/check.ts',
      '--originals',
      file,
      seed,
    ]);
    const printed = /([\d,]+) originals added, \d+ skipped, in ([\d.]+) s \(memory (\d+) MB\)/.exec(stderr);
    if (!printed) throw new Error(`npm run check did not say what loading the pack took: ${stderr}`);
    results.cliPackLoad = {
      originals: Number(printed[1].replace(/,/g, '')),
      seconds: Number(printed[2]),
      memoryMb: Number(printed[3]),
    };
    console.log('\nnpm run check with a pack of originals (text and fingerprints)');
    console.table([results.cliPackLoad]);
  } finally {
    await rm(file, { force: true });
  }
}

/** Originals in the store the background's cost per foreign page is measured against. */
const FOREIGN_STORE_SIZE = 10_000;

/**
 * What the background spends on a page in another language than its original (lexicon lookups,
 * translated keys, up to 12 candidates aligned across languages), against a store of 10,000
 * originals on fake-indexeddb: the hand-written translations of the seeds and, with the
 * research corpora, PUD translations in six languages. Each lexicon's first load is timed apart.
 */
async function foreignPageTimes(): Promise<void> {
  const { records } = await syntheticOriginals(FOREIGN_STORE_SIZE);
  const pages: { language: string; paragraphs: string[] }[] = [];
  const withText: OriginalRecord[] = (await seedPackFromDisk()).originals;
  for (const { language, paragraphs } of await handTranslations()) pages.push({ language, paragraphs });
  // Every other PUD article of 16 sentences, its original stored.
  pudArticles(16, ['es', 'fr', 'de', 'it', 'pt', 'ru'])?.forEach(({ english, translated }, k) => {
    if (k % 2) return;
    withText.push(makeOriginal({ id: `pud-${k}`, title: `PUD ${k}`, text: english.join('\n') }, 'import'));
    for (const [language, paragraphs] of translated) pages.push({ language, paragraphs });
  });
  const stores = await openStores('bench-foreign');
  const all = [...records, ...withText];
  for (let i = 0; i < all.length; i += 500) {
    await stores.originals.putOriginals(all.slice(i, i + 500));
    await stores.originals.mergeRuns();
  }
  await stores.originals.mergeRuns(true);
  // A fresh loader, so each lexicon's first load is timed.
  const lexicons = lexiconsFromDisk();
  const rows: Record<string, unknown>[] = [];
  const languages = [...new Set(pages.map((p) => p.language))];
  // Untimed first pass, as for the lookups: figures for a warmed-up engine. Lexicons load here too,
  // so each one's first load is timed from a fresh loader below.
  for (const page of pages.slice(0, 5))
    await analyse(prepareArticle({ paragraphs: page.paragraphs }), stores.originals, {}, { lexicons: diskLexicons });
  for (const language of languages) {
    const started = performance.now();
    await lexicons(language);
    const loadMs = performance.now() - started;
    const times: number[] = [];
    const translationsFound: boolean[] = [];
    for (const page of pages.filter((p) => p.language === language)) {
      const prepared = prepareArticle({ paragraphs: page.paragraphs });
      const start = performance.now();
      const report = await analyse(prepared, stores.originals, {}, { lexicons });
      times.push(performance.now() - start);
      translationsFound.push(report.verdict === 'translation');
    }
    rows.push({
      language,
      pages: times.length,
      translationsFound: translationsFound.filter(Boolean).length,
      p50ms: Number(percentile(times, 50).toFixed(1)),
      p95ms: Number(percentile(times, 95).toFixed(1)),
      lexiconFirstLoadMs: Number(loadMs.toFixed(1)),
    });
  }
  stores.db.close();
  console.log(
    `\nA page in another language than its original, analysed against ${FOREIGN_STORE_SIZE.toLocaleString('en')} originals (fake-indexeddb)`,
  );
  console.table(rows);
  results.foreignPages = rows;
}

const benchStarted = performance.now();
await seedPairs();
await fingerprintTimes();
await foreignPageTimes();
await lookupTimes();
results.totalMinutes = Number(((performance.now() - benchStarted) / 60_000).toFixed(1));
await writeFile('bench-results.json', `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwrote bench-results.json (the whole run took ${results.totalMinutes} minutes)`);
