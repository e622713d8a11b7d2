import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageCases } from '../fixtures/pages';
import { launchChromium } from './chromium';
import { checkCase, checkEvidence, checkSiteSwitch, type TestBrowser, type TestPage } from './scenario';
import { startServer, type RecordingServer } from './server';

const cases = pageCases();

describe('Chromium, built extension', () => {
  let server: RecordingServer;
  let context: BrowserContext;
  let browser: TestBrowser;
  let extensionPage: TestPage;

  beforeAll(async () => {
    server = await startServer(new Map(cases.map((c) => [`/${c.name}.html`, c.html])));
    ({ context, browser } = await launchChromium(server));
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

  it(
    'shows the evidence: keyboard to "Open comparison", the compare page, changes that scroll',
    () => checkEvidence(browser, extensionPage, server.origin),
    60_000,
  );

  it('remembers "don\'t analyse this site"', () => checkSiteSwitch(browser, extensionPage, server.origin), 60_000);

  it('sends no request anywhere but the local test server', () => {
    expect(server.requests.length).toBeGreaterThan(0);
    // Chromium itself opens tunnels to its sign-in service at start-up, with or without any
    // extension (measured with the extension left out). The proxy refuses them: nothing is sent.
    const leaks = server.leaks().filter((r) => r !== 'CONNECT accounts.google.com:443');
    expect(leaks).toEqual([]);
  });
});
