/** A time as "3 hours ago", with the exact time on hover and for machines. */
import { h } from '../dom';
import { exactTime, relativeTime } from '../format';
import type { Translate } from '../i18n';

export function timeElement(doc: Document, time: number | undefined, t: Translate): HTMLElement {
  if (!time) return h(doc, 'span', {}, t('optionsNever'));
  return h(
    doc,
    'time',
    { datetime: new Date(time).toISOString(), title: exactTime(time, t) },
    relativeTime(time, Date.now(), t),
  );
}
