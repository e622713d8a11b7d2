import { browser } from 'wxt/browser';
import { accessPattern, createClient, followFeeds, onDomain, type FollowEnvironment } from '../../lib/extension';
import type { FeedLink, TabState } from '../../lib/model';
import {
  announcementOf,
  fromArticleSpans,
  localizePage,
  renderPopup,
  storeProblemView,
  translatorFrom,
  type PopupActions,
  type PopupContext,
} from '../../lib/ui';

const POLL_MS = 400;
const POLL_LIMIT_MS = 30_000;
/** After this long without a state, the popup says why and what to do. */
const STALL_MS = 4_000;
const t = translatorFrom((key, subs) => browser.i18n.getMessage(key as never, subs), browser.i18n.getUILanguage());
const { request } = createClient((message) => browser.runtime.sendMessage(message));
// Asked first thing in the click: the browser asks the person only while handling their input.
const following: FollowEnvironment = {
  askAccess: (origins) => browser.permissions.request({ origins }),
  subscribe: (feed, everyHours) => request<'subscribe'>({ type: 'subscribe', ...feed, everyHours }),
};

async function tabToShow(): Promise<{ id?: number; url?: string }> {
  const query = new URLSearchParams(location.search);
  const fromQuery = Number(query.get('tab'));
  if (query.has('tab') && Number.isInteger(fromQuery)) {
    const tab = await browser.tabs.get(fromQuery).catch(() => undefined);
    return { id: fromQuery, url: tab?.url };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return { id: tab?.id, url: tab?.url };
}

const stateOf = (tabId: number) => request<'get-tab-state'>({ type: 'get-tab-state', tabId }).catch(() => null);
const hostnameOf = (url: string | undefined) => {
  try {
    return url ? new URL(url).hostname : undefined;
  } catch {
    return undefined;
  }
};

/** Why a tab has no state: no access to it (Firefox asks first), not a web page, or not analysed. */
async function whyStalled(url: string | undefined): Promise<PopupContext['stalled']> {
  if (!url) return 'no-access';
  if (!/^https?:/.test(url)) return 'not-web';
  const granted = await browser.permissions.contains({ origins: [accessPattern(url)] }).catch(() => true);
  return granted ? 'not-analysed' : 'no-access';
}

async function main(): Promise<void> {
  localizePage(document, t);
  const root = document.getElementById('upstream')!;
  const announcer = document.getElementById('announce')!;
  const tab = await tabToShow();
  const tabId = tab.id;
  let state: TabState | null = null;
  const context: PopupContext = {};
  let shown = '';
  let announced = '';
  /** Renders when something changed (a person reading or tabbing is not interrupted by polls), and announces a new answer once. */
  const show = () => {
    const now = JSON.stringify([
      state,
      context.stalled,
      context.note,
      context.learningFrom,
      [...(context.following ?? [])],
    ]);
    if (now === shown) return;
    shown = now;
    renderPopup(root, state, t, actions, context);
    const sentence = announcementOf(state, t, context);
    if (sentence !== announced) announcer.replaceChildren(...fromArticleSpans(document, sentence));
    announced = sentence;
  };

  /** What Upstream learns from and follows, for the offers under the answer. */
  async function readContext(): Promise<void> {
    const host = hostnameOf(state?.url ?? tab.url);
    const settings = await request<'get-settings'>({ type: 'get-settings' }).catch(() => null);
    context.learningFrom = host ? settings?.trustedOutlets.find((d) => onDomain(host, d)) : undefined;
    const followed = await request<'list-subscriptions'>({ type: 'list-subscriptions' }).catch(() => []);
    context.following = new Set(followed.map((s) => s.url));
  }

  const actions: PopupActions = {
    openComparison: () => void browser.tabs.create({ url: browser.runtime.getURL(`/compare.html?tab=${tabId}`) }),
    setSiteEnabled: async (host, enabled) => {
      await request<'set-site-enabled'>({ type: 'set-site-enabled', host, enabled });
      if (tabId !== undefined) state = await stateOf(tabId);
      show();
    },
    async learnSite() {
      if (tabId === undefined) return;
      await request<'learn-site'>({ type: 'learn-site', tabId });
      state = await stateOf(tabId);
      await readContext();
      show();
    },
    async forgetSite(domain) {
      await request<'forget-site'>({ type: 'forget-site', domain });
      await readContext();
      show();
    },
    async follow(feed: FeedLink) {
      const feedHost = new URL(feed.url).hostname;
      const pageHost = hostnameOf(state?.url);
      const articleHosts = pageHost && pageHost !== feedHost ? [pageHost] : undefined;
      const followed = await followFeeds(following, [{ url: feed.url, ...(articleHosts ? { articleHosts } : {}) }]);
      context.note = followed === 1 ? t('following', feed.title) : t('followRefused', feedHost);
      await readContext();
      show();
    },
    openSubscriptions: () =>
      void browser.tabs.create({ url: browser.runtime.getURL('/options.html#subscriptions-section') }),
    async reportWrong(kind, note) {
      if (tabId === undefined) return;
      const kept = await request<'report-verdict'>({ type: 'report-verdict', tabId, kind, ...(note ? { note } : {}) });
      if (kept) state = await stateOf(tabId);
      context.note = t(kept?.kind === 'wrong-original' ? 'feedbackSaved' : 'feedbackSavedOther');
      show();
    },
    async grantAccess() {
      const granted = await browser.permissions.request({ origins: ['http://*/*', 'https://*/*'] }).catch(() => false);
      // The page is read when it loads: load it again now that Upstream may read it.
      if (granted && tabId !== undefined) await browser.tabs.reload(tabId);
      window.close();
    },
  };
  show();
  // A store that cannot be used is said first, with the way to the settings that can help.
  const health = await request<'get-health'>({ type: 'get-health' }).catch((error: unknown) => ({
    problem: 'unavailable' as const,
    detail: String(error),
  }));
  const problem = storeProblemView(document, health, t, { openSettings: () => void browser.runtime.openOptionsPage() });
  if (problem) root.before(problem);
  if (tabId === undefined || health.problem === 'unavailable') return;
  await readContext();
  const started = Date.now();
  // The analysis may still be running: ask again until it is there, and say why after a while.
  for (;;) {
    state = await stateOf(tabId);
    if (state) await readContext();
    else if (!context.stalled && Date.now() - started > STALL_MS) context.stalled = await whyStalled(tab.url);
    show();
    if (state || Date.now() - started > POLL_LIMIT_MS) return;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

void main();
