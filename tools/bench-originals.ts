/**
 * The synthetic originals of `npm run bench`, prepared on every core: the fingerprint each is
 * indexed under, and its simhash-js hash, for originals 0 to count - 1. Run as a worker
 * (through bench-originals-worker.mjs), it prepares the range it is given.
 *
 * Preparing a million takes about ten minutes on two cores, so they are kept on disk
 * (.cache/bench/, one line per original) and a rerun reads them back; a cache written by
 * another fingerprint version, or whose originals no longer fingerprint the same, is rebuilt.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import simhashJs from 'simhash-js';
import { FINGERPRINT_VERSION, prepareArticle } from '../lib/engine';
import { syntheticArticle } from './synthetic';
import type { OriginalRecord } from '../lib/model';

/** Words of each synthetic original. */
export const SYNTHETIC_WORDS = 150;
const CHUNK = 20_000;
const WORKER = 'bench-originals';

/** The text of synthetic original `n`. */
export const syntheticText = (n: number) => syntheticArticle(n + 1, SYNTHETIC_WORDS);

export interface SyntheticOriginals {
  records: OriginalRecord[];
  /** simhash-js (32-bit) hash of each original's text. */
  jsHashes: number[];
}

const recordOf = (n: number, keys: string[], words: number): OriginalRecord => ({
  id: `s${n}`,
  title: `Synthetic ${n}`,
  fingerprint: { keys, words },
  origin: 'import',
});

function prepareRange(from: number, to: number): SyntheticOriginals {
  const jsHasher = new simhashJs.SimHash();
  const records: OriginalRecord[] = [];
  const jsHashes: number[] = [];
  for (let n = from; n < to; n++) {
    const paragraphs = syntheticText(n);
    const { fingerprint } = prepareArticle({ paragraphs }, 'index');
    records.push(recordOf(n, fingerprint.keys, fingerprint.words));
    jsHashes.push(jsHasher.hash(paragraphs.join('\n')));
  }
  return { records, jsHashes };
}

const CACHE = new URL(`../.cache/bench/synthetic-v${FINGERPRINT_VERSION}-w${SYNTHETIC_WORDS}.txt`, import.meta.url);

/** Reads up to `count` cached originals: each line "jsHash words key key …", in order. */
async function readCache(count: number): Promise<SyntheticOriginals> {
  const read: SyntheticOriginals = { records: [], jsHashes: [] };
  if (!(await stat(CACHE).catch(() => null))) return read;
  const lines = createInterface({ input: createReadStream(CACHE, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) {
    if (read.records.length >= count) break;
    const [hash, words, ...keys] = line.split(' ');
    if (!keys.length) break;
    read.records.push(recordOf(read.records.length, keys, Number(words)));
    read.jsHashes.push(Number(hash));
  }
  lines.close();
  return read;
}

async function appendToCache(originals: SyntheticOriginals): Promise<void> {
  await mkdir(new URL('.', CACHE), { recursive: true });
  const out = createWriteStream(CACHE, { flags: 'a' });
  originals.records.forEach((record, i) => {
    out.write(`${originals.jsHashes[i]} ${record.fingerprint.words} ${record.fingerprint.keys.join(' ')}\n`);
  });
  out.end();
  await once(out, 'finish');
}

/** True when the cached originals fingerprint as this engine does (checked on a few of them). */
function cacheIsCurrent(cached: SyntheticOriginals): boolean {
  const probes = [0, 1, Math.floor(cached.records.length / 2), cached.records.length - 1].filter((n) => n >= 0);
  return probes.every((n) => {
    const fresh = prepareRange(n, n + 1);
    return (
      fresh.records[0].fingerprint.keys.join(' ') === cached.records[n].fingerprint.keys.join(' ') &&
      fresh.jsHashes[0] === cached.jsHashes[n]
    );
  });
}

/**
 * Originals 0 to count - 1: from the disk cache as far as it goes, the rest prepared (and
 * added to the cache). `fromCache` says how many were read back.
 */
export async function syntheticOriginals(count: number): Promise<SyntheticOriginals & { fromCache: number }> {
  let cached = await readCache(count);
  if (cached.records.length && !cacheIsCurrent(cached)) {
    await rm(CACHE);
    cached = { records: [], jsHashes: [] };
  }
  const fromCache = cached.records.length;
  if (fromCache >= count) return { ...cached, fromCache };
  const fresh = await prepareSyntheticOriginals(fromCache, count);
  await appendToCache(fresh);
  return {
    records: cached.records.concat(fresh.records),
    jsHashes: cached.jsHashes.concat(fresh.jsHashes),
    fromCache,
  };
}

/** Prepares originals `from` to `to` - 1, split over worker threads, in order. */
async function prepareSyntheticOriginals(from: number, to: number): Promise<SyntheticOriginals> {
  const chunks = Array.from({ length: Math.ceil((to - from) / CHUNK) }, (_, i) => [
    from + i * CHUNK,
    Math.min(to, from + (i + 1) * CHUNK),
  ]);
  const done: SyntheticOriginals[] = [];
  let next = 0;
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(new URL('./bench-originals-worker.mjs', import.meta.url), { workerData: WORKER });
      const give = () => {
        if (next >= chunks.length) return void worker.terminate().then(() => resolve());
        const index = next++;
        worker.once('message', (result: SyntheticOriginals) => {
          done[index] = result;
          give();
        });
        worker.postMessage(chunks[index]);
      };
      worker.on('error', reject);
      give();
    });
  await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) }, runWorker));
  return { records: done.flatMap((d) => d.records), jsHashes: done.flatMap((d) => d.jsHashes) };
}

if (!isMainThread && workerData === WORKER && parentPort) {
  const port = parentPort;
  port.on('message', ([from, to]: [number, number]) => port.postMessage(prepareRange(from, to)));
}
