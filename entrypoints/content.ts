import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { articleMessageOf, createClient } from '../lib/extension';

/** Wait after a same-document navigation before reading the new article: the app is still drawing it. */
const SETTLE_MS = 300;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    // Every timer and listener goes through the context: none outlives an update or removal of the extension.
    const { request } = createClient((message) => browser.runtime.sendMessage(message));
    const analyse = async () => {
      if (ctx.isInvalid || !(await request<'is-site-enabled'>({ type: 'is-site-enabled' }))) return;
      const article = articleMessageOf(document, location.href);
      if (ctx.isInvalid) return;
      if (article) await request<'article-found'>({ type: 'article-found', article });
      else await request<'no-article'>({ type: 'no-article', url: location.href });
    };
    const start = () => void analyse().catch(() => undefined);
    // Wait for an idle moment so the page's own work goes first, and for a page Chrome
    // prerenders to be shown: it may never be, and the tab still shows the page before it.
    const whenIdle = () => ctx.requestIdleCallback(start, { timeout: 2000 });
    if ((document as Document & { prerendering?: boolean }).prerendering)
      ctx.addEventListener(document, 'prerenderingchange', whenIdle, { once: true });
    else whenIdle();
    // A single-page app that changes article without a page load.
    ctx.addEventListener(window, 'wxt:locationchange', () => ctx.setTimeout(start, SETTLE_MS));
  },
});
