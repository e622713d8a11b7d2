import { describe, expect, it } from 'vitest';
import type { Change } from '../model';
import { meaningFirst } from './change-order';

const name = (original: string, page: string): Change => ({ kind: 'name', original, page });

describe('meaningFirst', () => {
  it('puts numbers, quotes and names that change the meaning before names only spelled differently, in turns', () => {
    const changes: Change[] = [
      name('Zaporizhya', 'Zaporizhia'),
      name('Lahuta', 'Lahota'),
      { kind: 'quote', original: 'with shame', page: 'shyly' },
      { kind: 'number', original: '498', page: '489' },
      name('Kherson', 'Mykolaiv'),
      { kind: 'number', original: '1,597', page: '1,579' },
    ];
    const ordered = meaningFirst(changes);
    expect(ordered.map((c) => c.page)).toEqual(['489', 'shyly', 'Mykolaiv', '1,579', 'Zaporizhia', 'Lahota']);
    expect(ordered.map((c) => !!c.variant)).toEqual([false, false, false, false, true, true]);
  });
});
