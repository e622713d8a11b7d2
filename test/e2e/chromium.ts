/**
 * Launches Debian's Chromium with the built extension, every request going through the
 * recording server, for the end-to-end tests and `npm run screenshots`.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { articleTab, type TestBrowser, type TestPage } from './scenario';
import type { BrowserSession } from './suite';
import type { RecordingServer } from './server';

const EXTENSION = new URL('../../.output/chrome-mv3', import.meta.url).pathname;

// Replaces Playwright's own list (the last --disable-features wins), keeping its entries that
// stop background traffic, and adding the autofill server.
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

export interface ChromiumSession extends BrowserSession {
  context: BrowserContext;
}

/**
 * Opens `url` as the only web page, and an extension page beside it (the popup, not yet for a
 * tab), with the article's tab id: what the popup and other extension pages are then opened for.
 */
export async function openArticle(
  session: ChromiumSession,
  url: string,
): Promise<{ article: TestPage; view: TestPage; tabId: number }> {
  const { browser, context } = session;
  // Keep only the article and the extension page, so the article is the one tab without a visible URL.
  for (const blank of context.pages()) await blank.close();
  const article = await browser.newPage();
  await article.goto(url);
  const view = await browser.newPage();
  await view.goto(`${browser.extensionBase}popup.html?tab=-1`);
  return { article, view, tabId: (await articleTab(view)).tabId };
}

/**
 * A copy of the built extension with host access to `hosts` granted at install. Chromium's
 * prompt for optional host access cannot be answered in automation (playwright#32755); with
 * the access already granted, the extension's own request resolves at once, as after a yes.
 */
function withHostsGranted(hosts: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'upstream-granted-'));
  cpSync(EXTENSION, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...hosts];
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

/**
 * Starts Chromium; `locale` sets the browser's interface language (for browser.i18n).
 * `withExtension: false` starts the same browser without Upstream, for comparisons;
 * `grantedHosts` installs it with host access to those hosts already given.
 */
export async function launchChromium(
  server: RecordingServer,
  locale = 'en-US',
  withExtension = true,
  grantedHosts: string[] = [],
): Promise<ChromiumSession> {
  const extension = grantedHosts.length ? withHostsGranted(grantedHosts) : EXTENSION;
  const context = await chromium.launchPersistentContext('', {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    locale,
    args: [
      '--headless=new',
      '--no-sandbox',
      `--lang=${locale}`,
      ...(withExtension ? [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`] : []),
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      '--no-first-run',
      `--disable-features=${DISABLED_FEATURES.join(',')}`,
      '--enable-features=SkipListAccountsWithoutGaiaCookies',
      // Everything, loopback included, goes through the recording server.
      `--proxy-server=http://127.0.0.1:${server.port}`,
      '--proxy-bypass-list=<-loopback>',
      // Chromium's component updater runs even with --disable-component-update; point it here.
      `--component-updater=url-source=${server.origin}/component-updater`,
    ],
  });
  // Records long tasks in every page from the start, for the main-thread budget checks.
  await context.addInitScript(() => {
    const tasks: { start: number; duration: number }[] = [];
    Object.defineProperty(window, '__upstreamLongTasks', { value: tasks });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  const worker = withExtension
    ? (context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker')))
    : undefined;
  if (withExtension) {
    // The first-run page opens once on install; the tests start from a browser without it.
    const isWelcome = (url: string) => url.endsWith('/welcome.html');
    const welcome =
      context.pages().find((page) => isWelcome(page.url())) ??
      (await context.waitForEvent('page', { predicate: (page) => isWelcome(page.url()), timeout: 15_000 }));
    // Closed once it has loaded: closing it while the extension's first page is still loading
    // left later extension pages without their strings (getMessage gave '') in some runs.
    await welcome.waitForLoadState('load');
    await welcome.close();
  }
  const browser: TestBrowser = {
    extensionBase: worker ? `chrome-extension://${new URL(worker.url()).host}/` : '',
    async newPage(): Promise<TestPage> {
      const page = await context.newPage();
      return {
        goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
        evaluate: (fn, arg) => page.evaluate(fn as never, arg as never) as never,
        press: (key) => page.keyboard.press(key),
        screenshot: async (path, colorScheme, fullPage) => {
          await page.emulateMedia({ colorScheme });
          await page.screenshot({ path, fullPage });
        },
        setViewport: (width, height) => page.setViewportSize({ width, height }),
        colorScheme: (colorScheme) => page.emulateMedia({ colorScheme }),
        run: async (source) => void (await page.evaluate(source)),
        close: () => page.close(),
      };
    },
  };
  return {
    context,
    browser,
    closeOtherPages: async (keep) => {
      const pages = context.pages();
      for (const page of pages.slice(0, pages.length - keep)) await page.close();
    },
    close: () => context.close(),
  };
}
