import { execFile } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FINGERPRINT_VERSION } from '../lib/engine';
import { pageCases } from '../fixtures/pages';

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

  it('calls a saved page the original only with --url at the address the store records', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'upstream-url-'));
    const text = Array.from(
      { length: 10 },
      (_, i) =>
        `The river authority opened flood gate ${i + 40} at the western weir on day ${i + 3} of the spring melt.`,
    );
    const jsonl = join(dir, 'pack.jsonl');
    const address = 'https://valleypost.example/news/flood-gates';
    writeFileSync(
      jsonl,
      `${JSON.stringify({ id: 'flood', title: 'Flood gates opened', text: text.join('\n'), url: address })}\n`,
    );
    // The page claims the original's address for itself: a claim, not evidence.
    const page = join(dir, 'page.html');
    writeFileSync(
      page,
      `<html><head><title>Flood gates opened</title><link rel="canonical" href="${address}"></head><body><article><h1>Flood gates opened</h1>${text.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`,
    );
    const [claimed, atAddress, elsewhere] = await check(
      '--originals',
      jsonl,
      page,
      '--url',
      `${address}/?utm_source=mail`,
      page,
      '--url',
      'https://copies.example/flood',
      page,
    );
    expect(claimed).toMatchObject({ verdict: 'copy', original: { id: 'flood' } });
    expect(atAddress).toMatchObject({ verdict: 'original', original: { id: 'flood' } });
    expect(elsewhere).toMatchObject({ verdict: 'copy', original: { id: 'flood' } });
  }, 60_000);

  it('streams a pack larger than any whole-file limit, and refuses a file it cannot read with exit code 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'upstream-big-'));
    const big = join(dir, 'big.jsonl');
    const line = (i: number) =>
      JSON.stringify({
        id: `f${i}`,
        title: `Indexed ${i}`,
        text: '',
        fingerprint: { keys: [`c${i.toString(36)}x`], words: 400, version: FINGERPRINT_VERSION },
        padding: 'x'.repeat(300),
      });
    writeFileSync(big, Array.from({ length: 70_000 }, (_, i) => line(i)).join('\n'));
    expect(statSync(big).size).toBeGreaterThan(21 * 1024 * 1024);
    const page = join(dir, 'page.txt');
    writeFileSync(
      page,
      'Harvest news\nThe orchard shipped crates to the depot on the first day of the harvest season, twelve in all.',
    );
    const [line0] = await check('--originals', big, page);
    expect(line0.input).toBe(page);

    const binary = join(dir, 'binary.jsonl');
    writeFileSync(binary, Buffer.from([0, 159, 146, 150, 0, 1, 2, 3, 255, 254]));
    for (const unreadable of [binary, join(dir, 'missing.jsonl')]) {
      const failed = await run(
        join(root, 'node_modules/.bin/tsx'),
        [join(root, 'cli/check.ts'), '--originals', unreadable, page],
        {
          cwd: root,
        },
      ).then(
        () => null,
        (error: { code: number; stderr: string }) => error,
      );
      expect(failed?.code).toBe(2);
      expect(failed?.stderr).toContain(unreadable);
    }
  }, 120_000);
});
