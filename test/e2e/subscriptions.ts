/**
 * The subscription scenario, the same in every browser: a publisher's pack served by the test
 * server (with an ETag, gzipped when the browser accepts it), subscribed to through the options
 * page, refreshed unchanged and changed, refused when damaged, and removed; every request the
 * pack's address gets is recorded, and nothing is asked before the person subscribes.
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticArticle } from '../../tools/synthetic';
import { hash32 } from '../../lib/engine';
import { packText } from '../../lib/formats';
import { newsPage } from '../../fixtures/pages';
import { openPopupFor, sendFromExtension, subscribeInOptions, waitFor, type TestPage } from './scenario';
import { startServer, type RecordingServer } from '../../fixtures/browser/server';
import type { BrowserSession } from './suite';

const PACK_PATH = '/lists/desk.jsonl';
const TITLE = 'Checked by the desk';

const article = (n: number) => ({
  id: `story-${n}`,
  title: `Checked story ${n}`,
  text: syntheticArticle(7000 + n, 220).join('\n\n'),
  publisher: 'Desk Wire',
});

/** Two paths on `origin` whose addresses share a 32-bit hash (the birthday bound: about 80,000 tries). */
function collidingPaths(origin: string): [string, string] {
  const seen = new Map<number, string>();
  for (let i = 0; ; i++) {
    const path = `/collide/${i}.jsonl`;
    const hash = hash32(`${origin}${path}`);
    const other = seen.get(hash);
    if (other) return [other, path];
    seen.set(hash, path);
  }
}

/** A pack file as `npm run pack` writes it: header (title, count, SHA-256 of the rest), then the lines. */
const packOf = (articles: object[]) =>
  packText(
    TITLE,
    articles.map((a) => JSON.stringify(a)),
  );

const copied = article(2);
const copyPage = newsPage({ name: 'Repost Daily', sections: ['News'], related: ['More'] }, 'Shared with our readers', [
  'We share stories we like with our readers every day of the week.',
  ...copied.text.split('\n\n'),
]);

interface SubscriptionItem {
  title: string;
  state: string;
  problem: string;
  busy: string;
}

/** The subscriptions as the options page shows them. */
const readSubscriptions = (options: TestPage) =>
  options.evaluate(
    () =>
      Array.from(document.querySelectorAll('[data-testid="subscription"]')).map((li) => ({
        title: li.querySelector('[data-testid="subscription-title"]')?.textContent ?? '',
        state: li.querySelector('[data-testid="subscription-state"]')?.textContent ?? '',
        problem: li.querySelector('[data-testid="subscription-problem"]')?.textContent ?? '',
        busy: li.getAttribute('data-busy') ?? '',
      })),
    null,
  );

/** Waits until the one subscription is idle and `test` holds for it. */
const waitForSubscription = (options: TestPage, what: string, test: (item: SubscriptionItem) => boolean) =>
  waitFor(what, async () => {
    const [item] = await readSubscriptions(options);
    return item && !item.busy && test(item) ? item : null;
  });

const click = (page: TestPage, selector: string) =>
  page.evaluate((s) => (document.querySelector(s) as HTMLElement).click(), selector);

/** Declares the subscription tests for one browser. */
export function subscriptionSuite(name: string, launch: (server: RecordingServer) => Promise<BrowserSession>): void {
  describe(`${name}: subscriptions`, () => {
    let server: RecordingServer;
    let session: BrowserSession;
    let options: TestPage;
    let popup: TestPage;
    const pack = { body: '', etag: '"v1"' };
    const pages = new Map([['/copy.html', copyPage]]);
    const answers: string[] = [];
    let summaryBefore = '';

    beforeAll(async () => {
      pack.body = await packOf([article(1), article(2)]);
      server = await startServer(
        pages,
        new Map(),
        new Map([
          [
            PACK_PATH,
            (req, res) => {
              if (req.headers['if-none-match'] === pack.etag) {
                answers.push('304');
                res.writeHead(304, { etag: pack.etag }).end();
                return;
              }
              answers.push('200');
              const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
              res
                .writeHead(200, {
                  'content-type': 'application/x-ndjson',
                  etag: pack.etag,
                  ...(gzip ? { 'content-encoding': 'gzip' } : {}),
                })
                .end(gzip ? gzipSync(pack.body) : pack.body);
            },
          ],
        ]),
      );
      session = await launch(server);
      options = await session.browser.newPage();
      popup = await session.browser.newPage();
      await session.closeOtherPages(2);
      await options.goto(`${session.browser.extensionBase}options.html`);
      summaryBefore = await storeSummary();
    }, 120_000);

    afterAll(async () => {
      await session?.close();
      await server?.close();
    });

    const storeSummary = () =>
      waitFor('the count', () =>
        options.evaluate(() => document.querySelector('[data-testid="store-summary"]')?.textContent, null),
      );
    const packRequests = () => server.requests.filter((r) => r.includes('/lists/'));
    const verdictOfCopy = async () => {
      const { article: page } = await openPopupFor(session.browser, popup, server.origin, 'copy');
      const view = await popup.evaluate(
        () => ({
          verdict: document.getElementById('upstream')?.getAttribute('data-verdict'),
          knownFrom: document.querySelector('[data-testid="original-known-from"]')?.textContent ?? '',
        }),
        null,
      );
      await page.close();
      return view;
    };

    it('asks nothing of the list before the person subscribes, then only its address', async () => {
      expect(await verdictOfCopy()).toEqual({ verdict: 'none', knownFrom: '' });
      expect(packRequests()).toEqual([]);
      await subscribeInOptions(options, `${server.origin}${PACK_PATH}`);
      const item = await waitForSubscription(options, 'the first fetch', (s) => s.title === TITLE);
      expect(item.state).toMatch(/^2 originals · checked /);
      expect(item.problem).toBe('');
      expect(packRequests()).toEqual([`GET ${server.origin}${PACK_PATH}`]);
      expect(await verdictOfCopy()).toEqual({ verdict: 'copy', knownFrom: `Known from: ${TITLE}` });
    }, 90_000);

    it('refreshes: an unchanged list is not downloaded again, a changed one replaces it', async () => {
      await click(options, '[data-testid="refresh-subscription"]');
      await waitFor('the unchanged refresh', async () => answers.length === 2);
      await waitForSubscription(options, 'the unchanged refresh', () => true);
      expect(answers).toEqual(['200', '304']);

      pack.body = await packOf([article(1), article(3), article(4)]);
      pack.etag = '"v2"';
      await click(options, '[data-testid="refresh-subscription"]');
      await waitForSubscription(options, 'the changed list', (s) => s.state.startsWith('3 originals'));
      expect(answers).toEqual(['200', '304', '200']);
      // The story the page copies left the list, and went from the store with it.
      expect((await verdictOfCopy()).verdict).toBe('none');
    }, 90_000);

    it('refuses a damaged list and keeps the one it had', async () => {
      pack.body = pack.body.slice(0, pack.body.length - 500);
      pack.etag = '"v3"';
      await click(options, '[data-testid="refresh-subscription"]');
      const item = await waitForSubscription(options, 'the refusal', (s) => s.problem !== '');
      expect(item.problem).toMatch(/the pack is damaged or incomplete.*The originals received before are kept/);
      expect(item.state).toMatch(/^3 originals/);
    }, 90_000);

    it('removes the list and its originals on unsubscribe', async () => {
      await click(options, '[data-testid="unsubscribe"]');
      // Asked first, in the page: the list goes only once the person says yes.
      await click(options, '[data-testid="confirm"]');
      await waitFor('the removal', () =>
        options.evaluate(() => document.querySelectorAll('[data-testid="subscription"]').length === 0, null),
      );
      await options.goto(`${session.browser.extensionBase}options.html`);
      // The originals from elsewhere (the seeds) are all still there, and only they.
      const countOf = (summary: string) => summary.split(' ')[0];
      expect(countOf(await storeSummary())).toBe(countOf(summaryBefore));
    }, 90_000);

    it('keeps two lists apart whose addresses share the 32-bit hash lists were once filed under', async () => {
      const [first, second] = collidingPaths(server.origin);
      pages.set(first, await packOf([article(11), article(12)]));
      pages.set(second, await packOf([article(13)]));
      const count = async () => Number((await storeSummary()).split(' ')[0].replace(/,/g, ''));
      const before = await count();
      const send = (message: unknown) => sendFromExtension(options, message);
      const lists = async () => (await send({ type: 'list-subscriptions' })) as { activity?: string; count: number }[];
      for (const path of [first, second]) {
        // Through the form, as a person would: removing the list before gave its host's access back.
        await subscribeInOptions(options, `${server.origin}${path}`);
        await waitFor('the list', async () => {
          const now = await lists();
          return now.length === (path === first ? 1 : 2) && now.every((s) => !s.activity && s.count > 0);
        });
      }
      await options.goto(`${session.browser.extensionBase}options.html`);
      expect(await count()).toBe(before + 3);
      // Refreshing and then removing the second list leaves the first one's originals.
      await send({ type: 'refresh-subscription', url: `${server.origin}${second}` });
      await send({ type: 'unsubscribe', url: `${server.origin}${second}` });
      await waitFor('the removal', async () => (await lists()).length === 1);
      await options.goto(`${session.browser.extensionBase}options.html`);
      expect(await count()).toBe(before + 2);
    }, 90_000);

    it('sent nothing anywhere but the test server, and asked the list only by its address', () => {
      expect(server.leaks().filter((r) => r !== 'CONNECT accounts.google.com:443')).toEqual([]);
      expect(new Set(packRequests())).toEqual(new Set([`GET ${server.origin}${PACK_PATH}`]));
      expect(packRequests()).toHaveLength(answers.length);
    });
  });
}
