/**
 * The end-to-end scenario shared by the Chromium and Firefox runs: every test page is opened
 * in a tab, the popup is opened for that tab, and what a person sees is checked.
 */
import { expect } from 'vitest';
import type { PageCase } from '../fixtures/pages';

/** What the scenario needs of a browser page, whatever drives it. */
export interface TestPage {
  goto(url: string): Promise<void>;
  /** Runs a function in the page and returns its (serialisable) result. */
  evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  /** Presses a key ("Tab", "Enter") in the page. */
  press(key: string): Promise<void>;
  screenshot(path: string, colorScheme: 'light' | 'dark', fullPage: boolean): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  /** Renders the page in the light or the dark colour scheme. */
  colorScheme(scheme: 'light' | 'dark'): Promise<void>;
  /** Runs a script's source in the page (a test library, which an extension page's policy would not load). */
  run(source: string): Promise<void>;
  close(): Promise<void>;
}

export interface TestBrowser {
  newPage(): Promise<TestPage>;
  /** Base URL of the extension's pages, ending with '/'. */
  extensionBase: string;
}

interface PopupView {
  verdict: string | null;
  originalId: string | null;
  texts: Record<string, string>;
  changes: string[];
}

/** Reads the popup as a person sees it, once it has left the "pending" state. */
export async function readPopup(page: TestPage): Promise<PopupView> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const view = await page.evaluate(() => {
      const root = document.getElementById('upstream');
      const texts: Record<string, string> = {};
      for (const el of Array.from(document.querySelectorAll('[data-testid]'))) {
        texts[el.getAttribute('data-testid')!] = (el.textContent ?? '').trim();
      }
      const changes = Array.from(document.querySelectorAll('[data-testid="changes"] li')).map((li) =>
        (li.textContent ?? '').trim(),
      );
      return {
        verdict: root?.getAttribute('data-verdict') ?? null,
        originalId: root?.getAttribute('data-original-id') ?? null,
        texts,
        changes,
      };
    }, null);
    if (view.verdict && view.verdict !== 'pending') return view;
    if (Date.now() > deadline) throw new Error('popup stayed pending');
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * The id of the one web-page tab, its badge text and tooltip, asked from an extension page. Extension
 * pages cannot see web-page URLs without extra permissions, so the scenario keeps exactly one
 * web page open at a time.
 */
export async function articleTab(extensionPage: TestPage): Promise<{ tabId: number; badge: string; tooltip: string }> {
  return extensionPage.evaluate(async () => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    const own = await api.tabs.getCurrent();
    const others = (await api.tabs.query({})).filter(
      (t) => t.id !== own?.id && !(t.url ?? '').includes('-extension://'),
    );
    if (others.length !== 1 || others[0].id === undefined)
      throw new Error(`expected one web page, found ${others.length}`);
    const tabId = others[0].id;
    const action =
      (api as unknown as { action?: typeof chrome.action }).action ??
      (api as unknown as { browserAction: typeof chrome.action }).browserAction;
    return { tabId, badge: await action.getBadgeText({ tabId }), tooltip: await action.getTitle({ tabId }) };
  }, null);
}

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

/**
 * Long tasks (over 50 ms) that started after the page's load event, as recorded by the init
 * script the Chromium launcher adds; null where the browser has no long-task timing.
 */
async function longTasksAfterLoad(article: TestPage): Promise<number[] | null> {
  return article.evaluate(() => {
    const recorded = (window as unknown as { __upstreamLongTasks?: { start: number; duration: number }[] })
      .__upstreamLongTasks;
    if (!recorded) return null;
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return recorded.filter((t) => t.start >= navigation.loadEventEnd).map((t) => Math.round(t.duration));
  }, null);
}

/** Opens one case in a tab and checks the popup (in `extensionPage`) and the badge for it. */
export async function checkCase(
  browser: TestBrowser,
  extensionPage: TestPage,
  origin: string,
  c: PageCase,
  options: { noLongTasks?: boolean } = {},
): Promise<void> {
  const article = await browser.newPage();
  await article.goto(`${origin}/${c.name}.html`);
  await extensionPage.goto(`${browser.extensionBase}popup.html?tab=-1`);
  const { tabId } = await articleTab(extensionPage);
  await extensionPage.goto(`${browser.extensionBase}popup.html?tab=${tabId}`);
  const view = await readPopup(extensionPage);
  const info = await articleTab(extensionPage);
  if (c.originalId) await checkComparePage(browser, extensionPage, info.tabId, view.texts.summary);
  const longTasks = options.noLongTasks ? await longTasksAfterLoad(article) : null;
  await article.close();
  // The page runs no script: a task over 50 ms after load would be the content script holding the page.
  if (longTasks) expect(longTasks, `${c.name}: long tasks after load`).toEqual([]);

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

export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
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

/** Sends a message to the background from the extension page, as the options page would; its answer. */
export async function sendFromExtension(extensionPage: TestPage, message: unknown): Promise<unknown> {
  return extensionPage.evaluate(async (m) => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    return ((await api.runtime.sendMessage(m)) as { answer: unknown }).answer;
  }, message);
}

/**
 * Subscribes as a person does on the options page: the address typed, then Enter, a key press
 * being the input the browser wants before it grants host access.
 */
export async function subscribeInOptions(options: TestPage, address: string): Promise<void> {
  await options.evaluate((value) => {
    const input = document.querySelector('[data-testid="subscribe-url"]') as HTMLInputElement;
    input.value = value;
    input.focus();
  }, address);
  await options.press('Enter');
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
