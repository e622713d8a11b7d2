import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepareArticle } from './article';
import { findCandidates } from './candidates';
import { DB_VERSION, IdbStore, StoreFullError } from './db';
import { MAX_KEY_LENGTH, upgradeKeys } from './fingerprint';
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
    await store.putOriginals([record, article('b', 'railway')]);
    expect(await store.count()).toBe(2);
    const postings = await store.postings(record.fingerprint.keys, 10);
    expect(postings.size).toBeGreaterThan(10);
    expect([...postings.values()].every((ids) => ids.includes('a'))).toBe(true);
    expect((await store.getOriginals(['a', 'missing'])).map((r) => r.id)).toEqual(['a']);
  });

  it('drops index entries when an original is replaced or deleted', async () => {
    const store = await IdbStore.open(freshName());
    const first = article('a', 'harbour');
    await store.putOriginals([first]);
    const second = article('a', 'railway');
    await store.putOriginals([second]);
    const onlyFirst = first.fingerprint.keys.filter((k) => !second.fingerprint.keys.includes(k));
    expect(onlyFirst.length).toBeGreaterThan(0);
    expect((await store.postings(onlyFirst, 10)).size).toBe(0);
    await store.deleteOriginal('a');
    expect(await store.count()).toBe(0);
    expect((await store.postings(first.fingerprint.keys, 10)).size).toBe(0);
  });

  it('merges a new seed pack without touching what the person added or deleted', async () => {
    const store = await IdbStore.open(freshName());
    await store.installSeedPack({
      version: 'v1',
      originals: [article('s1', 'harbour'), article('s2', 'railway'), article('s4', 'mill')],
    });
    await store.putOriginals([article('mine', 'orchard', 'import'), article('s2', 'vineyard', 'import')]);
    await store.deleteOriginal('s4');
    const v2: SeedPack = {
      version: 'v2',
      originals: [article('s2', 'railway'), article('s3', 'airport'), article('s4', 'mill')],
    };
    await store.installSeedPack(v2);
    const ids = (await store.getOriginals(['s1', 's2', 's3', 's4', 'mine'])).map((r) => `${r.id}:${r.origin}`);
    expect(ids).toEqual(['s2:import', 's3:seed', 'mine:import']);
    expect(await store.installedSeedPackVersion()).toBe('v2');
  });

  it('lists and searches originals a page at a time', async () => {
    const store = await IdbStore.open(freshName());
    await store.putOriginals(
      ['harbour', 'railway', 'harbour works', 'mill'].map((t, i) => article(`r${i}`, t, 'import')),
    );
    const page = await store.listOriginals('HARBOUR', 0, 1);
    expect(page.total).toBe(2);
    expect(page.items).toHaveLength(1);
    const first = await store.originalsAfter('', 3);
    expect(first.map((r) => r.id)).toEqual(['r0', 'r1', 'r2']);
    expect((await store.originalsAfter('r2', 3)).map((r) => r.id)).toEqual(['r3']);
  });

  it('commits queued imports and their removal from the queue together', async () => {
    const store = await IdbStore.open(freshName());
    await store.enqueueImports(
      [1, 2, 3].map((n) => ({ input: { title: `T${n}`, text: `Text ${n}` }, origin: 'import' as const })),
    );
    const { keys, items } = await store.peekImports(2);
    expect(items.map((i) => i.input.title)).toEqual(['T1', 'T2']);
    await store.commitImports(keys, [article('x', 'harbour', 'import')]);
    expect(await store.queuedImports()).toBe(1);
    expect(await store.count()).toBe(1);
  });

  it('turns a full quota into StoreFullError and keeps the store whole', async () => {
    const store = await IdbStore.open(freshName());
    await store.putOriginals([article('kept', 'harbour', 'import')]);
    // Simulate the browser refusing the second write of a batch for lack of space.
    const prototype = globalThis.IDBObjectStore.prototype;
    const put = prototype.put;
    prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if ((value as OriginalRecord).id === 'new2')
        throw Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
      return put.call(this, value, key);
    };
    try {
      await expect(
        store.putOriginals([article('new1', 'railway', 'import'), article('new2', 'mill', 'import')]),
      ).rejects.toBeInstanceOf(StoreFullError);
    } finally {
      prototype.put = put;
    }
    expect((await store.getOriginals(['kept', 'new1', 'new2'])).map((r) => r.id)).toEqual(['kept']);
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
});

describe('schema upgrades', () => {
  it('upgrades a version 1 database to the current one with its data intact', async () => {
    // The fixture is the content of a version 1 store, written here with version 1's layout.
    const fixture = JSON.parse(readFileSync(new URL('../test/fixtures/db/v1.json', import.meta.url), 'utf8')) as {
      originals: OriginalRecord[];
      postings: { key: string; ids: string[] }[];
      tabs: { tabId: number }[];
      meta: { key: string; value: string }[];
    };
    const name = freshName();
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('originals', { keyPath: 'id' }).createIndex('origin', 'origin');
        db.createObjectStore('postings', { keyPath: 'key' });
        db.createObjectStore('tabs', { keyPath: 'tabId' });
        db.createObjectStore('meta', { keyPath: 'key' });
      },
    });
    for (const store of ['originals', 'postings', 'tabs', 'meta'] as const) {
      for (const value of fixture[store]) await v1.put(store, value);
    }
    v1.close();

    const store = await IdbStore.open(name);
    expect(store.db.version).toBe(DB_VERSION);
    expect([...store.db.objectStoreNames].sort()).toEqual(['deletedSeeds', 'importQueue', 'meta', 'originals', 'tabs']);
    expect(await store.count()).toBe(fixture.originals.length);
    // Every record is kept, its keys brought to the current form (version 3).
    for (const old of fixture.originals) {
      const [upgraded] = await store.getOriginals([old.id]);
      const keys = upgradeKeys(old.fingerprint.keys);
      expect(upgraded).toEqual({ ...old, fingerprint: { keys, words: old.fingerprint.words } });
      expect(keys.length).toBeGreaterThan(old.fingerprint.keys.length / 3);
      expect(keys.every((k) => k.length <= MAX_KEY_LENGTH)).toBe(true);
    }
    // The candidate index is rebuilt from the records: each v1 posting still answered in the new key form.
    for (const posting of fixture.postings) {
      const [key] = upgradeKeys([posting.key]);
      if (key) expect((await store.postings([key], 10)).get(key)?.sort()).toEqual(posting.ids.sort());
    }
    // And a page of today's Upstream finds the upgraded original.
    const seed = fixture.originals[0];
    const page = prepareArticle({ paragraphs: seed.paragraphs!.slice(2, 8) });
    expect((await findCandidates(page.fingerprint, store))[0]?.id).toBe(seed.id);
    expect(await store.installedSeedPackVersion()).toBe(fixture.meta.find((m) => m.key === 'seedPackVersion')!.value);
    expect(await store.getTabState(fixture.tabs[0].tabId)).toBeDefined();
  });
});

describe('open connections of different versions', () => {
  it('steps aside when a newer version wants to upgrade, instead of blocking it', async () => {
    const name = freshName();
    const current = await IdbStore.open(name);
    await current.putOriginals([article('kept', 'harbour', 'import')]);
    let blocked = false;
    const newer = await openDB(name, DB_VERSION + 1, { blocked: () => void (blocked = true) });
    expect(blocked).toBe(false);
    expect(newer.version).toBe(DB_VERSION + 1);
    expect(await newer.count('originals')).toBe(1);
    newer.close();
  });
});
