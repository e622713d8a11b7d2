/**
 * An in-memory store of originals for the CLI, the seed-pack build and tests. The extension
 * uses the IndexedDB stores (originals.ts) with the same interface.
 */
import type { OriginalRecord, OriginalStore } from '../model';

/** A store held in Maps. */
export class MemoryStore implements OriginalStore {
  private readonly records = new Map<string, OriginalRecord>();
  // Arrays rather than Sets: most keys belong to a single original, and a million-original
  // store must fit. Several Maps, because one Map holds at most 2^24 keys in V8.
  private readonly shards = Array.from({ length: 16 }, () => new Map<string, string[]>());
  private shard(key: string): Map<string, string[]> {
    return this.shards[key.charCodeAt(key.length - 1) % this.shards.length];
  }

  constructor(records: OriginalRecord[] = []) {
    for (const record of records) this.put(record);
  }

  /** Adds or replaces an original. */
  put(record: OriginalRecord): void {
    this.delete(record.id);
    this.records.set(record.id, record);
    for (const key of new Set(record.fingerprint.keys)) {
      const shard = this.shard(key);
      const ids = shard.get(key);
      if (ids) ids.push(record.id);
      else shard.set(key, [record.id]);
    }
  }

  delete(id: string): void {
    const old = this.records.get(id);
    if (!old) return;
    for (const key of new Set(old.fingerprint.keys)) {
      const shard = this.shard(key);
      const ids = shard.get(key)?.filter((other) => other !== id);
      if (ids?.length) shard.set(key, ids);
      else shard.delete(key);
    }
    this.records.delete(id);
  }

  all(): OriginalRecord[] {
    return [...this.records.values()];
  }

  async count(): Promise<number> {
    return this.records.size;
  }

  async postings(keys: string[], maxOriginals: number): Promise<Map<string, string[]>> {
    const found = new Map<string, string[]>();
    for (const key of keys) {
      const ids = this.shard(key).get(key);
      // Not copied: the lists are read, never changed, by the caller.
      if (ids && ids.length <= maxOriginals) found.set(key, ids);
    }
    return found;
  }

  async getOriginals(ids: string[]): Promise<OriginalRecord[]> {
    return ids.map((id) => this.records.get(id)).filter((r): r is OriginalRecord => !!r);
  }

  /** Postings here are the originals' ids. */
  candidateOriginals(refs: string[]): Promise<OriginalRecord[]> {
    return this.getOriginals(refs);
  }
}
