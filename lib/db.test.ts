import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, IdbStore } from './db';
import { makeOriginal, type OriginalRecord } from './original';
import type { SeedPack } from './seed-pack';

let dbCounter = 0;
const freshName = () => `upstream-test-${++dbCounter}`;

const article = (id: string, topic: string, origin: OriginalRecord['origin'] = 'seed') =>
  makeOriginal(
    {
      id,
      title: `${topic} report`,
      text: Array.from(
        { length: 8 },
        (_, i) =>
          `The ${topic} committee met ${i + 2} times in week ${i + 30} to discuss ${topic} budget line ${i * 7 + 101}.`,
      ).join('\n'),
    },
    origin,
  );

describe('IdbStore', () => {
  it('indexes originals and finds them by fingerprint key', async () => {
    const store = await IdbStore.open(freshName());
    const record = article('a', 'harbour');
    await store.putOriginals([record]);
    expect(await store.count()).toBe(1);
    const postings = await store.postings(record.fingerprint.keys.slice(0, 5));
    expect([...postings.values()].every((ids) => ids.includes('a'))).toBe(true);
    expect((await store.getOriginals(['a', 'missing'])).map((r) => r.id)).toEqual(['a']);
  });

  it('removes index entries when an original is replaced or deleted', async () => {
    const store = await IdbStore.open(freshName());
    const first = article('a', 'harbour');
    await store.putOriginals([first]);
    await store.putOriginals([{ ...article('a', 'railway') }]);
    expect((await store.postings(first.fingerprint.keys)).size).toBeLessThan(first.fingerprint.keys.length);
    await store.deleteOriginal('a');
    expect(await store.count()).toBe(0);
    expect((await store.postings(first.fingerprint.keys)).size).toBe(0);
  });

  it('merges a new seed pack without touching what the person added', async () => {
    const store = await IdbStore.open(freshName());
    const v1: SeedPack = { version: 'v1', originals: [article('s1', 'harbour'), article('s2', 'railway')] };
    await store.installSeedPack(v1);
    const own = article('mine', 'orchard', 'import');
    const ownOverSeedId = { ...article('s2', 'vineyard', 'import') };
    await store.putOriginals([own, ownOverSeedId]);
    const v2: SeedPack = { version: 'v2', originals: [article('s2', 'railway'), article('s3', 'airport')] };
    await store.installSeedPack(v2);
    const ids = (await store.getOriginals(['s1', 's2', 's3', 'mine'])).map((r) => `${r.id}:${r.origin}`);
    expect(ids).toEqual(['s2:import', 's3:seed', 'mine:import']);
    expect(await store.installedSeedPackVersion()).toBe('v2');
  });

  it('keeps tab states across reopening (a restarted service worker)', async () => {
    const name = freshName();
    const store = await IdbStore.open(name);
    await store.setTabState(7, { status: 'no-article', url: 'https://x.example/', updatedAt: 1 });
    store.db.close();
    const reopened = await IdbStore.open(name);
    expect(await reopened.getTabState(7)).toMatchObject({ status: 'no-article', tabId: 7 });
    await reopened.keepTabStates([1, 2]);
    expect(await reopened.getTabState(7)).toBeUndefined();
  });

  it('opens a database written at the current version with its data intact', async () => {
    const name = freshName();
    const store = await IdbStore.open(name);
    await store.putOriginals([article('kept', 'harbour', 'import')]);
    store.db.close();
    const raw = await openDB(name);
    expect(raw.version).toBe(DB_VERSION);
    raw.close();
    expect((await (await IdbStore.open(name)).getOriginals(['kept']))[0].origin).toBe('import');
  });
});
