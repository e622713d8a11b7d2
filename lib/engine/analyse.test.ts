import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  articleFromHtml,
  diskLexicons as lexicons,
  handTranslations,
  MemoryStore,
  seedPackFromDisk,
  type HandTranslation,
} from '../../test/support/engine-fixtures';
import { ARABIC, CHINESE } from '../../fixtures/other-scripts';
import { moreVerdictCases, newsPage, pageCases } from '../../fixtures/pages';
import { prepareArticle } from './article';
import { analyse } from './analyse';
import { makeOriginal } from './original';
import { splitSentences } from './sentences';
import type { OriginalRecord } from '../model';

let store: MemoryStore;
beforeAll(async () => {
  store = new MemoryStore((await seedPackFromDisk()).originals);
});

const analyseHtml = async (html: string) => {
  const article = articleFromHtml(html, 'http://127.0.0.1/page.html');
  return article ? analyse(prepareArticle(article), store, {}, { lexicons }) : null;
};

describe('engine on the test pages', () => {
  for (const c of [...pageCases(), ...moreVerdictCases()]) {
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

  it('says when a page is in a language it has no lexicon for, and not otherwise', async () => {
    const languageOf = async (name: string) => {
      const c = moreVerdictCases().find((x) => x.name === name)!;
      return (await analyseHtml(c.html))!.page;
    };
    expect(await languageOf('none-ukrainian')).toMatchObject({ language: 'uk', noLexicon: true });
    expect((await languageOf('translation-000-de')).noLexicon).toBeUndefined();
    expect((await languageOf('partial-002')).noLexicon).toBeUndefined();
  });

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

  it('never names again an original the reader dismissed for this page', async () => {
    const page = prepareArticle({ title: 'Copy', paragraphs: text('002') });
    const first = await analyse(page, store);
    expect(first.verdict).toBe('copy');
    const again = await analyse(page, store, { dismissed: [first.original!.id] });
    expect(again.original?.id).not.toBe(first.original!.id);
    expect(again.sources.map((s) => s.original.id)).not.toContain(first.original!.id);
  });

  it('lists a changed number in a copied sentence', async () => {
    const paragraphs = text('000').map((p) => p.replace('498 Russian troops', '489 Russian troops'));
    const report = await analyse(prepareArticle({ title: 'Copy', paragraphs }), store);
    expect(report.alteration!.changes).toContainEqual({ kind: 'number', original: '498', page: '489' });
  });

  it('never lists the page itself among the other known copies of its original', async () => {
    const seed = store.all().find((o) => o.id.startsWith('002'))!;
    const withCopies = {
      ...seed,
      knownCopies: [
        { id: 'self', title: 'This very page', url: 'https://farm.example/a/#top', verdict: 'copy' as const },
        { id: 'c2', title: 'Elsewhere', url: 'https://other.example/b', verdict: 'copy' as const },
      ],
    };
    const local = new MemoryStore([withCopies]);
    const page = prepareArticle({ title: 'Copy', paragraphs: seed.paragraphs! });
    const here = await analyse(page, local, { address: 'https://www.farm.example/a?utm_source=feed' });
    expect(here.knownCopies?.map((c) => c.title)).toEqual(['Elsewhere']);
    const elsewhere = await analyse(page, local, { address: 'https://third.example/c' });
    expect(elsewhere.knownCopies?.map((c) => c.title)).toEqual(['This very page', 'Elsewhere']);
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

const UNRELATED = {
  zh: [
    '本赛季的联赛冠军在周六晚上的比赛中以三比一击败了老对手，球迷们在体育场外庆祝到深夜。',
    '主教练在赛后的新闻发布会上表示，球队的防守仍然需要改进，但年轻球员的表现令人鼓舞。',
    '气象部门预计，本周末北方大部分地区将迎来降温和降雪，提醒市民注意出行安全。',
    '一家科技公司发布了新款手机，电池续航时间比上一代产品延长了大约三个小时。',
  ],
  ar: [
    'فاز فريق المدينة بالدوري هذا الموسم بعد انتصاره في المباراة الأخيرة بثلاثة أهداف مقابل هدف واحد.',
    'وقال المدرب في المؤتمر الصحفي إن الدفاع ما زال يحتاج إلى تحسين لكن اللاعبين الشباب قدموا أداء رائعا.',
    'وتتوقع هيئة الأرصاد الجوية انخفاضا في درجات الحرارة وتساقط الثلوج في المناطق الشمالية نهاية الأسبوع.',
    'وأعلنت شركة للتكنولوجيا عن هاتف جديد تدوم بطاريته نحو ثلاث ساعات أطول من الجيل السابق.',
  ],
};

describe('engine on other scripts', () => {
  const chinese = CHINESE;
  const arabic = ARABIC;

  for (const [name, text, language] of [
    ['Chinese', chinese, 'zh'],
    ['Arabic (right to left)', arabic, 'ar'],
  ] as const) {
    it(`finds a copy of a ${name} original, and nothing in unrelated text`, async () => {
      const original = makeOriginal(
        { id: `orig-${language}`, title: `${name} report`, text: text.join('\n'), language },
        'import',
      );
      const local = new MemoryStore([...store.all(), original]);
      const copy = await analyse(
        prepareArticle({ title: 'Repost', paragraphs: [...text.slice(0, 4), text[4]] }),
        local,
      );
      expect(copy.original?.id).toBe(original.id);
      expect(['original', 'copy']).toContain(copy.verdict);
      if (language === 'zh') {
        // Each character is a word: two sentences are enough for an article-length excerpt.
        const excerpt = await analyse(prepareArticle({ title: 'Repost', paragraphs: text.slice(0, 2) }), local);
        expect(excerpt).toMatchObject({ verdict: 'excerpt', original: { id: original.id } });
      }
      const unrelated = await analyse(prepareArticle({ title: 'Other', paragraphs: UNRELATED[language] }), local);
      expect(unrelated.verdict).toBe('none');
    });
  }
});

describe('engine across languages and without text', () => {
  let translations: HandTranslation[] = [];
  beforeAll(async () => {
    translations = await handTranslations();
  });
  const translation = (name: string) => translations.find((t) => t.name === name)!;

  for (const name of ['000.es.txt', '002.fr.txt', '004.de.txt']) {
    it(`reports ${name} as a translation of its seed, with coverage`, async () => {
      const t = translation(name);
      const report = await analyse(
        prepareArticle({ title: t.title, paragraphs: t.paragraphs }),
        store,
        {},
        { lexicons },
      );
      expect(report).toMatchObject({ verdict: 'translation', original: { id: t.original } });
      expect(report.alteration!.coverage).toBeGreaterThan(0.03);
      expect(report.alteration!.verbatim + report.alteration!.reworded + report.alteration!.added).toBeCloseTo(1, 2);
    });
  }

  it('does not take same-topic articles in other languages for translations', async () => {
    for (const name of ['negative.es.txt', 'negative.fr.txt', 'negative.de.txt']) {
      const t = translation(name);
      expect(
        (await analyse(prepareArticle({ title: t.title, paragraphs: t.paragraphs }), store, {}, { lexicons })).verdict,
      ).toBe('none');
    }
  });

  it('gives a verdict and estimated shares when only the original fingerprint is stored', async () => {
    const withoutText = new MemoryStore(store.all().map((o) => ({ ...o, paragraphs: undefined })));
    const seed = store.all().find((o) => o.id.startsWith('002'))!;
    const copy = await analyse(prepareArticle({ title: 'Copy', paragraphs: seed.paragraphs! }), withoutText);
    expect(copy).toMatchObject({ verdict: 'copy', original: { id: seed.id }, alteration: { estimated: true } });
    expect(copy.alteration!.verbatim).toBeGreaterThan(0.9);
    const excerpt = await analyse(
      prepareArticle({ title: 'Part', paragraphs: seed.paragraphs!.slice(0, 8) }),
      withoutText,
    );
    expect(excerpt).toMatchObject({ verdict: 'excerpt', original: { id: seed.id } });
    expect(excerpt.alteration!.coverage).toBeLessThan(0.5);
  });
});

describe('who a page is: only the address the browser gives is evidence', () => {
  const seed = () => store.all().find((o) => o.id.startsWith('002'))!;
  const REAL = 'https://realnews.example/world/belarus-talks';
  const atRealAddress = () => makeOriginal({ ...inputOf(seed()), id: 'real-002', url: REAL }, 'import');
  function inputOf(record: OriginalRecord) {
    return { title: record.title, text: record.paragraphs!.join('\n'), publisher: 'Real News' };
  }

  it('is the original only at the address the store records, ignoring www., slash and tracking', async () => {
    const original = atRealAddress();
    const local = new MemoryStore([original]);
    const page = prepareArticle({ title: original.title, paragraphs: original.paragraphs! });
    const at = (address?: string) => analyse(page, local, { address }).then((r) => r.verdict);
    expect(await at('https://www.realnews.example/world/belarus-talks/?utm_source=feed')).toBe('original');
    expect(await at('https://farm.test/world/belarus-talks')).toBe('copy');
    expect(await at(undefined)).toBe('copy');
  });

  it('never takes the canonical address a page claims for its own', async () => {
    const original = atRealAddress();
    const local = new MemoryStore([original]);
    const html = newsPage(
      { name: 'Farm', sections: ['World'], related: ['More'] },
      original.title,
      original.paragraphs!,
    ).replace('<head>', `<head><link rel="canonical" href="${REAL}"><meta property="og:url" content="${REAL}">`);
    const article = articleFromHtml(html, 'https://farm.test/belarus')!;
    expect(article.url).toBe(REAL);
    const report = await analyse(prepareArticle(article), local, { address: 'https://farm.test/belarus' });
    expect(report.verdict).toBe('copy');
    expect((await analyse(prepareArticle(article), local)).verdict).toBe('copy');
  });

  it('calls a page at the original address with a changed number a copy, with the change', async () => {
    const original = atRealAddress();
    const local = new MemoryStore([original]);
    const paragraphs = original.paragraphs!.map((p) => p.replace(/\b(\d{2,})\b/, (n) => String(Number(n) + 7)));
    expect(paragraphs).not.toEqual(original.paragraphs);
    const report = await analyse(prepareArticle({ title: original.title, paragraphs }), local, { address: REAL });
    expect(report.verdict).toBe('copy');
    expect(report.alteration!.changes.some((c) => c.kind === 'number')).toBe(true);
  });
});

describe('passages lifted into another article', () => {
  const own = readFileSync(new URL('../../fixtures/independent/kharkiv-night.txt', import.meta.url), 'utf8')
    .split(/\n+/)
    .filter(Boolean);
  const sentencesOf = (id: string) =>
    splitSentences(
      store
        .all()
        .find((o) => o.id.startsWith(id))!
        .paragraphs!.join(' '),
    );

  for (const [count, from] of [
    [2, 6],
    [3, 12],
    [5, 20],
  ] as const) {
    it(`finds ${count} consecutive sentences of an original spliced into a real article as partial`, async () => {
      const lifted = sentencesOf('002')
        .slice(from, from + count)
        .join(' ');
      const paragraphs = [...own.slice(1, 4), lifted, ...own.slice(4)];
      const report = await analyse(prepareArticle({ title: own[0], paragraphs }), store);
      expect(report.verdict).toBe('partial');
      expect(report.original?.id.slice(0, 3)).toBe('002');
      expect(report.alteration!.verbatim + report.alteration!.reworded).toBeLessThan(0.5);
    });
  }

  it('leaves the article without the lift unattributed', async () => {
    const report = await analyse(prepareArticle({ title: own[0], paragraphs: own.slice(1) }), store);
    expect(report.verdict).toBe('none');
  });
});
