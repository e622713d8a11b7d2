import 'fake-indexeddb/auto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { syntheticArticle } from '../../tools/synthetic';
import { analyse, hash32, makeOriginal, prepareArticle } from '../engine';
import { packText } from '../formats';
import { everyOriginal } from '../../fixtures/originals';
import { openStores } from '../store';
import { parseHTML } from 'linkedom';
import { readArticleHtml } from './page-message';
import { createSubscriptions, newListPrefix, packAddress, prefixOf } from './subscriptions';
import { englishProblem } from '../formats';
import type { Problem } from '../model';

/** A problem in English, as the CLI says it. */
const said = (p: Problem | string | undefined) => (p && typeof p === 'object' ? englishProblem(p) : p);

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
    (await everyOriginal(stores.originals)).map((r) => r.id).filter((id) => id.startsWith('list:'));
  return { stores, server, subscriptions, later, ids };
}

/** Two addresses whose 32-bit hashes (the id prefix lists once had) are the same, found by the birthday bound. */
function collidingAddresses(): [string, string] {
  const seen = new Map<number, string>();
  for (let i = 0; ; i++) {
    const url = `https://desk.example/lists/${i}.jsonl`;
    const other = seen.get(hash32(url));
    if (other) return [other, url];
    seen.set(hash32(url), url);
  }
}

describe('lists whose addresses share a 32-bit hash', () => {
  it('stay apart: subscribing to, refreshing and removing one never touches the other', async () => {
    const [first, second] = collidingAddresses();
    expect(hash32(first)).toBe(hash32(second));
    const stores = await openStores(`subscriptions-test-${++n}`);
    const bodies = new Map([
      [first, await packOf('First', [article(1), article(2)])],
      [second, await packOf('Second', [article(3)])],
    ]);
    const subscriptions = createSubscriptions({
      originals: stores.originals,
      store: stores.subscriptions,
      fetch: async (url) => new Response(bodies.get(url) ?? 'not found', { status: bodies.has(url) ? 200 : 404 }),
      now: Date.now,
      pause: async () => undefined,
    });
    const titles = async () => (await everyOriginal(stores.originals)).map((r) => r.title).sort();
    await subscriptions.subscribe(first, 24);
    await subscriptions.idle();
    await subscriptions.subscribe(second, 24);
    await subscriptions.idle();
    expect(await titles()).toEqual(['Checked story 1', 'Checked story 2', 'Checked story 3']);
    subscriptions.refresh(second);
    await subscriptions.idle();
    expect(await titles()).toEqual(['Checked story 1', 'Checked story 2', 'Checked story 3']);
    await subscriptions.unsubscribe(second);
    await subscriptions.idle();
    expect(await titles()).toEqual(['Checked story 1', 'Checked story 2']);
    // Three packs stored and one removed in fake IndexedDB: seconds on a busy machine.
  }, 60_000);

  it('a list kept under its old 32-bit prefix is still removed whole, ids that go on with \\uffff included', async () => {
    const stores = await openStores(`subscriptions-test-${++n}`);
    const legacy = { url: ADDRESS, title: 'Old list', count: 2, everyHours: 24, subscribedAt: 1 };
    const prefix = prefixOf(legacy);
    expect(prefix).toBe(`list:${hash32(ADDRESS).toString(36)}/`);
    await stores.subscriptions.putSubscription(legacy);
    await stores.originals.putOriginals([
      makeOriginal({ ...article(1), id: `${prefix}a1` }, 'subscription'),
      makeOriginal({ ...article(2), id: `${prefix}\uffffa2` }, 'subscription'),
      makeOriginal({ ...article(3), id: 'mine' }, 'import'),
    ]);
    const subscriptions = createSubscriptions({
      originals: stores.originals,
      store: stores.subscriptions,
      fetch: async () => new Response('not found', { status: 404 }),
      now: Date.now,
      pause: async () => undefined,
    });
    await subscriptions.unsubscribe(ADDRESS);
    await subscriptions.idle();
    expect((await everyOriginal(stores.originals)).map((r) => r.id)).toEqual(['mine']);
  }, 60_000);
});

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
    expect(report.original).toMatchObject({
      id: `${await newListPrefix(ADDRESS)}a2`,
      knownFrom: 'Checked by the desk',
    });
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
    const prefix = await newListPrefix(ADDRESS);
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
    expect(said(subscription.problem)).toMatch(/^the pack is damaged or incomplete/);
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
    expect((await subscriptions.list())[0].problem).toEqual({ code: 'unreachable' });
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
    expect((await everyOriginal(stores.originals)).map((r) => r.id)).toEqual(['a9']);
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

describe('followed feeds', () => {
  const FEED = 'https://outlet.example/feed.xml';
  const story = (n: number) => syntheticArticle(900 + n, 180);
  const articlePage = (n: number) =>
    `<!doctype html><html><head><title>Story ${n}</title></head><body><nav><a href="/">Home</a></nav><article><h1>Story ${n}</h1>${story(
      n,
    )
      .map((p) => `<p>${p}</p>`)
      .join('')}</article><footer>© Outlet</footer></body></html>`;
  const rss = (items: string) =>
    `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Outlet World</title><link>https://outlet.example/</link>${items}</channel></rss>`;
  const fullItem = (n: number) =>
    `<item><guid>full-${n}</guid><title>Story ${n}</title><link>https://outlet.example/full/${n}</link><content:encoded><![CDATA[${story(
      n,
    )
      .map((p) => `<p>${p}</p>`)
      .join('')}]]></content:encoded></item>`;
  const summaryItem = (n: number, host = 'outlet.example') =>
    `<item><guid>sum-${n}</guid><title>Story ${n}</title><link>https://${host}/news/${n}</link><description>One line about story ${n}.</description></item>`;

  async function feedSetup(feedText: () => string) {
    const stores = await openStores(`feeds-test-${++n}`);
    const requests: string[] = [];
    let now = Date.UTC(2026, 11, 1);
    const subscriptions = createSubscriptions({
      originals: stores.originals,
      store: stores.subscriptions,
      async fetch(url, init) {
        requests.push(url);
        expect(init).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer', redirect: 'manual' });
        if (url === FEED) return new Response(feedText(), { headers: { 'content-type': 'application/rss+xml' } });
        const page = /\/news\/(\d+)$/.exec(url);
        if (page && url.startsWith('https://outlet.example/'))
          return new Response(articlePage(Number(page[1])), {
            headers: { 'content-type': 'text/html; charset=utf-8' },
          });
        return new Response('not found', { status: 404 });
      },
      now: () => now,
      pause: async () => undefined,
      hasAccess: async (url) => new URL(url).hostname === 'outlet.example',
      readArticle: async (html, url) => readArticleHtml(new (parseHTML('<html></html>').DOMParser)(), html, url),
    });
    const later = (days: number) => (now += days * 86_400_000);
    return { stores, subscriptions, requests, later };
  }

  it('stores full-text items from the feed and reads summary-only items from their page on the feed host only', async () => {
    const { stores, subscriptions, requests } = await feedSetup(() =>
      rss(fullItem(1) + summaryItem(2) + summaryItem(3, 'elsewhere.example')),
    );
    await subscriptions.subscribe(FEED, 6);
    await subscriptions.idle();
    expect(requests).toEqual([FEED, 'https://outlet.example/news/2']);
    const [feed] = await subscriptions.list();
    expect(feed).toMatchObject({ kind: 'feed', title: 'Outlet World', count: 2, keepDays: 30 });
    expect(said(feed.items?.find((i) => i.problem)?.problem)).toContain('elsewhere.example');
    const stored = (await everyOriginal(stores.originals)).filter((r) => r.id.startsWith('list:'));
    expect(stored.map((r) => r.url).sort()).toEqual(['https://outlet.example/full/1', 'https://outlet.example/news/2']);
    expect(stored.every((r) => r.knownFrom === 'Outlet World')).toBe(true);
    // A copy of the page-read story elsewhere is traced to it; the outlet's own page is the original.
    const copy = prepareArticle({ title: 'Copied', paragraphs: story(2) });
    const report = await analyse(copy, stores.originals, { address: 'https://farm.example/x' });
    expect(report.verdict).toBe('copy');
    expect(report.original?.url).toBe('https://outlet.example/news/2');
    const own = await analyse(copy, stores.originals, { address: 'https://outlet.example/news/2' });
    expect(own.verdict).toBe('original');
  });

  it('gives an item the address of its link only on the feed\'s own host: elsewhere its text is known, never "the original"', async () => {
    const { stores, subscriptions } = await feedSetup(() =>
      rss(fullItem(1).replace('https://outlet.example/full/1', 'https://farm.example/copied/1')),
    );
    await subscriptions.subscribe(FEED, 6);
    await subscriptions.idle();
    const [stored] = (await everyOriginal(stores.originals)).filter((r) => r.id.startsWith('list:'));
    expect(stored.url).toBeUndefined();
    const page = prepareArticle({ title: 'Story', paragraphs: story(1) });
    const report = await analyse(page, stores.originals, { address: 'https://farm.example/copied/1' });
    expect(report.verdict).toBe('copy');
  });

  it('keeps an item after it leaves the feed, removes it after the days kept, and never stores it twice', async () => {
    let items = fullItem(1);
    const { stores, subscriptions, later } = await feedSetup(() => rss(items));
    await subscriptions.subscribe(FEED, 6);
    await subscriptions.idle();
    items = fullItem(4);
    later(10);
    subscriptions.refresh(FEED);
    await subscriptions.idle();
    expect((await subscriptions.list())[0].count).toBe(2);
    later(25);
    subscriptions.refresh(FEED);
    await subscriptions.idle();
    // Item 1 was stored 35 days ago: gone. Item 4, 25 days: kept.
    const ids = (await everyOriginal(stores.originals)).filter((r) => r.id.startsWith('list:'));
    expect(ids.map((r) => r.url)).toEqual(['https://outlet.example/full/4']);
    await subscriptions.unsubscribe(FEED);
    await subscriptions.idle();
    expect((await everyOriginal(stores.originals)).filter((r) => r.id.startsWith('list:'))).toEqual([]);
  });

  it('refuses what is not a feed with a reason, keeping what was stored', async () => {
    let text = rss(fullItem(1));
    const { stores, subscriptions } = await feedSetup(() => text);
    await subscriptions.subscribe(FEED, 6);
    await subscriptions.idle();
    text = '<html><body>Maintenance</body></html>';
    subscriptions.refresh(FEED);
    await subscriptions.idle();
    const [feed] = await subscriptions.list();
    expect(said(feed.problem)).toMatch(/^not a feed/);
    expect(feed.count).toBe(1);
    expect((await everyOriginal(stores.originals)).filter((r) => r.id.startsWith('list:'))).toHaveLength(1);
  });

  it('asks nothing while the browser has not granted access to the address', async () => {
    const { subscriptions, requests } = await feedSetup(() => rss(fullItem(1)));
    await subscriptions.subscribe('https://ungranted.example/feed.xml', 6);
    await subscriptions.idle();
    expect(requests).toEqual([]);
    expect((await subscriptions.list())[0]).toMatchObject({ waitingForAccess: true });
  });
});
