import { browser } from 'wxt/browser';
import { accessPattern, createClient } from '../../lib/extension';
import { renderWelcome, translatorFrom, type FollowOutlets } from '../../lib/ui';

const t = translatorFrom((key, subs) => browser.i18n.getMessage(key as never, subs));
const { request } = createClient((message) => browser.runtime.sendMessage(message));
/** How often a followed feed is asked. */
const FOLLOW_EVERY_HOURS = 6;

/** Follows the ticked outlets: one question for all their hosts, then a subscription each. */
const follow: FollowOutlets = async (outlets) => {
  const origins = [
    ...new Set(
      outlets.flatMap((o) => [accessPattern(o.feed), ...(o.articleHosts ?? []).map((host) => `https://${host}/*`)]),
    ),
  ];
  const granted = await browser.permissions.request({ origins }).catch(() => false);
  if (!granted) return 'no-permission';
  let followed = 0;
  for (const outlet of outlets) {
    const subscribed = await request<'subscribe'>({
      type: 'subscribe',
      url: outlet.feed,
      everyHours: FOLLOW_EVERY_HOURS,
      ...(outlet.articleHosts ? { articleHosts: outlet.articleHosts } : {}),
    });
    if (subscribed) followed++;
  }
  return followed;
};

async function main(): Promise<void> {
  document.documentElement.lang = browser.i18n.getUILanguage();
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
