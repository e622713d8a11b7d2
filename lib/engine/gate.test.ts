import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  articleFromHtml,
  diskLexicons as lexicons,
  MemoryStore,
  seedPackFromDisk,
} from '../../test/support/engine-fixtures';
import { moreVerdictCases, pageCases } from '../../fixtures/pages';
import { prepareArticle } from './article';
import { analyse } from './analyse';
import { mayComeFromOriginal } from './gate';

let store: MemoryStore;
beforeAll(async () => {
  store = new MemoryStore((await seedPackFromDisk()).originals);
});

const paragraphsIn = (path: string) =>
  readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8')
    .split(/\n\s*\n/)
    .filter(Boolean);
/** English text nothing stored comes from, on the seeds' own subject: what surrounds an article on a page. */
const before = paragraphsIn('independent/kharkiv-night.txt');
const after = paragraphsIn('independent/kherson-occupation.txt');
const surrounded = (paragraphs: string[]) => prepareArticle({ paragraphs: [...before, ...paragraphs, ...after] });

describe('page gate', () => {
  for (const c of [...pageCases(), ...moreVerdictCases()].filter((c) => c.originalId)) {
    it(`lets through ${c.name} (${c.verdict}) amid other text`, async () => {
      const article = articleFromHtml(c.html, 'http://127.0.0.1/page.html')!;
      expect(await mayComeFromOriginal(surrounded(article.paragraphs), store, lexicons)).toBe(true);
    });
  }

  it('stops a text nothing stored is behind, on the same subject as the originals', async () => {
    const text = surrounded([]);
    expect((await analyse(text, store, {}, { lexicons })).verdict).toBe('none');
    expect(await mayComeFromOriginal(text, store, lexicons)).toBe(false);
  });

  it('lets through an original stored as its fingerprint only', async () => {
    const [seed] = (await seedPackFromDisk()).originals;
    const fingerprintOnly = new MemoryStore([{ ...seed, paragraphs: undefined }]);
    expect(await mayComeFromOriginal(surrounded(seed.paragraphs!.slice(0, 4)), fingerprintOnly)).toBe(true);
  });

  it('lets through text in another language, alone or amid English: its article is looked up as itself', async () => {
    const german = paragraphsIn('translations/negative.de.txt');
    expect((await analyse(prepareArticle({ paragraphs: german }), store, {}, { lexicons })).verdict).toBe('none');
    expect(await mayComeFromOriginal(prepareArticle({ paragraphs: german }), store, lexicons)).toBe(true);
    expect(await mayComeFromOriginal(surrounded(german), store, lexicons)).toBe(true);
  });
});
