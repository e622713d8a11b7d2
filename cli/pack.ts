/**
 * `npm run pack -- <files or folders>... -o pack.jsonl`: builds an importable pack from
 * articles on disk (.txt with the title on the first line, .html pages, .jsonl), with the same
 * cleaning and attribution as the seed pack. The same article given twice is written once.
 */
import { writeFile } from 'node:fs/promises';
import { toJsonlLine } from '../lib/formats';
import { readOriginals } from './sources';
import type { OriginalRecord } from '../lib/model';

const USAGE = 'usage: npm run pack -- <files or folders>... -o pack.jsonl';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('-o');
  const out = at >= 0 ? args[at + 1] : undefined;
  const inputs = args.filter((_, i) => i !== at && i !== at + 1);
  if (!out || inputs.length === 0) throw new Error(USAGE);
  const byId = new Map<string, OriginalRecord>();
  for (const input of inputs) {
    const { originals, problems } = await readOriginals(input);
    for (const problem of problems) console.error(`skipped ${problem}`);
    for (const original of originals) byId.set(original.id, original);
  }
  await writeFile(out, [...byId.values()].map((r) => `${toJsonlLine(r)}\n`).join(''));
  console.log(`wrote ${byId.size} originals to ${out}`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(2);
});
