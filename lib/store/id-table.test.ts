import { describe, expect, it } from 'vitest';
import { IdTable } from './id-table';

describe('IdTable', () => {
  it('finds every ref added under a hash, through growth and shared hashes', () => {
    const table = new IdTable(4);
    for (let ref = 1; ref <= 5000; ref++) table.add((ref * 2654435761) >>> 0, ref);
    table.add(12345, 9001);
    table.add(12345, 9002);
    expect(table.size).toBe(5002);
    for (let ref = 1; ref <= 5000; ref += 97) expect(table.refsOf((ref * 2654435761) >>> 0)).toContain(ref);
    expect(table.refsOf(12345).sort()).toEqual([9001, 9002]);
    expect(table.refsOf(777)).toEqual([]);
  });

  it('keeps hashes above 2^31 apart from their negative form', () => {
    const table = new IdTable();
    table.add(0xfffffff0, 3);
    expect(table.refsOf(0xfffffff0)).toEqual([3]);
    expect(table.refsOf(0xfffffff0 | 0)).toEqual([3]);
  });
});
