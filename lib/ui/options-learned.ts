/** The options page's list of outlets Upstream learns from, with how many originals each gave and a way to stop. */
import { h } from './dom';
import type { Translate } from './i18n';

/** Renders the outlets into `list`; `stop` is called with a domain when the person stops learning from it. */
export function renderLearnedOutlets(
  list: HTMLElement,
  outlets: string[],
  counts: Record<string, number>,
  t: Translate,
  stop: (domain: string) => void,
): void {
  const doc = list.ownerDocument;
  const items = outlets.map((domain) => {
    const button = h(
      doc,
      'button',
      { type: 'button', 'data-testid': 'stop-learning', 'aria-label': t('stopLearning', domain) },
      t('optionsStopLearning'),
    );
    button.addEventListener('click', () => stop(domain));
    return h(
      doc,
      'li',
      { 'data-testid': 'learned-outlet', 'data-domain': domain },
      t('optionsLearnedCount', domain, String(counts[domain] ?? 0)),
      ' ',
      button,
    );
  });
  list.replaceChildren(...(items.length ? items : [h(doc, 'li', {}, t('optionsLearnedNone'))]));
}
