import { browser } from 'wxt/browser';
import { createClient } from '../../lib/extension';
import { renderComparison, translatorFrom } from '../../lib/ui';

const t = translatorFrom((key, subs) => browser.i18n.getMessage(key as never, subs));
const { request } = createClient((message) => browser.runtime.sendMessage(message));

async function main(): Promise<void> {
  document.documentElement.lang = browser.i18n.getUILanguage();
  document.title = t('compareTitle');
  const tabId = Number(new URLSearchParams(location.search).get('tab'));
  const explained = await request<'get-comparison'>({ type: 'get-comparison', tabId }).catch(() => null);
  await renderComparison(document.getElementById('compare')!, explained, t, (run) => setTimeout(run, 0));
}

void main();
