/**
 * The store: everything Upstream keeps, behind the narrow interfaces of the model. The
 * extension's background opens the IndexedDB stores; the CLI and tests use the memory store.
 */
import type { Stores } from '../model';
import { IdbImportQueue } from './import-queue';
import { IdbOriginals } from './originals';
import { openUpstreamDb } from './open-db';
import { DB_NAME, type UpstreamDb } from './schema';
import { IdbSettings } from './settings';
import { IdbSubscriptions } from './subscriptions';
import { IdbTabStates } from './tab-states';

export { MemoryStore } from './memory-store';
export { DB_NAME, DB_VERSION } from './schema';
export { StoreFullError } from './transactions';

/** The IndexedDB stores, and the database they share. */
export interface IdbStores extends Stores {
  originals: IdbOriginals;
  db: UpstreamDb;
}

/** Opens (creating or upgrading when needed) the database and the stores on it. */
export async function openStores(name = DB_NAME): Promise<IdbStores> {
  const db = await openUpstreamDb(name);
  return {
    db,
    originals: new IdbOriginals(db),
    importQueue: new IdbImportQueue(db),
    settings: new IdbSettings(db),
    tabs: new IdbTabStates(db),
    subscriptions: new IdbSubscriptions(db),
  };
}

/** Deletes the whole store (the person's last resort when it cannot be opened); resolves once it is gone. */
export function deleteStoreDatabase(name = DB_NAME): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`Could not delete the database ${name}`));
  });
}
