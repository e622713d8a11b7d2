/**
 * The synthetic originals of `npm run bench`, prepared on every core: the fingerprint each is
 * indexed under, and its simhash-js hash, for originals 0 to count - 1. Run as a worker
 * (through bench-originals-worker.mjs), it prepares the range it is given.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import simhashJs from 'simhash-js';
import { prepareArticle } from '../lib/engine';
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

function prepareRange(from: number, to: number): SyntheticOriginals {
  const jsHasher = new simhashJs.SimHash();
  const records: OriginalRecord[] = [];
  const jsHashes: number[] = [];
  for (let n = from; n < to; n++) {
    const paragraphs = syntheticText(n);
    const { fingerprint } = prepareArticle({ paragraphs }, 'index');
    records.push({ id: `s${n}`, title: `Synthetic ${n}`, fingerprint, origin: 'import' });
    jsHashes.push(jsHasher.hash(paragraphs.join('\n')));
  }
  return { records, jsHashes };
}

/** Prepares originals 0 to count - 1, split over worker threads, in order. */
export async function prepareSyntheticOriginals(count: number): Promise<SyntheticOriginals> {
  const chunks = Array.from({ length: Math.ceil(count / CHUNK) }, (_, i) => [
    i * CHUNK,
    Math.min(count, (i + 1) * CHUNK),
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
