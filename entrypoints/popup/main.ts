import { browser } from 'wxt/browser';
import { createClient } from '../../lib/extension';
import { localizePage, renderPopup, storeProblemView, translatorFrom, type PopupActions } from '../../lib/ui';

const POLL_MS = 400;
const POLL_LIMIT_MS = 30_000;
const t = translatorFrom((key, subs) => browser.i18n.getMessage(key as never, subs));
const { request } = createClient((message) => browser.runtime.sendMessage(message));

async function tabIdToShow(): Promise<number | undefined> {
  const query = new URLSearchParams(location.search);
  const fromQuery = Number(query.get('tab'));
  if (query.has('tab') && Number.isInteger(fromQuery)) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

const stateOf = (tabId: number) => request<'get-tab-state'>({ type: 'get-tab-state', tabId }).catch(() => null);

async function main(): Promise<void> {
  document.documentElement.lang = browser.i18n.getUILanguage();
  localizePage(document, t);
  const root = document.getElementById('upstream')!;
  const tabId = await tabIdToShow();
  const actions: PopupActions = {
    openComparison: () => void browser.tabs.create({ url: browser.runtime.getURL(`/compare.html?tab=${tabId}`) }),
    setSiteEnabled: async (host, enabled) => {
      await request<'set-site-enabled'>({ type: 'set-site-enabled', host, enabled });
      if (tabId !== undefined) renderPopup(root, await stateOf(tabId), t, actions);
    },
  };
  renderPopup(root, null, t, actions);
  // A store that cannot be used is said first, with the way to the settings that can help.
  const health = await request<'get-health'>({ type: 'get-health' }).catch((error: unknown) => ({
    problem: 'unavailable' as const,
    detail: String(error),
  }));
  const problem = storeProblemView(document, health, t, { openSettings: () => void browser.runtime.openOptionsPage() });
  if (problem) root.before(problem);
  if (tabId === undefined || health.problem === 'unavailable') return;
  const started = Date.now();
  // The analysis may still be running: ask again until it is there.
  for (;;) {
    const state = await stateOf(tabId);
    renderPopup(root, state, t, actions);
    if (state || Date.now() - started > POLL_LIMIT_MS) return;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

void main();
