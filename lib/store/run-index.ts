/**
 * The candidate index on IndexedDB: originals written together with their postings, lookups
 * of a page's keys, and the merges that keep the runs few (the run format is posting-runs.ts).
 * Writes happen inside the caller's transaction so the records and the index never disagree.
 */
import type { IDBPTransaction } from 'idb';
import { isFingerprint, upgradeKeys } from '../engine';
import type { OriginalRecord } from '../model';
import { META } from './meta-keys';
import {
  addPacked,
  changePacked,
  findPacked,
  forgetPackedState,
  isPackable,
  PACKED_STORES,
  packedState,
  placeOf,
  readPacked,
  type Place,
} from './packed-originals';
import { searchWordsOf } from './search-words';
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
import type { UpstreamDb, UpstreamSchema, WriteTransaction } from './schema';
import { requestAll, writing } from './transactions';

/** The stores a write of originals needs, with the candidate index. */
export const INDEXED = [
  'originals',
  ...PACKED_STORES,
  'runs',
  'runBuckets',
  'meta',
  'deletedSeeds',
  'deadRefs',
] as const;

type MergeTransaction = IDBPTransaction<UpstreamSchema, ('runs' | 'runBuckets' | 'deadRefs')[], 'readwrite'>;

/** Buckets merged per transaction: about 32,000 postings, so a lookup never waits long for a merge. */
const MERGE_SLICE_BUCKETS = Math.max(1, Math.floor(32_768 / POSTINGS_PER_BUCKET));
const bucketsOfRun = (run: number) => IDBKeyRange.bound([run, 0], [run, Infinity]);
const sameKeys = (a: string[], b: string[]) => a.length === b.length && a.every((key, i) => key === b[i]);

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
  const count = Number((await meta.get(META.originalCount))?.value ?? 0);
  await meta.put({ key: META.originalCount, value: String(count + change) });
}

/** The number of originals stored. */
export async function originalCount(db: UpstreamDb): Promise<number> {
  return Number((await db.get('meta', META.originalCount))?.value ?? 0);
}

/** Records read per record asked for before `storedVersions` asks for each one by one. */
const STORED_KEYS_READ = 2;

/**
 * The stored record of each id, or undefined: the keys stored between the batch's lowest and
 * highest id are read first, in one request, and only the ids among them are read whole. A
 * request per record costs about as much as the write that follows it, and a new import's
 * ids are rarely stored; a range holding many other ids is read one id at a time.
 */
async function storedVersions(
  tx: WriteTransaction,
  records: OriginalRecord[],
): Promise<(OriginalRecord | undefined)[]> {
  const originals = tx.objectStore('originals');
  const ids = records.map((record) => record.id).sort();
  const most = STORED_KEYS_READ * ids.length;
  const keys = await originals.getAllKeys(IDBKeyRange.bound(ids[0], ids[ids.length - 1]), most + 1);
  const stored = keys.length > most ? undefined : new Set(keys);
  return requestAll(records, async (record) =>
    !stored || stored.has(record.id) ? originals.get(record.id) : undefined,
  );
}

/**
 * Stores originals and indexes them, within the caller's transaction: those without text
 * packed (packed-originals.ts), the others a record each. An original stored again with the
 * same keys in the same place keeps its ref and postings; any other gets a new ref, and their
 * postings become one new run (merged later, by mergeStep). Postings of a deleted or changed
 * original lead nowhere: no record or slot holds their ref any more. Of several records with
 * one id in a batch, the last is stored.
 */
export async function putIndexed(tx: WriteTransaction, batch: OriginalRecord[]): Promise<void> {
  const records = [...new Map(batch.map((record) => [record.id, record])).values()];
  if (records.length === 0) return;
  tx.done.catch(() => forgetPackedState(tx.db));
  const originals = tx.objectStore('originals');
  const meta = tx.objectStore('meta');
  const [stored, nextRef, deletedSeeds] = await Promise.all([
    storedVersions(tx, records),
    meta.get(META.nextRef),
    tx.objectStore('deletedSeeds').getAllKeys(),
  ]);
  let next = Number(nextRef?.value ?? 1);
  const state = await packedState(tx, next);
  const packedPlaces = await findPacked(
    tx,
    state,
    records.filter((_, i) => !stored[i]).map((record) => record.id),
  );
  const packedOld = await readPacked(tx, [...packedPlaces.values()]);
  const packedById = new Map([...packedPlaces.keys()].map((id, i) => [id, packedOld[i]]));
  // A seed the person deleted and now adds again is no longer kept out of seed-pack updates.
  const deleted = new Set(deletedSeeds);
  await requestAll(
    records.filter((record) => deleted.has(record.id)),
    (record) => tx.objectStore('deletedSeeds').delete(record.id),
  );
  const fresh: { ref: number; keys: string[] }[] = [];
  const died: number[] = [];
  const own: OriginalRecord[] = [];
  const toPack: OriginalRecord[] = [];
  const slots: (Place & { record: OriginalRecord | null })[] = [];
  const moved: string[] = [];
  let added = 0;
  records.forEach((record, i) => {
    const place = packedPlaces.get(record.id);
    const old = stored[i] ?? packedById.get(record.id);
    const packs = isPackable(record);
    if (!old) added++;
    if (old?.indexRef && packs === !!place && sameKeys(old.fingerprint.keys, record.fingerprint.keys)) {
      const kept = { ...record, indexRef: old.indexRef };
      if (place) slots.push({ ...place, record: kept });
      else own.push({ ...kept, searchWords: searchWordsOf(record) });
      return;
    }
    if (old?.indexRef) died.push(old.indexRef);
    if (place) slots.push({ ...place, record: null });
    else if (old && packs) moved.push(record.id);
    if (packs) return void toPack.push(record);
    fresh.push({ ref: next, keys: record.fingerprint.keys });
    own.push({ ...record, indexRef: next++, searchWords: searchWordsOf(record) });
  });
  // Packed refs come last, one after the other, as their blocks need.
  const packed = toPack.map((record) => {
    fresh.push({ ref: next, keys: record.fingerprint.keys });
    return { ...record, indexRef: next++ };
  });
  await requestAll(own, (record) => originals.put(record));
  await requestAll(moved, (id) => originals.delete(id));
  await changePacked(tx, slots);
  await addPacked(tx, state, packed);
  await requestAll(died, (ref) => tx.objectStore('deadRefs').add(ref));
  await meta.put({ key: META.nextRef, value: String(next) });
  state.nextRef = next;
  await addToCount(tx, added);
  await writeRun(tx, pairsOf(fresh));
}

/**
 * Deletes originals, within the caller's transaction: their refs go on the dead list, for
 * merges to drop their postings, and the count goes down.
 */
export async function removeIndexed(tx: WriteTransaction, records: OriginalRecord[]): Promise<void> {
  const state = await packedState(tx);
  const own: OriginalRecord[] = [];
  const packed: (Place & { ref: number })[] = [];
  for (const record of records) {
    const place = record.indexRef ? placeOf(state, record.indexRef) : undefined;
    if (place) packed.push({ ...place, ref: record.indexRef! });
    else own.push(record);
  }
  await requestAll(own, (record) => tx.objectStore('originals').delete(record.id));
  await requestAll(
    own.flatMap((record) => record.indexRef ?? []),
    (ref) => tx.objectStore('deadRefs').add(ref),
  );
  await addToCount(tx, -own.length);
  await removePacked(tx, packed);
}

/** Empties the slots of packed originals, within the caller's transaction: their refs die and the count goes down. */
export async function removePacked(tx: WriteTransaction, places: (Place & { ref: number })[]): Promise<void> {
  await changePacked(
    tx,
    places.map((place) => ({ ...place, record: null })),
  );
  await requestAll(places, ({ ref }) => tx.objectStore('deadRefs').add(ref));
  await addToCount(tx, -places.length);
}

/**
 * Moves a database of version 1 to 3 to runs, within the upgrade transaction: every original
 * gets a ref (and, before version 3, keys of fingerprint version 5), and one run indexes them
 * all. An original without a usable fingerprint is kept unindexed and its id listed in meta.
 */
export async function indexExisting(tx: WriteTransaction, upgradeFingerprints: boolean): Promise<void> {
  const originals = tx.objectStore('originals');
  const records: { ref: number; keys: string[] }[] = [];
  const setAside: string[] = [];
  let count = 0;
  for (let cursor = await originals.openCursor(); cursor; cursor = await cursor.continue()) {
    count++;
    const given: unknown = cursor.value.fingerprint;
    if (!isFingerprint(given)) {
      setAside.push(cursor.value.id);
      await cursor.update({ ...cursor.value, fingerprint: { keys: [], words: 0 } });
      continue;
    }
    const fingerprint = upgradeFingerprints ? { keys: upgradeKeys(given.keys), words: given.words } : given;
    const ref = records.length + 1;
    records.push({ ref, keys: fingerprint.keys });
    await cursor.update({ ...cursor.value, fingerprint, indexRef: ref });
  }
  const meta = tx.objectStore('meta');
  await meta.put({ key: META.nextRef, value: String(records.length + 1) });
  await meta.put({ key: META.originalCount, value: String(count) });
  if (setAside.length) await meta.put({ key: META.setAside, value: JSON.stringify(setAside) });
  await writeRun(tx, pairsOf(records));
}

/** Gives every original of an older database its search words (database version 5), within the upgrade transaction. */
export async function addSearchWords(tx: WriteTransaction): Promise<void> {
  for (let cursor = await tx.objectStore('originals').openCursor(); cursor; cursor = await cursor.continue())
    await cursor.update({ ...cursor.value, searchWords: searchWordsOf(cursor.value) });
}

/** Refs of the originals carrying each key, read from every run's bucket of the key. */
export async function lookupPostings(
  db: UpstreamDb,
  keys: string[],
  maxOriginals: number,
): Promise<Map<string, string[]>> {
  const tx = db.transaction(['runs', 'runBuckets']);
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

/**
 * The dead refs read so far, kept between merge slices: a removal of 100,000 originals leaves
 * as many, and reading them all again for every slice made its merge take a minute. Each
 * slice reads only the deaths added since; forgetting deaths starts it afresh.
 */
export class DeadRefs {
  refs = new Set<number>();
  lastKey = 0;
}

/**
 * One bounded step of merging the candidate index's runs, in its own transaction: starts a
 * merge (of a full level, or with `all` of every run), or merges the next slice of buckets of
 * the one under way, or ends it by putting the merged run in place of its inputs. False when
 * there was nothing to do. A merge stopped by a restart goes on at the next step.
 */
export async function mergeStep(db: UpstreamDb, all = false, dead = new DeadRefs()): Promise<boolean> {
  let worked = false;
  await writing(db.transaction(['runs', 'runBuckets', 'deadRefs'], 'readwrite'), async (tx) => {
    const runs = tx.objectStore('runs');
    const existing = await runs.getAll();
    const building = existing.find((run) => run.merging);
    if (!building) {
      // Merging every run drops every posting of the refs dead by now: those can be forgotten after.
      const lastDeath = all ? (await tx.objectStore('deadRefs').openKeyCursor(null, 'prev'))?.key : undefined;
      const inputs = runsToMerge(existing, all, lastDeath !== undefined);
      if (!inputs) return;
      const postings = inputs.reduce((sum, run) => sum + run.postings, 0);
      const merging = { inputs: inputs.map((run) => run.id), nextBucket: 0, written: 0, forgetDeathsUpTo: lastDeath };
      await runs.add({ level: levelOf(postings), buckets: bucketCount(postings), postings, merging } as RunInfo);
    } else if (building.merging!.nextBucket < building.buckets) {
      await mergeNextSlice(tx, building, existing, dead);
    } else {
      const { inputs, written, forgetDeathsUpTo } = building.merging!;
      await requestAll(inputs, (id) => runs.delete(id));
      await requestAll(inputs, (id) => tx.objectStore('runBuckets').delete(bucketsOfRun(id)));
      if (forgetDeathsUpTo !== undefined) {
        await tx.objectStore('deadRefs').delete(IDBKeyRange.upperBound(forgetDeathsUpTo));
        dead.refs = new Set();
        dead.lastKey = 0;
      }
      const run: RunInfo = { ...building, postings: written, level: levelOf(written) };
      delete run.merging;
      await runs.put(run);
    }
    worked = true;
  });
  return worked;
}

async function mergeNextSlice(tx: MergeTransaction, building: RunInfo, runs: RunInfo[], dead: DeadRefs): Promise<void> {
  const merging = building.merging!;
  const low = merging.nextBucket;
  const high = Math.min(building.buckets, low + MERGE_SLICE_BUCKETS);
  const since = IDBKeyRange.lowerBound(dead.lastKey, true);
  // Oldest run first, so refs under a key stay in the order they were written.
  const [deathKeys, deaths, ...parts] = await Promise.all([
    tx.objectStore('deadRefs').getAllKeys(since),
    tx.objectStore('deadRefs').getAll(since),
    ...merging.inputs.map((id) => {
      const input = runs.find((run) => run.id === id)!;
      const [first, last] = inputBucketRange(low, high, building.buckets, input.buckets);
      return tx.objectStore('runBuckets').getAll(IDBKeyRange.bound([input.id, first], [input.id, last]));
    }),
  ]);
  for (const ref of deaths) dead.refs.add(ref);
  if (deathKeys.length) dead.lastKey = deathKeys[deathKeys.length - 1];
  const contents = mergeSlice(parts.flat(), low, high, building.buckets, dead.refs);
  await requestAll(contents, ([bucket, content]) => tx.objectStore('runBuckets').put(content, [building.id, bucket]));
  const written = merging.written + [...contents.values()].reduce((sum, content) => sum + content.length / 2, 0);
  await tx.objectStore('runs').put({ ...building, merging: { ...merging, nextBucket: high, written } });
}

/** Merges runs, a step per transaction, until there is nothing left to merge or `stop` says so. */
export async function mergeRuns(
  db: UpstreamDb,
  all = false,
  stop: () => boolean = () => false,
  dead = new DeadRefs(),
): Promise<void> {
  while (!stop() && (await mergeStep(db, all, dead))) await new Promise((resolve) => setTimeout(resolve, 0));
}
