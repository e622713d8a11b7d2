/**
 * The IndexedDB database: its schema and its version.
 * open-db.ts opens it and runs the steps that upgrade an older one.
 *
 * Stores (version 6):
 * - originals: OriginalRecord by id; index "origin" (seed, import, learned, subscription), the
 *   unique index "indexRef" over the number the candidate index knows the original by, and the
 *   multi-entry index "searchWords" the options page searches (search-words.ts)
 * - runs, runBuckets: the candidate index, sorted runs of (key hash, ref) postings
 *   (posting-runs.ts); runBuckets holds each run's buckets under [run id, bucket]
 * - deadRefs: refs of originals deleted or changed, in the order they died, whose postings
 *   the next merges drop
 * - packedBlocks, packedHeads, packedIds: originals known only by their fingerprint, a hundred
 *   to a record (packed-originals.ts); refs in a block's range are its own
 * - tabs: the analysis state of each open tab, so popups work after a service-worker restart
 * - meta: small values (installed seed-pack version, switched-off sites, trusted outlets, next ref)
 * - deletedSeeds: seeds the person deleted, so a seed-pack update does not bring them back
 * - importQueue: originals waiting to be imported, so an import resumes after a restart
 *
 * Version 1 kept the candidate index in a "postings" store of key -> ids, written by
 * read-modify-write for every key; versions 2 and 3 in a multi-entry index over the originals'
 * keys, one index entry per key, which made a 100,000-original import cost over a minute;
 * version 4 in runs. Version 3 rewrote the keys to fingerprint version 5 (engine/fingerprint.ts).
 * Version 5 added the search index, so a search no longer reads every original. Version 6 added
 * the packed blocks: originals stored before stay records of their own.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { OriginalRecord, QueuedImport, TabState } from '../model';
import type { RunInfo } from './posting-runs';

export const DB_NAME = 'upstream';
export const DB_VERSION = 6;

export interface UpstreamSchema extends DBSchema {
  originals: {
    key: string;
    value: OriginalRecord;
    indexes: { origin: string; indexRef: number; searchWords: string };
  };
  runs: { key: number; value: RunInfo };
  runBuckets: { key: [number, number]; value: Uint32Array };
  deadRefs: { key: number; value: number };
  packedBlocks: { key: number; value: PackedBlock };
  packedHeads: { key: number; value: PackedHead; indexes: { groups: string } };
  packedIds: { key: number; value: PackedIds };
  tabs: { key: number; value: TabState & { tabId: number } };
  meta: { key: string; value: { key: string; value: string } };
  deletedSeeds: { key: string; value: { id: string } };
  importQueue: { key: number; value: QueuedImport };
}

/** A block of originals kept packed, and what is read of it without them (packed-originals.ts). */
export interface PackedBlock {
  first: number;
  originals: (OriginalRecord | null)[];
}
/** Ids ('' where an original was removed) and search words, slot by slot. */
export interface PackedHead {
  first: number;
  ids: string[];
  words: string[];
  /** The groups of its ids (packed-originals.ts, groupOf). */
  groups: string[];
}
/** Hashes of the ids, slot by slot, and how many slots are live. */
export interface PackedIds {
  first: number;
  hashes: Uint32Array;
  live: number;
}

export type UpstreamDb = IDBPDatabase<UpstreamSchema>;

/** Any transaction on the database, for reads that writes also make. */
export type AnyTransaction = IDBPTransaction<UpstreamSchema, ArrayLike<StoreNames<UpstreamSchema>>, IDBTransactionMode>;

/** A transaction that writes originals: an import, a seed pack, or a database upgrade. */
export type WriteTransaction = IDBPTransaction<
  UpstreamSchema,
  ArrayLike<StoreNames<UpstreamSchema>>,
  'readwrite' | 'versionchange'
>;
