import { browser } from 'wxt/browser';
import { createClient } from '../../lib/extension';
import { renderWelcome, translatorFrom } from '../../lib/ui';

const t = translatorFrom((key, subs) => browser.i18n.getMessage(key as never, subs));
const { request } = createClient((message) => browser.runtime.sendMessage(message));

async function main(): Promise<void> {
  document.documentElement.lang = browser.i18n.getUILanguage();
  document.title = t('welcomeTitle');
  const { total } = await request<'list-originals'>({ type: 'list-originals', search: '', offset: 0, limit: 1 });
  renderWelcome(
    document.getElementById('welcome')!,
    { originals: total, optionsUrl: browser.runtime.getURL('/options.html') },
    t,
  );
}

void main();
