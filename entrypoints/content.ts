import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { articleMessageOf, createClient } from '../lib/extension';

/** How often the address is checked, to analyse again when a single-page app changes article. */
const NAVIGATION_CHECK_MS = 1000;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main() {
    const pause = (ms = 0) => new Promise<void>((resolve) => setTimeout(resolve, ms));
    const { request } = createClient((message) => browser.runtime.sendMessage(message));
    let analysedUrl = '';
    const analyse = async () => {
      analysedUrl = location.href;
      if (!(await request<'is-site-enabled'>({ type: 'is-site-enabled' }))) return;
      const article = await articleMessageOf(document, location.href, () => pause());
      if (article) await request<'article-found'>({ type: 'article-found', article });
      else await request<'no-article'>({ type: 'no-article', url: location.href });
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
