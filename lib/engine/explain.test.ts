import { describe, expect, it } from 'vitest';
import { buildComparison } from './explain';

const original = [
  'The council approved the harbour budget of 4,500 pounds on Monday after a long debate.',
  'Mayor Anna Berg said the vote was a relief for the fishing families of the town.',
  'Work on the northern quay will begin in the spring and last for two full years.',
  'Critics said the plan ignores the old lighthouse, which needs urgent repairs this winter.',
];

describe('buildComparison', () => {
  it('marks verbatim, reworded, added, removed and moved passages', () => {
    const page = [
      'Work on the northern quay will begin in the spring and last for two full years.',
      'The council approved the harbour budget of 4,500 pounds on Monday after a long debate.',
      'Mayor Anna Berk said the vote came as a relief for the fishing families in the town.',
      'Subscribe to our newsletter for more local stories from the coast every single week.',
    ];
    const rows = buildComparison(page, original, [{ kind: 'name', original: 'Berg', page: 'Berk' }]);
    const kinds = rows.map((r) => `${r.kind}${r.moved ? '+moved' : ''}`);
    expect(kinds).toContain('verbatim+moved');
    expect(kinds).toContain('reworded');
    expect(kinds).toContain('added');
    expect(kinds).toContain('removed');
    const reworded = rows.find((r) => r.kind === 'reworded')!;
    expect(reworded.page!.filter((s) => s.changed).map((s) => s.text.trim())).toContain('Berk');
    expect(reworded.original!.filter((s) => s.changed).map((s) => s.text.trim())).toContain('Berg');
    expect(reworded.changes).toEqual([0]);
    // Every sentence of both texts appears exactly once, text unchanged.
    const join = (side: 'page' | 'original') =>
      rows.flatMap((r) => (r[side] ? [r[side]!.map((s) => s.text).join('')] : []));
    expect(join('page').sort()).toEqual([...page].sort());
    expect(join('original').sort()).toEqual([...original].sort());
  });
});
