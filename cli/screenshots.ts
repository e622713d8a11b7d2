/**
 * `npm run screenshots`: renders the popup and the compare page on the seed 001 page, and the
 * options and first-run pages, in the light and the dark theme, with the built extension in
 * Chromium, into docs/screenshots/.
 */
import { mkdir } from 'node:fs/promises';
import { launchChromium, openArticle } from '../test/e2e/chromium';
import { startServer } from '../test/e2e/server';
import { pageCases } from '../test/fixtures/pages';

const out = new URL('../docs/screenshots/', import.meta.url).pathname;
await mkdir(out, { recursive: true });
const page = pageCases().find((c) => c.name === 'seed-001-rewrite')!;
const server = await startServer(new Map([[`/${page.name}.html`, page.html]]));
const session = await launchChromium(server);
const { browser } = session;
try {
  const { view, tabId } = await openArticle(session, `${server.origin}/${page.name}.html`);
  const waitUntil = async (test: () => boolean) => {
    for (let i = 0; i < 150 && !(await view.evaluate(test, null)); i++) await new Promise((r) => setTimeout(r, 200));
  };
  for (const scheme of ['light', 'dark'] as const) {
    await view.setViewport(340, 640);
    await view.goto(`${browser.extensionBase}popup.html?tab=${tabId}`);
    await waitUntil(() => document.getElementById('upstream')?.getAttribute('data-verdict') === 'rewrite');
    await view.screenshot(`${out}popup-${scheme}.png`, scheme, true);
    await view.setViewport(1200, 900);
    await view.goto(`${browser.extensionBase}compare.html?tab=${tabId}`);
    await waitUntil(() => document.getElementById('compare')?.getAttribute('data-state') === 'ready');
    await view.screenshot(`${out}compare-${scheme}.png`, scheme, false);
    await view.setViewport(1000, 800);
    await view.goto(`${browser.extensionBase}options.html`);
    await waitUntil(() => /\d/.test(document.querySelector('[data-testid="store-summary"]')?.textContent ?? ''));
    await view.screenshot(`${out}options-${scheme}.png`, scheme, false);
    await view.setViewport(900, 800);
    await view.goto(`${browser.extensionBase}welcome.html`);
    await waitUntil(() => !!document.querySelector('[data-testid="welcome-count"]'));
    await view.screenshot(`${out}welcome-${scheme}.png`, scheme, false);
  }
  console.log(`wrote popup, compare, options and welcome screenshots (light, dark) to ${out}`);
} finally {
  await session.context.close();
  await server.close();
}
