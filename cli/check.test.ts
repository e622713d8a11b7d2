import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { pageCases } from '../test/fixtures/pages';

const run = promisify(execFile);
const root = new URL('..', import.meta.url).pathname;

async function check(...args: string[]): Promise<Record<string, unknown>[]> {
  const { stdout } = await run(join(root, 'node_modules/.bin/tsx'), [join(root, 'cli/check.ts'), '--json', ...args], {
    cwd: root,
  });
  return stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
}

describe('npm run check', () => {
  it('prints one JSON line per input, in order, with errors and no-article lines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'upstream-check-'));
    const cases = pageCases().filter((c) =>
      ['seed-001-rewrite', 'independent-kharkiv-night', 'no-article-login'].includes(c.name),
    );
    const files = cases.map((c) => {
      const file = join(dir, `${c.name}.html`);
      writeFileSync(file, c.html);
      return file;
    });
    const lines = await check(files[0], join(dir, 'missing.html'), ...files.slice(1));
    expect(lines.map((l) => l.input)).toEqual([files[0], join(dir, 'missing.html'), ...files.slice(1)]);
    expect(lines.map((l) => l.verdict ?? 'error')).toEqual(['rewrite', 'error', 'none', 'no-article']);
    const byName = Object.fromEntries(lines.map((l) => [String(l.input).split('/').pop(), l]));
    expect(byName['seed-001-rewrite.html']).toMatchObject({
      verdict: 'rewrite',
      original: { id: '000_5431e028bc674fe8' },
    });
    expect(byName['missing.html'].error).toMatch(/ENOENT|no such file/);
    expect(byName['independent-kharkiv-night.html'].verdict).toBe('none');
    expect(byName['no-article-login.html'].verdict).toBe('no-article');
  }, 60_000);

  it('adds originals from a folder and from a .jsonl file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'upstream-originals-'));
    const text = Array.from(
      { length: 10 },
      (_, i) =>
        `The orchard cooperative shipped crate batch ${i + 300} to the northern depot on day ${i + 12} of the harvest.`,
    );
    writeFileSync(join(dir, 'orchard.txt'), ['Orchard harvest report', ...text].join('\n'));
    const jsonl = join(mkdtempSync(join(tmpdir(), 'upstream-jsonl-')), 'pack.jsonl');
    writeFileSync(
      jsonl,
      `${JSON.stringify({ id: 'own-1', title: 'Orchard harvest report', text: text.join('\n'), publisher: 'Valley Post' })}\n`,
    );
    const page = join(mkdtempSync(join(tmpdir(), 'upstream-page-')), 'page.txt');
    writeFileSync(page, ['Harvest news', ...text.slice(0, 5)].join('\n'));
    const [fromFolder] = await check('--originals', join(dir), page);
    expect(fromFolder).toMatchObject({ verdict: 'excerpt', original: { id: 'orchard' } });
    const [fromJsonl] = await check('--originals', jsonl, page);
    expect(fromJsonl).toMatchObject({ verdict: 'excerpt', original: { id: 'own-1', publisher: 'Valley Post' } });
  }, 60_000);
});
