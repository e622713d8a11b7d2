/**
 * Following outlets' feeds, the same in every browser: three feeds served by the test server
 * (RSS 2.0 with the full text, Atom with summaries only and the article pages on the feed's
 * host, JSON Feed 1.1), followed through the `subscribe` message from the options page. Pages
 * on another host copying their articles are called copies of the right one; an article page
 * read at its own address is the original; every request the extension made went to the
 * feeds' host, after the person followed, without cookies.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticArticle } from '../../tools/synthetic';
import { newsPage } from '../../fixtures/pages';
import { openPopupFor, subscribeInOptions, waitFor, type TestPage } from './scenario';
import { startServer, type RecordingServer } from '../../fixtures/browser/server';
import type { BrowserSession } from './suite';

const COPIER = 'http://copies.example';
const story = (n: number) => ({ title: `Harbour report ${n}`, paragraphs: syntheticArticle(4200 + n, 200) });
const html = (paragraphs: string[]) => paragraphs.map((p) => `<p>${p}</p>`).join('');
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const FEEDS = {
  rss: { path: '/feeds/world.rss', stories: [1, 2] },
  atom: { path: '/feeds/wire.atom', stories: [3, 4] },
  json: { path: '/feeds/desk.json', stories: [5, 6] },
};

function feedBodies(origin: string): Map<string, { type: string; body: string }> {
  const rss = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Harbour Times</title><link>${origin}/</link>${FEEDS.rss.stories
    .map(
      (n) =>
        `<item><guid>rss-${n}</guid><title>${story(n).title}</title><link>${origin}/rss/${n}.html</link><pubDate>Tue, 01 Mar 2022 10:00:00 GMT</pubDate><description>Summary ${n}.</description><content:encoded><![CDATA[${html(story(n).paragraphs)}]]></content:encoded></item>`,
    )
    .join('')}</channel></rss>`;
  const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Wire</title><link href="${origin}/"/>${FEEDS.atom.stories
    .map(
      (n) =>
        `<entry><id>tag:wire,${n}</id><title>${story(n).title}</title><link rel="alternate" href="/news/${n}.html"/><summary>${escape(story(n).paragraphs[0].split('. ')[0])}.</summary><updated>2022-03-01T10:00:00Z</updated><author><name>Wire Desk</name></author></entry>`,
    )
    .join('')}</feed>`;
  const json = JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Harbour Desk',
    home_page_url: `${origin}/`,
    items: FEEDS.json.stories.map((n) => ({
      id: `json-${n}`,
      url: `${origin}/desk/${n}.html`,
      title: story(n).title,
      content_html: html(story(n).paragraphs),
    })),
  });
  return new Map([
    [FEEDS.rss.path, { type: 'application/rss+xml', body: rss }],
    [FEEDS.atom.path, { type: 'application/atom+xml', body: atom }],
    [FEEDS.json.path, { type: 'application/feed+json', body: json }],
  ]);
}

const site = { name: 'Harbour Wire', sections: ['World'], related: ['Markets'] };
const farm = { name: 'Repost Daily', sections: ['News'], related: ['More'] };

/** Declares the feed tests for one browser. */
export function feedSuite(name: string, launch: (server: RecordingServer) => Promise<BrowserSession>): void {
  describe(`${name}: followed feeds`, () => {
    let server: RecordingServer;
    let session: BrowserSession;
    let options: TestPage;
    let popup: TestPage;
    /** Requests for the feeds and their article pages, with the cookies they carried. */
    const asked: { url: string; cookie: string }[] = [];
    let followedAt = 0;

    beforeAll(async () => {
      const handlers = new Map<string, (req: IncomingMessage, res: ServerResponse) => void>();
      // The reader has a cookie for the outlet's host: following must not send it.
      handlers.set('/login.html', (_req, res) =>
        res
          .writeHead(200, { 'set-cookie': 'session=reader-secret; Path=/', 'content-type': 'text/html' })
          .end('<p>hi</p>'),
      );
      server = await startServer(
        new Map(),
        new Map(
          [1, 3, 5].flatMap((n) => [
            [
              `${COPIER}/copy-${n}.html`,
              newsPage(farm, `Shared: ${story(n).title}`, [
                'We share stories we like every day of the week with our readers.',
                ...story(n).paragraphs,
              ]),
            ] as [string, string],
          ]),
        ),
        handlers,
      );
      const bodies = feedBodies(server.origin);
      for (const [path, { type, body }] of bodies)
        handlers.set(path, (req, res) => {
          asked.push({
            url: new URL(req.url ?? '/', server.origin).pathname,
            cookie: String(req.headers.cookie ?? ''),
          });
          res.writeHead(200, { 'content-type': type }).end(body);
        });
      for (const n of [3, 4]) {
        const page = newsPage(site, story(n).title, story(n).paragraphs);
        handlers.set(`/news/${n}.html`, (req, res) => {
          asked.push({
            url: new URL(req.url ?? '/', server.origin).pathname,
            cookie: String(req.headers.cookie ?? ''),
          });
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
        });
      }
      session = await launch(server);
      options = await session.browser.newPage();
      popup = await session.browser.newPage();
      await session.closeOtherPages(2);
      const login = await session.browser.newPage();
      await login.goto(`${server.origin}/login.html`);
      await login.close();
      await options.goto(`${session.browser.extensionBase}options.html`);
    }, 120_000);

    afterAll(async () => {
      await session?.close();
      await server?.close();
    });

    const verdictOf = async (origin: string, page: string) => {
      const { article } = await openPopupFor(session.browser, popup, origin, page);
      const view = await popup.evaluate(
        () => ({
          verdict: document.getElementById('upstream')?.getAttribute('data-verdict') ?? '',
          title: document.querySelector('[data-testid="original-title"]')?.textContent ?? '',
        }),
        null,
      );
      await article.close();
      return view;
    };

    it("asks nothing before the reader follows, then stores each feed's articles (from the feed, or from their pages)", async () => {
      expect(asked).toEqual([]);
      followedAt = asked.length;
      // Followed as a reader does it: the address typed in the options page, the browser's host-access question answered.
      for (const { path } of Object.values(FEEDS)) {
        await subscribeInOptions(options, `${server.origin}${path}`);
        await waitFor('the subscription', () =>
          options.evaluate(
            (address) => !!document.querySelector(`[data-testid="subscription"][data-url="${address}"]`),
            `${server.origin}${path}`,
          ),
        );
      }
      const list = await waitFor('the three feeds stored', async () => {
        const subscriptions = await options.evaluate(async () => {
          const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
          return (
            (await api.runtime.sendMessage({ type: 'list-subscriptions' })) as {
              answer: { title: string; count: number; activity?: string; problem?: string }[];
            }
          ).answer;
        }, null);
        return subscriptions.length === 3 && subscriptions.every((s) => !s.activity && (s.count === 2 || s.problem))
          ? subscriptions
          : null;
      });
      expect(list.map((s) => [s.title, s.count, s.problem ?? '']).sort()).toEqual([
        ['Harbour Desk', 2, ''],
        ['Harbour Times', 2, ''],
        ['Harbour Wire', 2, ''],
      ]);
    }, 120_000);

    it('calls copies on another host copies of the right article, and an article page at its own address the original', async () => {
      for (const n of [1, 3, 5])
        expect(await verdictOf(COPIER, `copy-${n}`)).toEqual({ verdict: 'copy', title: story(n).title });
      expect(await verdictOf(server.origin, 'news/3')).toEqual({ verdict: 'original', title: story(3).title });
    }, 120_000);

    it("made its requests only to the feeds' host, after the reader followed, without cookies", () => {
      // The extension's requests carry no cookie; the reader's own visit to an article page does.
      const withoutCookie = asked
        .slice(followedAt)
        .filter((r) => !r.cookie)
        .map((r) => r.url);
      expect(withoutCookie).toEqual(
        expect.arrayContaining([
          '/feeds/world.rss',
          '/feeds/wire.atom',
          '/feeds/desk.json',
          '/news/3.html',
          '/news/4.html',
        ]),
      );
      expect(asked.filter((r) => r.url.startsWith('/feeds/')).every((r) => r.cookie === '')).toBe(true);
      expect(server.leaks().filter((r) => r !== 'CONNECT accounts.google.com:443' && !r.includes(COPIER))).toEqual([]);
    });
  });
}
