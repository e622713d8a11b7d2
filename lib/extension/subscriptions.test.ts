import 'fake-indexeddb/auto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { syntheticArticle } from '../../cli/synthetic';
import { analyse, makeOriginal, prepareArticle } from '../engine';
import { packText } from '../formats';
import { openStores } from '../store';
import { createSubscriptions, listPrefix, packAddress } from './subscriptions';

const ADDRESS = 'https://desk.example/lists/checked.jsonl';
const article = (n: number) => ({
  id: `a${n}`,
  title: `Checked story ${n}`,
  text: syntheticArticle(500 + n, 200).join('\n\n'),
  publisher: 'Desk Wire',
});

const packOf = (title: string, articles: object[]) =>
  packText(
    title,
    articles.map((a) => JSON.stringify(a)),
  );

/** A publisher's server: one pack with an ETag, answering a matching If-None-Match with 304. */
function packServer() {
  const server = {
    body: new Uint8Array(0) as Uint8Array,
    etag: '"1"',
    requests: [] as { url: string; headers: Record<string, string> }[],
    downloads: 0,
    async fetch(url: string, init: RequestInit): Promise<Response> {
      const headers = (init.headers ?? {}) as Record<string, string>;
      server.requests.push({ url, headers });
      if (url !== ADDRESS) return new Response('not found', { status: 404 });
      if (headers['if-none-match'] === server.etag) return new Response(null, { status: 304 });
      server.downloads++;
      return new Response(server.body as Uint8Array<ArrayBuffer>, { headers: { etag: server.etag } });
    },
    async publish(text: string | Uint8Array, etag: string) {
      server.body = typeof text === 'string' ? new TextEncoder().encode(text) : text;
      server.etag = etag;
    },
  };
  return server;
}

let n = 0;
async function setup() {
  const stores = await openStores(`subscriptions-test-${++n}`);
  const server = packServer();
  let now = Date.UTC(2026, 11, 1);
  const subscriptions = createSubscriptions({
    originals: stores.originals,
    store: stores.subscriptions,
    fetch: (url, init) => server.fetch(url, init),
    now: () => now,
    pause: async () => undefined,
  });
  const later = (hours: number) => (now += hours * 3_600_000);
  const ids = async () =>
    (await stores.originals.originalsAfter('', 1000)).map((r) => r.id).filter((id) => id.startsWith('list:'));
  return { stores, server, subscriptions, later, ids };
}

describe('subscriptions', () => {
  it('fetch nothing before the person subscribes, then only the address they gave', async () => {
    const { server, subscriptions, stores } = await setup();
    await server.publish(await packOf('Checked by the desk', [article(1), article(2)]), '"1"');
    await subscriptions.refreshDue();
    await subscriptions.idle();
    expect(server.requests).toEqual([]);
    expect(await subscriptions.subscribe('http://desk.example/list.jsonl', 24)).toBeNull();
    await subscriptions.subscribe(ADDRESS, 24);
    await subscriptions.idle();
    expect(server.requests.map((r) => r.url)).toEqual([ADDRESS]);
    const [subscription] = await subscriptions.list();
    expect(subscription).toMatchObject({ url: ADDRESS, title: 'Checked by the desk', count: 2, etag: '"1"' });
    expect(subscription.problem).toBeUndefined();
    expect(await stores.originals.count()).toBe(2);
  });

  it('stores the list under its own ids, and reports a copy as known from the list', async () => {
    const { stores, server, subscriptions } = await setup();
    await server.publish(gzipSync(await packOf('Checked by the desk', [article(1), article(2)])), '"1"');
    await subscriptions.subscribe(ADDRESS, 24);
    await subscriptions.idle();
    const copied = article(2);
    const page = prepareArticle({ title: 'Repost', paragraphs: copied.text.split('\n\n') });
    const report = await analyse(page, stores.originals, {});
    expect(report.verdict).toBe('copy');
    expect(report.original).toMatchObject({ id: `${listPrefix(ADDRESS)}a2`, knownFrom: 'Checked by the desk' });
  });

  it('refreshes on schedule: an unchanged pack is not downloaded again, a changed one replaces the list', async () => {
    const { server, subscriptions, later, ids, stores } = await setup();
    await stores.originals.putOriginals([makeOriginal({ ...article(1), id: 'a1' }, 'import')]);
    await server.publish(await packOf('Desk', [article(1), article(2)]), '"1"');
    await subscriptions.subscribe(ADDRESS, 6);
    await subscriptions.idle();
    later(5);
    await subscriptions.refreshDue();
    await subscriptions.idle();
    expect(server.requests).toHaveLength(1);
    later(2);
    await subscriptions.refreshDue();
    await subscriptions.idle();
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1].headers['if-none-match']).toBe('"1"');
    expect(server.downloads).toBe(1);
    await server.publish(await packOf('Desk', [article(2), article(3)]), '"2"');
    subscriptions.refresh(ADDRESS);
    await subscriptions.idle();
    expect(server.downloads).toBe(2);
    const prefix = listPrefix(ADDRESS);
    expect(await ids()).toEqual([`${prefix}a2`, `${prefix}a3`]);
    // The person's own import with the same id as a line of the list is untouched.
    expect((await stores.originals.getOriginals(['a1']))[0]?.origin).toBe('import');
    expect(await stores.originals.count()).toBe(3);
  });

  it('refuses a damaged or truncated pack and keeps the previous one', async () => {
    const { server, subscriptions, ids } = await setup();
    const good = await packOf('Desk', [article(1), article(2)]);
    await server.publish(good, '"1"');
    await subscriptions.subscribe(ADDRESS, 24);
    await subscriptions.idle();
    const before = await ids();
    await server.publish(good.slice(0, good.length - 100), '"2"');
    subscriptions.refresh(ADDRESS);
    await subscriptions.idle();
    const [subscription] = await subscriptions.list();
    expect(subscription.problem).toMatch(/^refused: the pack is damaged or incomplete/);
    expect(subscription.count).toBe(2);
    expect(await ids()).toEqual(before);
    // The validators sent are still those of the pack stored; the good pack served again is not stored again.
    await server.publish(good, '"3"');
    subscriptions.refresh(ADDRESS);
    await subscriptions.idle();
    expect(server.requests.at(-1)?.headers['if-none-match']).toBe('"1"');
    const [after] = await subscriptions.list();
    expect(after).toMatchObject({ etag: '"3"', count: 2 });
    expect(after.problem).toBeUndefined();
  });

  it('says why a list could not be fetched, and keeps what it had', async () => {
    const { server, subscriptions, ids } = await setup();
    await server.publish(await packOf('Desk', [article(1)]), '"1"');
    await subscriptions.subscribe(ADDRESS, 24);
    await subscriptions.idle();
    server.fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    subscriptions.refresh(ADDRESS);
    await subscriptions.idle();
    expect((await subscriptions.list())[0].problem).toBe('Failed to fetch');
    expect(await ids()).toHaveLength(1);
  });

  it('unsubscribing removes the list and its originals, and nothing else; a removal cut short is finished', async () => {
    const { stores, server, subscriptions, ids } = await setup();
    await stores.originals.putOriginals([makeOriginal(article(9), 'import')]);
    await server.publish(await packOf('Desk', [article(1), article(2), article(3)]), '"1"');
    await subscriptions.subscribe(ADDRESS, 24);
    await subscriptions.idle();
    await subscriptions.unsubscribe(ADDRESS);
    expect((await subscriptions.list())[0]).toMatchObject({ removing: true });
    await subscriptions.idle();
    expect(await subscriptions.list()).toEqual([]);
    expect(await ids()).toEqual([]);
    expect((await stores.originals.originalsAfter('', 10)).map((r) => r.id)).toEqual(['a9']);
    expect(await stores.originals.count()).toBe(1);

    // A restart during a removal leaves the list marked: the next start finishes it.
    await subscriptions.subscribe(ADDRESS, 24);
    await subscriptions.idle();
    const [subscription] = await stores.subscriptions.subscriptions();
    await stores.subscriptions.putSubscription({ ...subscription, removing: true });
    await subscriptions.refreshDue();
    await subscriptions.idle();
    expect(await ids()).toEqual([]);
    expect(server.requests).toHaveLength(2);
  });
});

describe('packAddress', () => {
  it('takes https addresses, and plain http only on this computer', () => {
    expect(packAddress(' https://desk.example/list.jsonl#top ')).toBe('https://desk.example/list.jsonl');
    expect(packAddress('http://127.0.0.1:8080/pack.jsonl')).toBe('http://127.0.0.1:8080/pack.jsonl');
    expect(packAddress('http://localhost/pack.jsonl')).toBe('http://localhost/pack.jsonl');
    for (const bad of ['http://desk.example/list', 'ftp://desk.example/x', 'https://me:pw@desk.example/', 'list.jsonl'])
      expect(packAddress(bad)).toBeNull();
  });
});
