/**
 * What the background does for each message, with the browser at arm's length: the
 * entrypoint passes who sent the message and how to set a tab's badge. Content-script
 * messages come from untrusted pages: the tab they concern and the page's address are the
 * sender's, as the browser reports them, never what the page says about itself.
 */
import { analyse, contentId, definedOnly, explainReport, inputOfArticle, makeOriginal } from '../engine';
import { toJsonlLine } from '../formats';
import type {
  ArticleInput,
  FeedLink,
  LexiconSource,
  OriginalInput,
  OriginalRecord,
  PreparedArticle,
  StageTiming,
  Stores,
  TabState,
  VerdictFeedback,
} from '../model';
import { badgeFor, type Badge } from '../ui';
import { ImportWorker } from './import-worker';
import type { PageHtml } from '../reader';
import { articleFromMessage } from './page-message';
import { createSubscriptions, LIST_NAMESPACE } from './subscriptions';
import {
  mayBeSentFrom,
  type ArticleMessage,
  type Message,
  type MessageType,
  type ProtocolMap,
  type Reply,
} from './protocol';

/** Times the stages of one page's analysis: each mark closes the stage that ran since the last. */
function stageTimer() {
  const startedAt = Date.now();
  let last = performance.now();
  const timings: StageTiming[] = [];
  const mark = (stage: StageTiming['stage']) => {
    const now = performance.now();
    timings.push({ stage, ms: Math.round((now - last) * 10) / 10 });
    last = now;
  };
  return { startedAt, timings, mark };
}

/** Who sent a message: one of the extension's own pages, or the content script of a tab at the address the browser gives. */
export type Sender = { kind: 'extension-page' } | { kind: 'content-script'; tabId: number; url: string };

export interface ServiceEnvironment {
  stores: Stores;
  setBadge(tabId: number, badge: Badge | null): Promise<void>;
  openTabIds(): Promise<number[]>;
  /** The lexicons built into the extension, for pages that translate an original. */
  lexicons?: LexiconSource;
  /** The network, used only for the addresses of the person's subscriptions. */
  fetch?(url: string, init: RequestInit): Promise<Response>;
  /** Gives other work its turn between batches of long work (and keeps the worker awake). */
  pause?(): Promise<void>;
  /** True when the person granted access to the address's host (subscriptions ask nothing before). */
  hasAccess?(url: string): Promise<boolean>;
  /** Reads the article of a page's HTML (a tab's, a feed item's) in a document context, off the page. */
  readArticle?(page: PageHtml, url: string): Promise<ArticleInput | null>;
}

const hostOf = (url: string | undefined) => {
  try {
    return url ? new URL(url).host : undefined;
  } catch {
    return undefined;
  }
};

/** The domain a site is learned under: its host without `www.` or port, so its other subdomains count too. */
const domainOf = (host: string) =>
  host
    .replace(/:\d+$/, '')
    .replace(/^www\./, '')
    .toLowerCase();

/** True when `host` is `domain` or one of its subdomains. */
export function onDomain(host: string, domain: string): boolean {
  const bare = host.replace(/:\d+$/, '');
  return bare === domain || bare.endsWith(`.${domain}`);
}

/** The page's claimed canonical address when it is on the host the browser shows, else the browser's address. */
export function trustedAddress(claimed: string | undefined, browserUrl: string): string {
  return claimed && hostOf(claimed) === hostOf(browserUrl) ? claimed : browserUrl;
}

const withoutText = (r: OriginalRecord): OriginalRecord => ({
  ...r,
  paragraphs: undefined,
  fingerprint: { ...r.fingerprint, keys: [] },
});

/** A person's import never lands among a list's ids (a list's refresh and removal would take it). */
const outsideLists = (input: OriginalInput): OriginalInput =>
  input.id?.startsWith(LIST_NAMESPACE) ? { ...input, id: `imported-${input.id}` } : input;

/** How often long work looks again whether the pages it gave way to are done. */
const GIVE_WAY_MS = 10;

/** Gives other messages their turn between slices of work. */
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Every message but `get-health`, which the start-up answers even when there is no service (startup.ts). */
export type ServiceMessageType = Exclude<MessageType, 'get-health'>;

type Handlers = {
  [K in ServiceMessageType]: (message: ProtocolMap[K]['request'], sender: Sender) => Promise<Reply<K>>;
};

/** Creates the background's message handler. */
export function createService(env: ServiceEnvironment) {
  const { originals, settings, tabs, importQueue } = env.stores;
  /** Pages being analysed: long work (an import, a list stored or removed) waits for them between its batches. */
  let analysing = 0;
  const giveWay = async () => {
    await (env.pause ?? nextTurn)();
    while (analysing > 0) await new Promise((resolve) => setTimeout(resolve, GIVE_WAY_MS));
  };
  const imports = new ImportWorker(originals, importQueue, giveWay);
  const subscriptions = createSubscriptions({
    originals,
    store: env.stores.subscriptions,
    fetch: env.fetch ?? (() => Promise.reject(new Error('no network here'))),
    now: Date.now,
    pause: giveWay,
    hasAccess: env.hasAccess,
    readArticle: env.readArticle,
  });
  /**
   * Each tab's turn: a navigation and every page message start a new one, and a report is written
   * only in its own turn. A single-page app changes page without a navigation, so a slow report on
   * the page before never lands over the one on the page now.
   */
  const turns = new Map<number, number>();
  const newTurn = (tabId: number) => {
    const turn = (turns.get(tabId) ?? 0) + 1;
    turns.set(tabId, turn);
    return turn;
  };

  /** Sets the tab's badge, then its state; with a page's `timer`, the badge's time is its last stage. */
  async function setState(tabId: number, state: TabState, timer?: ReturnType<typeof stageTimer>): Promise<void> {
    // Badge first: once the state is readable, everything a person sees is in place.
    await env.setBadge(tabId, badgeFor(state));
    timer?.mark('badge');
    const timed = timer && state.status === 'ready' ? { timings: timer.timings, updatedAt: Date.now() } : {};
    await tabs.setTabState(tabId, { ...state, ...timed });
  }

  async function siteEnabled(url: string | undefined): Promise<boolean> {
    const host = hostOf(url);
    return !!host && !(await settings.disabledSites()).includes(host);
  }

  /** The trusted outlet a page is on (by the browser's address), if any. */
  async function trustedDomainOf(browserUrl: string): Promise<string | undefined> {
    const host = hostOf(browserUrl);
    return host ? (await settings.trustedOutlets()).find((d) => onDomain(host, d)) : undefined;
  }

  /**
   * On a trusted outlet (by the browser's address), the article read is stored as an original
   * ("learned"). Its id comes from the text as stored (cleaned), so the article read as the page
   * sent it and as the popup's "Learn" gives it (already cleaned) is one record.
   */
  async function learn(article: ArticleInput, browserUrl: string): Promise<void> {
    const domain = await trustedDomainOf(browserUrl);
    if (!domain) return;
    const url = trustedAddress(article.url, browserUrl);
    // The publisher is the outlet the person trusts, as the browser's address says: a page there
    // (a guest post, a syndicated story) may call itself anything.
    const prepared = makeOriginal(inputOfArticle({ ...article, url, siteName: domain }, url), 'learned');
    const record = { ...prepared, id: contentId(prepared.title, (prepared.paragraphs ?? []).join('\n\n')) };
    const known = (await originals.getOriginals([record.id])).length > 0;
    await originals.putOriginals([record]);
    await originals.mergeRuns();
    if (!known) await settings.countLearned(domain);
  }

  /** Says the tab's page has no article, unless the tab has moved on or the site is switched off. */
  async function noArticle(tabId: number, turn: number, url: string, feeds?: FeedLink[]): Promise<void> {
    if ((await siteEnabled(url)) && turns.get(tabId) === turn)
      await setState(tabId, { status: 'no-article', url, ...(feeds?.length ? { feeds } : {}), updatedAt: Date.now() });
  }

  /** Reports on a page's article, unless the tab has moved on meanwhile (since `turn` was taken). */
  async function analysePage(
    article: ArticleMessage,
    { tabId, url }: { tabId: number; url: string },
    turn = newTurn(tabId),
    timer = stageTimer(),
  ): Promise<void> {
    if (!(await siteEnabled(url))) return;
    const page = await articleFromMessage(article, url, nextTurn);
    timer.mark('prepare');
    if (turns.get(tabId) !== turn) return;
    if (!page) return noArticle(tabId, turn, url);
    // What learning needs later from the popup: the attribution as read from the page and its text.
    const { title, siteName, publisher, authors, published, language } = page.meta;
    const meta = definedOnly({
      url: article.url,
      title,
      siteName: siteName ?? publisher,
      authors,
      published,
      language,
    });
    // Learning is a bonus: a full store must not leave the page without its report.
    await learn(article, url).catch((error: Error) =>
      console.warn('Upstream: the article was not learned', error.message),
    );
    timer.mark('learn');
    await report(tabId, turn, url, page, meta, article.feeds, timer);
  }

  /** Originals the reader said each page does not come from, by address; read once per worker. */
  let dismissals: Promise<Map<string, string[]>> | undefined;
  async function dismissedFor(url: string): Promise<string[]> {
    dismissals ??= settings.feedback().then((list) => {
      const byUrl = new Map<string, string[]>();
      for (const f of list)
        if (f.kind === 'wrong-original' && f.report.original)
          byUrl.set(f.url, [...(byUrl.get(f.url) ?? []), f.report.original.id]);
      return byUrl;
    });
    return (await dismissals).get(url) ?? [];
  }

  /** The tab's page analysed again from the text its state keeps (after learning, after a report). */
  async function reportAgain(tabId: number, state: Extract<TabState, { status: 'ready' }>): Promise<void> {
    const meta = state.meta ?? { title: state.report.page.title };
    const page = await articleFromMessage(
      { ...meta, url: state.url, paragraphs: state.paragraphs ?? [] },
      state.url,
      nextTurn,
    );
    if (page) await report(tabId, turns.get(tabId), state.url, page, meta, state.feeds);
  }

  /** Analyses a prepared page and writes the tab's state, unless the tab has moved on meanwhile. */
  async function report(
    tabId: number,
    turn: number | undefined,
    url: string,
    page: PreparedArticle,
    meta: Omit<ArticleInput, 'paragraphs'>,
    feeds: FeedLink[] | undefined,
    timer = stageTimer(),
  ): Promise<void> {
    const checked = await originals.count();
    const dismissed = await dismissedFor(url);
    const tools = { lexicons: env.lexicons, mark: timer.mark };
    const result = await analyse(page, originals, { address: url, dismissed }, tools);
    if (turns.get(tabId) !== turn) return;
    await setState(
      tabId,
      {
        status: 'ready',
        url,
        report: result,
        paragraphs: page.paragraphs,
        meta,
        ...(feeds?.length ? { feeds } : {}),
        checked,
        receivedAt: timer.startedAt,
        updatedAt: Date.now(),
      },
      timer,
    );
  }

  const contentScript = (sender: Sender) => {
    if (sender.kind !== 'content-script') throw new Error('content-script message from elsewhere');
    return sender;
  };

  const handlers: Handlers = {
    async 'is-site-enabled'(_message, sender) {
      const { tabId, url } = contentScript(sender);
      const enabled = await siteEnabled(url);
      if (!enabled) await setState(tabId, { status: 'disabled', url, updatedAt: Date.now() });
      return enabled;
    },
    async 'no-article'(message, sender) {
      const { tabId, url } = contentScript(sender);
      await noArticle(tabId, newTurn(tabId), url, message.feeds);
    },
    async 'article-found'(message, sender) {
      analysing++;
      try {
        await analysePage(message.article, contentScript(sender));
      } finally {
        analysing--;
      }
    },
    async 'page-html'(message, sender) {
      const page = contentScript(sender);
      const timer = stageTimer();
      const turn = newTurn(page.tabId);
      analysing++;
      try {
        // Read as a feed item's page is, at the address the browser gives: the page's own claims are read as claims.
        const html = { html: message.html, parts: message.parts };
        const article = env.readArticle ? await env.readArticle(html, page.url) : null;
        timer.mark('read');
        if (!article) return await noArticle(page.tabId, turn, page.url, message.feeds);
        await analysePage({ ...article, url: article.url ?? page.url, feeds: message.feeds }, page, turn, timer);
      } finally {
        analysing--;
      }
    },
    async 'get-tab-state'(message) {
      const state = await tabs.getTabState(message.tabId);
      // The popup does not need the page text.
      return state ? ({ ...state, paragraphs: undefined } as TabState) : null;
    },
    async 'get-comparison'(message) {
      const state = await tabs.getTabState(message.tabId);
      if (state?.status !== 'ready' || !state.report.original) return null;
      const [original] = await originals.getOriginals([state.report.original.id]);
      const rows = original?.paragraphs?.length
        ? await explainReport(state.report, state.paragraphs ?? [], original.paragraphs, env.lexicons)
        : null;
      return { report: state.report, rows, url: state.url };
    },
    async 'set-site-enabled'(message) {
      await settings.setSiteEnabled(message.host, message.enabled);
      if (message.enabled) return;
      // Forget what was found on this site's open tabs.
      for (const tabId of await env.openTabIds()) {
        const state = await tabs.getTabState(tabId);
        if (state && hostOf(state.url) === message.host)
          await setState(tabId, { status: 'disabled', url: state.url, updatedAt: Date.now() });
      }
    },
    async 'learn-site'(message) {
      const state = await tabs.getTabState(message.tabId);
      const host = hostOf(state?.url);
      if (state?.status !== 'ready' || !state.paragraphs?.length || !host) return null;
      const domain = domainOf(host);
      await settings.setTrustedOutlets([...(await settings.trustedOutlets()), domain]);
      const meta = state.meta ?? { title: state.report.page.title };
      await learn({ ...meta, paragraphs: state.paragraphs }, state.url);
      // The page is now known at its own address: its report says so.
      await reportAgain(message.tabId, state);
      return { domain };
    },
    async 'forget-site'(message) {
      await settings.setTrustedOutlets((await settings.trustedOutlets()).filter((d) => d !== message.domain));
    },
    async 'list-originals'(message) {
      const page = await originals.listOriginals(message.search, message.offset, message.limit);
      return { ...page, items: page.items.map(withoutText) };
    },
    async 'get-original'(message) {
      return (await originals.getOriginals([message.id]))[0] ?? null;
    },
    'delete-original': (message) => originals.deleteOriginal(message.id),
    'queue-import': (message) =>
      imports.add(message.items.map((input) => ({ input: outsideLists(input), origin: 'import' as const }))),
    'import-status': () => imports.resume(),
    'cancel-import': () => imports.cancel(),
    async 'export-originals'(message) {
      const page = await originals.originalsAfter(message.after, message.limit);
      return { lines: page.records.map((record) => toJsonlLine(record)), last: page.next };
    },
    async 'get-settings'() {
      return {
        trustedOutlets: await settings.trustedOutlets(),
        disabledSites: await settings.disabledSites(),
        learnedCounts: await settings.learnedCounts(),
      };
    },
    'set-trusted-outlets': (message) => settings.setTrustedOutlets(message.domains),
    'list-subscriptions': () => subscriptions.list(),
    subscribe: (message) =>
      subscriptions.subscribe(message.url, message.everyHours, {
        articleHosts: message.articleHosts,
        keepDays: message.keepDays,
      }),
    async 'refresh-subscription'(message) {
      subscriptions.refresh(message.url);
    },
    'set-subscription-schedule': (message) =>
      subscriptions.setSchedule(message.url, message.everyHours, message.keepDays),
    unsubscribe: (message) => subscriptions.unsubscribe(message.url),
    'set-subscription-paused': (message) => subscriptions.setPaused(message.url, message.paused),
    async 'report-verdict'(message) {
      const state = await tabs.getTabState(message.tabId);
      if (state?.status !== 'ready') return null;
      const feedback: VerdictFeedback = {
        at: Date.now(),
        url: state.url,
        kind: message.kind,
        ...(message.note ? { note: message.note } : {}),
        report: state.report,
      };
      await settings.addFeedback(feedback);
      dismissals = undefined;
      // An original said to be wrong goes at once: the page is checked again without it.
      if (feedback.kind === 'wrong-original' && state.report.original && state.paragraphs?.length)
        await reportAgain(message.tabId, state);
      return feedback;
    },
    'list-feedback': () => settings.feedback(),
    async 'delete-feedback'(message) {
      await settings.deleteFeedback(message.at);
      dismissals = undefined;
    },
  };

  return {
    /** Handles a validated message; one from a sender that may not send it gets no reply. */
    async handle<K extends ServiceMessageType>(
      message: ProtocolMap[K]['request'],
      sender: Sender,
    ): Promise<Reply<K> | undefined> {
      if (!mayBeSentFrom(message as Message, sender.kind)) return undefined;
      const handler = handlers[message.type as K] as (m: typeof message, s: Sender) => Promise<Reply<K>>;
      return handler(message, sender);
    },
    /** The tab started loading another page: forget its state, and drop a report still being made for the old one. */
    async navigated(tabId: number): Promise<void> {
      newTurn(tabId);
      await tabs.deleteTabState(tabId);
    },
    /** Continues an import left unfinished by a restart. */
    async resumeImports(): Promise<void> {
      await imports.resume();
    },
    /** Refreshes the subscriptions whose time has come (the alarm's work), and finishes interrupted removals. */
    refreshSubscriptions: () => subscriptions.refreshDue(),
    /** The person granted host access: subscriptions that waited for it are fetched now. */
    accessGranted: () => subscriptions.accessGranted(),
  };
}
