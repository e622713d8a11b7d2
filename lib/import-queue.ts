/**
 * Works through the import queue in batches: each batch is cleaned and fingerprinted, then
 * stored and removed from the queue in one transaction, so an import that is stopped (by a
 * cancel, a restart of the service worker or of the browser) resumes where it was, and never
 * doubles or loses an original.
 */
import type { IdbStore } from './db';
import { makeOriginal } from './original';

/** Originals prepared and stored per transaction. */
export const IMPORT_BATCH = 100;

export interface ImportProgress {
  imported: number;
  queued: number;
  running: boolean;
  error?: string;
}

/** Runs the queue until it is empty or `stopped()` says so; reports progress after each batch. */
export async function runImportQueue(
  store: IdbStore,
  progress: (p: ImportProgress) => void,
  stopped: () => boolean = () => false,
): Promise<number> {
  let imported = 0;
  for (;;) {
    if (stopped()) break;
    const { keys, items } = await store.peekImports(IMPORT_BATCH);
    if (keys.length === 0) break;
    const records = items.map((item) => makeOriginal(item.input, item.origin));
    await store.commitImports(keys, records);
    imported += records.length;
    progress({ imported, queued: await store.queuedImports(), running: true });
    // Let other work (lookups for open pages) run between batches.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return imported;
}
