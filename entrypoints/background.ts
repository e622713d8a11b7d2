import { browser, type Browser, type PublicPath } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import {
  accessPattern,
  answer,
  createService,
  createStartup,
  mayBeSentFrom,
  parseMessage,
  readArticleHtml,
  senderOf,
} from '../lib/extension';
import { lexiconLoader } from '../lib/formats';
import type { ArticleInput, SeedPack } from '../lib/model';
import { NOT_ANALYSED, type Badge } from '../lib/ui';
import { openStores, type IdbStores } from '../lib/store';
import type { PageHtml } from '../lib/reader';

/** Installs the seed pack built into the extension when the store does not have this version of it. */
async function installSeeds(stores: IdbStores): Promise<void> {
  const pack = (await (await fetch(browser.runtime.getURL('/seed-pack.json'))).json()) as SeedPack;
  if ((await stores.originals.installedSeedPackVersion()) !== pack.version)
    await stores.originals.installSeedPack(pack);
}

const isLexiconPath = (path: string): path is Extract<PublicPath, `/lexicons/${string}`> =>
  /^\/lexicons\/[a-z]{2}\.txt$/.test(path);

/** The lexicons built into the extension, read when a page first needs one (the fetch never leaves the extension). */
const lexicons = lexiconLoader(async (language) => {
  const path = `/lexicons/${language}.txt`;
  if (!isLexiconPath(path)) return undefined;
  // A language without a lexicon file has no lexicon (the browser refuses the fetch).
  const response = await fetch(browser.runtime.getURL(path)).catch(() => undefined);
  return response?.ok ? response.text() : undefined;
});

/** Chrome's offscreen document, created once, where a page's or a feed item's HTML is read (its worker has no DOM). */
let offscreen: Promise<void> | undefined;
const OFFSCREEN_PATH = '/offscreen.html';

/** Reads an article page's HTML: in the background page where there is a DOM (Firefox), else offscreen (Chrome). */
async function readArticle(page: PageHtml, url: string): Promise<ArticleInput | null> {
  if (typeof DOMParser !== 'undefined') return readArticleHtml(new DOMParser(), page, url);
  offscreen ??= browser.offscreen
    .createDocument({
      url: browser.runtime.getURL(OFFSCREEN_PATH),
      reasons: [browser.offscreen.Reason.DOM_PARSER],
      justification: "Read the article of a page or of a followed feed item off the page's main thread",
    })
    // Left by a worker that was stopped: it is the one to use.
    .catch((error: Error) => {
      if (!/single offscreen|already/i.test(error.message)) throw error;
    });
  try {
    await offscreen;
  } catch (error) {
    offscreen = undefined;
    throw error;
  }
  const reply: unknown = await browser.runtime.sendMessage({ target: 'offscreen', page, url });
  return reply && typeof reply === 'object' ? (reply as ArticleInput) : null;
}

/** The alarm that refreshes subscriptions whose time has come. */
const REFRESH_ALARM = 'refresh-subscriptions';
const REFRESH_CHECK_MINUTES = 30;
const KEEP_AWAKE_MS = 20_000;

export default defineBackground(() => {
  const action = browser.action ?? browser.browserAction;
  const setBadge = async (tabId: number, badge: Badge) => {
    await action.setBadgeText({ tabId, text: badge.text ? browser.i18n.getMessage(badge.text as never) : '' });
    await action.setBadgeBackgroundColor({ tabId, color: badge.color });
    await action.setTitle({ tabId, title: browser.i18n.getMessage(badge.title as never, badge.titleArgs) });
  };
  let awake = 0;
  const startup = createStartup({
    async open() {
      const stores = await openStores();
      const created = createService({
        stores,
        setBadge,
        openTabIds: async () =>
          (await browser.tabs.query({})).map((t) => t.id).filter((id): id is number => id !== undefined),
        lexicons,
        // Used for the addresses the person follows, and their feeds' article pages only (lib/extension/subscriptions.ts).
        fetch: (url, init) => fetch(url, init),
        hasAccess: (url) => browser.permissions.contains({ origins: [accessPattern(url)] }).catch(() => false),
        readArticle,
        async pause() {
          // An extension call now and then keeps the worker from being stopped during a long refresh.
          if (Date.now() - awake > KEEP_AWAKE_MS) {
            awake = Date.now();
            await browser.runtime.getPlatformInfo();
          }
          await new Promise((resolve) => setTimeout(resolve, 0));
        },
      });
      void created.resumeImports();
      void created.refreshSubscriptions();
      return { stores, ...created };
    },
    seed: (started) => installSeeds(started.stores),
  });
  const withService = startup.use;

  // Answered through sendResponse (returning true keeps the channel open), which every browser
  // supports; an error is answered with nothing, which the sender's client sends again.
  browser.runtime.onMessage.addListener(
    (raw: unknown, sender: Browser.runtime.MessageSender, sendResponse: (reply: unknown) => void) => {
      const message = parseMessage(raw);
      const from = senderOf(sender, browser.runtime.id, browser.runtime.getURL('/'));
      if (!message || !from) return undefined;
      if (message.type === 'get-health' && !mayBeSentFrom(message, from.kind)) return undefined;
      // Health is answered even when the store cannot be opened: the popup and options page say why.
      const replying = message.type === 'get-health' ? startup.health() : withService((s) => s.handle(message, from));
      replying.then(
        (reply) => sendResponse(answer(reply)),
        () => sendResponse(undefined),
      );
      return true;
    },
  );
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status !== 'loading') return;
    // Nothing of the page before stays: not its badge, not its tooltip.
    void setBadge(tabId, NOT_ANALYSED).catch(() => undefined);
    void withService((s) => s.navigated(tabId));
  });
  // Created once: creating it again at every start of the worker would push it back each time.
  void browser.alarms.get(REFRESH_ALARM).then((alarm) => {
    if (!alarm) void browser.alarms.create(REFRESH_ALARM, { periodInMinutes: REFRESH_CHECK_MINUTES });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REFRESH_ALARM) void withService((s) => s.refreshSubscriptions());
  });
  // A host the person just granted (from the popup, the options or the first-run page) may be a feed's that waited for it.
  browser.permissions.onAdded.addListener(() => void withService((s) => s.accessGranted()));
  browser.tabs.onRemoved.addListener((tabId) => void withService((s) => s.stores.tabs.deleteTabState(tabId)));
  // Once, on install: what Upstream does, what it knows, how to give it more.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
  browser.runtime.onStartup.addListener(async () => {
    const tabs = await browser.tabs.query({});
    const open = tabs.map((t) => t.id).filter((id): id is number => id !== undefined);
    await withService((s) => s.stores.tabs.keepTabStates(open));
  });
});
