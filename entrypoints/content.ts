import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { articleMessageOf } from '../lib/extension/page-message';
import type { Message } from '../lib/extension/protocol';

/** How often the address is checked, to analyse again when a single-page app changes article. */
const NAVIGATION_CHECK_MS = 1000;
/** Tries of a message to the background: a stopped worker can fail a few in a row (over about 3 s). */
const SEND_ATTEMPTS = 6;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main() {
    const pause = (ms = 0) => new Promise<void>((resolve) => setTimeout(resolve, ms));
    // A stopped background worker is started by the message; if it was stopped mid-reply, ask
    // again, a little later each time, since the browser may stop it again while it starts.
    const send = async (message: Message, attempt = 0): Promise<unknown> => {
      try {
        return await browser.runtime.sendMessage(message);
      } catch (error) {
        if (attempt >= SEND_ATTEMPTS - 1) throw error;
        await pause(100 * 2 ** attempt);
        return send(message, attempt + 1);
      }
    };
    let analysedUrl = '';
    const analyse = async () => {
      analysedUrl = location.href;
      if (!(await send({ type: 'is-site-enabled' }))) return;
      const article = await articleMessageOf(document, location.href, () => pause());
      await send(article ? { type: 'article-found', article } : { type: 'no-article', url: location.href });
    };
    const start = () => void analyse().catch(() => undefined);
    // Wait for an idle moment so the page's own work goes first.
    if ('requestIdleCallback' in window) requestIdleCallback(start, { timeout: 2000 });
    else setTimeout(start, 0);
    setInterval(() => {
      if (location.href !== analysedUrl && analysedUrl) setTimeout(start, 300);
    }, NAVIGATION_CHECK_MS);
  },
});
