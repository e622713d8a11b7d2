import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { articleMessageOf } from '../lib/page-message';
import type { Message } from '../lib/protocol';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main() {
    const analyse = () => {
      const article = articleMessageOf(document, location.href);
      const message: Message = article
        ? { type: 'article-found', article }
        : { type: 'no-article', url: location.href };
      browser.runtime.sendMessage(message).catch(() => undefined);
    };
    // Wait for an idle moment so the page's own work goes first.
    if ('requestIdleCallback' in window) requestIdleCallback(analyse, { timeout: 2000 });
    else setTimeout(analyse, 0);
  },
});
