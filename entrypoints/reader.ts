import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { runSliced } from '../lib/engine';
import { createClient, pageMessageSteps, type PageMessage } from '../lib/extension';

/** Wait after a same-document navigation before reading the new article: the app is still drawing it. */
const SETTLE_MS = 300;
/** How long the first read waits for an idle moment at most. */
const IDLE_TIMEOUT_MS = 2_000;
/** Longest slice of reading the page before the script gives the page its main thread back. */
const SLICE_MS = 4;
/** How often the address is looked at where the browser has no Navigation API. */
const ADDRESS_POLL_MS = 1_000;

/** Waits for a task of its own (a timer's: the trace attributes its work to this script). */
const nextTask = () => new Promise<void>((resolve) => setTimeout(() => resolve()));

/**
 * The content script, declared in wxt.config.ts's manifest as a plain script: WXT's
 * content-script wrapper would cost every page a few ms of its main thread.
 */
export default defineUnlistedScript(() => {
  // An update or removal of the extension cuts this script off (its runtime has no id any
  // more): every timer and listener then stops at its next turn.
  const alive = () => !!browser.runtime?.id;
  const { request } = createClient((message) => browser.runtime.sendMessage(message));
  const analyse = async () => {
    if (!alive() || !(await request<'is-site-enabled'>({ type: 'is-site-enabled' }))) return;
    // The page is read in slices of a few ms, in tasks of their own (not the one that delivers
    // the answer), and sent in another: the browser may draw or take input in between, even on
    // a 10 MB page, and a profile shows the work as this script's.
    await nextTask();
    if (!alive()) return;
    const message: PageMessage = await runSliced(pageMessageSteps(document, location.href), nextTask, SLICE_MS);
    await nextTask();
    if (alive()) await request<PageMessage['type']>(message);
  };
  const start = () => void analyse().catch(() => undefined);
  // Wait for an idle moment so the page's own work goes first, and for a page Chrome
  // prerenders to be shown: it may never be, and the tab still shows the page before it.
  const whenIdle = () => requestIdleCallback(start, { timeout: IDLE_TIMEOUT_MS });
  if ((document as Document & { prerendering?: boolean }).prerendering)
    document.addEventListener('prerenderingchange', whenIdle, { once: true });
  else whenIdle();

  // A single-page app that changes article without a page load.
  let address = location.href;
  const moved = (to: string) => {
    if (to === address) return;
    address = to;
    setTimeout(() => alive() && start(), SETTLE_MS);
  };
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  if (navigation) {
    const onNavigate = (event: Event) => {
      if (!alive()) return navigation.removeEventListener('navigate', onNavigate);
      moved((event as Event & { destination: { url: string } }).destination.url);
    };
    navigation.addEventListener('navigate', onNavigate);
  } else {
    const timer = setInterval(() => (alive() ? moved(location.href) : clearInterval(timer)), ADDRESS_POLL_MS);
  }
});
