/**
 * Who sent a message to the background, from what the browser says of the sender (never from
 * the message): one of the extension's own pages, or the content script of a tab's page at the
 * address the browser gives.
 */
import type { Sender } from './service';

/** The parts of the browser's runtime.MessageSender this reads. */
export interface BrowserSender {
  id?: string;
  url?: string;
  frameId?: number;
  documentLifecycle?: string;
  tab?: { id?: number };
}

/**
 * The sender as the service knows it, or null for anything else (another extension, a frame
 * inside a page). The content script runs only in a tab's top document; Chrome gives a top
 * document that was prerendered a frame id other than 0 even once it is shown, so an active
 * document is taken whatever its frame id.
 */
export function senderOf(sender: BrowserSender, extensionId: string, extensionOrigin: string): Sender | null {
  if (sender.id !== extensionId) return null;
  if ((sender.url ?? '').startsWith(extensionOrigin)) return { kind: 'extension-page' };
  const topDocument = sender.frameId === 0 || sender.documentLifecycle === 'active';
  if (sender.tab?.id !== undefined && topDocument && sender.url)
    return { kind: 'content-script', tabId: sender.tab.id, url: sender.url };
  return null;
}
