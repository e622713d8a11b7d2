import { browser } from 'wxt/browser';
import type { TabState } from '../../lib/db';
import type { Message } from '../../lib/protocol';
import { renderPopup } from '../../lib/ui/popup-view';

const POLL_MS = 400;
const POLL_LIMIT_MS = 30_000;

async function tabIdToShow(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery >= 0 && new URLSearchParams(location.search).has('tab'))
    return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function main(): Promise<void> {
  const root = document.getElementById('upstream')!;
  const tabId = await tabIdToShow();
  renderPopup(root, null);
  if (tabId === undefined) return;
  const started = Date.now();
  // The analysis may still be running: ask again until it is there.
  for (;;) {
    const message: Message = { type: 'get-tab-state', tabId };
    const state = (await browser.runtime.sendMessage(message).catch(() => null)) as TabState | null;
    renderPopup(root, state);
    if (state || Date.now() - started > POLL_LIMIT_MS) return;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

void main();
