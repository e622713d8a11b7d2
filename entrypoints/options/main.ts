import { browser } from 'wxt/browser';
import {
  accessesToGiveBack,
  accessPattern,
  createClient,
  followFeeds,
  MAX_IMPORT_CHUNK,
  packAddress,
  type FollowEnvironment,
} from '../../lib/extension';
import { MAX_IMPORT_FILE_CHARS, parseImportFile, readOpml } from '../../lib/formats';
import type { ImportProgress, OriginalInput } from '../../lib/model';
import { deleteStoreDatabase } from '../../lib/store';
import { startOptionsPage, translatorFrom } from '../../lib/ui';

const { request } = createClient((message) => browser.runtime.sendMessage(message));
const parser = new DOMParser();
const following: FollowEnvironment = {
  askAccess: (origins) => browser.permissions.request({ origins }),
  subscribe: (feed, everyHours) => request<'subscribe'>({ type: 'subscribe', ...feed, everyHours }),
};

void startOptionsPage(document, {
  t: translatorFrom((key, subs) => browser.i18n.getMessage(key as never, subs), browser.i18n.getUILanguage()),
  backend: {
    listOriginals: (search, offset, limit) =>
      request<'list-originals'>({ type: 'list-originals', search, offset, limit }),
    getOriginal: (id) => request<'get-original'>({ type: 'get-original', id }),
    deleteOriginal: (id) => request<'delete-original'>({ type: 'delete-original', id }),
    async queueImport(items: OriginalInput[]) {
      let progress: ImportProgress | undefined;
      for (let i = 0; i < items.length; i += MAX_IMPORT_CHUNK)
        progress = await request<'queue-import'>({ type: 'queue-import', items: items.slice(i, i + MAX_IMPORT_CHUNK) });
      return progress ?? request<'import-status'>({ type: 'import-status' });
    },
    importStatus: () => request<'import-status'>({ type: 'import-status' }),
    cancelImport: () => request<'cancel-import'>({ type: 'cancel-import' }),
    exportOriginals: (after, limit) => request<'export-originals'>({ type: 'export-originals', after, limit }),
    trustedOutlets: async () => (await request<'get-settings'>({ type: 'get-settings' })).trustedOutlets,
    setTrustedOutlets: (domains) => request<'set-trusted-outlets'>({ type: 'set-trusted-outlets', domains }),
    learnedCounts: async () => (await request<'get-settings'>({ type: 'get-settings' })).learnedCounts,
    disabledSites: async () => (await request<'get-settings'>({ type: 'get-settings' })).disabledSites,
    setSiteEnabled: (host, enabled) => request<'set-site-enabled'>({ type: 'set-site-enabled', host, enabled }),
    setPaused: (url, paused) => request<'set-subscription-paused'>({ type: 'set-subscription-paused', url, paused }),
    feedback: () => request<'list-feedback'>({ type: 'list-feedback' }),
    deleteFeedback: (at) => request<'delete-feedback'>({ type: 'delete-feedback', at }),
    async followOpml(text) {
      const addresses = readOpml(text)
        .map((feed) => packAddress(feed.url))
        .filter((url): url is string => !!url);
      if (!addresses.length) return 'bad-address';
      return followFeeds(
        following,
        addresses.map((url) => ({ url })),
      );
    },
    health: () => request<'get-health'>({ type: 'get-health' }),
    subscriptions: () => request<'list-subscriptions'>({ type: 'list-subscriptions' }),
    async subscribe(url, everyHours) {
      const address = packAddress(url);
      if (!address) return 'bad-address';
      // Host access is asked for the list's host only, and only now that the person subscribes.
      const granted = await browser.permissions.request({ origins: [accessPattern(address)] }).catch(() => false);
      if (!granted) return 'no-permission';
      return (await request<'subscribe'>({ type: 'subscribe', url: address, everyHours })) ?? 'bad-address';
    },
    refreshSubscription: (url) => request<'refresh-subscription'>({ type: 'refresh-subscription', url }),
    setSchedule: (url, everyHours, keepDays) =>
      request<'set-subscription-schedule'>({
        type: 'set-subscription-schedule',
        url,
        everyHours,
        ...(keepDays ? { keepDays } : {}),
      }),
    async unsubscribe(url) {
      // Read first: once removed, the subscription no longer says which article hosts it had.
      const list = await request<'list-subscriptions'>({ type: 'list-subscriptions' });
      await request<'unsubscribe'>({ type: 'unsubscribe', url });
      const removed = list.find((s) => s.url === url) ?? { url };
      const origins = accessesToGiveBack(
        removed,
        list.filter((s) => s.url !== url),
      );
      if (origins.length) await browser.permissions.remove({ origins }).catch(() => false);
    },
  },
  readImportFile: (name, text) => parseImportFile(name, text, (html) => parser.parseFromString(html, 'text/html')),
  maxFileChars: MAX_IMPORT_FILE_CHARS,
  storageUsed: async () => (await navigator.storage?.estimate?.())?.usage,
  persistStorage: async () => void (await navigator.storage?.persist?.()),
  async deleteStore() {
    if (!confirm(browser.i18n.getMessage('deleteStoreConfirm'))) return;
    await deleteStoreDatabase();
    location.reload();
  },
  download: (_name, lines) =>
    URL.createObjectURL(new Blob([lines.map((l) => `${l}\n`).join('')], { type: 'application/x-ndjson' })),
});
