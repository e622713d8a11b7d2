/**
 * Feeds and lists followed: subscribing by address or from an OPML file, and for each one its
 * state ("checked 3 hours ago"), a progress bar while it is fetched, its schedule, how long a
 * feed's articles are kept, pausing, refreshing and removing (after a question).
 */
import type { SubscriptionView } from '../../model';
import { h, placed, SLOT, uniqueId } from '../dom';
import { count } from '../format';
import type { MessageKey } from '../i18n';
import { problemText } from '../problem-text';
import { confirmingButton } from './confirm';
import { sleep, type Section } from './context';
import { timeElement } from './times';

/** Refresh schedules offered for a subscription, in hours. */
const SCHEDULES: [number, MessageKey][] = [
  [6, 'optionsEvery6Hours'],
  [24, 'optionsEveryDay'],
  [24 * 7, 'optionsEveryWeek'],
];
/** How often the list is read again while a subscription is being fetched or removed. */
const FOLLOW_MS = 500;

/** Wires the section; returns the function that shows the subscriptions and follows them while busy. */
export function startSubscriptionsSection(s: Section): () => Promise<void> {
  const { doc, t, backend, $ } = s;

  const scheduleOptions = (selected: number) =>
    SCHEDULES.map(([hours, key]) =>
      h(doc, 'option', { value: String(hours), selected: hours === selected ? '' : undefined }, t(key)),
    );

  /** The days a feed's articles are kept, changed where the person types a day count the background accepts. */
  function keepDaysInput(sub: SubscriptionView, everyHours: () => number, labelledBy: string): HTMLInputElement {
    const input = h(doc, 'input', {
      type: 'number',
      min: '1',
      max: '365',
      value: String(sub.keepDays),
      'aria-labelledby': labelledBy,
      'data-testid': 'keep-days',
    }) as HTMLInputElement;
    input.addEventListener('change', () => {
      const days = Number(input.value);
      if (Number.isInteger(days) && days >= 1 && days <= 365) void backend.setSchedule(sub.url, everyHours(), days);
    });
    return input;
  }

  function stateOf(sub: SubscriptionView, busy: string | undefined): HTMLElement {
    const attrs = { 'data-testid': 'subscription-state' };
    if (busy === 'removing') return h(doc, 'div', attrs, t('optionsSubscriptionRemoving'));
    if (busy) return h(doc, 'div', attrs, t('optionsSubscriptionFetching', count(sub.progress ?? 0, t)));
    const checked = timeElement(doc, sub.checkedAt, t);
    if (sub.kind === 'feed')
      return placed(
        doc,
        'div',
        attrs,
        t('optionsFeedState', count(sub.count, t), count(sub.keepDays ?? 30, t), SLOT),
        checked,
      );
    return placed(
      doc,
      'div',
      attrs,
      t('optionsSubscriptionState', count(sub.count, t), SLOT, SLOT),
      checked,
      timeElement(doc, sub.updatedAt, t),
    );
  }

  function subscriptionItem(sub: SubscriptionView): HTMLElement {
    // Each control is named by what it does and the subscription's title (which is the feed's, not the interface's).
    const [titleId, scheduleId, keepId, pauseId, refreshId] = ['title', 'every', 'keep', 'pause', 'refresh'].map(
      uniqueId,
    );
    const named = (id: string) => `${id} ${titleId}`;
    const schedule = h(
      doc,
      'select',
      { 'aria-labelledby': named(scheduleId) },
      ...scheduleOptions(sub.everyHours),
    ) as HTMLSelectElement;
    schedule.addEventListener('change', () => void backend.setSchedule(sub.url, Number(schedule.value)));
    const refreshButton = h(
      doc,
      'button',
      { type: 'button', id: refreshId, 'data-testid': 'refresh-subscription', 'aria-labelledby': named(refreshId) },
      t('optionsRefreshNow'),
    );
    refreshButton.addEventListener('click', async () => {
      await backend.refreshSubscription(sub.url);
      await followSubscriptions();
    });
    const pause = h(doc, 'input', {
      type: 'checkbox',
      'data-testid': 'pause-subscription',
      'aria-labelledby': named(pauseId),
    }) as HTMLInputElement;
    pause.checked = !!sub.paused;
    pause.addEventListener('change', async () => {
      await backend.setPaused(sub.url, pause.checked);
      await followSubscriptions();
    });
    const remove = confirmingButton(
      doc,
      t,
      {
        label: t('optionsUnsubscribe'),
        labelledBy: titleId,
        question: t(
          sub.kind === 'feed' ? 'optionsUnfollowQuestion' : 'optionsUnsubscribeQuestion',
          count(sub.count, t),
        ),
        testId: 'unsubscribe',
      },
      async () => {
        await backend.unsubscribe(sub.url);
        await followSubscriptions();
      },
    );
    const busy = sub.activity ?? (sub.removing ? 'removing' : undefined);
    const keep = sub.kind === 'feed' ? keepDaysInput(sub, () => Number(schedule.value), named(keepId)) : null;
    for (const control of [refreshButton, schedule, keep, pause])
      if (control) (control as HTMLButtonElement).disabled = !!busy;
    const unread = (sub.items ?? []).filter((i) => i.problem && i.title);
    return h(
      doc,
      'li',
      { 'data-url': sub.url, 'data-testid': 'subscription', 'data-busy': busy ?? '' },
      h(doc, 'strong', { id: titleId, 'data-testid': 'subscription-title', translate: 'no' }, sub.title),
      h(doc, 'div', { class: 'subscription-url', translate: 'no' }, sub.url),
      stateOf(sub, busy),
      busy ? h(doc, 'progress', { 'aria-labelledby': titleId }) : null,
      sub.paused ? h(doc, 'div', { 'data-testid': 'subscription-paused' }, t('optionsPausedState')) : null,
      sub.problem
        ? h(
            doc,
            'div',
            { class: 'problem', 'data-testid': 'subscription-problem' },
            t('optionsSubscriptionProblem', problemText(sub.problem, t)),
          )
        : null,
      sub.kind === 'feed' && sub.pending ? h(doc, 'div', {}, t('optionsFeedPending', count(sub.pending, t))) : null,
      unread.length
        ? h(
            doc,
            'details',
            { 'data-testid': 'feed-unread' },
            h(doc, 'summary', {}, t('optionsFeedUnread', count(unread.length, t))),
            h(
              doc,
              'ul',
              {},
              ...unread.map((i) =>
                h(doc, 'li', {}, h(doc, 'span', { translate: 'no' }, i.title!), `: ${problemText(i.problem!, t)}`),
              ),
            ),
          )
        : null,
      h(
        doc,
        'div',
        { class: 'controls' },
        h(doc, 'span', { id: scheduleId, class: 'visually-hidden' }, t('optionsScheduleLabel')),
        schedule,
        ' ',
        ...(keep ? [h(doc, 'label', {}, h(doc, 'span', { id: keepId }, t('optionsKeepDays')), ' ', keep), ' '] : []),
        h(doc, 'label', {}, pause, ' ', h(doc, 'span', { id: pauseId }, t('optionsPause'))),
        ' ',
        refreshButton,
        ' ',
        remove,
      ),
    );
  }

  /** Shows the subscriptions, and follows them while one is being fetched or removed. */
  async function followSubscriptions(): Promise<void> {
    for (let wasBusy = false; ; await sleep(FOLLOW_MS)) {
      const list = await backend.subscriptions();
      $('subscriptions').replaceChildren(
        ...(list.length ? list.map(subscriptionItem) : [h(doc, 'li', {}, t('optionsNoSubscriptions'))]),
      );
      const busy = list.some((sub) => sub.activity || sub.removing);
      if (!busy) {
        if (wasBusy) await s.storeChanged();
        return;
      }
      wasBusy = true;
    }
  }

  $('subscribe-every').replaceChildren(...scheduleOptions(24));
  $('subscribe-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const url = ($('subscribe-url') as HTMLInputElement).value;
    // First thing in the handler: the browser asks the person for access only during their input.
    const subscribing = backend.subscribe(url, Number(($('subscribe-every') as HTMLSelectElement).value));
    void subscribing.then(async (result) => {
      $('subscribe-status').textContent =
        result === 'bad-address'
          ? t('optionsSubscribeBadAddress')
          : result === 'no-permission'
            ? t('optionsSubscribeNoPermission', url)
            : '';
      if (typeof result === 'object') ($('subscribe-url') as HTMLInputElement).value = '';
      await followSubscriptions();
    });
  });
  $('opml-file').addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    // Read and asked within the person's input: the browser asks for access only then.
    void file
      .text()
      .then((text) => backend.followOpml(text))
      .then(
        (result) => {
          $('opml-status').textContent =
            result === 'no-permission'
              ? t('welcomeStarterRefused')
              : result === 'bad-address'
                ? t('optionsOpmlNoFeeds', file.name)
                : t('optionsOpmlFollowing', count(result, t));
        },
        (error: { problem?: Parameters<typeof problemText>[0] }) =>
          ($('opml-status').textContent = t(
            'optionsOpmlProblem',
            error.problem ? problemText(error.problem, t) : t('problemOpmlDamaged'),
          )),
      )
      .finally(() => {
        input.value = '';
        void followSubscriptions();
      });
  });
  return followSubscriptions;
}
