import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseOriginalsJsonl } from '../lib/formats';

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
      [join(root, 'cli/pack.ts'), seed, seed, join(root, 'test/fixtures/independent'), join(dir, 'bad.txt'), '-o', out],
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
});
