/**
 * The IndexedDB store, the only module that opens the database (through idb). Schema changes
 * go through DB_VERSION and cumulative `if (oldVersion < N)` steps, each tested with data in it.
 *
 * Stores:
 * - originals: OriginalRecord by id (index "origin": seed, import, learned)
 * - postings: fingerprint key -> ids of the originals carrying it (the candidate index)
 * - tabs: the analysis state of each open tab, so popups work after a service-worker restart
 * - meta: small values such as the installed seed-pack version
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { OriginalStore } from './memory-store';
import type { OriginalRecord } from './original';
import type { ProvenanceReport } from './report';
import type { SeedPack } from './seed-pack';

export const DB_NAME = 'upstream';
export const DB_VERSION = 1;

/** What the popup can show for a tab. */
export type TabState =
  | { status: 'no-article'; url: string; updatedAt: number }
  | { status: 'disabled'; url: string; updatedAt: number }
  | { status: 'ready'; url: string; report: ProvenanceReport; updatedAt: number; paragraphs?: string[] };

interface Posting {
  key: string;
  ids: string[];
}

export interface UpstreamSchema extends DBSchema {
  originals: { key: string; value: OriginalRecord; indexes: { origin: string } };
  postings: { key: string; value: Posting };
  tabs: { key: number; value: TabState & { tabId: number } };
  meta: { key: string; value: { key: string; value: string } };
}

type WriteTransaction = IDBPTransaction<UpstreamSchema, ('originals' | 'postings' | 'meta')[], 'readwrite'>;

/** Opens (and if needed creates or upgrades) the database. */
export async function openUpstreamDb(name = DB_NAME): Promise<IDBPDatabase<UpstreamSchema>> {
  const db: IDBPDatabase<UpstreamSchema> = await openDB<UpstreamSchema>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const originals = db.createObjectStore('originals', { keyPath: 'id' });
        originals.createIndex('origin', 'origin');
        db.createObjectStore('postings', { keyPath: 'key' });
        db.createObjectStore('tabs', { keyPath: 'tabId' });
        db.createObjectStore('meta', { keyPath: 'key' });
      }
    },
    // A newer version of the extension wants to upgrade: step aside rather than block it.
    blocking: () => db.close(),
  });
  return db;
}

async function removePostings(tx: WriteTransaction, record: OriginalRecord): Promise<void> {
  const postings = tx.objectStore('postings');
  for (const key of record.fingerprint.keys) {
    const posting = await postings.get(key);
    if (!posting) continue;
    const ids = posting.ids.filter((id) => id !== record.id);
    if (ids.length) await postings.put({ key, ids });
    else await postings.delete(key);
  }
}

async function addPostings(tx: WriteTransaction, record: OriginalRecord): Promise<void> {
  const postings = tx.objectStore('postings');
  for (const key of record.fingerprint.keys) {
    const posting = await postings.get(key);
    if (!posting) await postings.put({ key, ids: [record.id] });
    else if (!posting.ids.includes(record.id)) await postings.put({ key, ids: [...posting.ids, record.id] });
  }
}

async function putInTransaction(tx: WriteTransaction, record: OriginalRecord): Promise<void> {
  const old = await tx.objectStore('originals').get(record.id);
  if (old) await removePostings(tx, old);
  await tx.objectStore('originals').put(record);
  await addPostings(tx, record);
}

async function deleteInTransaction(tx: WriteTransaction, id: string): Promise<void> {
  const old = await tx.objectStore('originals').get(id);
  if (!old) return;
  await removePostings(tx, old);
  await tx.objectStore('originals').delete(id);
}

const SEED_PACK_VERSION = 'seedPackVersion';
const DISABLED_SITES = 'disabledSites';

/** The store of originals and tab states on IndexedDB. */
export class IdbStore implements OriginalStore {
  constructor(readonly db: IDBPDatabase<UpstreamSchema>) {}

  static async open(name = DB_NAME): Promise<IdbStore> {
    return new IdbStore(await openUpstreamDb(name));
  }

  count(): Promise<number> {
    return this.db.count('originals');
  }

  async postings(keys: string[]): Promise<Map<string, string[]>> {
    const tx = this.db.transaction('postings');
    const found = await Promise.all(keys.map((key) => tx.store.get(key)));
    await tx.done;
    return new Map(found.filter((p): p is Posting => !!p).map((p) => [p.key, p.ids]));
  }

  async getOriginals(ids: string[]): Promise<OriginalRecord[]> {
    const tx = this.db.transaction('originals');
    const records = await Promise.all(ids.map((id) => tx.store.get(id)));
    await tx.done;
    return records.filter((r): r is OriginalRecord => !!r);
  }

  /** Adds or replaces originals, index included, in one transaction: all or nothing. */
  async putOriginals(records: OriginalRecord[]): Promise<void> {
    const tx = this.db.transaction(['originals', 'postings', 'meta'], 'readwrite');
    for (const record of records) await putInTransaction(tx, record);
    await tx.done;
  }

  async deleteOriginal(id: string): Promise<void> {
    const tx = this.db.transaction(['originals', 'postings', 'meta'], 'readwrite');
    await deleteInTransaction(tx, id);
    await tx.done;
  }

  async installedSeedPackVersion(): Promise<string | undefined> {
    return (await this.db.get('meta', SEED_PACK_VERSION))?.value;
  }

  /**
   * Merges a seed pack into the store: seed records are added or replaced, seeds dropped from
   * the pack are removed, and originals the person added are never touched. One transaction.
   */
  async installSeedPack(pack: SeedPack): Promise<void> {
    const tx = this.db.transaction(['originals', 'postings', 'meta'], 'readwrite');
    const inPack = new Set(pack.originals.map((o) => o.id));
    const seeded = await tx.objectStore('originals').index('origin').getAllKeys('seed');
    for (const id of seeded) if (!inPack.has(id)) await deleteInTransaction(tx, id);
    for (const record of pack.originals) {
      const existing = await tx.objectStore('originals').get(record.id);
      if (existing && existing.origin !== 'seed') continue;
      await putInTransaction(tx, record);
    }
    await tx.objectStore('meta').put({ key: SEED_PACK_VERSION, value: pack.version });
    await tx.done;
  }

  /** Hosts the person asked Upstream not to analyse. */
  async disabledSites(): Promise<string[]> {
    const value = (await this.db.get('meta', DISABLED_SITES))?.value;
    return value ? (JSON.parse(value) as string[]) : [];
  }

  async setSiteEnabled(host: string, enabled: boolean): Promise<void> {
    const sites = new Set(await this.disabledSites());
    if (enabled) sites.delete(host);
    else sites.add(host);
    await this.db.put('meta', { key: DISABLED_SITES, value: JSON.stringify([...sites].sort()) });
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
