import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { pageCases } from '../../fixtures/pages';
import { everyOriginal } from '../../fixtures/originals';
import { openStores } from '../store';
import { FINGERPRINT_VERSION } from '../engine';
import { articleMessageOf, readArticleHtml } from './page-message';
import type { Message } from './protocol';
import { createService, onDomain, type ServiceEnvironment } from './service';
import { DOMParser, parseHTML } from 'linkedom';

let n = 0;
async function setup(environment: Partial<ServiceEnvironment> = {}) {
  const store = await openStores(`service-test-${++n}`);
  const badges = new Map<number, string>();
  const service = createService({
    stores: store,
    setBadge: async (tabId, badge) => void badges.set(tabId, badge?.text ?? ''),
    openTabIds: async () => [1, 2],
    ...environment,
  });
  return { store, service, badges };
}

const page = (name: string) => pageCases().find((c) => c.name === name)!;
const messageFor = async (html: string, url: string) =>
  (await articleMessageOf(parseHTML(html).document as unknown as Document, url))!;
const waitFor = async (test: () => Promise<boolean>) => {
  for (let i = 0; i < 200 && !(await test()); i++) await new Promise((r) => setTimeout(r, 10));
};

describe('background service', () => {
  it('cleans and fingerprints the article itself, and calls too little text no article', async () => {
    const { store, service } = await setup();
    const from = { kind: 'content-script' as const, tabId: 1, url: 'https://blog.example/short' };
    const short = { url: from.url, title: 'Short', paragraphs: ['Sign in to read more.', 'Subscribe now.'] };
    await service.handle({ type: 'article-found', article: short }, from);
    expect((await store.tabs.getTabState(1))?.status).toBe('no-article');
    const article = await messageFor(page('copy-002').html, from.url);
    await service.handle({ type: 'article-found', article }, from);
    const state = await store.tabs.getTabState(1);
    expect(state?.status === 'ready' && state.report.page.words).toBeGreaterThan(100);
    // What each stage took, in order, for the benchmarks to print.
    const timings = state?.status === 'ready' ? state.timings : undefined;
    expect(timings?.map((t) => t.stage)).toEqual(['prepare', 'learn', 'lookup', 'verify', 'badge']);
    expect(timings?.every((t) => t.ms >= 0)).toBe(true);
  });

  it("reads a page's HTML off the page when the content script sends it, at the browser's address", async () => {
    const { store, service, badges } = await setup({
      readArticle: async (html, url) => readArticleHtml(new DOMParser() as unknown as globalThis.DOMParser, html, url),
    });
    const from = { kind: 'content-script' as const, tabId: 1, url: 'https://blog.example/copy' };
    const feeds = [{ url: 'https://blog.example/feed', type: 'rss' as const, title: 'Blog' }];
    await service.handle({ type: 'page-html', html: page('copy-002').html, feeds }, from);
    const state = await store.tabs.getTabState(1);
    expect(state?.status === 'ready' && state.report.page.words).toBeGreaterThan(100);
    expect(state?.url).toBe(from.url);
    expect(state?.status === 'ready' && state.feeds).toEqual(feeds);
    expect(badges.get(1)).not.toBe('');
    const timings = state?.status === 'ready' ? state.timings : undefined;
    expect(timings?.map((t) => t.stage)).toEqual(['read', 'prepare', 'learn', 'lookup', 'verify', 'badge']);
    await service.handle({ type: 'page-html', html: '<html><body><form>Sign in</form></body></html>' }, from);
    expect((await store.tabs.getTabState(1))?.status).toBe('no-article');
  });

  it('learns articles read on a trusted outlet as originals, and only there', async () => {
    const { store, service } = await setup();
    const html = page('independent-kharkiv-night').html;
    const elsewhere: Message = {
      type: 'article-found',
      article: await messageFor(html, 'https://blog.example/kharkiv'),
    };
    await service.handle(elsewhere, { kind: 'content-script', tabId: 1, url: 'https://blog.example/kharkiv' });
    expect(await store.originals.count()).toBe(0);
    expect((await store.tabs.getTabState(1))?.status).toBe('ready');

    await service.handle({ type: 'set-trusted-outlets', domains: ['ledger.example'] }, { kind: 'extension-page' });
    const trusted: Message = {
      type: 'article-found',
      article: await messageFor(html, 'https://www.ledger.example/world/kharkiv'),
    };
    await service.handle(trusted, {
      kind: 'content-script',
      tabId: 2,
      url: 'https://www.ledger.example/world/kharkiv',
    });
    const [learned] = await everyOriginal(store.originals);
    expect(learned).toMatchObject({
      origin: 'learned',
      url: 'https://www.ledger.example/world/kharkiv',
      // Its publisher is the outlet the browser shows, not the name the page gives itself.
      publisher: 'ledger.example',
    });
    const state = await store.tabs.getTabState(2);
    expect(state?.status === 'ready' && state.report.verdict).toBe('original');
    // A copy of it elsewhere is now traced back to it.
    await service.handle(elsewhere, { kind: 'content-script', tabId: 1, url: 'https://blog.example/kharkiv' });
    const copy = await store.tabs.getTabState(1);
    expect(copy?.status === 'ready' && copy.report.original?.id).toBe(learned.id);
  });

  it('keeps "this is wrong" on the device, never names a dismissed original for that page again, and brings it back when the report is deleted', async () => {
    const { store, service } = await setup();
    const html = page('independent-kharkiv-night').html;
    const outlet = 'https://www.ledger.example/world/kharkiv';
    const copyUrl = 'https://blog.example/kharkiv';
    const extension = { kind: 'extension-page' as const };
    await service.handle({ type: 'set-trusted-outlets', domains: ['ledger.example'] }, extension);
    await service.handle(
      { type: 'article-found', article: await messageFor(html, outlet) },
      { kind: 'content-script', tabId: 2, url: outlet },
    );
    const copy = { type: 'article-found' as const, article: await messageFor(html, copyUrl) };
    const atCopy = { kind: 'content-script' as const, tabId: 1, url: copyUrl };
    await service.handle(copy, atCopy);
    const verdictAtCopy = async () => {
      const state = await store.tabs.getTabState(1);
      return state?.status === 'ready' ? state.report.verdict : state?.status;
    };
    expect(await verdictAtCopy()).toBe('copy');

    const kept = await service.handle<'report-verdict'>(
      { type: 'report-verdict', tabId: 1, kind: 'wrong-original', note: 'a different story' },
      extension,
    );
    expect(kept).toMatchObject({ url: copyUrl, kind: 'wrong-original', note: 'a different story' });
    expect(kept?.report.verdict).toBe('copy');
    // At once, and when the page is read again.
    expect(await verdictAtCopy()).toBe('none');
    await service.handle(copy, atCopy);
    expect(await verdictAtCopy()).toBe('none');
    const list = await service.handle<'list-feedback'>({ type: 'list-feedback' }, extension);
    expect(list?.map((f) => f.url)).toEqual([copyUrl]);
    // A page cannot report or read reports.
    expect(await service.handle({ type: 'list-feedback' }, atCopy)).toBeUndefined();

    await service.handle({ type: 'delete-feedback', at: kept!.at }, extension);
    await service.handle(copy, atCopy);
    expect(await verdictAtCopy()).toBe('copy');
  });

  it('in a single-page app, a slow report on the page before never lands over the report on the page now', async () => {
    const { store, service } = await setup();
    const first = 'https://app.example/a';
    const second = 'https://app.example/b';
    // The page before is long, so its analysis ends after the quick one of the page now.
    const long = await messageFor(page('copy-002').html, first);
    const slow = { ...long, paragraphs: Array.from({ length: 40 }, () => long.paragraphs).flat() };
    const quick = await messageFor(page('no-article-login').html, second);
    const atFirst = service.handle(
      { type: 'article-found', article: slow },
      { kind: 'content-script', tabId: 1, url: first },
    );
    await new Promise((r) => setTimeout(r, 0));
    const atSecond = quick
      ? service.handle({ type: 'article-found', article: quick }, { kind: 'content-script', tabId: 1, url: second })
      : service.handle({ type: 'no-article', url: second }, { kind: 'content-script', tabId: 1, url: second });
    await Promise.all([atFirst, atSecond]);
    const state = await store.tabs.getTabState(1);
    expect(state?.url).toBe(second);
    expect(state?.status).toBe('no-article');
  });

  it('learns from a site in one click: the page is stored once, becomes the original, and its copies elsewhere are traced to it', async () => {
    const { store, service } = await setup();
    // A repost with its trailer ("Source link"): cleaning changes its text, the record must not.
    const html = page('copy-002').html;
    const url = 'https://www.ledger.example/world/kharkiv';
    const atOutlet = { kind: 'content-script' as const, tabId: 2, url };
    const article = await messageFor(html, url);
    await service.handle({ type: 'article-found', article }, atOutlet);
    const before = await store.tabs.getTabState(2);
    expect(before?.status === 'ready' && before.report.verdict).toBe('none');
    expect(before?.status === 'ready' && before.checked).toBe(0);

    expect(await service.handle({ type: 'learn-site', tabId: 2 }, { kind: 'extension-page' })).toEqual({
      domain: 'ledger.example',
    });
    const settings = () => service.handle<'get-settings'>({ type: 'get-settings' }, { kind: 'extension-page' });
    expect(await settings()).toMatchObject({
      trustedOutlets: ['ledger.example'],
      learnedCounts: { 'ledger.example': 1 },
    });
    const after = await store.tabs.getTabState(2);
    expect(after?.status === 'ready' && after.report.verdict).toBe('original');
    const [learned] = await everyOriginal(store.originals);
    expect(learned).toMatchObject({ origin: 'learned', url });

    // Read again on the outlet, now trusted: the same record, counted once.
    await service.handle({ type: 'article-found', article }, atOutlet);
    expect((await everyOriginal(store.originals)).map((r) => r.id)).toEqual([learned.id]);
    expect((await settings())?.learnedCounts).toEqual({
      'ledger.example': 1,
    });

    const elsewhere = 'https://blog.example/kharkiv';
    await service.handle(
      { type: 'article-found', article: await messageFor(html, elsewhere) },
      { kind: 'content-script', tabId: 1, url: elsewhere },
    );
    const copy = await store.tabs.getTabState(1);
    expect(copy?.status === 'ready' && copy.report.original?.id).toBe(learned.id);

    await service.handle({ type: 'forget-site', domain: 'ledger.example' }, { kind: 'extension-page' });
    expect((await settings())?.trustedOutlets).toEqual([]);
  });

  it('takes who a page is from the browser: a page elsewhere claiming a trusted outlet address learns nothing', async () => {
    const { store, service } = await setup();
    await service.handle({ type: 'set-trusted-outlets', domains: ['ledger.example'] }, { kind: 'extension-page' });
    const claimed = 'https://www.ledger.example/world/kharkiv';
    const html = page('independent-kharkiv-night').html.replace(
      '<head>',
      `<head><link rel="canonical" href="${claimed}"><meta property="og:url" content="${claimed}">`,
    );
    const article = await messageFor(html, 'https://farm.test/kharkiv');
    expect(article.url).toBe(claimed);
    await service.handle(
      { type: 'article-found', article },
      { kind: 'content-script', tabId: 1, url: 'https://farm.test/kharkiv' },
    );
    expect(await store.originals.count()).toBe(0);
    const state = await store.tabs.getTabState(1);
    expect(state?.url).toBe('https://farm.test/kharkiv');
    expect(state?.status === 'ready' && state.report.page.url).toBe('https://farm.test/kharkiv');
  });

  it('does not write the report of a page the tab has left, and still reports when learning fails', async () => {
    const { store, service } = await setup();
    const article = await messageFor(page('copy-002').html, 'https://farm.example/a');
    const sender = { kind: 'content-script', tabId: 1, url: 'https://farm.example/a' } as const;
    const analysing = service.handle({ type: 'article-found', article }, sender);
    await service.navigated(1);
    await analysing;
    expect(await store.tabs.getTabState(1)).toBeUndefined();

    await service.handle({ type: 'set-trusted-outlets', domains: ['farm.example'] }, { kind: 'extension-page' });
    store.originals.putOriginals = async () => {
      throw new Error('The browser has no more storage for Upstream.');
    };
    await service.handle({ type: 'article-found', article }, sender);
    const state = await store.tabs.getTabState(1);
    expect(state?.status).toBe('ready');
  });

  it('ignores a message sent by a part of the extension that may not send it', async () => {
    const { service } = await setup();
    expect(
      await service.handle({ type: 'get-settings' }, { kind: 'content-script', tabId: 1, url: 'https://a.example/' }),
    ).toBeUndefined();
  });

  it('imports in batches, resumes a queue left by a restart, and can cancel', async () => {
    const { store, service } = await setup();
    const items = Array.from({ length: 250 }, (_, i) => ({
      title: `Item ${i}`,
      text: `Text of item ${i}, long enough to be an article of its own.`,
    }));
    await store.importQueue.enqueueImports(items.slice(0, 120).map((input) => ({ input, origin: 'import' as const })));
    // A new service (a restarted worker) picks the queue up.
    await service.resumeImports();
    await waitFor(async () => (await store.importQueue.queuedImports()) === 0);
    expect(await store.originals.count()).toBe(120);

    await service.handle({ type: 'queue-import', items }, { kind: 'extension-page' });
    const cancelled = await service.handle({ type: 'cancel-import' }, { kind: 'extension-page' });
    expect(cancelled).toMatchObject({ queued: 0, running: false });
    const count = await store.originals.count();
    expect(count).toBeGreaterThanOrEqual(120);
    expect(count).toBeLessThanOrEqual(250);
    // Importing the same articles again merges them: ids come from the content.
    await service.handle({ type: 'queue-import', items }, { kind: 'extension-page' });
    await waitFor(
      async () => (await store.importQueue.queuedImports()) === 0 && (await store.originals.count()) === 250,
    );
    expect(await store.originals.count()).toBe(250);
  });

  it('stores originals given as fingerprints at once, without queueing them', async () => {
    const { store, service } = await setup();
    const items = Array.from({ length: 300 }, (_, i) => ({
      id: `f${i}`,
      title: `Indexed ${i}`,
      text: '',
      fingerprint: { keys: [`n${1000 + i}`, `c${i}`], words: 400, version: FINGERPRINT_VERSION },
    }));
    const status = await service.handle({ type: 'queue-import', items }, { kind: 'extension-page' });
    expect(status).toMatchObject({ imported: 300, queued: 0 });
    expect(await store.importQueue.queuedImports()).toBe(0);
    expect(await store.originals.count()).toBe(300);
    const refs = (await store.originals.postings(['n1042'], 10)).get('n1042') ?? [];
    expect((await store.originals.candidateOriginals(refs)).map((r) => r.id)).toEqual(['f42']);
    // A run per batch of 100, merged into one once the import is over.
    await waitFor(async () => (await store.db.count('runs')) === 1);
    expect((await store.db.getAll('runs'))[0].postings).toBe(600);
  });

  it('stops analysing a switched-off site and clears its badge', async () => {
    const { store, service, badges } = await setup();
    const html = page('copy-002').html;
    await service.handle(
      { type: 'article-found', article: await messageFor(html, 'https://farm.example/a') },
      { kind: 'content-script', tabId: 1, url: 'https://farm.example/a' },
    );
    await service.handle(
      { type: 'set-site-enabled', host: 'farm.example', enabled: false },
      { kind: 'extension-page' },
    );
    expect(badges.get(1)).toBe('');
    expect((await store.tabs.getTabState(1))?.status).toBe('disabled');
    expect(
      await service.handle(
        { type: 'is-site-enabled' },
        { kind: 'content-script', tabId: 1, url: 'https://farm.example/b' },
      ),
    ).toBe(false);
  });

  it('matches trusted domains and their subdomains only', () => {
    expect(onDomain('www.wsj.com', 'wsj.com')).toBe(true);
    expect(onDomain('wsj.com:443', 'wsj.com')).toBe(true);
    expect(onDomain('notwsj.com', 'wsj.com')).toBe(false);
  });
});

describe('long work in the background', () => {
  it('gives way to a page being analysed: an import stores no new batch until the report is made', async () => {
    const { store, service } = await setup();
    let batches = 0;
    const put = store.originals.putOriginals.bind(store.originals);
    store.originals.putOriginals = async (records) => {
      batches++;
      return put(records);
    };
    const items = Array.from({ length: 8000 }, (_, i) => ({
      id: `f${i}`,
      title: `Fingerprint ${i}`,
      text: '',
      fingerprint: { keys: [`k${i}a`, `k${i}b`, `k${i}c`], words: 300, version: FINGERPRINT_VERSION },
    }));
    // Fingerprints are stored 1,000 per batch; the options page sends 1,000 per message, one after another.
    const importing = (async () => {
      for (let k = 0; k < 8; k++)
        await service.handle(
          { type: 'queue-import', items: items.slice(k * 1000, k * 1000 + 1000) },
          { kind: 'extension-page' },
        );
    })();
    await waitFor(async () => batches >= 2);
    const before = batches;
    const from = { kind: 'content-script' as const, tabId: 1, url: 'https://blog.example/copy' };
    await service.handle({ type: 'article-found', article: await messageFor(page('copy-002').html, from.url) }, from);
    expect((await store.tabs.getTabState(1))?.status).toBe('ready');
    // The batch already under way when the page arrived may finish; no other starts.
    expect(batches - before).toBeLessThanOrEqual(1);
    await importing;
    expect(batches).toBe(8);
  });
});
