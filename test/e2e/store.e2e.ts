import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticArticle } from '../../tools/synthetic';
import { newsPage } from '../../fixtures/pages';
import { launchChromium } from '../../fixtures/browser/chromium';
import type { TestBrowser } from './scenario';
import { startServer, type RecordingServer } from '../../fixtures/browser/server';

const COUNT = 10_000;
const dir = mkdtempSync(join(tmpdir(), 'upstream-store-e2e-'));
const articles = Array.from({ length: COUNT }, (_, i) => ({
  id: `bulk-${String(i).padStart(5, '0')}`,
  title: `Bulk article number ${i}`,
  text: syntheticArticle(1000 + i, 220).join('\n'),
  publisher: 'Bulk Wire',
  published: '2024-05-01',
}));
const jsonl = join(dir, 'bulk.jsonl');
writeFileSync(jsonl, articles.map((a) => `${JSON.stringify(a)}\n`).join(''));
const target = articles[4321];
const copyPage = newsPage(
  { name: 'Copy Farm', sections: ['News'], related: ['Other'] },
  'You will not believe this story',
  ['Reposted for our readers from around the web, share it with everyone you know today.', ...target.text.split('\n')],
);

describe('Chromium: a store people can grow', () => {
  let server: RecordingServer;
  let context: BrowserContext;
  let browser: TestBrowser;
  let options: Page;

  beforeAll(async () => {
    server = await startServer(new Map([['/copy.html', copyPage]]));
    ({ context, browser } = await launchChromium(server));
    options = await context.newPage();
    for (const page of context.pages()) if (page !== options) await page.close();
    await options.goto(`${browser.extensionBase}options.html`);
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  const waitForImport = async () => {
    await options.waitForFunction(
      (expected) =>
        (document.querySelector('[data-testid="store-summary"]')?.textContent ?? '').startsWith(
          `${expected} originals`,
        ),
      (COUNT + 4).toLocaleString('en'),
      { timeout: 240_000, polling: 500 },
    );
    expect(await options.textContent('[data-testid="import-status"]')).toMatch(/^Imported [\d,]+ originals\.$/);
  };

  const exportText = async () => {
    const [download] = await Promise.all([options.waitForEvent('download'), options.click('[data-testid="export"]')]);
    const file = join(dir, `export-${Date.now()}.jsonl`);
    await download.saveAs(file);
    return readFileSync(file, 'utf8');
  };

  it(`imports ${COUNT.toLocaleString('en')} articles from a .jsonl file through the options page`, async () => {
    const started = Date.now();
    await options.setInputFiles('[data-testid="import-files"]', jsonl);
    await waitForImport();
    console.log(`imported ${COUNT} articles in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await options.fill('[data-testid="search"]', 'number 4321');
    await options.waitForFunction(() => document.querySelectorAll('[data-testid="originals"] tr').length === 1);
    expect(await options.textContent('[data-testid="originals"] tr')).toContain('Bulk article number 4321');
  }, 300_000);

  it('finds the imported original behind a page that copies it', async () => {
    const article = await context.newPage();
    await article.goto(`${server.origin}/copy.html`);
    const popup = await context.newPage();
    await popup.goto(`${browser.extensionBase}popup.html?tab=-1`);
    const tabId = await popup.evaluate(async () => {
      const own = await chrome.tabs.getCurrent();
      const tabs = await chrome.tabs.query({});
      // The options page and this page show our own URLs; the article's is hidden.
      return tabs.find((t) => t.id !== own?.id && !t.url)!.id!;
    });
    await popup.goto(`${browser.extensionBase}popup.html?tab=${tabId}`);
    await popup.waitForFunction(
      () => document.getElementById('upstream')?.getAttribute('data-verdict') !== 'pending',
      null,
      { timeout: 30_000 },
    );
    expect(await popup.getAttribute('#upstream', 'data-verdict')).toBe('copy');
    expect(await popup.getAttribute('#upstream', 'data-original-id')).toBe(target.id);
    expect(await popup.textContent('[data-testid="original-publisher"]')).toBe('Bulk Wire');
    await popup.close();
    await article.close();
  }, 60_000);

  it('exports everything, and a re-import gives the same records, not doubled', async () => {
    const first = await exportText();
    expect(first.trim().split('\n')).toHaveLength(COUNT + 4);
    const file = join(dir, 'reimport.jsonl');
    writeFileSync(file, first);
    await options.setInputFiles('[data-testid="import-files"]', file);
    // The count does not move on a re-import, so wait for the import to finish first.
    await options.waitForFunction(
      () =>
        /^Imported [\d,]+ originals\.$/.test(
          document.querySelector('[data-testid="import-status"]')?.textContent ?? '',
        ),
      null,
      {
        timeout: 240_000,
        polling: 500,
      },
    );
    await waitForImport();
    expect(await exportText()).toBe(first);
  }, 300_000);

  it('sends no request anywhere but the local test server', () => {
    const leaks = server.leaks().filter((r) => r !== 'CONNECT accounts.google.com:443');
    expect(leaks).toEqual([]);
  });
});
