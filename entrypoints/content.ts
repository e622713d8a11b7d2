import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { articleMessageOf } from '../lib/page-message';
import type { Message } from '../lib/protocol';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main() {
    const send = (message: Message) => browser.runtime.sendMessage(message);
    const analyse = async () => {
      const check: Message = { type: 'is-site-enabled' };
      if (!(await send(check))) return;
      const article = articleMessageOf(document, location.href);
      await send(article ? { type: 'article-found', article } : { type: 'no-article', url: location.href });
    };
    // Wait for an idle moment so the page's own work goes first.
    const start = () => void analyse().catch(() => undefined);
    if ('requestIdleCallback' in window) requestIdleCallback(start, { timeout: 2000 });
    else setTimeout(start, 0);
  },
});
