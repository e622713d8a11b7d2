/** The import queue on IndexedDB: originals waiting to be prepared, so an import survives a restart. */
import type { ImportQueue, OriginalRecord, QueuedImport } from '../model';
import { INDEXED, putIndexed } from './run-index';
import type { UpstreamDb } from './schema';
import { requestAll, writing } from './transactions';

export class IdbImportQueue implements ImportQueue {
  constructor(private readonly db: UpstreamDb) {}

  /** Adds originals to the queue (in one transaction). */
  async enqueueImports(items: QueuedImport[]): Promise<void> {
    await writing(this.db.transaction('importQueue', 'readwrite'), async (tx) => {
      await requestAll(items, (item) => tx.store.add(item));
    });
  }

  /** The next queued imports with their queue keys, after the key `after` when given. */
  async peekImports(limit: number, after?: number): Promise<{ keys: number[]; items: QueuedImport[] }> {
    const tx = this.db.transaction('importQueue');
    const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    const [keys, items] = await Promise.all([tx.store.getAllKeys(range, limit), tx.store.getAll(range, limit)]);
    await tx.done;
    return { keys, items };
  }

  /** Stores imported originals and removes them from the queue, together: a restart never loses or doubles one. */
  async commitImports(keys: number[], records: OriginalRecord[]): Promise<void> {
    await writing(this.db.transaction([...INDEXED, 'importQueue'], 'readwrite'), async (tx) => {
      await requestAll(keys, (key) => tx.objectStore('importQueue').delete(key));
      await putIndexed(tx, records);
    });
  }

  queuedImports(): Promise<number> {
    return this.db.count('importQueue');
  }

  async clearImports(): Promise<void> {
    await this.db.clear('importQueue');
  }
}
