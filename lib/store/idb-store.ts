/**
 * The IndexedDB store, the only module that opens the database (through idb). Schema changes
 * go through DB_VERSION and cumulative `if (oldVersion < N)` steps, each tested with a fixture
 * database of the earlier version (test/fixtures/db/).
 *
 * Stores (version 4):
 * - originals: OriginalRecord by id; index "origin" (seed, import, learned) and the unique
 *   index "ref" over the number the candidate index knows the original by
 * - runs, runBuckets: the candidate index, sorted runs of (key hash, ref) postings
 *   (lib/posting-runs.ts); runBuckets holds each run's buckets under [run id, bucket]
 * - deadRefs: refs of originals deleted or changed, in the order they died, whose postings
 *   the next merges drop
 * - tabs: the analysis state of each open tab, so popups work after a service-worker restart
 * - meta: small values (installed seed-pack version, switched-off sites, trusted outlets, next ref)
 * - deletedSeeds: seeds the person deleted, so a seed-pack update does not bring them back
 * - importQueue: originals waiting to be imported, so an import resumes after a restart
 *
 * Version 1 kept the candidate index in a "postings" store of key -> ids, written by
 * read-modify-write for every key; versions 2 and 3 in a multi-entry index over the originals'
 * keys, one index entry per key, which made a 100,000-original import cost over a minute;
 * version 4 in runs. Version 3 rewrote the keys to fingerprint version 5 (lib/fingerprint.ts).
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { upgradeKeys } from '../engine/fingerprint';
import {
  bucketCount,
  bucketOf,
  buildRun,
  inputBucketRange,
  keyHash,
  levelOf,
  mergeSlice,
  pairsOf,
  POSTINGS_PER_BUCKET,
  refsIn,
  runsToMerge,
  type RunInfo,
} from './posting-runs';
import type { OriginalStore } from './memory-store';
import type { OriginalInput, OriginOfRecord, OriginalRecord } from '../engine/original';
import type { ProvenanceReport } from '../model/report';
import type { SeedPack } from '../formats/seed-pack';

export const DB_NAME = 'upstream';
export const DB_VERSION = 4;

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
  originals: { key: string; value: OriginalRecord; indexes: { origin: string; indexRef: number } };
  runs: { key: number; value: RunInfo };
  runBuckets: { key: [number, number]; value: Uint32Array };
  deadRefs: { key: number; value: number };
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

/**
 * Runs the writes of one transaction and waits for all of them and the commit. On any
 * failure the transaction is aborted, so none of its writes stay, and a quota failure
 * becomes StoreFullError. Writes issue their requests through `requestAll`, so none is left
 * unhandled when another fails.
 */
async function writing<T extends { abort(): void; done: Promise<void> }>(
  tx: T,
  write: (tx: T) => Promise<void> | void,
): Promise<void> {
  tx.done.catch(() => undefined);
  try {
    await write(tx);
    await tx.done;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted by the browser: nothing was committed.
    }
    throw isQuotaError(error) ? new StoreFullError() : error;
  }
}

/** A step of a merge of runs. */
type MergeTransaction = IDBPTransaction<UpstreamSchema, ('runs' | 'runBuckets' | 'deadRefs')[], 'readwrite'>;
/** A transaction that writes originals: an import, a seed pack, or a database upgrade. */
type WriteTransaction = IDBPTransaction<
  UpstreamSchema,
  ArrayLike<StoreNames<UpstreamSchema>>,
  'readwrite' | 'versionchange'
>;
/** The stores a write of originals needs, with the candidate index. */
const INDEXED = ['originals', 'runs', 'runBuckets', 'meta', 'deletedSeeds', 'deadRefs'] as const;

const NEXT_REF = 'nextIndexRef';
/** Kept by every write: counting an IndexedDB store walks all of it, and every lookup needs the number. */
const ORIGINAL_COUNT = 'originalCount';
/** Buckets merged per transaction: about 32,000 postings, so a lookup never waits long for a merge. */
const MERGE_SLICE_BUCKETS = Math.max(1, Math.floor(32_768 / POSTINGS_PER_BUCKET));
const bucketsOfRun = (run: number) => IDBKeyRange.bound([run, 0], [run, Infinity]);

/**
 * Makes a request per item and waits for them all. Each is handled as soon as it is made, so
 * when one throws (a full quota) the transaction aborts without unhandled rejections.
 */
function requestAll<T, R>(items: Iterable<T>, request: (item: T) => Promise<R>): Promise<R[]> {
  const pending: Promise<R>[] = [];
  for (const item of items) {
    const made = request(item);
    made.catch(() => undefined);
    pending.push(made);
  }
  return Promise.all(pending);
}

/** Writes a run of the given pairs with a level from its size. */
async function writeRun(tx: WriteTransaction, pairs: Uint32Array): Promise<void> {
  if (pairs.length === 0) return;
  const run = buildRun(pairs);
  // The id is the store's own (autoIncrement).
  const info = { level: levelOf(run.postings), buckets: run.buckets, postings: run.postings } as RunInfo;
  const id = await tx.objectStore('runs').add(info);
  await requestAll(run.contents, ([bucket, content]) => tx.objectStore('runBuckets').put(content, [id, bucket]));
}

/** Changes the number of originals kept in meta, within the caller's transaction. */
async function addToCount(tx: WriteTransaction, change: number): Promise<void> {
  if (change === 0) return;
  const meta = tx.objectStore('meta');
  const count = Number((await meta.get(ORIGINAL_COUNT))?.value ?? 0);
  await meta.put({ key: ORIGINAL_COUNT, value: String(count + change) });
}

/**
 * Stores originals and indexes them, within the caller's transaction. An original stored
 * again with the same keys keeps its ref and postings; any other gets a new ref, and their
 * postings become one new run (merged later, by IdbStore.mergeStep). Postings of a deleted
 * or changed original lead nowhere: the "indexRef" index no longer knows their ref.
 */
async function putIndexed(tx: WriteTransaction, records: OriginalRecord[]): Promise<void> {
  if (records.length === 0) return;
  const originals = tx.objectStore('originals');
  const meta = tx.objectStore('meta');
  const [existing, nextRef, deletedSeeds] = await Promise.all([
    requestAll(records, (record) => originals.get(record.id)),
    meta.get(NEXT_REF),
    tx.objectStore('deletedSeeds').getAllKeys(),
  ]);
  // A seed the person deleted and now adds again is no longer kept out of seed-pack updates.
  const deleted = new Set(deletedSeeds);
  await requestAll(
    records.filter((record) => deleted.has(record.id)),
    (record) => tx.objectStore('deletedSeeds').delete(record.id),
  );
  let next = Number(nextRef?.value ?? 1);
  const fresh: { ref: number; keys: string[] }[] = [];
  const died: number[] = [];
  const indexed = records.map((record, i) => {
    const old = existing[i];
    if (old?.indexRef && sameKeys(old.fingerprint.keys, record.fingerprint.keys))
      return { ...record, indexRef: old.indexRef };
    if (old?.indexRef) died.push(old.indexRef);
    fresh.push({ ref: next, keys: record.fingerprint.keys });
    return { ...record, indexRef: next++ };
  });
  await requestAll(indexed, (record) => originals.put(record));
  await requestAll(died, (ref) => tx.objectStore('deadRefs').add(ref));
  await meta.put({ key: NEXT_REF, value: String(next) });
  await addToCount(tx, existing.filter((old) => !old).length);
  await writeRun(tx, pairsOf(fresh));
}

/**
 * Deletes originals, within the caller's transaction: their refs go on the dead list, for
 * merges to drop their postings, and the count goes down.
 */
async function removeIndexed(tx: WriteTransaction, records: OriginalRecord[]): Promise<void> {
  await requestAll(records, (record) => tx.objectStore('originals').delete(record.id));
  await requestAll(
    records.flatMap((record) => record.indexRef ?? []),
    (ref) => tx.objectStore('deadRefs').add(ref),
  );
  await addToCount(tx, -records.length);
}

const sameKeys = (a: string[], b: string[]) => a.length === b.length && a.every((key, i) => key === b[i]);

/**
 * Moves a database of version 1 to 3 to runs, within the upgrade transaction: every original
 * gets a ref (and, before version 3, keys of fingerprint version 5), and one run indexes them all.
 */
async function indexExisting(tx: WriteTransaction, upgradeFingerprints: boolean): Promise<void> {
  const originals = tx.objectStore('originals');
  const records: { ref: number; keys: string[] }[] = [];
  for (let cursor = await originals.openCursor(); cursor; cursor = await cursor.continue()) {
    const { keys, words } = cursor.value.fingerprint;
    const fingerprint = upgradeFingerprints ? { keys: upgradeKeys(keys), words } : cursor.value.fingerprint;
    const ref = records.length + 1;
    records.push({ ref, keys: fingerprint.keys });
    await cursor.update({ ...cursor.value, fingerprint, indexRef: ref });
  }
  await tx.objectStore('meta').put({ key: NEXT_REF, value: String(records.length + 1) });
  await tx.objectStore('meta').put({ key: ORIGINAL_COUNT, value: String(records.length) });
  await writeRun(tx, pairsOf(records));
}

/** Opens (and if needed creates or upgrades) the database. */
export async function openUpstreamDb(name = DB_NAME): Promise<IDBPDatabase<UpstreamSchema>> {
  const db: IDBPDatabase<UpstreamSchema> = await openDB<UpstreamSchema>(name, DB_VERSION, {
    upgrade(database, oldVersion, _newVersion, transaction) {
      // The typed schema describes the latest version; earlier steps speak of stores and indexes it no longer has.
      const untyped = database as unknown as IDBPDatabase;
      const untypedTx = transaction as unknown as IDBPTransaction<unknown, string[], 'versionchange'>;
      if (oldVersion < 1) {
        const originals = untyped.createObjectStore('originals', { keyPath: 'id' });
        originals.createIndex('origin', 'origin');
        untyped.createObjectStore('postings', { keyPath: 'key' });
        untyped.createObjectStore('tabs', { keyPath: 'tabId' });
        untyped.createObjectStore('meta', { keyPath: 'key' });
      }
      if (oldVersion < 2) {
        untypedTx.objectStore('originals').createIndex('keys', 'fingerprint.keys', { multiEntry: true });
        untyped.deleteObjectStore('postings');
        database.createObjectStore('deletedSeeds', { keyPath: 'id' });
        database.createObjectStore('importQueue', { autoIncrement: true });
      }
      if (oldVersion < 4) {
        untypedTx.objectStore('originals').deleteIndex('keys');
        transaction.objectStore('originals').createIndex('indexRef', 'indexRef', { unique: true });
        database.createObjectStore('runs', { keyPath: 'id', autoIncrement: true });
        database.createObjectStore('runBuckets');
        database.createObjectStore('deadRefs', { autoIncrement: true });
      }
      // Fingerprint version 5 (database version 3) writes keys shorter and drops channels pages no longer query with.
      if (oldVersion >= 1 && oldVersion < 4) void indexExisting(transaction, oldVersion < 3);
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

  /** Number of originals stored. */
  async count(): Promise<number> {
    return Number((await this.db.get('meta', ORIGINAL_COUNT))?.value ?? 0);
  }

  /** Refs of the originals carrying each key, read from every run's bucket of the key. */
  async postings(keys: string[], maxOriginals: number): Promise<Map<string, string[]>> {
    const tx = this.db.transaction(['runs', 'runBuckets']);
    const runs = (await tx.objectStore('runs').getAll()).filter((run) => !run.merging);
    const hashes = keys.map(keyHash);
    const buckets = await Promise.all(
      runs.map(async (run) => {
        const wanted = [...new Set(hashes.map((hash) => bucketOf(hash, run.buckets)))];
        const contents = await Promise.all(wanted.map((bucket) => tx.objectStore('runBuckets').get([run.id, bucket])));
        return new Map(wanted.map((bucket, i) => [bucket, contents[i]]));
      }),
    );
    await tx.done;
    const found = new Map<string, string[]>();
    keys.forEach((key, k) => {
      const refs: number[] = [];
      let count = 0;
      runs.forEach((run, r) => {
        const content = buckets[r].get(bucketOf(hashes[k], run.buckets));
        if (!content) return;
        const inRun = refsIn(content, hashes[k], maxOriginals);
        count += inRun.count;
        if (count <= maxOriginals) refs.push(...inRun.refs);
      });
      if (count > 0 && count <= maxOriginals) found.set(key, refs.map(String));
    });
    return found;
  }

  /** The originals behind candidate refs, in their order; refs of replaced or deleted originals are left out. */
  async candidateOriginals(refs: string[]): Promise<OriginalRecord[]> {
    const tx = this.db.transaction('originals');
    const records = await Promise.all(refs.map((ref) => tx.store.index('indexRef').get(Number(ref))));
    await tx.done;
    return records.filter((r): r is OriginalRecord => !!r);
  }

  async getOriginals(ids: string[]): Promise<OriginalRecord[]> {
    const tx = this.db.transaction('originals');
    const records = await Promise.all(ids.map((id) => tx.store.get(id)));
    await tx.done;
    return records.filter((r): r is OriginalRecord => !!r);
  }

  /** Adds or replaces originals in one transaction: all of them or, on failure, none. */
  async putOriginals(records: OriginalRecord[]): Promise<void> {
    await writing(this.db.transaction(INDEXED, 'readwrite'), (tx) => putIndexed(tx, records));
  }

  /**
   * One bounded step of merging the candidate index's runs, in its own transaction: starts a
   * merge (of a full level, or with `all` of every run), or merges the next slice of buckets of
   * the one under way, or ends it by putting the merged run in place of its inputs. False when
   * there was nothing to do. A merge stopped by a restart goes on at the next step.
   */
  async mergeStep(all = false): Promise<boolean> {
    let worked = false;
    await writing(this.db.transaction(['runs', 'runBuckets', 'deadRefs'], 'readwrite'), async (tx) => {
      const runs = tx.objectStore('runs');
      const existing = await runs.getAll();
      const building = existing.find((run) => run.merging);
      if (!building) {
        const inputs = runsToMerge(existing, all);
        if (!inputs) return;
        const postings = inputs.reduce((sum, run) => sum + run.postings, 0);
        // Merging every run drops every posting of the refs dead by now: those can be forgotten after.
        const lastDeath = all ? (await tx.objectStore('deadRefs').openKeyCursor(null, 'prev'))?.key : undefined;
        const merging = { inputs: inputs.map((run) => run.id), nextBucket: 0, written: 0, forgetDeathsUpTo: lastDeath };
        await runs.add({ level: levelOf(postings), buckets: bucketCount(postings), postings, merging } as RunInfo);
      } else if (building.merging!.nextBucket < building.buckets) {
        await this.mergeSlice(tx, building, existing);
      } else {
        const { inputs, written, forgetDeathsUpTo } = building.merging!;
        await requestAll(inputs, (id) => runs.delete(id));
        await requestAll(inputs, (id) => tx.objectStore('runBuckets').delete(bucketsOfRun(id)));
        if (forgetDeathsUpTo !== undefined)
          await tx.objectStore('deadRefs').delete(IDBKeyRange.upperBound(forgetDeathsUpTo));
        const run: RunInfo = { ...building, postings: written, level: levelOf(written) };
        delete run.merging;
        await runs.put(run);
      }
      worked = true;
    });
    return worked;
  }

  private async mergeSlice(tx: MergeTransaction, building: RunInfo, runs: RunInfo[]): Promise<void> {
    const merging = building.merging!;
    const low = merging.nextBucket;
    const high = Math.min(building.buckets, low + MERGE_SLICE_BUCKETS);
    // Oldest run first, so refs under a key stay in the order they were written.
    const [dead, ...parts] = await Promise.all([
      tx.objectStore('deadRefs').getAll(),
      ...merging.inputs.map((id) => {
        const input = runs.find((run) => run.id === id)!;
        const [first, last] = inputBucketRange(low, high, building.buckets, input.buckets);
        return tx.objectStore('runBuckets').getAll(IDBKeyRange.bound([input.id, first], [input.id, last]));
      }),
    ]);
    const contents = mergeSlice(parts.flat(), low, high, building.buckets, new Set(dead));
    await requestAll(contents, ([bucket, content]) => tx.objectStore('runBuckets').put(content, [building.id, bucket]));
    const written = merging.written + [...contents.values()].reduce((sum, content) => sum + content.length / 2, 0);
    await tx.objectStore('runs').put({ ...building, merging: { ...merging, nextBucket: high, written } });
  }

  /** Merges runs, a step per transaction, until there is nothing left to merge or `stop` says so. */
  async mergeRuns(all = false, stop: () => boolean = () => false): Promise<void> {
    while (!stop() && (await this.mergeStep(all))) await new Promise((resolve) => setTimeout(resolve, 0));
  }

  /** Deletes an original; a deleted seed is remembered so that pack updates leave it out. */
  async deleteOriginal(id: string): Promise<void> {
    await writing(this.db.transaction(INDEXED, 'readwrite'), async (tx) => {
      const record = await tx.objectStore('originals').get(id);
      if (!record) return;
      await removeIndexed(tx, [record]);
      if (record.origin === 'seed') await tx.objectStore('deletedSeeds').put({ id });
    });
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
    await writing(this.db.transaction(INDEXED, 'readwrite'), async (tx) => {
      const originals = tx.objectStore('originals');
      const inPack = new Set(pack.originals.map((o) => o.id));
      await removeIndexed(
        tx,
        (await originals.index('origin').getAll('seed')).filter((seed) => !inPack.has(seed.id)),
      );
      const seeds: OriginalRecord[] = [];
      for (const record of pack.originals) {
        if (await tx.objectStore('deletedSeeds').get(record.id)) continue;
        const existing = await originals.get(record.id);
        if (existing && existing.origin !== 'seed') continue;
        seeds.push(record);
      }
      await putIndexed(tx, seeds);
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
