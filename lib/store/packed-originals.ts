/**
 * Originals known only by their fingerprint (a pack or a file of fingerprints: no text), kept
 * PACKED_BLOCK to a record. In Chromium an IndexedDB request costs about as much as the write
 * it serves, and a record of its own per original, with its index entries, was most of what
 * importing a million of them cost; a block is three requests for 32 originals.
 *
 * Refs are given out in increasing order, and a block holds the consecutive refs from its
 * key, `first`: a ref belongs to the block with the greatest first not above it when it is
 * within the block's slots, else to a record of the `originals` store. Three stores share a
 * block's key:
 * - packedBlocks: the originals, null where one was removed
 * - packedHeads: their ids ('' where removed) and search words: what listing, search and
 *   removal by prefix read, without the fingerprints
 * - packedIds: the hashes of their ids and how many are live, from which each database's id
 *   table (id hash -> refs) is built in memory when first needed
 */
import type { OriginalRecord } from '../model';
import { IdTable } from './id-table';
import { META } from './meta-keys';
import { keyHash } from './posting-runs';
import type { AnyTransaction, PackedHead, UpstreamDb, WriteTransaction } from './schema';
import { searchWordsOf } from './search-words';
import { requestAll } from './transactions';

/** Originals per block: a lookup reads a candidate's whole block, about 35 KB. */
export const PACKED_BLOCK = 32;

export const PACKED_STORES = ['packedBlocks', 'packedHeads', 'packedIds'] as const;

/** Where a packed original is: its block's first ref and its slot. */
export interface Place {
  first: number;
  slot: number;
}

/** What the database's packed blocks hold, kept in memory: their firsts and sizes, and the id table. */
interface PackedState {
  firsts: number[];
  sizes: number[];
  table: IdTable;
  /** The store's next ref when this was read or last written: a write that finds another reloads. */
  nextRef: number;
}

const states = new WeakMap<object, PackedState>();

/** Whether an original is kept packed: one without text, other than a seed (seeds are found by their origin). */
export const isPackable = (record: OriginalRecord): boolean => !record.paragraphs?.length && record.origin !== 'seed';

/**
 * The packed state of the transaction's database, read again when the store's next ref
 * (`nextRef`, when the caller has read it) says another connection wrote since. The
 * transaction needs `packedIds` and `meta`.
 */
export async function packedState(tx: AnyTransaction, nextRef?: number): Promise<PackedState> {
  const current = nextRef ?? Number((await tx.objectStore('meta').get(META.nextRef))?.value ?? 1);
  const known = states.get(tx.db);
  if (known?.nextRef === current) return known;
  const blocks = await tx.objectStore('packedIds').getAll();
  const state: PackedState = { firsts: [], sizes: [], table: new IdTable(), nextRef: current };
  for (const { first, hashes } of blocks) {
    state.firsts.push(first);
    state.sizes.push(hashes.length);
    hashes.forEach((hash, slot) => state.table.add(hash, first + slot));
  }
  states.set(tx.db, state);
  return state;
}

/** Forgets what is known of a database's packed blocks, after a write to them failed. */
export const forgetPackedState = (db: object): boolean => states.delete(db);

/** The block and slot of a ref, when it is packed. */
export function placeOf(state: PackedState, ref: number): Place | undefined {
  let low = 0;
  let high = state.firsts.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (state.firsts[mid] <= ref) low = mid + 1;
    else high = mid - 1;
  }
  if (high < 0) return undefined;
  const slot = ref - state.firsts[high];
  return slot < state.sizes[high] ? { first: state.firsts[high], slot } : undefined;
}

/** An id's group: its part up to the first '/', as a list's prefix ends (`list:<hash>/`); none without one. */
export const groupOf = (id: string): string | undefined => {
  const end = id.indexOf('/');
  return end < 0 ? undefined : id.slice(0, end + 1);
};

/** The groups of a block's ids, for the heads' "groups" index: a list's removal reads only its blocks. */
const groupsOf = (ids: string[]) => [...new Set(ids.flatMap((id) => groupOf(id) ?? []))];

const groupByBlock = <T extends Place>(places: T[]) => {
  const blocks = new Map<number, T[]>();
  for (const place of places) blocks.set(place.first, [...(blocks.get(place.first) ?? []), place]);
  return blocks;
};

/** The packed originals with these ids, with where each is. */
export async function findPacked(
  tx: AnyTransaction,
  state: PackedState,
  ids: string[],
): Promise<Map<string, Place & { ref: number }>> {
  const candidates = ids.flatMap((id) =>
    state.table.refsOf(keyHash(id)).flatMap((ref) => {
      const place = placeOf(state, ref);
      return place ? [{ ...place, ref, id }] : [];
    }),
  );
  const found = new Map<string, Place & { ref: number }>();
  if (candidates.length === 0) return found;
  const firsts = [...new Set(candidates.map((c) => c.first))];
  const heads = await requestAll(firsts, (first) => tx.objectStore('packedHeads').get(first));
  const headOf = new Map(firsts.map((first, i) => [first, heads[i]]));
  for (const { id, first, slot, ref } of candidates)
    if (headOf.get(first)?.ids[slot] === id) found.set(id, { first, slot, ref });
  return found;
}

/** The originals at these places, in their order: undefined where a place was emptied. */
export async function readPacked(tx: AnyTransaction, places: Place[]): Promise<(OriginalRecord | undefined)[]> {
  const firsts = [...new Set(places.map((place) => place.first))];
  const blocks = await requestAll(firsts, (first) => tx.objectStore('packedBlocks').get(first));
  const blockOf = new Map(firsts.map((first, i) => [first, blocks[i]]));
  return places.map(({ first, slot }) => blockOf.get(first)?.originals[slot] ?? undefined);
}

const present = (records: (OriginalRecord | null | undefined)[]) => records.filter((r): r is OriginalRecord => !!r);

/**
 * Stores originals packed, within the caller's transaction; each carries its indexRef, one
 * after the other from the first. Their ids are stored nowhere else (the caller saw to that).
 */
export async function addPacked(tx: WriteTransaction, state: PackedState, records: OriginalRecord[]): Promise<void> {
  const blocks: OriginalRecord[][] = [];
  for (let start = 0; start < records.length; start += PACKED_BLOCK)
    blocks.push(records.slice(start, start + PACKED_BLOCK));
  await requestAll(blocks, async (originals) => {
    const first = originals[0].indexRef!;
    const hashes = Uint32Array.from(originals, (record) => keyHash(record.id));
    state.firsts.push(first);
    state.sizes.push(originals.length);
    hashes.forEach((hash, slot) => state.table.add(hash, first + slot));
    await Promise.all([
      tx.objectStore('packedBlocks').put({ first, originals }),
      tx.objectStore('packedHeads').put({
        first,
        ids: originals.map((record) => record.id),
        words: originals.map((record) => searchWordsOf(record).join(' ')),
        groups: groupsOf(originals.map((record) => record.id)),
      }),
      tx.objectStore('packedIds').put({ first, hashes, live: originals.length }),
    ]);
  });
}

/**
 * Replaces packed originals in their slots, or empties the slots (`record` null), within the
 * caller's transaction; a block left empty is deleted.
 */
export async function changePacked(
  tx: WriteTransaction,
  changes: (Place & { record: OriginalRecord | null })[],
): Promise<void> {
  await requestAll(groupByBlock(changes), async ([first, inBlock]) => {
    const [block, head, ids] = await Promise.all([
      tx.objectStore('packedBlocks').get(first),
      tx.objectStore('packedHeads').get(first),
      tx.objectStore('packedIds').get(first),
    ]);
    if (!block || !head || !ids) return;
    for (const { slot, record } of inBlock) {
      block.originals[slot] = record;
      head.ids[slot] = record?.id ?? '';
      head.words[slot] = record ? searchWordsOf(record).join(' ') : '';
    }
    head.groups = groupsOf(head.ids);
    ids.live = head.ids.filter(Boolean).length;
    if (ids.live === 0) await Promise.all(PACKED_STORES.map((store) => tx.objectStore(store).delete(first)));
    else
      await Promise.all([
        tx.objectStore('packedBlocks').put(block),
        tx.objectStore('packedHeads').put(head),
        tx.objectStore('packedIds').put(ids),
      ]);
  });
}

/** Blocks' heads read per request by the walks below. */
const HEADS_PER_READ = 200;

/**
 * Walks the packed originals' heads in ref order from the block `from` on, a few blocks per
 * request, until `visit` says to stop; returns the first of the block it stopped before, or
 * null at the end.
 */
async function walkHeads(
  tx: AnyTransaction,
  from: number,
  visit: (head: PackedHead) => boolean,
): Promise<number | null> {
  for (let low = from; ;) {
    const heads = await tx.objectStore('packedHeads').getAll(IDBKeyRange.lowerBound(low), HEADS_PER_READ);
    for (const head of heads) if (!visit(head)) return head.first;
    if (heads.length < HEADS_PER_READ) return null;
    low = heads[heads.length - 1].first + 1;
  }
}

/**
 * The packed originals, in ref order, skipping `skip` and taking up to `limit`: the live counts
 * say which blocks to skip, and only the blocks taken from are read.
 */
export async function packedPage(db: UpstreamDb, skip: number, limit: number): Promise<OriginalRecord[]> {
  const tx = db.transaction(['packedIds', 'packedBlocks']);
  let start: number | undefined;
  let left = skip;
  for (let low = 0; start === undefined;) {
    const blocks = await tx.objectStore('packedIds').getAll(IDBKeyRange.lowerBound(low), 1000);
    for (const block of blocks) {
      if (left < block.live) {
        start = block.first;
        break;
      }
      left -= block.live;
    }
    if (start === undefined && blocks.length < 1000) return [];
    low = blocks[blocks.length - 1].first + 1;
  }
  const items: OriginalRecord[] = [];
  for (let low = start; items.length < limit;) {
    const blocks = await tx.objectStore('packedBlocks').getAll(IDBKeyRange.lowerBound(low), 5);
    for (const block of blocks) {
      const live = present(block.originals);
      items.push(...live.slice(left, left + limit - items.length));
      left = Math.max(0, left - live.length);
    }
    if (blocks.length < 5) break;
    low = blocks[blocks.length - 1].first + 1;
  }
  return items;
}

/**
 * The packed originals whose search words match, counted on from `total` earlier matches up to
 * `most`, with those from the `offset`-th match on taken while fewer than `limit` (with the
 * `taken` already) are.
 */
export async function searchPacked(
  db: UpstreamDb,
  matches: (words: string) => boolean,
  counted: { total: number; offset: number; limit: number; taken: number; most: number },
): Promise<{ items: OriginalRecord[]; total: number; more: boolean }> {
  const tx = db.transaction(['packedHeads', 'packedBlocks']);
  const places: Place[] = [];
  let { total } = counted;
  const stoppedAt = await walkHeads(tx, 0, (head) => {
    head.ids.forEach((id, slot) => {
      if (!id || total >= counted.most || !matches(head.words[slot])) return;
      if (total >= counted.offset && counted.taken + places.length < counted.limit)
        places.push({ first: head.first, slot });
      total++;
    });
    return total < counted.most;
  });
  return { items: present(await readPacked(tx, places)), total, more: stoppedAt !== null };
}

/**
 * Up to about `limit` packed originals in ref order from the block `from` on (whole blocks, at
 * least one), and the block to go on from, or null after the last.
 */
export async function packedFrom(
  db: UpstreamDb,
  from: number,
  limit: number,
): Promise<{ records: OriginalRecord[]; next: number | null }> {
  const tx = db.transaction('packedBlocks');
  const perRead = Math.ceil(limit / PACKED_BLOCK) + 1;
  const records: OriginalRecord[] = [];
  for (let low = from; ;) {
    const blocks = await tx.objectStore('packedBlocks').getAll(IDBKeyRange.lowerBound(low), perRead);
    for (const block of blocks) {
      const live = present(block.originals);
      if (records.length > 0 && records.length + live.length > limit) return { records, next: block.first };
      records.push(...live);
    }
    if (blocks.length < perRead) return { records, next: null };
    low = blocks[blocks.length - 1].first + 1;
  }
}

/**
 * The places of up to `limit` packed originals whose ids start with `prefix` and are not in
 * `keep`, from the block `from` on, and the block to go on from (null after the last). A prefix
 * that names a group reads only the blocks holding ids of the group.
 */
export async function packedWithPrefix(
  tx: AnyTransaction,
  prefix: string,
  from: number,
  limit: number,
  keep?: ReadonlySet<string>,
): Promise<{ places: (Place & { ref: number; id: string })[]; next: number | null }> {
  const places: (Place & { ref: number; id: string })[] = [];
  const take = (head: PackedHead) =>
    head.ids.forEach((id, slot) => {
      if (id && id.startsWith(prefix) && !keep?.has(id))
        places.push({ first: head.first, slot, ref: head.first + slot, id });
    });
  const group = groupOf(prefix);
  if (group === undefined) {
    const next = await walkHeads(tx, from, (head) => {
      if (places.length >= limit) return false;
      take(head);
      return true;
    });
    return { places, next };
  }
  const firsts = await tx.objectStore('packedHeads').index('groups').getAllKeys(group);
  for (const first of firsts) {
    if (first < from) continue;
    if (places.length >= limit) return { places, next: first };
    const head = await tx.objectStore('packedHeads').get(first);
    if (head) take(head);
  }
  return { places, next: null };
}
