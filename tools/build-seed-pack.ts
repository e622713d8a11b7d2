/**
 * Build step: writes the seed pack (seeds/ cleaned, attributed, fingerprinted, copies
 * detected) to public/seed-pack.json, which WXT ships inside the extension.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { seedPackFromDisk } from '../cli/sources';

const pack = await seedPackFromDisk();
const out = new URL('../public/seed-pack.json', import.meta.url);
await mkdir(new URL('.', out), { recursive: true });
await writeFile(out, JSON.stringify(pack));
const copies = pack.originals.flatMap((o) => (o.knownCopies ?? []).map((c) => `${c.id} (${c.verdict} of ${o.id})`));
console.log(
  `seed pack ${pack.version}: ${pack.originals.length} originals; known copies: ${copies.join(', ') || 'none'}`,
);
