/**
 * `npm run pack -- <files or folders>... -o pack.jsonl [--fingerprints-only]`: builds an
 * importable pack from articles on disk (folder trees of .txt with the title on the first line,
 * .html pages and .jsonl packs), with the same cleaning and attribution as the seed pack. Ids
 * are paths inside the folder given. Each line carries the original's fingerprint and its
 * version; `--fingerprints-only` leaves the text out (for publishers who will not share it).
 * The same article found twice is written once, and the merge is reported.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { hash32 } from '../lib/engine';
import { toJsonlLine } from '../lib/formats';
import type { OriginalRecord } from '../lib/model';
import { readOriginals } from './sources';

const USAGE = 'usage: npm run pack -- <files or folders>... -o pack.jsonl [--fingerprints-only]';

/** Two originals are the same article when their cleaned text is (whatever their ids). */
const sameArticleKey = (r: OriginalRecord) =>
  r.paragraphs?.length
    ? `t${hash32(r.paragraphs.join('\n'))}:${r.paragraphs.join('').length}`
    : `f${r.fingerprint.keys.join(' ')}`;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const fingerprintsOnly = args.includes('--fingerprints-only');
  const at = args.indexOf('-o');
  const out = at >= 0 ? args[at + 1] : undefined;
  const inputs = args.filter((arg, i) => i !== at && i !== at + 1 && arg !== '--fingerprints-only');
  if (!out || inputs.length === 0) throw new Error(USAGE);
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
  const stream = createWriteStream(out);
  for (const record of byId.values()) {
    if (!stream.write(`${toJsonlLine(record, fingerprintsOnly)}\n`)) await once(stream, 'drain');
  }
  stream.end();
  await once(stream, 'finish');
  console.log(
    `read ${files} files; skipped ${skipped}; merged ${merged.length} duplicates; wrote ${byId.size} originals${fingerprintsOnly ? ' (fingerprints only)' : ''} to ${out}`,
  );
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(2);
});
