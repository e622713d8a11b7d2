/**
 * Writes fixtures/db/v<N>.json: the content of a small store as the given schema version
 * kept it (version 1: records plus a key -> ids postings store). Run once per schema version,
 * when that version is current; the upgrade tests replay these files.
 */
import { writeFile } from 'node:fs/promises';
import { makeOriginal } from '../lib/engine';
import { seedPackFromDisk } from '../cli/sources';

const pack = await seedPackFromDisk();
const own = makeOriginal(
  {
    id: 'user-1',
    title: 'Harbour reopens after storm',
    text: 'Harbour workers cleared debris from berth 12 on Monday, the port authority said.\nThe ferry to the islands will run again from Wednesday at 7.30 a.m., officials said.',
    publisher: 'Coast Herald',
  },
  'import',
);
const originals = [...pack.originals.slice(0, 2), own];
const postings = new Map<string, string[]>();
for (const o of originals)
  for (const key of o.fingerprint.keys) postings.set(key, [...(postings.get(key) ?? []), o.id]);
const fixture = {
  originals,
  postings: [...postings].map(([key, ids]) => ({ key, ids })),
  tabs: [{ tabId: 5, status: 'no-article', url: 'https://example.org/login', updatedAt: 1 }],
  meta: [{ key: 'seedPackVersion', value: pack.version }],
};
await writeFile(new URL('../fixtures/db/v1.json', import.meta.url), `${JSON.stringify(fixture)}\n`);
console.log(`wrote v1 fixture: ${originals.length} originals, ${fixture.postings.length} postings`);
