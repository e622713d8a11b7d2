import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseOriginalsLine } from './import-jsonl';
import { packHeaderLine, PackError, packText, sha256Hex, verifyPack } from './pack';

const encode = (text: string) => new TextEncoder().encode(text);
const LINES = [
  JSON.stringify({ id: 'a', title: 'First', text: 'The first article.' }),
  JSON.stringify({ id: 'b', title: 'Second', text: 'The second article.' }),
];

const packOf = (lines: string[]) => packText('Desk list', lines);

describe('verifyPack', () => {
  it('accepts a pack whose header matches its lines, plain or gzipped', async () => {
    const text = await packOf(LINES);
    for (const bytes of [encode(text), new Uint8Array(gzipSync(text))]) {
      const pack = await verifyPack(bytes);
      expect(pack).toMatchObject({ title: 'Desk list', count: 2, lines: LINES });
    }
  });

  it('refuses a pack cut short, changed, or miscounted, and says why', async () => {
    const text = await packOf(LINES);
    await expect(verifyPack(encode(text.slice(0, -20)))).rejects.toThrow(/damaged or incomplete/);
    await expect(verifyPack(encode(text.replace('first', 'fist')))).rejects.toThrow(/damaged or incomplete/);
    const body = `${LINES[0]}\n`;
    const miscounted = `${packHeaderLine({ title: 'T', count: 2, sha256: await sha256Hex(encode(body)) })}\n${body}`;
    await expect(verifyPack(encode(miscounted))).rejects.toThrow(/1 lines where its header says 2/);
    const gzipped = gzipSync(text);
    await expect(verifyPack(new Uint8Array(gzipped.subarray(0, gzipped.length - 30)))).rejects.toThrow(PackError);
  });

  it('refuses what is not a pack: plain JSON Lines, HTML, another format, bytes past the limit', async () => {
    await expect(verifyPack(encode(LINES.join('\n')))).rejects.toThrow(/not an Upstream pack/);
    await expect(verifyPack(encode('<!doctype html>\n<p>Not found</p>'))).rejects.toThrow(/not an Upstream pack/);
    await expect(verifyPack(encode('{"upstreamPack":7,"title":"T","count":0,"sha256":"x"}\n'))).rejects.toThrow(
      /format 7/,
    );
    await expect(verifyPack(encode(await packOf(LINES)), 100)).rejects.toThrow(/larger than/);
    const bomb = new Uint8Array(gzipSync(Buffer.alloc(5_000_000, 'a')));
    await expect(verifyPack(bomb, 1_000_000)).rejects.toThrow(/larger than/);
  });

  it('is skipped as a line when the file is imported as plain JSON Lines', async () => {
    const [header] = (await packOf(LINES)).split('\n');
    expect(parseOriginalsLine(header)).toBeNull();
  });
});
