/**
 * The IndexedDB store, the only module that opens the database (through idb). Schema changes
 * go through DB_VERSION and cumulative `if (oldVersion < N)` steps, each tested with a fixture
 * database of the earlier version (test/fixtures/db/).
 *
 * Stores (version 3):
 * - originals: OriginalRecord by id; index "origin" (seed, import, learned) and the multi-entry
 *   index "keys" over fingerprint keys, which is the candidate index
 * - tabs: the analysis state of each open tab, so popups work after a service-worker restart
 * - meta: small values (installed seed-pack version, switched-off sites, trusted outlets)
 * - deletedSeeds: seeds the person deleted, so a seed-pack update does not bring them back
 * - importQueue: originals waiting to be imported, so an import resumes after a restart
 *
 * Version 1 kept the candidate index in a separate "postings" store of key -> ids, written
 * by read-modify-write for every key; version 2 lets IndexedDB maintain it. Version 3 has the
 * same stores; its originals carry fingerprint keys of version 5 (lib/fingerprint.ts).
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPObjectStore, type StoreNames } from 'idb';
import { upgradeKeys } from './fingerprint';
import type { OriginalStore } from './memory-store';
import type { OriginalInput, OriginOfRecord, OriginalRecord } from './original';
import type { ProvenanceReport } from './report';
import type { SeedPack } from './seed-pack';

export const DB_NAME = 'upstream';
export const DB_VERSION = 3;

/** What the popup can show for a tab. */
export type TabState =
  | { status: 'no-article'; url: string; updatedAt: number }
  | { status: 'disabled'; url: string; updatedAt: number }
  | { status: 'ready'; url: string; report: ProvenanceReport; updatedAt: number; paragraphs?: string[] };

/** An original waiting in the import queue. */
export interface QueuedImport {
  input: OriginalInput;
  origin: OriginOfRecord;
}

export interface UpstreamSchema extends DBSchema {
  originals: { key: string; value: OriginalRecord; indexes: { origin: string; keys: string } };
  tabs: { key: number; value: TabState & { tabId: number } };
  meta: { key: string; value: { key: string; value: string } };
  deletedSeeds: { key: string; value: { id: string } };
  importQueue: { key: number; value: QueuedImport };
}

/** The write failed because the browser's storage quota is full; nothing of the batch was written. */
export class StoreFullError extends Error {
  constructor() {
    super('The browser has no more storage for Upstream. Free some space or delete originals; nothing was lost.');
    this.name = 'StoreFullError';
  }
}

const isQuotaError = (error: unknown) =>
  error instanceof Error && (error.name === 'QuotaExceededError' || /quota/i.test(error.message));

/** Keeps a request of a transaction being written, so its outcome is awaited and never left unhandled. */
type Track = <R>(request: Promise<R>) => Promise<R>;

/**
 * Runs the writes of one transaction and waits for all of them and the commit. On any
 * failure the transaction is aborted, so none of its writes stay, and a quota failure
 * becomes StoreFullError.
 */
async function writing<T extends { abort(): void; done: Promise<void> }>(
  tx: T,
  write: (tx: T, track: Track) => Promise<void> | void,
): Promise<void> {
  const pending: Promise<unknown>[] = [];
  const track: Track = (request) => {
    request.catch(() => undefined);
    pending.push(request);
    return request;
  };
  track(tx.done);
  try {
    await write(tx, track);
    await Promise.all(pending);
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted by the browser: nothing was committed.
    }
    throw isQuotaError(error) ? new StoreFullError() : error;
  }
}

/** Brings every original's fingerprint to the current key form, within the upgrade transaction. */
async function rewriteKeys(
  originals: IDBPObjectStore<UpstreamSchema, ArrayLike<StoreNames<UpstreamSchema>>, 'originals', 'versionchange'>,
): Promise<void> {
  for (let cursor = await originals.openCursor(); cursor; cursor = await cursor.continue()) {
    const { keys, words } = cursor.value.fingerprint;
    await cursor.update({ ...cursor.value, fingerprint: { keys: upgradeKeys(keys), words } });
  }
}

/** Opens (and if needed creates or upgrades) the database. */
export async function openUpstreamDb(name = DB_NAME): Promise<IDBPDatabase<UpstreamSchema>> {
  const db: IDBPDatabase<UpstreamSchema> = await openDB<UpstreamSchema>(name, DB_VERSION, {
    upgrade(database, oldVersion, _newVersion, transaction) {
      // The typed schema describes the latest version; earlier steps speak of stores it no longer has.
      const untyped = database as unknown as IDBPDatabase;
      if (oldVersion < 1) {
        const originals = untyped.createObjectStore('originals', { keyPath: 'id' });
        originals.createIndex('origin', 'origin');
        untyped.createObjectStore('postings', { keyPath: 'key' });
        untyped.createObjectStore('tabs', { keyPath: 'tabId' });
        untyped.createObjectStore('meta', { keyPath: 'key' });
      }
      if (oldVersion < 2) {
        transaction.objectStore('originals').createIndex('keys', 'fingerprint.keys', { multiEntry: true });
        untyped.deleteObjectStore('postings');
        database.createObjectStore('deletedSeeds', { keyPath: 'id' });
        database.createObjectStore('importQueue', { autoIncrement: true });
      }
      if (oldVersion >= 1 && oldVersion < 3) {
        // Fingerprint version 5 writes keys shorter and drops channels pages no longer query
        // with: rewrite every original's keys, and with them its index entries.
        void rewriteKeys(transaction.objectStore('originals'));
      }
    },
    // A newer version of the extension wants to upgrade: step aside rather than block it.
    blocking: () => db.close(),
  });
  return db;
}

const SEED_PACK_VERSION = 'seedPackVersion';
const DISABLED_SITES = 'disabledSites';
const TRUSTED_OUTLETS = 'trustedOutlets';

/** A page of the originals list. */
export interface OriginalsPage {
  items: OriginalRecord[];
  /** Number of originals matching the search. */
  total: number;
}

/** The store of originals and tab states on IndexedDB. */
export class IdbStore implements OriginalStore {
  constructor(readonly db: IDBPDatabase<UpstreamSchema>) {}

  static async open(name = DB_NAME): Promise<IdbStore> {
    return new IdbStore(await openUpstreamDb(name));
  }

  count(): Promise<number> {
    return this.db.count('originals');
  }

  async postings(keys: string[], limit: number): Promise<Map<string, string[]>> {
    const tx = this.db.transaction('originals');
    const index = tx.store.index('keys');
    const found = await Promise.all(keys.map((key) => index.getAllKeys(key, limit)));
    await tx.done;
    return new Map(keys.map((key, i) => [key, found[i]] as [string, string[]]).filter(([, ids]) => ids.length > 0));
  }

  async getOriginals(ids: string[]): Promise<OriginalRecord[]> {
    const tx = this.db.transaction('originals');
    const records = await Promise.all(ids.map((id) => tx.store.get(id)));
    await tx.done;
    return records.filter((r): r is OriginalRecord => !!r);
  }

  /** Adds or replaces originals in one transaction: all of them or, on failure, none. */
  async putOriginals(records: OriginalRecord[]): Promise<void> {
    await writing(this.db.transaction(['originals', 'deletedSeeds'], 'readwrite'), (tx, track) => {
      for (const record of records) {
        track(tx.objectStore('originals').put(record));
        track(tx.objectStore('deletedSeeds').delete(record.id));
      }
    });
  }

  /** Deletes an original; a deleted seed is remembered so that pack updates leave it out. */
  async deleteOriginal(id: string): Promise<void> {
    const tx = this.db.transaction(['originals', 'deletedSeeds'], 'readwrite');
    const record = await tx.objectStore('originals').get(id);
    if (record) {
      await tx.objectStore('originals').delete(id);
      if (record.origin === 'seed') await tx.objectStore('deletedSeeds').put({ id });
    }
    await tx.done;
  }

  /** Originals whose title, publisher or URL contains `search`, a page at a time, by id. */
  async listOriginals(search: string, offset: number, limit: number): Promise<OriginalsPage> {
    const needle = search.trim().toLowerCase();
    const items: OriginalRecord[] = [];
    let total = 0;
    let cursor = await this.db.transaction('originals').store.openCursor();
    while (cursor) {
      const r = cursor.value;
      if (!needle || `${r.title} ${r.publisher ?? ''} ${r.url ?? ''}`.toLowerCase().includes(needle)) {
        if (total >= offset && items.length < limit) items.push(r);
        total++;
      }
      cursor = await cursor.continue();
    }
    return { items, total };
  }

  /** Up to `limit` originals with ids after `after` ('' for the first), in id order: export a page at a time. */
  originalsAfter(after: string, limit: number): Promise<OriginalRecord[]> {
    return this.db.getAll('originals', after ? IDBKeyRange.lowerBound(after, true) : undefined, limit);
  }

  async installedSeedPackVersion(): Promise<string | undefined> {
    return (await this.db.get('meta', SEED_PACK_VERSION))?.value;
  }

  /**
   * Merges a seed pack into the store: seed records are added or replaced, seeds dropped from
   * the pack are removed, and neither originals the person added nor seeds the person deleted
   * are touched. One transaction.
   */
  async installSeedPack(pack: SeedPack): Promise<void> {
    await writing(this.db.transaction(['originals', 'meta', 'deletedSeeds'], 'readwrite'), async (tx) => {
      const originals = tx.objectStore('originals');
      const inPack = new Set(pack.originals.map((o) => o.id));
      for (const id of await originals.index('origin').getAllKeys('seed'))
        if (!inPack.has(id)) await originals.delete(id);
      for (const record of pack.originals) {
        if (await tx.objectStore('deletedSeeds').get(record.id)) continue;
        const existing = await originals.get(record.id);
        if (existing && existing.origin !== 'seed') continue;
        await originals.put(record);
      }
      await tx.objectStore('meta').put({ key: SEED_PACK_VERSION, value: pack.version });
    });
  }

  private async getList(key: string): Promise<string[]> {
    const value = (await this.db.get('meta', key))?.value;
    return value ? (JSON.parse(value) as string[]) : [];
  }

  private async setList(key: string, values: string[]): Promise<void> {
    await this.db.put('meta', { key, value: JSON.stringify([...new Set(values)].sort()) });
  }

  /** Hosts the person asked Upstream not to analyse. */
  disabledSites(): Promise<string[]> {
    return this.getList(DISABLED_SITES);
  }

  async setSiteEnabled(host: string, enabled: boolean): Promise<void> {
    const sites = await this.disabledSites();
    await this.setList(DISABLED_SITES, enabled ? sites.filter((s) => s !== host) : [...sites, host]);
  }

  /** Domains whose articles are learned as originals (empty: the feature is off). */
  trustedOutlets(): Promise<string[]> {
    return this.getList(TRUSTED_OUTLETS);
  }

  setTrustedOutlets(domains: string[]): Promise<void> {
    return this.setList(TRUSTED_OUTLETS, domains);
  }

  /** Adds originals to the import queue (in one transaction). */
  async enqueueImports(items: QueuedImport[]): Promise<void> {
    await writing(this.db.transaction('importQueue', 'readwrite'), (tx, track) => {
      for (const item of items) track(tx.store.add(item));
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
    await writing(this.db.transaction(['originals', 'importQueue', 'deletedSeeds'], 'readwrite'), (tx, track) => {
      for (const record of records) {
        track(tx.objectStore('originals').put(record));
        track(tx.objectStore('deletedSeeds').delete(record.id));
      }
      for (const key of keys) track(tx.objectStore('importQueue').delete(key));
    });
  }

  queuedImports(): Promise<number> {
    return this.db.count('importQueue');
  }

  async clearImports(): Promise<void> {
    await this.db.clear('importQueue');
  }

  async getTabState(tabId: number): Promise<TabState | undefined> {
    return this.db.get('tabs', tabId);
  }

  async setTabState(tabId: number, state: TabState): Promise<void> {
    await this.db.put('tabs', { ...state, tabId });
  }

  async deleteTabState(tabId: number): Promise<void> {
    await this.db.delete('tabs', tabId);
  }

  /** Drops the states of tabs that no longer exist (after a browser restart tab ids change). */
  async keepTabStates(openTabIds: number[]): Promise<void> {
    const open = new Set(openTabIds);
    const tx = this.db.transaction('tabs', 'readwrite');
    for (const tabId of await tx.store.getAllKeys()) if (!open.has(tabId)) await tx.store.delete(tabId);
    await tx.done;
  }
}
