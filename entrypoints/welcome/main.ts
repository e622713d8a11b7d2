import { browser } from 'wxt/browser';
import { createClient, followFeeds } from '../../lib/extension';
import { renderWelcome, localizePage, translatorFrom, type FollowOutlets } from '../../lib/ui';

const t = translatorFrom((key, subs) => browser.i18n.getMessage(key as never, subs), browser.i18n.getUILanguage());
const { request } = createClient((message) => browser.runtime.sendMessage(message));
/** Follows the ticked outlets: one question for all their hosts, then a subscription each. */
const follow: FollowOutlets = (outlets) =>
  followFeeds(
    {
      askAccess: (origins) => browser.permissions.request({ origins }),
      subscribe: (feed, everyHours) => request<'subscribe'>({ type: 'subscribe', ...feed, everyHours }),
    },
    outlets.map(({ feed, articleHosts }) => (articleHosts ? { url: feed, articleHosts } : { url: feed })),
  );

async function main(): Promise<void> {
  localizePage(document, t);
  document.title = t('welcomeTitle');
  const { total } = await request<'list-originals'>({ type: 'list-originals', search: '', offset: 0, limit: 1 });
  renderWelcome(
    document.getElementById('welcome')!,
    { originals: total, optionsUrl: browser.runtime.getURL('/options.html') },
    t,
    follow,
  );
}

void main();
