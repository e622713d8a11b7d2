/**
 * What the popup and the options page say when the store stands in the way (it cannot be
 * opened, it is full, the seed originals are missing), with the action that helps there.
 */
import type { StoreHealth } from '../model';
import { h, placed, SLOT } from './dom';
import type { Translate } from './i18n';

export interface StoreProblemActions {
  /** The popup's way to the settings, where originals are deleted and exported. */
  openSettings?: () => void;
  /** The options page's last resort when the store cannot be opened at all. */
  deleteStore?: () => void;
}

/** An alert for the store's problem, or null when there is none. */
export function storeProblemView(
  doc: Document,
  health: StoreHealth,
  t: Translate,
  actions: StoreProblemActions,
): HTMLElement | null {
  if (!health.problem) return null;
  // The browser's own words, kept as they are (set apart as not the interface's).
  const detail = h(doc, 'span', { translate: 'no' }, health.detail ?? '');
  const text =
    health.problem === 'unavailable'
      ? t('storeUnavailable', SLOT)
      : health.problem === 'full'
        ? t('storeFull')
        : t('storeSeedsMissing', SLOT);
  const button = (label: string, act: () => void, testId: string) => {
    const el = h(doc, 'button', { type: 'button', 'data-testid': testId }, label);
    el.addEventListener('click', act);
    return el;
  };
  return h(
    doc,
    'div',
    { class: 'store-problem', role: 'alert', 'data-testid': 'store-problem', 'data-problem': health.problem },
    placed(doc, 'p', {}, text, detail),
    actions.openSettings && button(t('openSettings'), actions.openSettings, 'open-settings'),
    health.problem === 'unavailable' &&
      actions.deleteStore &&
      button(t('deleteStore'), actions.deleteStore, 'delete-store'),
  );
}
