import { describe, expect, it } from 'vitest';
import { badgeFor } from './badge';

describe('badgeFor', () => {
  it('gives each kind of reuse its own badge, and none where there is no known original', () => {
    const kinds = ['original', 'copy', 'rewrite', 'excerpt', 'partial', 'translation', 'mixed'] as const;
    const texts = kinds.map((k) => badgeFor(k)!.text);
    expect(new Set(texts).size).toBe(kinds.length);
    expect(badgeFor('none')).toBeNull();
    expect(badgeFor('no-article')).toBeNull();
  });
});
