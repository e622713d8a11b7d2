import { describe, expect, it } from 'vitest';
import { findCandidates, MAX_POSTING } from './candidates';
import { MemoryStore } from './memory-store';
import type { OriginalRecord } from './original';

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

  it('finds nothing in an empty store', async () => {
    expect(await findCandidates({ keys: ['cx'], words: 1 }, new MemoryStore())).toEqual([]);
  });
});
