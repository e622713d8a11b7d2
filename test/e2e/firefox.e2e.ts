import { randomUUID } from 'node:crypto';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageCases } from '../fixtures/pages';
import { checkCase, checkEvidence, checkSiteSwitch, type TestBrowser, type TestPage } from './scenario';
import { startServer, type RecordingServer } from './server';

const EXTENSION = new URL('../../.output/firefox-mv2', import.meta.url).pathname;
const ADDON_ID = 'upstream@upstream-provenance.org';
const cases = pageCases();

describe('Firefox, built extension', () => {
  let server: RecordingServer;
  let firefox: Browser;
  let browser: TestBrowser;
  let extensionPage: TestPage;

  beforeAll(async () => {
    server = await startServer(new Map(cases.map((c) => [`/${c.name}.html`, c.html])));
    const uuid = randomUUID();
    firefox = await puppeteer.launch({
      browser: 'firefox',
      executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
      headless: true,
      args: ['--remote-allow-system-access'],
      env: { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' },
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: uuid }),
        'extensions.originControls.grantByDefault': true,
        // Everything, loopback included, goes through the recording server.
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': server.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': server.port,
        'network.proxy.allow_hijacking_localhost': true,
        'network.proxy.no_proxies_on': '',
        'network.captive-portal-service.enabled': false,
        'network.connectivity-service.enabled': false,
        'browser.safebrowsing.update.enabled': false,
        'dom.push.enabled': false,
        'services.settings.server': `${server.origin}/remote-settings`,
      },
    });
    await firefox.installExtension(EXTENSION);
    browser = {
      extensionBase: `moz-extension://${uuid}/`,
      async newPage(): Promise<TestPage> {
        const page = await firefox.newPage();
        return {
          goto: async (url) =>
            void (await page.goto(url, { waitUntil: url.startsWith('moz-extension:') ? 'networkidle0' : 'load' })),
          evaluate: (fn, arg) => page.evaluate(fn as never, arg as never) as never,
          press: (key) => page.keyboard.press(key as never),
          screenshot: async (path, _scheme, fullPage) => void (await page.screenshot({ path, fullPage })),
          setViewport: (width, height) => page.setViewport({ width, height }),
          close: () => page.close(),
        };
      },
    };
    extensionPage = await browser.newPage();
    for (const page of (await firefox.pages()).slice(0, -1)) await page.close();
  }, 120_000);

  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  for (const c of cases) {
    it(`${c.name}: ${c.verdict}`, () => checkCase(browser, extensionPage, server.origin, c), 60_000);
  }

  it(
    'shows the evidence: keyboard to "Open comparison", the compare page, changes that scroll',
    () => checkEvidence(browser, extensionPage, server.origin),
    60_000,
  );

  it('remembers "don\'t analyse this site"', () => checkSiteSwitch(browser, extensionPage, server.origin), 60_000);

  it('sends no request anywhere but the local test server', () => {
    expect(server.requests.length).toBeGreaterThan(0);
    expect(server.leaks()).toEqual([]);
  });
});
