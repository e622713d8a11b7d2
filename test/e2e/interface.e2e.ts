/**
 * The reader's screens in Chromium: the popup for a page of every kind fits Chrome's 600 px at
 * 340 px wide, with the answer, the bars and "Open comparison" in view; axe-core finds no
 * serious or critical violation on the popup in each state, the compare page, the options page
 * and the first-run page, in light and dark; and with the browser in Spanish, French or German
 * no English reaches any of them, apart from what comes from articles (marked translate="no").
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChromiumSession } from '../../fixtures/browser/chromium';
import type { TestPage } from './scenario';
import type { RecordingServer } from '../../fixtures/browser/server';
import {
  followFeedAndList,
  launchForStates,
  openPopupState,
  POPUP_STATES,
  startStatesServer,
  type PopupState,
} from '../../fixtures/browser/ui-states';
import { waitFor } from './scenario';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical axe-core violations on the page as it is now, in a colour scheme. */
async function violations(view: TestPage, scheme: 'light' | 'dark'): Promise<string[]> {
  await view.colorScheme(scheme);
  await view.run(axeSource);
  return view.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, null);
}

const bothSchemes = async (view: TestPage) => ({
  light: await violations(view, 'light'),
  dark: await violations(view, 'dark'),
});

/** The popup's height, and how far down the answer, the bars and "Open comparison" reach. */
const popupLayout = (view: TestPage) =>
  view.evaluate(() => {
    const bottom = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.getBoundingClientRect().bottom;
    return {
      height: document.documentElement.scrollHeight,
      answer: bottom('summary'),
      bars: bottom('coverage-bar'),
      open: bottom('open-comparison'),
    };
  }, null);

const whenReady = (view: TestPage, check: () => boolean) =>
  waitFor('the page', () => view.evaluate(check as () => boolean, null));

const OTHER_PAGES: { page: string; ready: () => boolean }[] = [
  {
    page: 'options.html',
    ready: () => document.querySelectorAll('[data-testid="subscription"]').length === 2,
  },
  { page: 'welcome.html', ready: () => !!document.querySelector('[data-testid="welcome-count"]') },
];

describe('the interface in Chromium', () => {
  let server: RecordingServer;
  beforeAll(async () => {
    server = await startStatesServer();
  });
  afterAll(async () => server?.close());

  describe('in English', () => {
    let session: ChromiumSession;
    beforeAll(async () => {
      session = await launchForStates(server);
    });
    afterAll(async () => session?.close());

    for (const state of POPUP_STATES) {
      it(`${state.name}: the popup fits 340 × 600 and passes axe-core, light and dark`, async () => {
        const { view, article } = await openPopupState(session, server, state);
        const layout = await popupLayout(view);
        expect(layout.height, 'popup height').toBeLessThanOrEqual(600);
        if (state.original) {
          for (const part of ['answer', 'bars', 'open'] as const) {
            expect(layout[part], part).toBeDefined();
            expect(layout[part]!, part).toBeLessThanOrEqual(600);
          }
        }
        expect(await bothSchemes(view)).toEqual({ light: [], dark: [] });
        // Every control can be reached by keyboard and shows where the focus is.
        const unfocusable = await view.evaluate(
          () =>
            [...document.querySelectorAll('button, a[href], input, select, textarea, summary')].filter(
              (el) => (el as HTMLElement).tabIndex < 0,
            ).length,
          null,
        );
        expect(unfocusable).toBe(0);
        await state.undo?.(view, server);
        await article.close();
      }, 90_000);
    }

    it('the compare page, the options page with a feed and a list, and the first-run page pass axe-core, light and dark', async () => {
      const rewrite = POPUP_STATES.find((s) => s.name === 'rewrite') as PopupState;
      const { view, article, tabId } = await openPopupState(session, server, rewrite);
      await view.setViewport(1000, 800);
      await view.goto(`${session.browser.extensionBase}compare.html?tab=${tabId}`);
      await whenReady(view, () => document.getElementById('compare')?.getAttribute('data-state') === 'ready');
      expect(await bothSchemes(view)).toEqual({ light: [], dark: [] });
      await article.close();
      await followFeedAndList(view, server, session.browser.extensionBase);
      for (const { page, ready } of OTHER_PAGES) {
        await view.goto(`${session.browser.extensionBase}${page}`);
        await whenReady(view, ready);
        expect({ page, ...(await bothSchemes(view)) }).toEqual({ page, light: [], dark: [] });
      }
    }, 180_000);
  });

  /** Text on the page that is the interface's (not an article's), with what it says in aria-label, title and placeholder. */
  const interfaceText = (view: TestPage) =>
    view.evaluate(() => {
      const texts: string[] = [];
      const skip = (el: Element | null) => !!el?.closest('[translate="no"], script, style, textarea');
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode())
        if (!skip(node.parentElement) && node.textContent!.trim()) texts.push(node.textContent!.trim());
      for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]'))
        if (!skip(el))
          for (const name of ['aria-label', 'title', 'placeholder'])
            if (el.getAttribute(name)) texts.push(el.getAttribute(name)!);
      return [document.title, ...texts];
    }, null);

  const catalogue = (lang: string) =>
    JSON.parse(readFileSync(new URL(`../../public/_locales/${lang}/messages.json`, import.meta.url), 'utf8')) as Record<
      string,
      { message: string }
    >;
  const english = catalogue('en');
  /** English words no sentence in es, fr or de would hold. */
  const ENGLISH_WORDS = /\b(the|and|with|this|that|from|were|not|of|is|are|which)\b/i;

  for (const locale of ['es', 'fr', 'de']) {
    it(`in ${locale}: the popup fits in every state, and no English on it or the compare, options and first-run pages`, async () => {
      const own = catalogue(locale);
      // The English sentences that read differently in this language, as patterns ($1 for anything).
      const sentences = Object.entries(english)
        .filter(
          ([key, { message }]) =>
            own[key]?.message !== message &&
            /\s/.test(message.trim()) &&
            /[A-Za-z]{3,}/.test(message.replace(/\$\d/g, '')),
        )
        .map(([key, { message }]) => ({
          key,
          pattern: new RegExp(
            message
              .split(/\$\d/)
              .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
              .join('.*'),
          ),
        }));
      const session = await launchForStates(server, locale);
      const seen: { where: string; text: string }[] = [];
      try {
        const collect = async (where: string, view: TestPage) => {
          for (const text of await interfaceText(view)) seen.push({ where, text });
        };
        const tooTall: string[] = [];
        for (const state of POPUP_STATES) {
          const { view, article, tabId } = await openPopupState(session, server, state);
          await collect(`popup ${state.name}`, view);
          // Longer words than English: the popup still fits, with the answer, the bars and the button in view.
          const layout = await popupLayout(view);
          if (Math.max(layout.height, layout.open ?? 0) > 600) tooTall.push(`${state.name}: ${layout.height}`);
          await state.undo?.(view, server);
          if (state.name === 'rewrite') {
            await view.goto(`${session.browser.extensionBase}compare.html?tab=${tabId}`);
            await whenReady(view, () => document.getElementById('compare')?.getAttribute('data-state') === 'ready');
            await collect('compare', view);
          }
          await article.close();
        }
        const view = await session.browser.newPage();
        await followFeedAndList(view, server, session.browser.extensionBase);
        for (const { page, ready } of OTHER_PAGES) {
          await view.goto(`${session.browser.extensionBase}${page}`);
          await whenReady(view, ready);
          await collect(page, view);
        }
        expect(await view.evaluate(() => document.documentElement.lang, null)).toBe(locale);
        expect(tooTall).toEqual([]);
      } finally {
        await session.close();
      }
      const english_ = seen.filter(
        ({ text }) => ENGLISH_WORDS.test(text) || sentences.some(({ pattern }) => pattern.test(text)),
      );
      expect(english_).toEqual([]);
      expect(seen.length).toBeGreaterThan(50);
    }, 240_000);
  }
});
