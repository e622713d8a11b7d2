/**
 * Opening the database, the only place that does (through idb). Schema changes go through
 * DB_VERSION and cumulative `if (oldVersion < N)` steps, each tested with a database of the
 * earlier version (fixtures/db/). An upgrade either finishes or rolls back whole.
 */
import { openDB, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { PACKED_STORES } from './packed-originals';
import { addSearchWords, indexExisting } from './run-index';
import { DB_NAME, DB_VERSION, type UpstreamDb, type UpstreamSchema } from './schema';

/** Opens (and if needed creates or upgrades) the database. */
export async function openUpstreamDb(name = DB_NAME): Promise<UpstreamDb> {
  const db: UpstreamDb = await openDB<UpstreamSchema>(name, DB_VERSION, {
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
      if (oldVersion < 5)
        transaction.objectStore('originals').createIndex('searchWords', 'searchWords', { multiEntry: true });
      if (oldVersion < 6) {
        for (const store of PACKED_STORES) database.createObjectStore(store, { keyPath: 'first' });
        transaction.objectStore('packedHeads').createIndex('groups', 'groups', { multiEntry: true });
      }
      // Fingerprint version 5 (database version 3) writes keys shorter and drops channels pages no longer query with.
      // The upgrade commits only if this finishes: a failure aborts it and the old version stays as it was.
      const rewrite = async () => {
        if (oldVersion < 4) await indexExisting(transaction, oldVersion < 3);
        await addSearchWords(transaction);
      };
      // A failed upgrade is reported by openDB's own rejection: the aborted transaction's `done` is not a second, unhandled one.
      transaction.done.catch(() => undefined);
      if (oldVersion >= 1 && oldVersion < 5)
        rewrite().catch(() => {
          try {
            transaction.abort();
          } catch {
            // Already aborted by the failed request.
          }
        });
    },
    // A newer version of the extension wants to upgrade: step aside rather than block it.
    blocking: () => db.close(),
  });
  return db;
}
