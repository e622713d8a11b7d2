/** The originals on IndexedDB: lookups for the engine, writes, the options page's list, the seed pack. */
import type { OriginalRecord, OriginalsLibrary, OriginalsPage, SeedPack } from '../model';
import { META } from './meta-keys';
import {
  DeadRefs,
  INDEXED,
  lookupPostings,
  mergeRuns,
  mergeStep,
  originalCount,
  putIndexed,
  removeIndexed,
  removePacked,
} from './run-index';
import {
  findPacked,
  PACKED_STORES,
  packedFrom,
  packedPage,
  packedState,
  packedWithPrefix,
  placeOf,
  readPacked,
  searchPacked,
} from './packed-originals';
import type { AnyTransaction, UpstreamDb } from './schema';
import { writing } from './transactions';
import { wordsOf } from './search-words';

/** Matches a search counts, and index entries it reads, before it stops and says "more than": a short word can match most of the store. */
export const MAX_SEARCH_MATCHES = 2000;
const MAX_SEARCH_READS = 20_000;

/** Whether every word searched starts one of an original's words. */
const matchesAll = (searched: string[], own: string[]) => searched.every((word) => own.some((w) => w.startsWith(word)));

/**
 * The least key above every key that starts with `prefix` (its last character stepped up), the
 * exclusive end of a prefix range: `${prefix}\uffff` would leave out keys that go on with \uffff.
 */
export function afterPrefix(prefix: string): string | [] {
  let end = prefix.length;
  while (end > 0 && prefix.charCodeAt(end - 1) === 0xffff) end--;
  // Only \uffff: no string is above all its continuations, but every array key is above every string.
  if (end === 0) return [];
  return prefix.slice(0, end - 1) + String.fromCharCode(prefix.charCodeAt(end - 1) + 1);
}

/**
 * Positions of originalsAfter and removeOriginalsWithPrefix in the packed originals, after
 * every original of its own: this mark and a block's first ref. No id holds it (makeOriginal
 * takes control characters out of ids).
 */
const PACKED_POSITION = '\u0000';
const packedPosition = (first: number | null) => (first === null ? null : `${PACKED_POSITION}${first}`);

/** The stores a read of originals by id or ref needs. */
const READ = ['originals', ...PACKED_STORES, 'meta'] as const;

/** The stored originals with these ids, in their order, wherever they are kept. */
async function storedWithIds(tx: AnyTransaction, ids: string[]): Promise<OriginalRecord[]> {
  const own = await Promise.all(ids.map((id) => tx.objectStore('originals').get(id)));
  const missing = ids.filter((_, i) => !own[i]);
  const places = missing.length ? await findPacked(tx, await packedState(tx), missing) : new Map();
  const packed = await readPacked(tx, [...places.values()]);
  const packedById = new Map([...places.keys()].map((id, i) => [id, packed[i]]));
  return ids.flatMap((id, i) => own[i] ?? packedById.get(id) ?? []);
}

export class IdbOriginals implements OriginalsLibrary {
  /** Dead refs read by merges so far (run-index.ts). */
  private readonly dead = new DeadRefs();

  constructor(private readonly db: UpstreamDb) {}

  count(): Promise<number> {
    return originalCount(this.db);
  }

  postings(keys: string[], maxOriginals: number): Promise<Map<string, string[]>> {
    return lookupPostings(this.db, keys, maxOriginals);
  }

  /** The originals behind candidate refs, in their order; refs of replaced or deleted originals are left out. */
  async candidateOriginals(refs: string[]): Promise<OriginalRecord[]> {
    const tx = this.db.transaction(READ);
    const state = await packedState(tx);
    const places = refs.map((ref) => placeOf(state, Number(ref)));
    const [own, packed] = await Promise.all([
      Promise.all(
        refs.map((ref, i) => (places[i] ? undefined : tx.objectStore('originals').index('indexRef').get(Number(ref)))),
      ),
      readPacked(
        tx,
        places.flatMap((place) => place ?? []),
      ),
    ]);
    let next = 0;
    return refs.flatMap((_, i) => (places[i] ? packed[next++] : own[i]) ?? []);
  }

  async getOriginals(ids: string[]): Promise<OriginalRecord[]> {
    return storedWithIds(this.db.transaction(READ), ids);
  }

  async putOriginals(records: OriginalRecord[]): Promise<void> {
    await writing(this.db.transaction(INDEXED, 'readwrite'), (tx) => putIndexed(tx, records));
  }

  /** One bounded step of merging the index's runs (see run-index.ts); false when there was nothing to do. */
  mergeStep(all = false): Promise<boolean> {
    return mergeStep(this.db, all, this.dead);
  }

  mergeRuns(all = false, stop: () => boolean = () => false): Promise<void> {
    return mergeRuns(this.db, all, stop, this.dead);
  }

  /** Deletes an original; a deleted seed is remembered so that pack updates leave it out. */
  async deleteOriginal(id: string): Promise<void> {
    await writing(this.db.transaction(INDEXED, 'readwrite'), async (tx) => {
      const [record] = await storedWithIds(tx, [id]);
      if (!record) return;
      await removeIndexed(tx, [record]);
      if (record.origin === 'seed') await tx.objectStore('deletedSeeds').put({ id });
    });
  }

  /**
   * A page of the originals: those with records of their own by id, then the packed ones in
   * the order they were stored. With a search, those with a word starting with each word
   * searched (title, publisher, host, list): records of their own from the search index's
   * range for the longest word, packed ones from their blocks' words, counted up to
   * MAX_SEARCH_MATCHES. The count without a search is the stored one.
   */
  async listOriginals(search: string, offset: number, limit: number): Promise<OriginalsPage> {
    const words = wordsOf(search);
    const tx = this.db.transaction('originals');
    const items: OriginalRecord[] = [];
    if (!words.length) {
      let cursor = await tx.store.openCursor();
      if (cursor && offset > 0) cursor = await cursor.advance(offset);
      for (; cursor && items.length < limit; cursor = await cursor.continue()) items.push(cursor.value);
      if (items.length < limit) {
        const own = await tx.store.count();
        items.push(...(await packedPage(this.db, Math.max(0, offset - own), limit - items.length)));
      }
      return { items, total: await originalCount(this.db) };
    }
    const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
    const range = IDBKeyRange.bound(longest, afterPrefix(longest), false, true);
    const seen = new Set<string>();
    let total = 0;
    let reads = 0;
    for (let cursor = await tx.store.index('searchWords').openCursor(range); cursor; cursor = await cursor.continue()) {
      if (++reads > MAX_SEARCH_READS) return { items, total, more: true };
      const record = cursor.value;
      // A record is under the range once per word the prefix starts.
      if (seen.has(record.id)) continue;
      seen.add(record.id);
      if (!matchesAll(words, record.searchWords ?? [])) continue;
      if (total >= offset && items.length < limit) items.push(record);
      if (++total >= MAX_SEARCH_MATCHES) return { items, total, more: true };
    }
    const packed = await searchPacked(this.db, (own) => matchesAll(words, own.split(' ')), {
      total,
      offset,
      limit,
      taken: items.length,
      most: MAX_SEARCH_MATCHES,
    });
    return { items: [...items, ...packed.items], total: packed.total, ...(packed.more ? { more: true } : {}) };
  }

  async removeOriginalsWithPrefix(
    prefix: string,
    after: string,
    limit: number,
    keep?: ReadonlySet<string>,
  ): Promise<string | null> {
    let next: string | null = null;
    await writing(this.db.transaction(INDEXED, 'readwrite'), async (tx) => {
      if (after.startsWith(PACKED_POSITION)) {
        const found = await packedWithPrefix(tx, prefix, Number(after.slice(1)), limit, keep);
        await removePacked(tx, found.places);
        next = packedPosition(found.next);
        return;
      }
      const from = after > prefix ? after : prefix;
      const range = IDBKeyRange.bound(from, afterPrefix(prefix), from === after, true);
      const records = await tx.objectStore('originals').getAll(range, limit);
      const gone = keep ? records.filter((record) => !keep.has(record.id)) : records;
      await removeIndexed(tx, gone);
      next = records.length === limit ? records[records.length - 1].id : packedPosition(0);
    });
    return next;
  }

  /**
   * Up to about `limit` originals from the position `after` ('' for the first): records of
   * their own in id order (`after` may be an id), then the packed ones, whole blocks at a time;
   * and the position to go on from, or null after the last.
   */
  async originalsAfter(after: string, limit: number): Promise<{ records: OriginalRecord[]; next: string | null }> {
    if (after.startsWith(PACKED_POSITION)) {
      const { records, next } = await packedFrom(this.db, Number(after.slice(1)), limit);
      return { records, next: packedPosition(next) };
    }
    const records = await this.db.getAll('originals', after ? IDBKeyRange.lowerBound(after, true) : undefined, limit);
    if (records.length === limit) return { records, next: records[limit - 1].id };
    if (records.length) return { records, next: packedPosition(0) };
    return this.originalsAfter(packedPosition(0)!, limit);
  }

  async installedSeedPackVersion(): Promise<string | undefined> {
    return (await this.db.get('meta', META.seedPackVersion))?.value;
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
      await tx.objectStore('meta').put({ key: META.seedPackVersion, value: pack.version });
    });
  }
}
