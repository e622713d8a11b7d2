import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  prepareArticle,
  findCandidates,
  hash32,
  FINGERPRINT_VERSION,
  MAX_KEY_LENGTH,
  upgradeKeys,
  makeOriginal,
} from '../engine';
import { DB_VERSION, openStores, StoreFullError, type IdbStores } from '.';
import { PACKED_BLOCK } from './packed-originals';
import { RUNS_PER_LEVEL } from './posting-runs';
import { searchWordsOf } from './search-words';
import type { OriginalRecord, SeedPack } from '../model';
import { everyOriginal } from '../../fixtures/originals';

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

/** The ids of the stored originals each key leads to, through the candidate index. */
async function idsUnder(store: IdbStores, keys: string[]): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  for (const [key, refs] of await store.originals.postings(keys, 10)) {
    const ids = (await store.originals.candidateOriginals(refs)).map((r) => r.id);
    if (ids.length > 0) found.set(key, ids.sort());
  }
  return found;
}

describe('IdbStore', () => {
  it('indexes originals and finds them by fingerprint key', async () => {
    const store = await openStores(freshName());
    const record = article('a', 'harbour');
    await store.originals.putOriginals([record, article('b', 'railway')]);
    expect(await store.originals.count()).toBe(2);
    const found = await idsUnder(store, record.fingerprint.keys);
    expect(found.size).toBe(record.fingerprint.keys.length);
    expect([...found.values()].every((ids) => ids.includes('a'))).toBe(true);
    expect((await store.originals.getOriginals(['a', 'missing'])).map((r) => r.id)).toEqual(['a']);
  });

  it('leads no key to an original once it is replaced or deleted', async () => {
    const store = await openStores(freshName());
    const first = article('a', 'harbour');
    await store.originals.putOriginals([first]);
    const second = article('a', 'railway');
    await store.originals.putOriginals([second]);
    const onlyFirst = first.fingerprint.keys.filter((k) => !second.fingerprint.keys.includes(k));
    expect(onlyFirst.length).toBeGreaterThan(0);
    expect((await idsUnder(store, onlyFirst)).size).toBe(0);
    expect((await idsUnder(store, second.fingerprint.keys)).size).toBe(second.fingerprint.keys.length);
    await store.originals.deleteOriginal('a');
    expect(await store.originals.count()).toBe(0);
    expect((await idsUnder(store, [...first.fingerprint.keys, ...second.fingerprint.keys])).size).toBe(0);
    // Their postings are gone once the runs are merged, and so is the list of dead refs.
    await store.originals.putOriginals([article('b', 'mill')]);
    await store.originals.mergeRuns(true);
    const runs = await store.db.getAll('runs');
    expect(runs).toHaveLength(1);
    expect(runs[0].postings).toBe(new Set(article('b', 'mill').fingerprint.keys).size);
    expect(await store.db.count('deadRefs')).toBe(0);
  });

  it('drops the postings of originals removed from a store of one run when all runs are merged', async () => {
    const store = await openStores(freshName());
    const [kept, gone] = [article('kept', 'harbour'), article('gone', 'railway')];
    await store.originals.putOriginals([kept, gone]);
    await store.originals.mergeRuns(true);
    await store.originals.deleteOriginal('gone');
    await store.originals.mergeRuns(true);
    const runs = await store.db.getAll('runs');
    expect(runs).toHaveLength(1);
    expect(runs[0].postings).toBe(new Set(kept.fingerprint.keys).size);
    expect(await store.db.count('deadRefs')).toBe(0);
  });

  it('drops, in a merge of many slices, the postings of originals deleted while it runs', async () => {
    const store = await openStores(freshName());
    const keysOf = (i: number) => Array.from({ length: 30 }, (_, k) => `k${i}x${k}`);
    const records = Array.from({ length: 1500 }, (_, i) => ({
      id: `r${i}`,
      title: `Record ${i}`,
      origin: 'import' as const,
      fingerprint: { keys: keysOf(i), words: 300 },
    }));
    for (let i = 0; i < records.length; i += 500) await store.originals.putOriginals(records.slice(i, i + 500));
    // One step starts the merge of all runs, one merges its first slice; then originals die.
    await store.originals.mergeStep(true);
    await store.originals.mergeStep(true);
    for (const id of ['r0', 'r1499']) await store.originals.deleteOriginal(id);
    await store.originals.mergeRuns(true);
    const runs = await store.db.getAll('runs');
    expect(runs).toHaveLength(1);
    expect(runs[0].postings).toBe(1498 * 30);
    expect(await store.db.count('deadRefs')).toBe(0);
    expect((await idsUnder(store, keysOf(700).slice(0, 1))).get(keysOf(700)[0])).toEqual(['r700']);
  });

  it('keeps finding originals after a mass removal, when the run left holds far fewer postings than it was sized for', async () => {
    const store = await openStores(freshName());
    const keysOf = (i: number) => Array.from({ length: 28 }, (_, k) => `k${i}x${k}`);
    const record = (i: number, id = `r${i}`) => ({
      id,
      title: `Record ${i}`,
      origin: 'import' as const,
      fingerprint: { keys: keysOf(i), words: 300 },
    });
    const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);
    await store.originals.putOriginals(range(0, 100).map((i) => record(i)));
    await store.originals.putOriginals(range(0, 2000).map((i) => record(i, `list/${i}`)));
    await store.originals.mergeRuns(true);
    for (let after = ''; ;) {
      const last = await store.originals.removeOriginalsWithPrefix('list/', after, 500);
      if (last === null) break;
      after = last;
    }
    // The run left is sized for 2,100 originals and holds 100; runs of 100 more are merged with it.
    await store.originals.mergeRuns(true);
    for (let batch = 1; batch <= 8; batch++) {
      await store.originals.putOriginals(range(batch * 100, batch * 100 + 100).map((i) => record(i)));
      await store.originals.mergeRuns();
    }
    for (const i of [0, 50, 99, 450, 899])
      expect((await idsUnder(store, [keysOf(i)[0]])).get(keysOf(i)[0]), `record ${i}`).toEqual([`r${i}`]);
  });

  it('keeps the index to a few merged runs over many small writes, every original still found', async () => {
    const store = await openStores(freshName());
    // Articles of made-up words (two syllables of twenty), each in its own pseudo-random order.
    const syllables = 'ba ke mi do lu ra se ti vo nu ga he pi zo fu la me ri so tu'.split(' ');
    const word = (n: number) => syllables[n % 20] + syllables[Math.floor(n / 20) % 20] + 'n';
    const text = (i: number) =>
      Array.from(
        { length: 8 },
        (_, j) => Array.from({ length: 9 }, (_, k) => word(hash32(`${i} ${j} ${k}`))).join(' ') + '.',
      ).join('\n');
    const records = Array.from({ length: 150 }, (_, i) =>
      makeOriginal({ id: `o${i}`, title: `Report ${i}`, text: text(i) }, 'learned'),
    );
    // One at a time, as articles learned from trusted outlets arrive; o0 is written twice, unchanged.
    for (const record of [...records, records[0]]) {
      await store.originals.putOriginals([record]);
      await store.originals.mergeRuns();
    }
    const runs = await store.db.getAll('runs');
    expect(runs.length).toBeLessThan(2 * RUNS_PER_LEVEL);
    expect(runs.reduce((sum, run) => sum + run.postings, 0)).toBe(
      records.reduce((sum, r) => sum + new Set(r.fingerprint.keys).size, 0),
    );
    for (const record of [records[0], records[77], records[149]]) {
      const page = prepareArticle({ paragraphs: record.paragraphs!.slice(1, 6) });
      const [best] = await findCandidates(page.fingerprint, store.originals, 1);
      expect((await store.originals.candidateOriginals([best.id]))[0]?.id).toBe(record.id);
    }
  });

  it('answers every lookup between the steps of a merge, and a new connection finishes it', async () => {
    const name = freshName();
    const store = await openStores(name);
    const records = Array.from({ length: 400 }, (_, i) =>
      makeOriginal(
        {
          id: `f${i}`,
          title: `Indexed ${i}`,
          text: '',
          fingerprint: {
            keys: Array.from({ length: 100 }, (_, k) => `c${i}x${k}`),
            words: 400,
            version: FINGERPRINT_VERSION,
          },
        },
        'import',
      ),
    );
    for (let i = 0; i < records.length; i += 100) await store.originals.putOriginals(records.slice(i, i + 100));
    let current = store;
    const findsAll = async () => {
      for (const record of [records[0], records[170], records[399]]) {
        const found = await idsUnder(current, record.fingerprint.keys);
        expect(found.size).toBe(100);
        expect([...found.values()].every((ids) => ids.join() === record.id)).toBe(true);
      }
    };
    await findsAll();
    // 40,000 postings: a merged run of 64 buckets, more than one step merges. The service
    // worker is stopped after two steps; a new connection goes on with the same merge.
    expect(await store.originals.mergeStep(true)).toBe(true);
    expect(await store.originals.mergeStep(true)).toBe(true);
    await findsAll();
    store.db.close();
    current = await openStores(name);
    let steps = 0;
    while (await current.originals.mergeStep(true)) {
      steps++;
      await findsAll();
    }
    expect(steps).toBeGreaterThanOrEqual(2);
    const runs = await current.db.getAll('runs');
    expect(runs).toEqual([expect.objectContaining({ postings: 40_000, buckets: 64 })]);
    expect(runs[0].merging).toBeUndefined();
    expect(await current.db.count('runBuckets')).toBe(64);
  });

  it('merges a new seed pack without touching what the person added or deleted', async () => {
    const store = await openStores(freshName());
    await store.originals.installSeedPack({
      version: 'v1',
      originals: [article('s1', 'harbour'), article('s2', 'railway'), article('s4', 'mill')],
    });
    await store.originals.putOriginals([article('mine', 'orchard', 'import'), article('s2', 'vineyard', 'import')]);
    await store.originals.deleteOriginal('s4');
    const v2: SeedPack = {
      version: 'v2',
      originals: [article('s2', 'railway'), article('s3', 'airport'), article('s4', 'mill')],
    };
    await store.originals.installSeedPack(v2);
    const ids = (await store.originals.getOriginals(['s1', 's2', 's3', 's4', 'mine'])).map(
      (r) => `${r.id}:${r.origin}`,
    );
    expect(ids).toEqual(['s2:import', 's3:seed', 'mine:import']);
    expect(await store.originals.installedSeedPackVersion()).toBe('v2');
    // The count kept through adds, replacements and deletions is the store's own.
    expect(await store.originals.count()).toBe(3);
    expect(await store.db.count('originals')).toBe(3);
  });

  it('lists and searches originals a page at a time', async () => {
    const store = await openStores(freshName());
    await store.originals.putOriginals(
      ['harbour', 'railway', 'harbour works', 'mill'].map((t, i) => article(`r${i}`, t, 'import')),
    );
    const page = await store.originals.listOriginals('HARBOUR', 0, 1);
    expect(page.total).toBe(2);
    expect(page.items).toHaveLength(1);
    const first = await store.originals.originalsAfter('', 3);
    expect(first.records.map((r) => r.id)).toEqual(['r0', 'r1', 'r2']);
    expect((await store.originals.originalsAfter(first.next!, 3)).records.map((r) => r.id)).toEqual(['r3']);
  });

  it('stores the last of several records with one id in a batch, counted once and found after merges', async () => {
    const store = await openStores(freshName());
    const old = article('x', 'harbour', 'import');
    await store.originals.putOriginals([old]);
    const fresh = article('x', 'railway', 'import');
    await store.originals.putOriginals([fresh, old]);
    await store.originals.putOriginals([article('y', 'mill'), article('y', 'quarry')]);
    expect(await store.originals.count()).toBe(2);
    await store.originals.mergeRuns(true);
    expect((await idsUnder(store, old.fingerprint.keys)).get(old.fingerprint.keys[0])).toContain('x');
    expect((await store.originals.getOriginals(['x']))[0].title).toBe('harbour report');
    expect((await store.originals.getOriginals(['y']))[0].title).toBe('quarry report');
    await store.originals.deleteOriginal('y');
    expect(await store.originals.count()).toBe(1);
  });

  it('replaces stored originals whether or not the batch spans many other stored ids', async () => {
    const store = await openStores(freshName());
    // b00 … b39 are stored; a batch of b05 and b06 spans no other, one of a0 and c0 spans all of them.
    await store.originals.putOriginals(
      Array.from({ length: 40 }, (_, i) => article(`b${String(i).padStart(2, '0')}`, `topic${i}`, 'import')),
    );
    await store.originals.putOriginals([article('a0', 'harbour', 'import'), article('c0', 'mill', 'import')]);
    await store.originals.putOriginals([article('b05', 'railway', 'import'), article('b06', 'canal', 'import')]);
    await store.originals.putOriginals([article('a0', 'quarry', 'import'), article('c0', 'forest', 'import')]);
    expect(await store.originals.count()).toBe(42);
    const titles = (await store.originals.getOriginals(['a0', 'b05', 'b06', 'c0'])).map((r) => r.title);
    expect(titles).toEqual(['quarry report', 'railway report', 'canal report', 'forest report']);
    await store.originals.mergeRuns(true);
    const harbour = article('a0', 'harbour').fingerprint.keys.filter(
      (key) => !article('a0', 'quarry').fingerprint.keys.includes(key),
    );
    expect((await idsUnder(store, harbour)).size).toBe(0);
  });
  it('commits queued imports and their removal from the queue together', async () => {
    const store = await openStores(freshName());
    await store.importQueue.enqueueImports(
      [1, 2, 3].map((n) => ({ input: { title: `T${n}`, text: `Text ${n}` }, origin: 'import' as const })),
    );
    const { keys, items } = await store.importQueue.peekImports(2);
    expect(items.map((i) => i.input.title)).toEqual(['T1', 'T2']);
    await store.importQueue.commitImports(keys, [article('x', 'harbour', 'import')]);
    expect(await store.importQueue.queuedImports()).toBe(1);
    expect(await store.originals.count()).toBe(1);
  });

  it('turns a full quota into StoreFullError and keeps the store whole', async () => {
    const store = await openStores(freshName());
    await store.originals.putOriginals([article('kept', 'harbour', 'import')]);
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
        store.originals.putOriginals([article('new1', 'railway', 'import'), article('new2', 'mill', 'import')]),
      ).rejects.toBeInstanceOf(StoreFullError);
    } finally {
      prototype.put = put;
    }
    expect((await store.originals.getOriginals(['kept', 'new1', 'new2'])).map((r) => r.id)).toEqual(['kept']);
  });

  it('keeps tab states across reopening (a restarted service worker)', async () => {
    const name = freshName();
    const store = await openStores(name);
    await store.tabs.setTabState(7, { status: 'no-article', url: 'https://x.example/', updatedAt: 1 });
    store.db.close();
    const reopened = await openStores(name);
    expect(await reopened.tabs.getTabState(7)).toMatchObject({ status: 'no-article', tabId: 7 });
    await reopened.tabs.keepTabStates([1, 2]);
    expect(await reopened.tabs.getTabState(7)).toBeUndefined();
  });
});

describe('schema upgrades', () => {
  it('upgrades a version 1 database to the current one with its data intact', async () => {
    // The fixture is the content of a version 1 store, written here with version 1's layout.
    const fixture = JSON.parse(readFileSync(new URL('../../fixtures/db/v1.json', import.meta.url), 'utf8')) as {
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

    const store = await openStores(name);
    expect(store.db.version).toBe(DB_VERSION);
    expect([...store.db.objectStoreNames].sort()).toEqual([
      'deadRefs',
      'deletedSeeds',
      'importQueue',
      'meta',
      'originals',
      'packedBlocks',
      'packedHeads',
      'packedIds',
      'runBuckets',
      'runs',
      'tabs',
    ]);
    expect(await store.originals.count()).toBe(fixture.originals.length);
    // Every record is kept, its keys brought to the current form (version 3).
    for (const old of fixture.originals) {
      const [upgraded] = await store.originals.getOriginals([old.id]);
      const keys = upgradeKeys(old.fingerprint.keys);
      const { indexRef, searchWords, ...rest } = upgraded;
      expect(rest).toEqual({ ...old, fingerprint: { keys, words: old.fingerprint.words } });
      expect(searchWords).toEqual(searchWordsOf(old));
      expect(indexRef).toBeGreaterThan(0);
      expect(keys.length).toBeGreaterThan(old.fingerprint.keys.length / 3);
      expect(keys.every((k) => k.length <= MAX_KEY_LENGTH)).toBe(true);
    }
    // The candidate index is rebuilt from the records: each v1 posting still answered in the new key form.
    for (const posting of fixture.postings) {
      const [key] = upgradeKeys([posting.key]);
      if (key) expect((await idsUnder(store, [key])).get(key)).toEqual(posting.ids.sort());
    }
    // And a page of today's Upstream finds the upgraded original.
    const seed = fixture.originals[0];
    const page = prepareArticle({ paragraphs: seed.paragraphs!.slice(2, 8) });
    const [best] = await findCandidates(page.fingerprint, store.originals);
    expect((await store.originals.candidateOriginals([best.id]))[0]?.id).toBe(seed.id);
    expect(await store.originals.installedSeedPackVersion()).toBe(
      fixture.meta.find((m) => m.key === 'seedPackVersion')!.value,
    );
    expect(await store.tabs.getTabState(fixture.tabs[0].tabId)).toBeDefined();
  });
});

async function version3(name: string, records: unknown[]): Promise<void> {
  const v3 = await openDB(name, 3, {
    upgrade(db) {
      const originals = db.createObjectStore('originals', { keyPath: 'id' });
      originals.createIndex('origin', 'origin');
      originals.createIndex('keys', 'fingerprint.keys', { multiEntry: true });
      db.createObjectStore('tabs', { keyPath: 'tabId' });
      db.createObjectStore('meta', { keyPath: 'key' });
      db.createObjectStore('deletedSeeds', { keyPath: 'id' });
      db.createObjectStore('importQueue', { autoIncrement: true });
    },
  });
  for (const record of records) await v3.put('originals', record);
  v3.close();
}

describe('schema upgrades from the multi-entry index', () => {
  it('sets aside a record without a fingerprint and upgrades the rest, so later writes work', async () => {
    const name = freshName();
    const good = article('a', 'harbour', 'import');
    await version3(name, [good, { id: 'broken', title: 'No fingerprint', origin: 'import' }]);
    const store = await openStores(name);
    expect(await store.originals.count()).toBe(2);
    expect((await store.originals.getOriginals(['broken']))[0]).toMatchObject({
      id: 'broken',
      title: 'No fingerprint',
    });
    expect((await idsUnder(store, good.fingerprint.keys)).get(good.fingerprint.keys[0])).toContain('a');
    expect((await store.db.get('meta', 'setAsideByUpgrade'))?.value).toBe('["broken"]');
    // The next ref follows the upgraded ones: a new original is stored and found.
    const later = article('c', 'mill', 'import');
    await store.originals.putOriginals([later]);
    expect((await idsUnder(store, later.fingerprint.keys)).get(later.fingerprint.keys[0])).toContain('c');
    await store.originals.installSeedPack({ version: 'next', originals: [article('s', 'quarry')] });
    expect(await store.originals.count()).toBe(4);
  });

  it('moves a version 3 database to runs: every original keeps its data and is found again', async () => {
    const name = freshName();
    const records = [article('a', 'harbour', 'import'), article('b', 'railway', 'learned')];
    await version3(name, records);

    const store = await openStores(name);
    expect([...store.db.transaction('originals').store.indexNames].sort()).toEqual([
      'indexRef',
      'origin',
      'searchWords',
    ]);
    for (const record of records) {
      const [upgraded] = await store.originals.getOriginals([record.id]);
      expect({ ...upgraded, indexRef: undefined, searchWords: undefined }).toEqual({ ...record, indexRef: undefined });
      expect((await idsUnder(store, record.fingerprint.keys)).get(record.fingerprint.keys[0])).toContain(record.id);
    }
    // Originals written after the upgrade get refs of their own.
    await store.originals.putOriginals([article('c', 'mill', 'import')]);
    const refs = (await store.originals.getOriginals(['a', 'b', 'c'])).map((r) => r.indexRef);
    expect(new Set(refs).size).toBe(3);
  });
});

describe('schema upgrade to the search index (version 4 to 5)', () => {
  it('gives every original its search words, a record without a title included', async () => {
    const name = freshName();
    const v4 = await openDB(name, 4, {
      upgrade(db) {
        const originals = db.createObjectStore('originals', { keyPath: 'id' });
        originals.createIndex('origin', 'origin');
        originals.createIndex('indexRef', 'indexRef', { unique: true });
        for (const store of ['tabs', 'meta', 'deletedSeeds', 'importQueue', 'runs', 'runBuckets', 'deadRefs'])
          db.createObjectStore(
            store,
            store === 'tabs' ? { keyPath: 'tabId' } : store === 'meta' ? { keyPath: 'key' } : {},
          );
      },
    });
    await v4.put('originals', { ...article('a', 'harbour', 'import'), indexRef: 1 });
    await v4.put('originals', { id: 'odd', origin: 'import', fingerprint: { keys: [], words: 0 }, indexRef: 2 });
    v4.close();
    const store = await openStores(name);
    expect((await store.originals.listOriginals('HARB', 0, 10)).items.map((r) => r.id)).toEqual(['a']);
    expect((await store.originals.getOriginals(['odd']))[0]).toMatchObject({ id: 'odd' });
  });
});

describe('open connections of different versions', () => {
  it('steps aside when a newer version wants to upgrade, instead of blocking it', async () => {
    const name = freshName();
    const current = await openStores(name);
    await current.originals.putOriginals([article('kept', 'harbour', 'import')]);
    let blocked = false;
    const newer = await openDB(name, DB_VERSION + 1, { blocked: () => void (blocked = true) });
    expect(blocked).toBe(false);
    expect(newer.version).toBe(DB_VERSION + 1);
    expect(await newer.count('originals')).toBe(1);
    newer.close();
  });
});

/** An original given only as a fingerprint, as a pack of fingerprints or a file of them holds it. */
const fingerprintOnly = (id: string, title: string, seed = 0) =>
  makeOriginal(
    {
      id,
      title,
      text: '',
      fingerprint: {
        version: FINGERPRINT_VERSION,
        words: 150,
        keys: Array.from({ length: 12 }, (_, k) => `c${id}-${seed}-${k}`),
      },
    },
    'import',
  );

describe('originals kept packed', () => {
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  const ids = (records: OriginalRecord[]) => records.map((r) => r.id);

  it('finds originals without text by key, id, list, search and export, as it finds the others', async () => {
    const store = await openStores(freshName());
    const packed = range(250).map((i) => fingerprintOnly(`p${String(i).padStart(3, '0')}`, `Dispatch ${i} harbour`));
    await store.originals.putOriginals([article('a', 'railway', 'import'), ...packed.slice(0, 120)]);
    await store.originals.putOriginals([...packed.slice(120), article('b', 'orchard', 'import')]);
    await store.originals.mergeRuns(true);
    expect(await store.originals.count()).toBe(252);
    expect(await store.db.count('packedBlocks')).toBe(Math.ceil(120 / PACKED_BLOCK) + Math.ceil(130 / PACKED_BLOCK));
    expect(await store.db.count('originals')).toBe(2);

    const found = await idsUnder(store, packed[137].fingerprint.keys);
    expect([...found.values()]).toEqual(packed[137].fingerprint.keys.map(() => ['p137']));
    expect(ids(await store.originals.getOriginals(['p005', 'a', 'missing', 'p249']))).toEqual(['p005', 'a', 'p249']);

    const listed = [];
    for (let offset = 0; offset < 252; offset += 50)
      listed.push(...(await store.originals.listOriginals('', offset, 50)).items);
    expect(ids(listed)).toEqual(['a', 'b', ...ids(packed)]);
    const search = await store.originals.listOriginals('dispatch 13', 0, 5);
    expect(search.total).toBe(11); // 13 and 130-139
    expect(ids(search.items)).toEqual(['p013', 'p130', 'p131', 'p132', 'p133']);
    expect((await store.originals.listOriginals('harb', 250, 10)).items).toHaveLength(0);

    const exported = await everyOriginal(store.originals);
    expect(ids(exported).sort()).toEqual(['a', 'b', ...ids(packed)].sort());
  });

  it('stores an original again in place, moves it when it changes, and counts each once', async () => {
    const store = await openStores(freshName());
    const packed = range(150).map((i) => fingerprintOnly(`p${i}`, `Item ${i}`));
    await store.originals.putOriginals(packed);
    await store.originals.mergeRuns(true);
    const postings = async () => (await store.db.getAll('runs')).reduce((n, run) => n + run.postings, 0);
    const before = await postings();
    // The same file imported again, with one title changed: nothing new to index.
    await store.originals.putOriginals([...packed.slice(0, 149), { ...packed[149], title: 'Item renamed' }]);
    await store.originals.mergeRuns(true);
    expect(await store.originals.count()).toBe(150);
    expect(await postings()).toBe(before);
    expect((await store.originals.getOriginals(['p149']))[0].title).toBe('Item renamed');
    expect((await store.originals.listOriginals('renamed', 0, 5)).total).toBe(1);

    // New keys: the old ones lead nowhere, the new ones to it.
    const changed = fingerprintOnly('p3', 'Item 3', 1);
    await store.originals.putOriginals([changed]);
    expect(await idsUnder(store, packed[3].fingerprint.keys)).toEqual(new Map());
    expect((await idsUnder(store, changed.fingerprint.keys)).size).toBe(changed.fingerprint.keys.length);
    // Given its text, it becomes a record of its own.
    await store.originals.putOriginals([{ ...article('p4', 'harbour', 'import') }]);
    expect(await store.originals.count()).toBe(150);
    expect((await store.originals.getOriginals(['p4']))[0].paragraphs?.length).toBeGreaterThan(0);
    expect(ids(await everyOriginal(store.originals)).filter((id) => id === 'p4' || id === 'p3')).toHaveLength(2);
  });

  it('deletes packed originals one by one and by prefix, keeping what it is asked to keep', async () => {
    const store = await openStores(freshName());
    await store.originals.putOriginals([
      ...range(30).map((i) => fingerprintOnly(`mine-${i}`, `Mine ${i}`)),
      ...range(420).map((i) => fingerprintOnly(`list/${i}`, `Listed ${i}`)),
      article('list/with-text', 'harbour', 'import'),
    ]);
    await store.originals.deleteOriginal('mine-7');
    expect(await store.originals.getOriginals(['mine-7'])).toEqual([]);
    const keep = new Set(['list/5', 'list/400']);
    let steps = 0;
    for (let after: string | null = ''; after !== null; steps++)
      after = await store.originals.removeOriginalsWithPrefix('list/', after, 100, keep);
    expect(steps).toBeGreaterThan(4);
    await store.originals.mergeRuns(true);
    expect(await store.originals.count()).toBe(29 + 2);
    const left = ids(await everyOriginal(store.originals));
    expect(left.filter((id) => id.startsWith('list/')).sort()).toEqual(['list/400', 'list/5']);
    expect(left.filter((id) => id.startsWith('mine-'))).toHaveLength(29);
    // Blocks left empty are gone: those of mine-0 to 29, list/5 and list/400 are left.
    expect(await store.db.count('packedBlocks')).toBe(Math.ceil(30 / PACKED_BLOCK) + 2);
    // A prefix that is not a list's is found by reading every block's ids.
    for (let after: string | null = ''; after !== null;)
      after = await store.originals.removeOriginalsWithPrefix('mine-1', after, 5);
    expect(await store.originals.count()).toBe(29 + 2 - 11);
  });

  it('is found after a restart and by a second connection that did not write it', async () => {
    const name = freshName();
    const first = await openStores(name);
    const second = await openStores(name);
    await second.originals.getOriginals(['nothing yet']);
    await first.originals.putOriginals(range(120).map((i) => fingerprintOnly(`p${i}`, `Item ${i}`)));
    expect(ids(await second.originals.getOriginals(['p119']))).toEqual(['p119']);
    // The second connection's next write sees what the first added: the same id is not stored twice.
    await second.originals.putOriginals([fingerprintOnly('p119', 'Item 119 again')]);
    expect(await second.originals.count()).toBe(120);
    first.db.close();
    second.db.close();
    const restarted = await openStores(name);
    expect((await restarted.originals.getOriginals(['p119']))[0].title).toBe('Item 119 again');
    expect((await restarted.originals.candidateOriginals(['1', '120'])).map((r) => r.id)).toEqual(['p0', 'p119']);
  });

  it('moves an original without text stored as a record by an older version into a block when it comes again', async () => {
    const name = freshName();
    const old = { ...fingerprintOnly('old', 'Older'), fingerprint: { keys: ['a1', 'b2'], words: 10 } };
    await version3(name, [old]);
    const store = await openStores(name);
    expect(ids(await store.originals.getOriginals(['old']))).toEqual(['old']);
    await store.originals.putOriginals([fingerprintOnly('old', 'Older, again')]);
    expect(await store.originals.count()).toBe(1);
    expect(await store.db.count('originals')).toBe(0);
    expect((await store.originals.getOriginals(['old']))[0].title).toBe('Older, again');
  });
});
