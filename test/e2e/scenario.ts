/**
 * The end-to-end scenario shared by the Chromium and Firefox runs: every test page is opened
 * in a tab, the popup is opened for that tab, and what a person sees is checked.
 */
import { expect } from 'vitest';
import type { PageCase } from '../../fixtures/pages';
import {
  articleTab,
  readPopup,
  sendFromExtension,
  subscribeInOptions,
  waitFor,
  type PopupView,
  type TestBrowser,
  type TestPage,
} from '../../fixtures/browser/driver';

export { articleTab, readPopup, sendFromExtension, subscribeInOptions, waitFor, type TestBrowser, type TestPage };

/** The compare page for a tab: the same one-sentence answer as the popup, and every passage. */
async function checkComparePage(
  browser: TestBrowser,
  extensionPage: TestPage,
  tabId: number,
  summary: string,
): Promise<void> {
  await extensionPage.goto(`${browser.extensionBase}compare.html?tab=${tabId}`);
  await waitFor('the comparison', () =>
    extensionPage.evaluate(() => document.getElementById('compare')?.getAttribute('data-state') === 'ready', null),
  );
  const compare = await extensionPage.evaluate(
    () => ({
      summary: document.querySelector('[data-testid="summary"]')?.textContent ?? '',
      rows: document.querySelectorAll('[data-testid="compare-rows"] [data-kind]').length,
    }),
    null,
  );
  expect(compare.summary).toBe(summary);
  expect(compare.rows).toBeGreaterThan(5);
}

/** A task longer than this holds the page: the browser can neither draw nor take input. */
const LONG_TASK_MS = 50;
/**
 * The content script's own work in a long task, by the time its thread ran, over which the
 * task is the script's doing: a frame's worth. A busy machine that keeps the page's thread
 * waiting for a core makes a task of a few ms long; reading a 10 MB page in one task is long
 * with 25 ms of the thread's time.
 */
const FRAME_MS = 1000 / 60;

/** Opens one case in a tab and checks the popup (in `extensionPage`) and the badge for it. */
export async function checkCase(
  browser: TestBrowser,
  extensionPage: TestPage,
  origin: string,
  c: PageCase,
  options: { noLongTasks?: boolean } = {},
): Promise<void> {
  const traced = options.noLongTasks ? await browser.newTracedPage?.() : undefined;
  const article = traced?.page ?? (await browser.newPage());
  await article.goto(`${origin}/${c.name}.html`);
  await extensionPage.goto(`${browser.extensionBase}popup.html?tab=-1`);
  const { tabId } = await articleTab(extensionPage);
  await extensionPage.goto(`${browser.extensionBase}popup.html?tab=${tabId}`);
  const view = await readPopup(extensionPage);
  // The page has been read and answered: the content script's work on it is done.
  const tasks = await traced?.contentScriptTasks();
  const info = await articleTab(extensionPage);
  if (c.originalId) await checkComparePage(browser, extensionPage, info.tabId, view.texts.summary);
  await article.close();
  if (tasks) {
    expect(tasks.length, `${c.name}: the content script's tasks were traced`).toBeGreaterThan(0);
    const long = tasks.filter((task) => task.wallMs > LONG_TASK_MS && task.threadMs > FRAME_MS);
    expect(long, `${c.name}: long tasks of the content script's own work`).toEqual([]);
  }

  expect(view.verdict, c.name).toBe(c.verdict);
  if (c.originalId) expect(view.originalId, c.name).toBe(c.originalId);
  else expect(view.originalId, c.name).toBeNull();
  // Checked and nothing known has its own quiet mark, told apart from no article and from not analysed.
  if (c.verdict === 'no-article') {
    expect(info.badge, `${c.name} badge`).toBe('');
    expect(info.tooltip, `${c.name} tooltip`).toMatch(/no article on this page/);
  } else if (c.verdict === 'none') {
    expect(info.badge, `${c.name} badge`).toBe('–');
    expect(info.tooltip, `${c.name} tooltip`).toMatch(
      /^Upstream checked this page: no known original among \d+ originals$/,
    );
  } else expect(info.badge, `${c.name} badge`).not.toMatch(/^(|–)$/);
  if (c.verdict === 'no-article') expect(view.texts.verdict).toMatch(/no article/i);
  if (c.originalId) {
    expect(view.texts['original-title']).toBeTruthy();
    for (const id of ['share-verbatim', 'share-reworded', 'share-added', 'coverage'])
      expect(view.texts[id]).toMatch(/^\d+%$/);
  }
  const pct = (id: string) => Number(view.texts[id].replace('%', '')) / 100;
  const e = c.expect;
  if (e?.authors) for (const author of e.authors) expect(view.texts['original-authors']).toContain(author);
  if (e?.rewordedOverVerbatim) expect(pct('share-reworded')).toBeGreaterThan(pct('share-verbatim'));
  if (e?.minVerbatim !== undefined) expect(pct('share-verbatim')).toBeGreaterThanOrEqual(e.minVerbatim);
  if (e?.maxAdded !== undefined) expect(pct('share-added')).toBeLessThanOrEqual(e.maxAdded + 0.005);
  if (e?.coverage) {
    expect(pct('coverage')).toBeGreaterThanOrEqual(e.coverage[0] - 0.005);
    expect(pct('coverage')).toBeLessThanOrEqual(e.coverage[1] + 0.005);
  }
  for (const change of e?.changes ?? []) {
    expect(
      view.changes.some(
        (text) => text.startsWith(`${change.kind}:`) && text.includes(change.original) && text.includes(change.page),
      ),
    ).toBe(true);
  }
}

/** Opens the popup for a case's page; returns the article page and its tab id. */
export async function openPopupFor(browser: TestBrowser, extensionPage: TestPage, origin: string, name: string) {
  const article = await browser.newPage();
  await article.goto(`${origin}/${name}.html`);
  await extensionPage.goto(`${browser.extensionBase}popup.html?tab=-1`);
  const { tabId } = await articleTab(extensionPage);
  await extensionPage.goto(`${browser.extensionBase}popup.html?tab=${tabId}`);
  await readPopup(extensionPage);
  return { article, tabId };
}

/** The reworded seed: reach "Open comparison" by keyboard, then check the compare page. */
export async function checkEvidence(browser: TestBrowser, extensionPage: TestPage, origin: string): Promise<void> {
  const { article, tabId } = await openPopupFor(browser, extensionPage, origin, 'seed-001-rewrite');
  expect(
    await extensionPage.evaluate(() => document.querySelector('[data-testid="summary"]')?.textContent ?? '', null),
  ).toMatch(
    /^A reworded copy of ‘Russian Forces Advance in Southern Ukraine Amid Cease-Fire Talks’, by Yaroslav Trofimov and Stacy Meichtry \(Dow Jones, 2022\)\.$/,
  );
  // Keyboard: Tab moves through the popup's controls and reaches "Open comparison". The popup's
  // tab is brought to the front first, as a person's popup would be.
  await extensionPage.evaluate(async () => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    const own = await api.tabs.getCurrent();
    if (own?.id !== undefined) await api.tabs.update(own.id, { active: true });
  }, null);
  let focused = '';
  for (let i = 0; i < 10 && focused !== 'open-comparison'; i++) {
    await extensionPage.press('Tab');
    focused = await extensionPage.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '', null);
  }
  expect(focused).toBe('open-comparison');
  // Enter opens the comparison in a new tab. (Chromium hides tab URLs, even our own pages',
  // without the "tabs" permission, so the new tab is found by its id.)
  const tabIds = () =>
    extensionPage.evaluate(async () => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      return (await api.tabs.query({})).map((t) => t.id!);
    }, null);
  const before = await tabIds();
  await extensionPage.press('Enter');
  const opened = await waitFor('the compare tab', async () => (await tabIds()).find((id) => !before.includes(id)));
  await extensionPage.evaluate(async (id: number) => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    await api.tabs.remove(id);
  }, opened);

  await extensionPage.goto(`${browser.extensionBase}compare.html?tab=${tabId}`);
  await waitFor('the comparison', () =>
    extensionPage.evaluate(() => document.getElementById('compare')?.getAttribute('data-state') === 'ready', null),
  );
  const view = await extensionPage.evaluate(() => {
    const kinds = Array.from(document.querySelectorAll('[data-testid="compare-rows"] [data-kind]')).map((r) =>
      r.getAttribute('data-kind'),
    );
    const changes = Array.from(document.querySelectorAll('[data-testid="compare-changes"] button')).map(
      (b) => b.textContent ?? '',
    );
    return { kinds, changes, marks: document.querySelectorAll('.row.reworded mark').length };
  }, null);
  for (const kind of ['verbatim', 'reworded', 'added', 'removed']) expect(view.kinds).toContain(kind);
  expect(view.marks).toBeGreaterThan(0);
  const index = view.changes.findIndex((c) => c.includes('Lahuta') && c.includes('Lahota'));
  expect(index).toBeGreaterThanOrEqual(0);
  const row = await extensionPage.evaluate((i: number) => {
    (document.querySelectorAll('[data-testid="compare-changes"] button')[i] as HTMLButtonElement).click();
    const active = document.activeElement;
    return { id: active?.id ?? '', text: active?.textContent ?? '' };
  }, index);
  expect(row.id).toMatch(/^row-\d+$/);
  expect(row.text).toContain('Lahuta');
  expect(row.text).toContain('Lahota');
  await article.close();
}

/** "Don't analyse this site": the page is not analysed after a reload, and again once switched back on. */
export async function checkSiteSwitch(browser: TestBrowser, extensionPage: TestPage, origin: string): Promise<void> {
  const { article, tabId } = await openPopupFor(browser, extensionPage, origin, 'copy-002');
  await extensionPage.evaluate(
    () => (document.querySelector('[data-testid="disable-site"]') as HTMLInputElement).click(),
    null,
  );
  await waitFor('the disabled state', () =>
    extensionPage.evaluate(
      () => document.getElementById('upstream')?.getAttribute('data-verdict') === 'disabled',
      null,
    ),
  );
  await article.goto(`${origin}/copy-002.html`);
  await extensionPage.goto(`${browser.extensionBase}popup.html?tab=${tabId}`);
  const afterReload = await readPopup(extensionPage);
  expect(afterReload.verdict).toBe('disabled');
  const switchedOff = await articleTab(extensionPage);
  expect(switchedOff.badge).toBe('');
  expect(switchedOff.tooltip).toMatch(/switched off on this site/);
  // Switch it back on: the next load is analysed again.
  await extensionPage.evaluate(
    () => (document.querySelector('[data-testid="disable-site"]') as HTMLInputElement).click(),
    null,
  );
  await article.goto(`${origin}/copy-002.html`);
  await extensionPage.goto(`${browser.extensionBase}popup.html?tab=${tabId}`);
  expect((await readPopup(extensionPage)).verdict).toBe('copy');
  await article.close();
}

/** A single-page app changes article without a page load: the report follows it. */
export async function checkSinglePageApp(
  browser: TestBrowser,
  extensionPage: TestPage,
  origin: string,
  c: PageCase & { after?: { verdict: string; originalId?: string } },
): Promise<void> {
  const { article, tabId } = await openPopupFor(browser, extensionPage, origin, c.name);
  expect(
    await extensionPage.evaluate(() => document.getElementById('upstream')?.getAttribute('data-original-id'), null),
  ).toBe(c.originalId);
  await waitFor('the report on the new article', async () => {
    await extensionPage.goto(`${browser.extensionBase}popup.html?tab=${tabId}`);
    const view = await readPopup(extensionPage);
    return view.verdict === c.after?.verdict && view.originalId === (c.after?.originalId ?? null);
  });
  await article.close();
}

async function popupAt(browser: TestBrowser, extensionPage: TestPage, url: string): Promise<PopupView> {
  const article = await browser.newPage();
  await article.goto(url);
  await extensionPage.goto(`${browser.extensionBase}popup.html?tab=-1`);
  const { tabId } = await articleTab(extensionPage);
  await extensionPage.goto(`${browser.extensionBase}popup.html?tab=${tabId}`);
  const view = await readPopup(extensionPage);
  await article.close();
  return view;
}

/**
 * Who a page is comes from the browser: an article learned at its outlet's address is the
 * original there, and the same article on another host that claims the outlet's address
 * (canonical link, og:url, JSON-LD) is a copy of it.
 */
export async function checkAddressEvidence(
  browser: TestBrowser,
  extensionPage: TestPage,
  outletUrl: string,
  claimingUrl: string,
): Promise<void> {
  await extensionPage.goto(`${browser.extensionBase}popup.html?tab=-1`);
  await sendFromExtension(extensionPage, { type: 'set-trusted-outlets', domains: [new URL(outletUrl).hostname] });
  const atOutlet = await popupAt(browser, extensionPage, outletUrl);
  expect(atOutlet.verdict).toBe('original');
  expect(atOutlet.originalId).toBeTruthy();
  await sendFromExtension(extensionPage, { type: 'set-trusted-outlets', domains: [] });
  const elsewhere = await popupAt(browser, extensionPage, claimingUrl);
  expect(elsewhere.verdict).toBe('copy');
  expect(elsewhere.originalId).toBe(atOutlet.originalId);
  // Leave the store as the other tests expect it.
  await sendFromExtension(extensionPage, { type: 'delete-original', id: atOutlet.originalId });
}
