/**
 * `npm run screenshots`: renders with the built extension in Chromium, in light and dark, in
 * English and Spanish, into docs/screenshots/: the popup (340 px wide, as tall as it is) in
 * every state a reader meets, the compare page, the options page with a followed feed and a
 * subscribed list, and the first-run page. Names: <screen>-<state>-<lang>-<scheme>.png.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import type { ChromiumSession } from '../fixtures/browser/chromium';
import { waitFor, type TestPage } from '../fixtures/browser/driver';
import {
  followFeedAndList,
  launchForStates,
  openPopupState,
  POPUP_STATES,
  startStatesServer,
} from '../fixtures/browser/ui-states';

const out = new URL('../docs/screenshots/', import.meta.url).pathname;
await mkdir(out, { recursive: true });
for (const old of await readdir(out)) if (old.endsWith('.png')) await rm(`${out}${old}`);
const SCHEMES = ['light', 'dark'] as const;
let written = 0;

const shoot = async (view: TestPage, name: string, fullPage: boolean) => {
  for (const scheme of SCHEMES) {
    await view.screenshot(`${out}${name}-${scheme}.png`, scheme, fullPage);
    written++;
  }
};
const until = (view: TestPage, check: () => boolean) => waitFor('the page', () => view.evaluate(check, null));

/** The popup for a tab Upstream has no report for yet, then after it waited (a tab that is not a web page). */
async function waitingStates(session: ChromiumSession, lang: string) {
  const view = await session.browser.newPage();
  await view.setViewport(340, 600);
  await view.goto(`${session.browser.extensionBase}popup.html?tab=-1`);
  const tabId = await view.evaluate(
    async () => (await chrome.tabs.create({ url: 'about:blank', active: false })).id!,
    null,
  );
  await view.goto(`${session.browser.extensionBase}popup.html?tab=${tabId}`);
  await shoot(view, `popup-analysing-${lang}`, true);
  await until(view, () => document.getElementById('upstream')?.getAttribute('data-verdict') === 'not-analysed');
  await shoot(view, `popup-not-analysed-${lang}`, true);
  await view.close();
}

const server = await startStatesServer();
try {
  for (const [lang, locale] of [
    ['en', 'en-US'],
    ['es', 'es'],
  ]) {
    const session = await launchForStates(server, locale);
    try {
      for (const state of POPUP_STATES) {
        const { view, article, tabId } = await openPopupState(session, server, state);
        await shoot(view, `popup-${state.name}-${lang}`, true);
        if (state.name === 'rewrite') {
          await view.setViewport(1100, 900);
          await view.goto(`${session.browser.extensionBase}compare.html?tab=${tabId}`);
          await until(view, () => document.getElementById('compare')?.getAttribute('data-state') === 'ready');
          await shoot(view, `compare-${lang}`, false);
        }
        await article.close();
      }
      await waitingStates(session, lang);
      const view = await session.browser.newPage();
      await view.setViewport(1000, 900);
      await followFeedAndList(view, server, session.browser.extensionBase);
      await view.goto(`${session.browser.extensionBase}options.html`);
      await until(view, () => document.querySelectorAll('[data-testid="subscription"]').length === 2);
      await shoot(view, `options-${lang}`, false);
      await view.goto(`${session.browser.extensionBase}welcome.html`);
      await until(view, () => !!document.querySelector('[data-testid="welcome-count"]'));
      await shoot(view, `welcome-${lang}`, false);
    } finally {
      await session.close();
    }
  }
  console.log(`wrote ${written} screenshots to ${out}`);
} finally {
  await server.close();
}
