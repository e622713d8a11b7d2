/**
 * What the background does for each message, with the browser at arm's length: the
 * entrypoint passes who sent the message and how to set a tab's badge. Content-script
 * messages come from untrusted pages; the tab they concern is the sender's own.
 */
import { badgeFor, type Badge } from '../ui/badge';
import type { IdbStore, TabState } from '../store/idb-store';
import { analyse } from '../engine/analyse';
import { toJsonlLine } from '../formats/export-jsonl';
import { ImportWorker } from './import-worker';
import { contentId, makeOriginal, type OriginalRecord } from '../engine/original';
import { articleFromMessage } from './page-message';
import type { ArticleMessage, Message, ProtocolMap } from './protocol';

/** Who sent a message: one of the extension's own pages, or the content script of a tab. */
export type Sender = { kind: 'extension-page' } | { kind: 'content-script'; tabId: number; url: string };

export interface ServiceEnvironment {
  store: IdbStore;
  setBadge(tabId: number, badge: Badge | null): Promise<void>;
  openTabIds(): Promise<number[]>;
}

type Reply = ProtocolMap[keyof ProtocolMap]['response'];

const hostOf = (url: string | undefined) => {
  try {
    return url ? new URL(url).host : undefined;
  } catch {
    return undefined;
  }
};

/** True when `host` is `domain` or one of its subdomains. */
export function onDomain(host: string, domain: string): boolean {
  const bare = host.replace(/:\d+$/, '');
  return bare === domain || bare.endsWith(`.${domain}`);
}

const withoutText = (r: OriginalRecord): OriginalRecord => ({
  ...r,
  paragraphs: undefined,
  fingerprint: { ...r.fingerprint, keys: [] },
});

/** Creates the background's message handler. */
export function createService(env: ServiceEnvironment) {
  const { store } = env;
  const imports = new ImportWorker(store);

  async function setState(tabId: number, state: TabState): Promise<void> {
    // Badge first: once the state is readable, everything a person sees is in place.
    await env.setBadge(tabId, state.status === 'ready' ? badgeFor(state.report.verdict) : null);
    await store.setTabState(tabId, state);
  }

  async function siteEnabled(url: string | undefined): Promise<boolean> {
    const host = hostOf(url);
    return !!host && !(await store.disabledSites()).includes(host);
  }

  /** On a trusted outlet, the article read is stored as an original ("learned"). */
  async function learn(article: ArticleMessage): Promise<void> {
    const host = hostOf(article.url);
    if (!host || !(await store.trustedOutlets()).some((d) => onDomain(host, d))) return;
    const text = article.paragraphs.join('\n\n');
    const record = makeOriginal(
      {
        id: contentId(article.title ?? article.url, text),
        title: article.title ?? article.url,
        text,
        publisher: article.siteName,
        authors: article.authors,
        published: article.published,
        url: article.url,
        language: article.language,
      },
      'learned',
    );
    await store.putOriginals([record]);
    await store.mergeRuns();
  }

  async function fromContentScript(message: Message, tabId: number, url: string): Promise<Reply> {
    if (message.type === 'is-site-enabled') {
      const enabled = await siteEnabled(url);
      if (!enabled) await setState(tabId, { status: 'disabled', url, updatedAt: Date.now() });
      return enabled;
    }
    if (message.type !== 'article-found' && message.type !== 'no-article') return undefined;
    if (!(await siteEnabled(url))) return undefined;
    if (message.type === 'no-article') return setState(tabId, { status: 'no-article', url, updatedAt: Date.now() });
    await learn(message.article);
    const report = await analyse(articleFromMessage(message.article), store);
    return setState(tabId, {
      status: 'ready',
      url: message.article.url,
      report,
      paragraphs: message.article.paragraphs,
      updatedAt: Date.now(),
    });
  }

  async function fromExtensionPage(message: Message): Promise<Reply> {
    switch (message.type) {
      case 'get-tab-state': {
        const state = await store.getTabState(message.tabId);
        // The popup does not need the page text.
        return state ? ({ ...state, paragraphs: undefined } as TabState) : null;
      }
      case 'get-comparison': {
        const state = await store.getTabState(message.tabId);
        if (state?.status !== 'ready' || !state.report.original) return null;
        const [original] = await store.getOriginals([state.report.original.id]);
        return { state, original: original ?? null };
      }
      case 'set-site-enabled': {
        await store.setSiteEnabled(message.host, message.enabled);
        if (message.enabled) return undefined;
        // Forget what was found on this site's open tabs.
        for (const tabId of await env.openTabIds()) {
          const state = await store.getTabState(tabId);
          if (state && hostOf(state.url) === message.host)
            await setState(tabId, { status: 'disabled', url: state.url, updatedAt: Date.now() });
        }
        return undefined;
      }
      case 'list-originals': {
        const page = await store.listOriginals(message.search, message.offset, message.limit);
        return { ...page, items: page.items.map(withoutText) };
      }
      case 'get-original':
        return (await store.getOriginals([message.id]))[0] ?? null;
      case 'delete-original':
        return store.deleteOriginal(message.id);
      case 'queue-import':
        return imports.add(message.items.map((input) => ({ input, origin: 'import' as const })));
      case 'import-status':
        return imports.resume();
      case 'cancel-import':
        return imports.cancel();
      case 'export-originals': {
        const page = await store.originalsAfter(message.after, message.limit);
        return { lines: page.map(toJsonlLine), last: page.length ? page[page.length - 1].id : null };
      }
      case 'get-settings':
        return { trustedOutlets: await store.trustedOutlets(), disabledSites: await store.disabledSites() };
      case 'set-trusted-outlets':
        return store.setTrustedOutlets(message.domains);
      default:
        return undefined;
    }
  }

  return {
    /** Handles a validated message. */
    handle(message: Message, sender: Sender): Promise<Reply> {
      return sender.kind === 'extension-page'
        ? fromExtensionPage(message)
        : fromContentScript(message, sender.tabId, sender.url);
    },
    /** Continues an import left unfinished by a restart. */
    async resumeImports(): Promise<void> {
      await imports.resume();
    },
  };
}
