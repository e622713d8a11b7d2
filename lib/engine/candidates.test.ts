import { describe, expect, it } from 'vitest';
import { findCandidates, MAX_POSTING, SCORED_POSTINGS } from './candidates';
import { MemoryStore } from '../../test/support/engine-fixtures';
import type { OriginalRecord } from '../model';

const record = (id: string, keys: string[]): OriginalRecord => ({
  id,
  title: id,
  origin: 'import',
  fingerprint: { keys, words: 100 },
});

describe('findCandidates', () => {
  it('ranks originals by the rare keys they share with the page', async () => {
    const store = new MemoryStore([
      record('a', ['ccommon', 'crare1', 'crare2']),
      record('b', ['ccommon', 'crare1']),
      record('c', ['ccommon']),
    ]);
    const found = await findCandidates({ keys: ['ccommon', 'crare1', 'crare2'], words: 50 }, store);
    expect(found.map((c) => c.id)).toEqual(['a', 'b', 'c']);
  });

  it('ignores keys that too many originals carry', async () => {
    const many = Array.from({ length: MAX_POSTING + 1 }, (_, i) => record(`r${i}`, ['ceverywhere']));
    const store = new MemoryStore(many);
    expect(await findCandidates({ keys: ['ceverywhere'], words: 50 }, store)).toEqual([]);
  });

  it('scores a bounded number of postings, rarest keys first', async () => {
    const shared = (key: string, from: number) =>
      Array.from({ length: 150 }, (_, i) => record(`${key}-${from + i}`, [key]));
    const store = new MemoryStore([
      record('target', ['crare', 'cmid1']),
      ...shared('cmid1', 0),
      ...shared('cmid2', 0),
      ...shared('cmid3', 0),
      // Two more originals make cmid3 the most common key, the one left out.
      record('cmid3-extra1', ['cmid3']),
      record('cmid3-extra2', ['cmid3']),
    ]);
    const found = await findCandidates({ keys: ['cmid3', 'cmid2', 'cmid1', 'crare'], words: 50 }, store, 1000);
    expect(found[0].id).toBe('target');
    expect(found.some((c) => c.id.startsWith('cmid2'))).toBe(true);
    expect(found.some((c) => c.id.startsWith('cmid3'))).toBe(false);
    expect(SCORED_POSTINGS).toBeLessThan(1 + 150 + 151 + 152);
  });

  it('finds nothing in an empty store', async () => {
    expect(await findCandidates({ keys: ['cx'], words: 1 }, new MemoryStore())).toEqual([]);
  });
});
