/**
 * An in-memory store of originals for the CLI, the seed-pack build and tests. The extension
 * uses the IndexedDB stores (originals.ts) with the same interface.
 */
import type { OriginalRecord, OriginalStore } from '../model';
import { keyHash, pairsOf, refsIn, sortPairs } from './posting-runs';

/**
 * A store held in a Map, with its candidate index built from every record when it is first
 * asked for after a change: one sorted array of (key hash, ref) pairs, as a run of the
 * IndexedDB store (posting-runs.ts). Built at once, in linear time, where a Map entry per key
 * made loading a pack of 100,000 originals spend most of its time and memory on the index.
 */
export class MemoryStore implements OriginalStore {
  private readonly records = new Map<string, OriginalRecord>();
  private index?: { pairs: Uint32Array; ids: string[] };

  constructor(records: OriginalRecord[] = []) {
    for (const record of records) this.put(record);
  }

  /** Adds or replaces an original. */
  put(record: OriginalRecord): void {
    // Taken out first, so a replaced original's postings come after those stored before it.
    this.records.delete(record.id);
    this.records.set(record.id, record);
    this.index = undefined;
  }

  delete(id: string): void {
    if (this.records.delete(id)) this.index = undefined;
  }

  all(): OriginalRecord[] {
    return [...this.records.values()];
  }

  async count(): Promise<number> {
    return this.records.size;
  }

  /** Builds the candidate index now, rather than at the first lookup (so a load is timed whole). */
  buildIndex(): void {
    this.built();
  }

  private built(): { pairs: Uint32Array; ids: string[] } {
    if (!this.index) {
      const ids: string[] = [];
      const originals: { ref: number; keys: readonly string[] }[] = [];
      for (const record of this.records.values()) {
        originals.push({ ref: ids.length, keys: record.fingerprint.keys });
        ids.push(record.id);
      }
      // A stable sort: under one key, refs stay in the order the originals were stored.
      this.index = { pairs: sortPairs(pairsOf(originals)), ids };
    }
    return this.index;
  }

  async postings(keys: string[], maxOriginals: number): Promise<Map<string, string[]>> {
    const { pairs, ids } = this.built();
    const found = new Map<string, string[]>();
    for (const key of keys) {
      const { refs, count } = refsIn(pairs, keyHash(key), maxOriginals);
      if (count > 0 && count <= maxOriginals)
        found.set(
          key,
          refs.map((ref) => ids[ref]),
        );
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
