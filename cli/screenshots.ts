/**
 * `npm run screenshots`: renders, with the built extension in Chromium, in the light and the
 * dark theme, into docs/screenshots/: the popup on the seed 001 page (a rewrite) and on an
 * article Upstream knows nothing of that declares its feed (with the ways to teach it), the
 * compare page, and the options and first-run pages; the "nothing known" popup and the
 * first-run page also in Spanish.
 */
import { mkdir } from 'node:fs/promises';
import { launchChromium, openArticle } from '../test/e2e/chromium';
import { startServer } from '../test/e2e/server';
import { pageCases } from '../test/fixtures/pages';

const out = new URL('../docs/screenshots/', import.meta.url).pathname;
await mkdir(out, { recursive: true });
const rewrite = pageCases().find((c) => c.name === 'seed-001-rewrite')!;
const unknown = pageCases().find((c) => c.name === 'independent-kharkiv-night')!;
// The outlet declares its feed, as news sites do: the popup offers to follow it.
const withFeed = unknown.html.replace(
  '</head>',
  '<link rel="alternate" type="application/rss+xml" title="The Morning Ledger: World" href="/feeds/world.xml"></head>',
);
const server = await startServer(
  new Map([
    [`/${rewrite.name}.html`, rewrite.html],
    [`/${unknown.name}.html`, withFeed],
  ]),
);

type Session = Awaited<ReturnType<typeof launchChromium>>;
type View = Awaited<ReturnType<typeof openArticle>>['view'];
const waitUntil = async <T>(view: View, test: (arg: T) => boolean, arg: T) => {
  for (let i = 0; i < 150 && !(await view.evaluate(test, arg)); i++) await new Promise((r) => setTimeout(r, 200));
};

/** The popup for an article page, at the popup's width, once its verdict is in. */
async function popupShot(session: Session, page: string, verdict: string, name: string) {
  const { view, tabId, article } = await openArticle(session, `${server.origin}/${page}.html`);
  for (const scheme of ['light', 'dark'] as const) {
    await view.setViewport(340, 640);
    await view.goto(`${session.browser.extensionBase}popup.html?tab=${tabId}`);
    await waitUntil(view, (v) => document.getElementById('upstream')?.getAttribute('data-verdict') === v, verdict);
    await view.screenshot(`${out}${name}-${scheme}.png`, scheme, true);
  }
  return { view, tabId, article };
}

async function welcomeShot(session: Session, name: string) {
  const view = await session.browser.newPage();
  for (const scheme of ['light', 'dark'] as const) {
    await view.setViewport(900, 800);
    await view.goto(`${session.browser.extensionBase}welcome.html`);
    await waitUntil(view, () => !!document.querySelector('[data-testid="welcome-count"]'), null);
    await view.screenshot(`${out}${name}-${scheme}.png`, scheme, false);
  }
}

try {
  const english = await launchChromium(server);
  try {
    await popupShot(english, unknown.name, 'none', 'popup-none');
    const { view, tabId } = await popupShot(english, rewrite.name, 'rewrite', 'popup');
    for (const scheme of ['light', 'dark'] as const) {
      await view.setViewport(1200, 900);
      await view.goto(`${english.browser.extensionBase}compare.html?tab=${tabId}`);
      await waitUntil(view, () => document.getElementById('compare')?.getAttribute('data-state') === 'ready', null);
      await view.screenshot(`${out}compare-${scheme}.png`, scheme, false);
      await view.setViewport(1000, 800);
      await view.goto(`${english.browser.extensionBase}options.html`);
      await waitUntil(
        view,
        () => /\d/.test(document.querySelector('[data-testid="store-summary"]')?.textContent ?? ''),
        null,
      );
      await view.screenshot(`${out}options-${scheme}.png`, scheme, false);
    }
    await welcomeShot(english, 'welcome');
  } finally {
    await english.context.close();
  }
  const spanish = await launchChromium(server, 'es');
  try {
    await popupShot(spanish, unknown.name, 'none', 'popup-none-es');
    await welcomeShot(spanish, 'welcome-es');
  } finally {
    await spanish.context.close();
  }
  console.log(
    `wrote the popup (rewrite, nothing known, es), compare, options and welcome (en, es) screenshots to ${out}`,
  );
} finally {
  await server.close();
}
