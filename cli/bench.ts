/**
 * `npm run bench`: prints the figures behind the README's design decisions and writes them to
 * bench-results.json. Seeds: how word shingles, simhash-js (32-bit) and Upstream's 64-bit
 * SimHash and sentence alignment see each pair. Speed: fingerprinting and candidate lookup.
 */
import 'fake-indexeddb/auto';
import { writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import simhashJs from 'simhash-js';
import { alignTexts } from '../lib/align';
import { prepareArticle } from '../lib/article';
import { findCandidates } from '../lib/candidates';
import { IdbStore } from '../lib/db';
import { fingerprint } from '../lib/fingerprint';
import { MemoryStore, type OriginalStore } from '../lib/memory-store';
import { makeOriginal, type OriginalRecord } from '../lib/original';
import { originalFromSeed } from '../lib/seed-pack';
import { hammingDistance } from '../lib/simhash';
import { readdir, readFile } from 'node:fs/promises';
import { syntheticArticle } from './synthetic';
import { SEEDS_DIR } from './sources';

const results: Record<string, unknown> = {};

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
        simhash64: hammingDistance(pa.fingerprint.simhash, pb.fingerprint.simhash),
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

async function lookupTimes(): Promise<void> {
  const rows = [];
  const originals: OriginalRecord[] = [];
  const queries = Array.from({ length: 50 }, (_, i) => i * 7);
  for (const [size, backend] of [
    [1000, 'memory'],
    [10_000, 'memory'],
    [1000, 'indexeddb (fake-indexeddb)'],
  ] as const) {
    while (originals.length < size) {
      const n = originals.length;
      originals.push(
        makeOriginal({ id: `s${n}`, title: `Synthetic ${n}`, text: syntheticArticle(n + 1, 400).join('\n') }, 'import'),
      );
    }
    let store: OriginalStore;
    if (backend === 'memory') store = new MemoryStore(originals.slice(0, size));
    else {
      const idb = await IdbStore.open(`bench-${size}`);
      for (let i = 0; i < size; i += 200) await idb.putOriginals(originals.slice(i, i + 200));
      store = idb;
    }
    const times: number[] = [];
    let hits = 0;
    for (const q of queries) {
      // The query is a third of an original: an excerpt, the hardest case for whole-document hashes.
      const page = prepareArticle({ paragraphs: originals[q].paragraphs!.slice(0, 4) });
      const start = performance.now();
      const candidates = await findCandidates(page.fingerprint, store);
      times.push(performance.now() - start);
      if (candidates[0]?.id === `s${q}`) hits++;
    }
    rows.push({
      originals: size,
      backend,
      p50ms: Number(percentile(times, 50).toFixed(2)),
      p95ms: Number(percentile(times, 95).toFixed(2)),
      recallAt1: hits / queries.length,
    });
  }
  console.log('\nCandidate lookup for excerpts of stored originals');
  console.table(rows);
  results.lookup = rows;
}

await seedPairs();
await fingerprintTimes();
await lookupTimes();
await writeFile('bench-results.json', `${JSON.stringify(results, null, 2)}\n`);
console.log('\nwrote bench-results.json');
