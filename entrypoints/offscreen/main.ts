import { browser, type Browser } from 'wxt/browser';
import { readArticleHtml } from '../../lib/extension';

// Chrome's service worker has no DOM: the background sends a page's or a feed item's HTML here to be read
// with the same extraction the content script uses. Only the extension itself may ask.
browser.runtime.onMessage.addListener(
  (raw: unknown, sender: Browser.runtime.MessageSender, sendResponse: (reply: unknown) => void) => {
    const message = raw as { target?: unknown; page?: { html?: unknown; parts?: unknown }; url?: unknown };
    if (message?.target !== 'offscreen' || sender.id !== browser.runtime.id || sender.tab) return undefined;
    const { html, parts } = message.page ?? {};
    const partsOk = parts === undefined || (Array.isArray(parts) && parts.every((p) => typeof p === 'string'));
    if (typeof html !== 'string' || !partsOk || typeof message.url !== 'string') return undefined;
    sendResponse(readArticleHtml(new DOMParser(), { html, parts: parts as string[] | undefined }, message.url));
    return undefined;
  },
);
