import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { badgeFor } from '../lib/badge';
import { IdbStore, type TabState } from '../lib/db';
import { analyse } from '../lib/engine';
import { articleFromMessage } from '../lib/page-message';
import { parseMessage, type Message } from '../lib/protocol';
import type { SeedPack } from '../lib/seed-pack';

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

const fromOwnPage = (sender: Browser.runtime.MessageSender) =>
  sender.id === browser.runtime.id && (sender.url ?? '').startsWith(browser.runtime.getURL('/'));
const fromContentScript = (sender: Browser.runtime.MessageSender) =>
  sender.id === browser.runtime.id && sender.tab?.id !== undefined && sender.frameId === 0;

export default defineBackground(() => {
  const ready = openSeededStore();

  async function handle(message: Message, sender: Browser.runtime.MessageSender): Promise<TabState | null | void> {
    const store = await ready;
    if (message.type === 'get-tab-state') {
      return fromOwnPage(sender) ? ((await store.getTabState(message.tabId)) ?? null) : null;
    }
    if (!fromContentScript(sender)) return;
    const tabId = sender.tab!.id!;
    const state: TabState =
      message.type === 'article-found'
        ? {
            status: 'ready',
            url: message.article.url,
            report: await analyse(articleFromMessage(message.article), store),
            updatedAt: Date.now(),
          }
        : { status: 'no-article', url: message.url, updatedAt: Date.now() };
    // Badge first: once the state is readable, everything a person sees is in place.
    await showBadge(tabId, state);
    await store.setTabState(tabId, state);
  }

  browser.runtime.onMessage.addListener((raw: unknown, sender: Browser.runtime.MessageSender) => {
    const message = parseMessage(raw);
    if (!message) return undefined;
    return handle(message, sender);
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
