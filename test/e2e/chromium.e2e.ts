import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageCases } from '../fixtures/pages';
import { checkCase, type TestBrowser, type TestPage } from './scenario';
import { startServer, type RecordingServer } from './server';

const EXTENSION = new URL('../../.output/chrome-mv3', import.meta.url).pathname;
const cases = pageCases();
const DISABLED_FEATURES = [
  'AutofillServerCommunication',
  'NetworkTimeServiceQuerying',
  'OptimizationHints',
  'MediaRouter',
  'Translate',
  'PreconnectToSearch',
  'AimEnabled',
  'CertificateTransparencyComponentUpdater',
  'DialMediaRouteProvider',
  'InterestFeedContentSuggestions',
  'HttpsUpgrades',
  'PaintHolding',
];

describe('Chromium, built extension', () => {
  let server: RecordingServer;
  let context: BrowserContext;
  let browser: TestBrowser;
  let extensionPage: TestPage;

  beforeAll(async () => {
    server = await startServer(new Map(cases.map((c) => [`/${c.name}.html`, c.html])));
    context = await chromium.launchPersistentContext('', {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [
        '--headless=new',
        '--no-sandbox',
        `--disable-extensions-except=${EXTENSION}`,
        `--load-extension=${EXTENSION}`,
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-default-apps',
        '--no-first-run',
        // Replaces Playwright's own lists (the last --disable-features wins), keeping its entries
        // that stop background traffic and adding the autofill server.
        `--disable-features=${DISABLED_FEATURES.join(',')}`,
        '--enable-features=SkipListAccountsWithoutGaiaCookies',
        // Everything, loopback included, goes through the recording server.
        `--proxy-server=http://127.0.0.1:${server.port}`,
        '--proxy-bypass-list=<-loopback>',
        // Chromium's component updater runs even with --disable-component-update; point it here.
        `--component-updater=url-source=${server.origin}/component-updater`,
      ],
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionBase = `chrome-extension://${new URL(worker.url()).host}/`;
    browser = {
      extensionBase,
      async newPage(): Promise<TestPage> {
        const page = await context.newPage();
        return {
          goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
          evaluate: (fn, arg) => page.evaluate(fn as never, arg as never) as never,
          close: () => page.close(),
        };
      },
    };
    // Only the extension page stays open between cases; article pages come and go.
    extensionPage = await browser.newPage();
    for (const page of context.pages().slice(0, -1)) await page.close();
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  for (const c of cases) {
    it(`${c.name}: ${c.verdict}`, () => checkCase(browser, extensionPage, server.origin, c), 60_000);
  }

  it('sends no request anywhere but the local test server', () => {
    expect(server.requests.length).toBeGreaterThan(0);
    // Chromium itself opens tunnels to its sign-in service at start-up, with or without any
    // extension (measured with the extension left out). The proxy refuses them: nothing is sent.
    const leaks = server.leaks().filter((r) => r !== 'CONNECT accounts.google.com:443');
    expect(leaks).toEqual([]);
  });
});
