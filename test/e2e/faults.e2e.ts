import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageCases } from '../../fixtures/pages';
import { launchChromium } from '../../fixtures/browser/chromium';
import type { TestBrowser } from './scenario';
import { startServer, type RecordingServer } from '../../fixtures/browser/server';
import type { TabState } from '../../lib/model';

// Pages with an article and a known expected verdict.
const cases = pageCases().filter((c) => c.verdict !== 'no-article');

describe('Chromium: faults', () => {
  let server: RecordingServer;
  let context: BrowserContext;
  let browser: TestBrowser;
  let extension: Page;

  beforeAll(async () => {
    // Fifty distinct addresses, each serving one of the cases.
    const pages = new Map<string, string>();
    for (let i = 0; i < 50; i++) pages.set(`/tab-${i}.html`, cases[i % cases.length].html);
    server = await startServer(pages);
    ({ context, browser } = await launchChromium(server));
    extension = await context.newPage();
    await extension.goto(`${browser.extensionBase}popup.html?tab=-1`);
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  /** The state of every tab whose page has been analysed, by the page's address. */
  const statesByUrl = () =>
    extension.evaluate(async () => {
      const states: Record<string, TabState> = {};
      for (const tab of await chrome.tabs.query({})) {
        const { answer: state } = (await chrome.runtime.sendMessage({ type: 'get-tab-state', tabId: tab.id })) as {
          answer: TabState | null;
        };
        if (state) states[state.url] = state;
      }
      return states;
    });

  it('analyses fifty tabs opened together, each with its own report', async () => {
    const opened = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const page = await context.newPage();
        await page.goto(`${server.origin}/tab-${i}.html`);
        return page;
      }),
    );
    let states: Record<string, TabState> = {};
    for (let attempt = 0; attempt < 120 && Object.keys(states).length < 50; attempt++) {
      await new Promise((r) => setTimeout(r, 500));
      states = await statesByUrl();
    }
    expect(Object.keys(states)).toHaveLength(50);
    for (let i = 0; i < 50; i++) {
      const expected = cases[i % cases.length];
      const state = states[`${server.origin}/tab-${i}.html`];
      expect(state?.status, `tab ${i}`).toBe('ready');
      if (state?.status === 'ready') {
        expect(state.report.verdict, `tab ${i}`).toBe(expected.verdict);
        expect(state.report.original?.id ?? null, `tab ${i}`).toBe(expected.originalId ?? null);
      }
    }
    await Promise.all(opened.map((p) => p.close()));
  }, 120_000);

  it('still delivers the report when the service worker is stopped during the analysis', async () => {
    const cdp = await context.newCDPSession(extension);
    await cdp.send('ServiceWorker.enable');
    const page = await context.newPage();
    const loading = page.goto(`${server.origin}/tab-4.html`);
    // Stop the worker every 50 ms for 3 s, while the page loads and is analysed: messages are
    // taken by a worker stopped before it answers, and must be sent again.
    for (let i = 0; i < 60; i++) {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await new Promise((r) => setTimeout(r, 50));
    }
    await loading;
    let state: TabState | undefined;
    for (let attempt = 0; attempt < 60 && !state; attempt++) {
      await new Promise((r) => setTimeout(r, 500));
      state = (await statesByUrl())[`${server.origin}/tab-4.html`];
    }
    expect(state?.status).toBe('ready');
    if (state?.status === 'ready') expect(state.report.original?.id ?? null).toBe(cases[4].originalId ?? null);
    await page.close();
  }, 60_000);

  it('sends no request anywhere but the local test server', () => {
    expect(server.leaks().filter((r) => r !== 'CONNECT accounts.google.com:443')).toEqual([]);
  });
});
