/**
 * `npm run pack -- <files or folders>... -o pack.jsonl [--title TITLE] [--fingerprints-only]`: builds an
 * importable pack from articles on disk (folder trees of .txt with the title on the first line,
 * .html pages and .jsonl packs), with the same cleaning and attribution as the seed pack. Ids
 * are paths inside the folder given. Each line carries the original's fingerprint and its
 * version; `--fingerprints-only` leaves the text out (for publishers who will not share it).
 * The same article found twice is written once, and the merge is reported. The first line is
 * the pack header (lib/formats/pack.ts: title, count, SHA-256 of the rest), so the file can be
 * served for subscriptions as it is; a plain import skips it.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { basename } from 'node:path';
import { hash32 } from '../lib/engine';
import { packHeaderLine, toJsonlLine } from '../lib/formats';
import type { OriginalRecord } from '../lib/model';
import { readOriginals } from './sources';

const USAGE = 'usage: npm run pack -- <files or folders>... -o pack.jsonl [--title TITLE] [--fingerprints-only]';

/** Two originals are the same article when their cleaned text is (whatever their ids). */
const sameArticleKey = (r: OriginalRecord) =>
  r.paragraphs?.length
    ? `t${hash32(r.paragraphs.join('\n'))}:${r.paragraphs.join('').length}`
    : `f${r.fingerprint.keys.join(' ')}`;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const fingerprintsOnly = args.includes('--fingerprints-only');
  const valueOf = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const out = valueOf('-o');
  const valued = new Set(
    ['-o', '--title'].flatMap((flag) => (args.includes(flag) ? [args.indexOf(flag), args.indexOf(flag) + 1] : [])),
  );
  const inputs = args.filter((arg, i) => !valued.has(i) && arg !== '--fingerprints-only');
  if (!out || inputs.length === 0) throw new Error(USAGE);
  const title = valueOf('--title') ?? basename(out).replace(/\.jsonl(\.gz)?$/i, '');
  const byId = new Map<string, OriginalRecord>();
  const byContent = new Map<string, string>();
  const merged: string[] = [];
  let files = 0;
  let skipped = 0;
  for (const input of inputs) {
    const read = await readOriginals(input);
    files += read.files;
    skipped += read.skipped.length;
    for (const reason of read.skipped) console.error(`skipped ${reason}`);
    for (const original of read.originals) {
      const key = sameArticleKey(original);
      const first = byContent.get(key);
      if (first !== undefined && first !== original.id) {
        merged.push(`${original.id} = ${first}`);
        continue;
      }
      byContent.set(key, original.id);
      byId.set(original.id, original);
    }
  }
  for (const line of merged) console.error(`merged ${line}`);
  const lines = [...byId.values()].map((record) => `${toJsonlLine(record, fingerprintsOnly)}\n`);
  const sha256 = lines.reduce((hash, line) => hash.update(line), createHash('sha256')).digest('hex');
  const stream = createWriteStream(out);
  stream.write(`${packHeaderLine({ title, count: lines.length, sha256 })}\n`);
  for (const line of lines) if (!stream.write(line)) await once(stream, 'drain');
  stream.end();
  await once(stream, 'finish');
  console.log(
    `read ${files} files; skipped ${skipped}; merged ${merged.length} duplicates; wrote ${byId.size} originals${fingerprintsOnly ? ' (fingerprints only)' : ''} to ${out} as the pack "${title}"`,
  );
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(2);
});
