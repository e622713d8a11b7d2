/**
 * Every state a reader meets, in Chromium, for the interface tests and `npm run screenshots`:
 * the popup for a page of each verdict (and switched off, analysing, not analysed), the compare
 * page, the options page with a followed feed and a subscribed list, and the first-run page.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { packText } from '../../lib/formats';
import type { Subscription } from '../../lib/model';
import { moreVerdictCases, newsPage, pageCases, addressCases, type PageCase } from '../fixtures/pages';
import { launchChromium, openArticle, type ChromiumSession } from './chromium';
import { articleTab, sendFromExtension, waitFor, type TestPage } from './scenario';
import { startServer, type RecordingServer } from './server';

/** A popup state: the page it is opened for and what its root says once it is there. */
export interface PopupState {
  name: string;
  /** The page's address (on the test server, or an outlet's address it serves). */
  url: (origin: string) => string;
  /** The root's `data-verdict` once the state is shown. */
  verdict: string;
  /** Set when the state has an original (the answer, the bars and "Open comparison" must fit). */
  original?: boolean;
  /** Brings the state about before the popup is read (learn from the outlet, switch the site off). */
  prepare?: (view: TestPage, tabId: number) => Promise<void>;
  /** Undoes `prepare` where it changes more than the page (a site switched off). */
  undo?: (view: TestPage, server: RecordingServer) => Promise<void>;
}

const cases = new Map([...pageCases(), ...moreVerdictCases()].map((c) => [c.name, c]));
const address = addressCases();

const onServer = (c: PageCase | undefined, verdict = c!.verdict): PopupState => ({
  name: verdict,
  url: (origin) => `${origin}/${c!.name}.html`,
  verdict,
  original: !!c!.originalId,
});

/** One page of each kind a reader meets. */
export const POPUP_STATES: PopupState[] = [
  {
    name: 'original',
    url: () => address.outletUrl,
    verdict: 'original',
    original: true,
    // Learned at its outlet's address: the page is then the original itself.
    prepare: async (view, tabId) => {
      await sendFromExtension(view, { type: 'learn-site', tabId });
    },
  },
  onServer(cases.get('copy-002')),
  onServer(cases.get('seed-001-rewrite')),
  onServer(cases.get('summary-000')),
  onServer(cases.get('excerpt-004')),
  onServer(cases.get('partial-002')),
  onServer(cases.get('translation-000-de')),
  onServer(cases.get('mixed-002-004')),
  { ...onServer(cases.get('independent-kharkiv-night')), name: 'none' },
  { ...onServer(cases.get('none-ukrainian')), name: 'none-no-lexicon' },
  { ...onServer(cases.get('no-article-login')), name: 'no-article' },
  {
    ...onServer(cases.get('copy-002')),
    name: 'switched-off',
    verdict: 'disabled',
    original: false,
    prepare: async (view, tabId) => {
      const { url } = (await sendFromExtension(view, { type: 'get-tab-state', tabId })) as { url: string };
      await sendFromExtension(view, { type: 'set-site-enabled', host: new URL(url).host, enabled: false });
    },
    undo: async (view, server) => {
      await sendFromExtension(view, { type: 'set-site-enabled', host: new URL(server.origin).host, enabled: true });
    },
  },
];

/** The feed and the list the options page shows as followed. */
export const FEED_PATH = '/feeds/ledger.rss';
export const PACK_PATH = '/lists/desk.jsonl';

async function listBody(): Promise<string> {
  const seed = cases.get('seed-003')!;
  return packText('Fact-check desk', [
    JSON.stringify({ id: 'desk-1', title: 'Desk: a checked original', text: seed.html.replace(/<[^>]+>/g, ' ') }),
  ]);
}

function feedBody(origin: string): string {
  const items = [1, 2]
    .map(
      (n) =>
        `<item><guid>ledger-${n}</guid><title>Ledger story ${n}</title><link>${origin}/ledger/${n}.html</link><description>Only a summary of story ${n}.</description></item>`,
    )
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>The Morning Ledger</title><link>${origin}/</link>${items}</channel></rss>`;
}

/** The test server with every page, the feed and the list. */
export async function startStatesServer(): Promise<RecordingServer> {
  const pages = new Map([...cases.values()].map((c) => [`/${c.name}.html`, c.html]));
  // A page that declares its feed, as news sites do: the popup offers to follow it.
  const none = cases.get('independent-kharkiv-night')!;
  pages.set(
    `/${none.name}.html`,
    none.html.replace(
      '</head>',
      `<link rel="alternate" type="application/rss+xml" title="The Morning Ledger: World" href="${FEED_PATH}"></head>`,
    ),
  );
  pages.set(
    '/ledger/1.html',
    newsPage({ name: 'Ledger', sections: [], related: [] }, 'Ledger story 1', ['Too short.']),
  );
  const list = await listBody();
  let origin = '';
  const serve = (type: string, body: () => string) => (_req: IncomingMessage, res: ServerResponse) =>
    res.writeHead(200, { 'content-type': type }).end(body());
  const server = await startServer(
    pages,
    new Map([[address.outletUrl, address.outletHtml]]),
    new Map([
      [FEED_PATH, serve('application/rss+xml', () => feedBody(origin))],
      [PACK_PATH, serve('application/x-ndjson', () => list)],
    ]),
  );
  origin = server.origin;
  return server;
}

/** Chromium in `locale`, with access to the test server's host given (so following asks nothing). */
export const launchForStates = (server: RecordingServer, locale = 'en-US') =>
  launchChromium(server, locale, true, ['http://127.0.0.1/*']);

/**
 * Opens the popup for a state at the popup's size (340 px wide, 600 px tall) in `view`, once
 * its verdict is shown; the article stays open in `article` until the caller closes it.
 */
export async function openPopupState(
  session: ChromiumSession,
  server: RecordingServer,
  state: PopupState,
): Promise<{ view: TestPage; article: TestPage; tabId: number }> {
  const { view, article, tabId } = await openArticle(session, state.url(server.origin));
  await view.setViewport(340, 600);
  const popup = `${session.browser.extensionBase}popup.html?tab=${tabId}`;
  if (state.prepare) {
    await view.goto(popup);
    await waitFor('the first report', () =>
      view.evaluate(() => document.getElementById('upstream')?.getAttribute('data-verdict') !== 'pending', null),
    );
    await state.prepare(view, tabId);
    await article.goto(state.url(server.origin));
  }
  await waitFor(`the ${state.name} popup`, async () => {
    await view.goto(popup);
    for (let i = 0; i < 25; i++) {
      const verdict = await view.evaluate(
        () => document.getElementById('upstream')?.getAttribute('data-verdict'),
        null,
      );
      if (verdict === state.verdict) return true;
      if (verdict !== 'pending') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    return false;
  });
  return { view, article, tabId };
}

/** Follows the server's feed and subscribes to its list, and waits until both are read. */
export async function followFeedAndList(view: TestPage, server: RecordingServer, base: string): Promise<void> {
  await view.goto(`${base}options.html`);
  for (const path of [FEED_PATH, PACK_PATH])
    await sendFromExtension(view, { type: 'subscribe', url: `${server.origin}${path}`, everyHours: 24 });
  await waitFor('the feed and the list', async () => {
    const list = (await sendFromExtension(view, { type: 'list-subscriptions' })) as (Subscription & {
      activity?: string;
    })[];
    return list.length === 2 && list.every((s) => !s.activity && s.checkedAt && !s.waitingForAccess);
  });
}

export { articleTab };
