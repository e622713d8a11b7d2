import { describe, expect, it } from 'vitest';
import { seedPackFromDisk } from './sources';

describe('seed pack', async () => {
  const pack = await seedPackFromDisk();
  const byId = (prefix: string) => pack.originals.find((o) => o.id.startsWith(prefix));

  it('stores the four originals and records the reworded seed as a known copy', () => {
    expect(pack.originals.map((o) => o.id.slice(0, 3)).sort()).toEqual(['000', '002', '003', '004']);
    expect(byId('000')!.knownCopies).toEqual([
      expect.objectContaining({ id: '001_7878a072beb5b911', verdict: 'rewrite' }),
    ]);
  });

  it('takes attribution from the seed text and invents none', () => {
    expect(byId('000')).toMatchObject({
      authors: ['Yaroslav Trofimov', 'Stacy Meichtry'],
      publisher: 'Dow Jones',
      published: '2022',
    });
    for (const prefix of ['002', '003', '004']) {
      expect(byId(prefix)!.authors).toBeUndefined();
      expect(byId(prefix)!.publisher).toBeUndefined();
    }
  });

  it('cleans titles and repost boilerplate', () => {
    expect(byId('000')!.title).toBe('Russian Forces Advance in Southern Ukraine Amid Cease-Fire Talks');
    expect(byId('002')!.title).toBe('Kyiv and Moscow hold talks as Ukrainian troops repel Russian attacks');
    const all = pack.originals.flatMap((o) => o.paragraphs!).join('\n');
    for (const junk of [
      'Source link',
      'Leave a Reply',
      'fifty seven',
      'Zuma Press',
      'Globe Live Media',
      'More Stories',
      'Must Read',
    ]) {
      expect(all).not.toContain(junk);
    }
  });

  it('has a version that changes with the content', async () => {
    expect(pack.version).toMatch(/^[0-9a-f]{16}$/);
    expect((await seedPackFromDisk()).version).toBe(pack.version);
  });
});
