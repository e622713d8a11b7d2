import { beforeAll, describe, expect, it } from 'vitest';
import { articleFromHtml, seedPackFromDisk } from '../cli/sources';
import { pageCases } from '../test/fixtures/pages';
import { prepareArticle } from './article';
import { analyse } from './engine';
import { MemoryStore } from './memory-store';
import { makeOriginal } from './original';

let store: MemoryStore;
beforeAll(async () => {
  store = new MemoryStore((await seedPackFromDisk()).originals);
});

const analyseHtml = async (html: string) => {
  const article = articleFromHtml(html, 'http://127.0.0.1/page.html');
  return article ? analyse(prepareArticle(article), store) : null;
};

describe('engine on the test pages', () => {
  for (const c of pageCases()) {
    it(`${c.name} -> ${c.verdict}`, async () => {
      const report = await analyseHtml(c.html);
      if (c.verdict === 'no-article') {
        expect(report === null || report.verdict === 'no-article').toBe(true);
        return;
      }
      expect(report!.verdict).toBe(c.verdict);
      expect(report!.original?.id ?? null).toBe(c.originalId ?? null);
      const a = report!.alteration;
      if (a) expect(a.verbatim + a.reworded + a.added).toBeCloseTo(1, 2);
      const e = c.expect;
      if (e?.authors) expect(report!.original?.authors).toEqual(e.authors);
      if (e?.rewordedOverVerbatim) expect(a!.reworded).toBeGreaterThan(a!.verbatim);
      if (e?.minVerbatim !== undefined) expect(a!.verbatim).toBeGreaterThanOrEqual(e.minVerbatim);
      if (e?.maxAdded !== undefined) expect(a!.added).toBeLessThanOrEqual(e.maxAdded);
      if (e?.coverage) {
        expect(a!.coverage).toBeGreaterThanOrEqual(e.coverage[0]);
        expect(a!.coverage).toBeLessThanOrEqual(e.coverage[1]);
      }
      for (const change of e?.changes ?? []) {
        expect(
          a!.changes.some(
            (x) => x.kind === change.kind && x.original.includes(change.original) && x.page.includes(change.page),
          ),
        ).toBe(true);
      }
    });
  }
});

describe('engine', () => {
  const text = (id: string) => store.all().find((o) => o.id.startsWith(id))!.paragraphs!;

  it('reports a page built from two originals as mixed, with both sources', async () => {
    const a = text('002');
    const b = text('004');
    const page = prepareArticle({ title: 'Roundup', paragraphs: [...a.slice(0, 10), ...b.slice(0, 12)] });
    const report = await analyse(page, store);
    expect(report.verdict).toBe('mixed');
    expect(report.sources.map((s) => s.original.id.slice(0, 3)).sort()).toEqual(['002', '004']);
    const shares = report.alteration!;
    expect(shares.verbatim + shares.reworded + shares.added).toBeCloseTo(1, 2);
    expect(shares.added).toBeLessThan(0.1);
  });

  it('lists a changed number in a copied sentence', async () => {
    const paragraphs = text('000').map((p) => p.replace('498 Russian troops', '489 Russian troops'));
    const report = await analyse(prepareArticle({ title: 'Copy', paragraphs }), store);
    expect(report.alteration!.changes).toContainEqual({ kind: 'number', original: '498', page: '489' });
  });

  it('finds an original added by the person, alongside the seeds', async () => {
    const own = makeOriginal(
      {
        title: 'Harbour reopens after storm',
        text: Array.from(
          { length: 12 },
          (_, i) =>
            `Harbour workers cleared debris from berth ${i + 10} on Monday, the port authority said in statement number ${i + 100}.`,
        ).join('\n'),
        publisher: 'Coast Herald',
        url: 'https://coast.example/harbour',
      },
      'import',
    );
    const local = new MemoryStore([...store.all(), own]);
    const report = await analyse(prepareArticle({ title: 'x', paragraphs: own.paragraphs!.slice(0, 6) }), local);
    expect(report.verdict).toBe('excerpt');
    expect(report.original).toMatchObject({
      id: own.id,
      publisher: 'Coast Herald',
      url: 'https://coast.example/harbour',
    });
  });

  it('says no-article for text too short to be an article', async () => {
    expect((await analyse(prepareArticle({ paragraphs: ['Sign in to continue.'] }), store)).verdict).toBe('no-article');
  });
});
