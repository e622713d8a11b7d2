import { browser } from 'wxt/browser';
import { accessPattern, createClient, MAX_IMPORT_CHUNK, packAddress } from '../../lib/extension';
import { MAX_IMPORT_FILE_CHARS, parseImportFile, readOpml } from '../../lib/formats';
import type { ImportProgress, OriginalInput } from '../../lib/model';
import { deleteStoreDatabase } from '../../lib/store';
import { startOptionsPage, translatorFrom } from '../../lib/ui';

const { request } = createClient((message) => browser.runtime.sendMessage(message));
const parser = new DOMParser();

void startOptionsPage(document, {
  t: translatorFrom((key, subs) => browser.i18n.getMessage(key as never, subs)),
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
    async followOpml(text) {
      const addresses = readOpml(text)
        .map((feed) => packAddress(feed.url))
        .filter((url): url is string => !!url);
      if (!addresses.length) return 'bad-address';
      // One question for every feed's host.
      const origins = [...new Set(addresses.map(accessPattern))];
      const granted = await browser.permissions.request({ origins }).catch(() => false);
      if (!granted) return 'no-permission';
      let followed = 0;
      for (const url of addresses)
        if (await request<'subscribe'>({ type: 'subscribe', url, everyHours: 6 })) followed++;
      return followed;
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
      await request<'unsubscribe'>({ type: 'unsubscribe', url });
      const pattern = accessPattern(url);
      const others = await request<'list-subscriptions'>({ type: 'list-subscriptions' });
      if (!others.some((s) => s.url !== url && accessPattern(s.url) === pattern))
        await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
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
