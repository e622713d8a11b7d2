import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { badgeFor } from '../lib/badge';
import { IdbStore, type TabState } from '../lib/db';
import { analyse } from '../lib/engine';
import { articleFromMessage } from '../lib/page-message';
import { parseMessage, type Message, type ProtocolMap } from '../lib/protocol';
import type { SeedPack } from '../lib/seed-pack';

type Sender = Browser.runtime.MessageSender;
type Reply = ProtocolMap[keyof ProtocolMap]['response'];

async function openSeededStore(): Promise<IdbStore> {
  const store = await IdbStore.open();
  const pack = (await (await fetch(browser.runtime.getURL('/seed-pack.json'))).json()) as SeedPack;
  if ((await store.installedSeedPackVersion()) !== pack.version) await store.installSeedPack(pack);
  return store;
}

async function showBadge(tabId: number, state: TabState | undefined): Promise<void> {
  const action = browser.action ?? browser.browserAction;
  const badge = state?.status === 'ready' ? badgeFor(state.report.verdict) : null;
  await action.setBadgeText({ tabId, text: badge?.text ?? '' });
  if (badge) {
    await action.setBadgeBackgroundColor({ tabId, color: badge.color });
    await action.setTitle({ tabId, title: badge.title });
  }
}

const hostOf = (url: string | undefined) => {
  try {
    return url ? new URL(url).host : undefined;
  } catch {
    return undefined;
  }
};
const fromOwnPage = (sender: Sender) =>
  sender.id === browser.runtime.id && (sender.url ?? '').startsWith(browser.runtime.getURL('/'));
const fromContentScript = (sender: Sender) =>
  sender.id === browser.runtime.id && sender.tab?.id !== undefined && sender.frameId === 0;

export default defineBackground(() => {
  const ready = openSeededStore();

  async function siteEnabled(store: IdbStore, url: string | undefined): Promise<boolean> {
    const host = hostOf(url);
    return !!host && !(await store.disabledSites()).includes(host);
  }

  async function fromPage(message: Message, store: IdbStore): Promise<Reply> {
    if (message.type === 'get-tab-state') {
      const state = await store.getTabState(message.tabId);
      // The popup does not need the page text.
      return state ? ({ ...state, paragraphs: undefined } as TabState) : null;
    }
    if (message.type === 'get-comparison') {
      const state = await store.getTabState(message.tabId);
      if (state?.status !== 'ready' || !state.report.original) return null;
      const [original] = await store.getOriginals([state.report.original.id]);
      return { state, original: original ?? null };
    }
    if (message.type === 'set-site-enabled') {
      await store.setSiteEnabled(message.host, message.enabled);
      if (!message.enabled) {
        // Forget what was found on this site's open tabs.
        for (const tab of await browser.tabs.query({})) {
          const state = tab.id === undefined ? undefined : await store.getTabState(tab.id);
          if (tab.id !== undefined && state && hostOf(state.url) === message.host) {
            await showBadge(tab.id, undefined);
            await store.setTabState(tab.id, { status: 'disabled', url: state.url, updatedAt: Date.now() });
          }
        }
      }
    }
    return undefined;
  }

  async function fromContent(message: Message, sender: Sender, store: IdbStore): Promise<Reply> {
    const tabId = sender.tab!.id!;
    if (message.type === 'is-site-enabled') {
      const enabled = await siteEnabled(store, sender.url);
      if (!enabled && sender.url)
        await store.setTabState(tabId, { status: 'disabled', url: sender.url, updatedAt: Date.now() });
      return enabled;
    }
    if (message.type !== 'article-found' && message.type !== 'no-article') return undefined;
    if (!(await siteEnabled(store, sender.url))) return undefined;
    const state: TabState =
      message.type === 'article-found'
        ? {
            status: 'ready',
            url: message.article.url,
            report: await analyse(articleFromMessage(message.article), store),
            paragraphs: message.article.paragraphs,
            updatedAt: Date.now(),
          }
        : { status: 'no-article', url: message.url, updatedAt: Date.now() };
    // Badge first: once the state is readable, everything a person sees is in place.
    await showBadge(tabId, state);
    await store.setTabState(tabId, state);
    return undefined;
  }

  browser.runtime.onMessage.addListener((raw: unknown, sender: Sender) => {
    const message = parseMessage(raw);
    if (!message) return undefined;
    if (fromOwnPage(sender)) return ready.then((store) => fromPage(message, store));
    if (fromContentScript(sender)) return ready.then((store) => fromContent(message, sender, store));
    return undefined;
  });
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status !== 'loading') return;
    void ready.then((store) => store.deleteTabState(tabId));
    void showBadge(tabId, undefined);
  });
  browser.tabs.onRemoved.addListener((tabId) => void ready.then((store) => store.deleteTabState(tabId)));
  browser.runtime.onStartup.addListener(async () => {
    const tabs = await browser.tabs.query({});
    await (await ready).keepTabStates(tabs.map((t) => t.id).filter((id): id is number => id !== undefined));
  });
});
