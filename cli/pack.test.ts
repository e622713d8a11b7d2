import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FINGERPRINT_VERSION } from '../lib/engine';
import { parseOriginalsJsonl, verifyPack } from '../lib/formats';

const run = promisify(execFile);
const root = new URL('..', import.meta.url).pathname;

describe('npm run pack', () => {
  it('builds an importable pack with the seed cleaning and attribution, each article once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'upstream-pack-'));
    const out = join(dir, 'pack.jsonl');
    const seed = join(root, 'seeds/000_5431e028bc674fe8.txt');
    writeFileSync(join(dir, 'bad.txt'), '');
    await run(
      join(root, 'node_modules/.bin/tsx'),
      [join(root, 'cli/pack.ts'), seed, seed, join(root, 'fixtures/independent'), join(dir, 'bad.txt'), '-o', out],
      { cwd: root },
    );
    const { records, problems } = parseOriginalsJsonl(readFileSync(out, 'utf8'));
    expect(problems).toEqual([]);
    expect(records).toHaveLength(4);
    const wsj = records.find((r) => r.id === '000_5431e028bc674fe8')!;
    expect(wsj).toMatchObject({
      title: 'Russian Forces Advance in Southern Ukraine Amid Cease-Fire Talks',
      authors: ['Yaroslav Trofimov', 'Stacy Meichtry'],
      publisher: 'Dow Jones',
      published: '2022',
    });
    expect(wsj.text).not.toContain('Leave a Reply');
  }, 60_000);

  it('reads folder trees with ids from their paths, skips what is not an article, merges duplicates', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'upstream-tree-'));
    const article = (topic: string) =>
      [
        `${topic} report`,
        ...Array.from(
          { length: 8 },
          (_, i) => `The ${topic} board met ${i + 2} times in week ${i + 30} on budget line ${i * 7 + 101}.`,
        ),
      ].join('\n');
    for (const folder of ['business', 'sport']) mkdirSync(join(dir, folder));
    writeFileSync(join(dir, 'business/001.txt'), article('harbour'));
    writeFileSync(join(dir, 'sport/001.txt'), article('stadium'));
    writeFileSync(join(dir, 'sport/002.txt'), article('harbour'));
    writeFileSync(join(dir, 'README.md'), '# About these articles');
    writeFileSync(join(dir, 'LICENSE'), 'All rights reserved.');
    const out = join(dir, 'pack.jsonl');
    const { stdout, stderr } = await run(
      join(root, 'node_modules/.bin/tsx'),
      [join(root, 'cli/pack.ts'), dir, '-o', out],
      {
        cwd: root,
      },
    );
    const { records } = parseOriginalsJsonl(readFileSync(out, 'utf8'));
    expect(records.map((r) => r.id).sort()).toEqual(['business/001', 'sport/001']);
    expect(records.every((r) => r.fingerprint?.version === FINGERPRINT_VERSION && r.text)).toBe(true);
    expect(stderr).toContain('README.md: not an article');
    expect(stderr).toContain('merged sport/002 = business/001');
    expect(stdout).toMatch(/read 3 files; skipped 2; merged 1 duplicates; wrote 2 originals/);

    const fingerprints = join(dir, 'fingerprints.jsonl');
    await run(
      join(root, 'node_modules/.bin/tsx'),
      [join(root, 'cli/pack.ts'), dir, '-o', fingerprints, '--fingerprints-only'],
      {
        cwd: root,
      },
    );
    const lines = parseOriginalsJsonl(readFileSync(fingerprints, 'utf8')).records;
    expect(lines.every((r) => r.text === '' && r.fingerprint!.keys.length > 0)).toBe(true);
  }, 60_000);

  it('writes a pack header a subscription can verify, and check refuses the pack once damaged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'upstream-header-'));
    const out = join(dir, 'desk.jsonl');
    const tsx = join(root, 'node_modules/.bin/tsx');
    await run(tsx, [join(root, 'cli/pack.ts'), join(root, 'fixtures/independent'), '-o', out, '--title', 'Desk'], {
      cwd: root,
    });
    const pack = await verifyPack(readFileSync(out));
    expect(pack).toMatchObject({ title: 'Desk', count: 3 });
    const page = join(dir, 'page.txt');
    writeFileSync(page, 'A headline\nA paragraph that copies nothing at all from anything in the store.');
    const damaged = join(dir, 'damaged.jsonl');
    writeFileSync(damaged, readFileSync(out, 'utf8').replace(/"title":"[^"]*"/g, '"title":"Changed"'));
    const refused = await run(tsx, [join(root, 'cli/check.ts'), '--originals', damaged, page], { cwd: root }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused).toMatchObject({ code: 2 });
    expect((refused as { stderr: string }).stderr).toMatch(/damaged or incomplete/);
  }, 60_000);
});
