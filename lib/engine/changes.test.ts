import { describe, expect, it } from 'vitest';
import { alignTexts } from './align';
import { detectChanges } from './changes';
import { buildTextModel } from './text-model';

describe('detectChanges', () => {
  it('lists changed names, numbers and quotes in aligned sentences', () => {
    const original = [
      'Kherson Gov. Hennadiy Lahuta said on Thursday that 498 soldiers had died in the fighting near the city.',
      '“We will chase them away, with shame,” the president said in his nightly video address on Thursday.',
      'The regional council met again on Friday to discuss supplies of food and medicine for the residents.',
    ];
    const page = [
      'Kherson Governor Hanadi Lahota said on Thursday that 489 soldiers had died in the fighting near the city.',
      '“We will chase them away shyly,” the president said in his nightly video address on Thursday.',
      'The regional council met again on Friday to discuss supplies of food and medicine for the residents.',
    ];
    const p = buildTextModel(page);
    const o = buildTextModel(original);
    const changes = detectChanges(p, o, alignTexts(p, o).pairs, page, original);
    expect(changes).toContainEqual({ kind: 'name', original: 'Lahuta', page: 'Lahota', variant: true });
    expect(changes).toContainEqual({ kind: 'number', original: '498', page: '489' });
    expect(changes).toContainEqual({
      kind: 'quote',
      original: 'We will chase them away, with shame,',
      page: 'We will chase them away shyly,',
    });
    // Changes of meaning come first; names only spelled differently last, marked as such.
    expect(changes.slice(0, 2).map((c) => c.kind)).toEqual(['number', 'quote']);
    expect(changes.slice(2).every((c) => c.kind === 'name')).toBe(true);
    expect(changes.at(-1)).toMatchObject({ original: 'Lahuta', variant: true });
  });
});
