/**
 * Launches Debian's Firefox ESR with the built extension (a temporary add-on with a fixed
 * UUID, so its pages have known addresses), every request going through the recording server.
 */
import { randomUUID } from 'node:crypto';
import puppeteer from 'puppeteer-core';
import type { BrowserSession } from './suite';
import type { RecordingServer } from '../../fixtures/browser/server';

/** The two Firefox builds: MV2, and MV3 (host access granted by the person, here by a pref). */
export type FirefoxBuild = 'firefox-mv2' | 'firefox-mv3';
const ADDON_ID = 'upstream@upstream-provenance.org';

/** Starts Firefox ESR with one build of the extension; `locale` asks for the interface language. */
export async function launchFirefox(
  server: RecordingServer,
  build: FirefoxBuild = 'firefox-mv2',
  locale?: string,
): Promise<BrowserSession> {
  const uuid = randomUUID();
  const firefox = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    args: ['--remote-allow-system-access'],
    env: { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: uuid }),
      'extensions.originControls.grantByDefault': true,
      // Optional host access (a subscription's host) is granted without the prompt a person would answer.
      'extensions.webextOptionalPermissionPrompts': false,
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
      ...(locale ? { 'intl.locale.requested': locale } : {}),
    },
  });
  await firefox.installExtension(new URL(`../../.output/${build}`, import.meta.url).pathname);
  // The first-run page opens once on install, in a tab of its own beside the first blank one
  // (the remote protocol does not show its moz-extension address); the tests start without it.
  for (const deadline = Date.now() + 15_000; ; await new Promise((r) => setTimeout(r, 200))) {
    const pages = await firefox.pages();
    if (pages.length >= 2) {
      await new Promise((r) => setTimeout(r, 500));
      for (const page of pages.slice(1)) await page.close();
      break;
    }
    if (Date.now() > deadline) throw new Error('the first-run page did not open on install');
  }
  return {
    browser: {
      extensionBase: `moz-extension://${uuid}/`,
      async newPage() {
        const page = await firefox.newPage();
        return {
          goto: async (url) =>
            void (await page.goto(url, { waitUntil: url.startsWith('moz-extension:') ? 'networkidle0' : 'load' })),
          evaluate: (fn, arg) => page.evaluate(fn as never, arg as never) as never,
          press: (key) => page.keyboard.press(key as never),
          screenshot: async (path, _scheme, fullPage) => void (await page.screenshot({ path, fullPage })),
          setViewport: (width, height) => page.setViewport({ width, height }),
          colorScheme: (value) => page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value }]),
          run: async (source) => void (await page.evaluate(source)),
          close: () => page.close(),
        };
      },
    },
    closeOtherPages: async (keep) => {
      const pages = await firefox.pages();
      for (const page of pages.slice(0, pages.length - keep)) await page.close();
    },
    close: () => firefox.close(),
  };
}
