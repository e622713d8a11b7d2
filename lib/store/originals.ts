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
} from './run-index';
import type { UpstreamDb } from './schema';
import { wordsOf } from './search-words';
import { writing } from './transactions';

/** Matches a search counts, and index entries it reads, before it stops and says "more than": a short word can match most of the store. */
export const MAX_SEARCH_MATCHES = 2000;
const MAX_SEARCH_READS = 20_000;

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
      const record = await tx.objectStore('originals').get(id);
      if (!record) return;
      await removeIndexed(tx, [record]);
      if (record.origin === 'seed') await tx.objectStore('deletedSeeds').put({ id });
    });
  }

  /**
   * A page of the originals, by id; with a search, those with a word starting with each word
   * searched (title, publisher, host, list), read from the search index's range for the longest
   * word and counted up to MAX_SEARCH_MATCHES. The count without a search is the stored one.
   */
  async listOriginals(search: string, offset: number, limit: number): Promise<OriginalsPage> {
    const words = wordsOf(search);
    const tx = this.db.transaction('originals');
    const items: OriginalRecord[] = [];
    if (!words.length) {
      let cursor = await tx.store.openCursor();
      if (cursor && offset > 0) cursor = await cursor.advance(offset);
      for (; cursor && items.length < limit; cursor = await cursor.continue()) items.push(cursor.value);
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
      const own = record.searchWords ?? [];
      if (!words.every((word) => own.some((w) => w.startsWith(word)))) continue;
      if (total >= offset && items.length < limit) items.push(record);
      if (++total >= MAX_SEARCH_MATCHES) return { items, total, more: true };
    }
    return { items, total };
  }

  async removeOriginalsWithPrefix(
    prefix: string,
    after: string,
    limit: number,
    keep?: ReadonlySet<string>,
  ): Promise<string | null> {
    let last: string | null = null;
    await writing(this.db.transaction(INDEXED, 'readwrite'), async (tx) => {
      const from = after > prefix ? after : prefix;
      const range = IDBKeyRange.bound(from, afterPrefix(prefix), from === after, true);
      const records = await tx.objectStore('originals').getAll(range, limit);
      const gone = keep ? records.filter((record) => !keep.has(record.id)) : records;
      await removeIndexed(tx, gone);
      last = records.length === limit ? records[records.length - 1].id : null;
    });
    return last;
  }

  originalsAfter(after: string, limit: number): Promise<OriginalRecord[]> {
    return this.db.getAll('originals', after ? IDBKeyRange.lowerBound(after, true) : undefined, limit);
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
