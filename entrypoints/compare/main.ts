import { browser } from 'wxt/browser';
import { createClient } from '../../lib/extension';
import { renderComparison, localizePage, translatorFrom } from '../../lib/ui';

const t = translatorFrom((key, subs) => browser.i18n.getMessage(key as never, subs), browser.i18n.getUILanguage());
const { request } = createClient((message) => browser.runtime.sendMessage(message));
/** How long the page waits for the tab's report when there is none yet (the page is being analysed again). */
const WAIT_MS = 10_000;
const POLL_MS = 400;

async function main(): Promise<void> {
  localizePage(document, t);
  document.title = t('compareTitle');
  const tabId = Number(new URLSearchParams(location.search).get('tab'));
  const ask = () => request<'get-comparison'>({ type: 'get-comparison', tabId }).catch(() => null);
  let explained = await ask();
  for (const started = Date.now(); !explained && Date.now() - started < WAIT_MS; explained = await ask())
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  await renderComparison(
    document.getElementById('compare')!,
    explained,
    t,
    (run) => setTimeout(run, 0),
    async (kind, note) => {
      const kept = await request<'report-verdict'>({ type: 'report-verdict', tabId, kind, ...(note ? { note } : {}) });
      return t(kept?.kind === 'wrong-original' ? 'feedbackSaved' : 'feedbackSavedOther');
    },
  );
}

void main();
