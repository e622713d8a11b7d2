/**
 * A button whose action cannot be undone asks first, in the page: the button gives way to the
 * question with "Yes" and "Cancel", and Cancel puts the button back with the focus on it.
 */
import { h, uniqueId } from '../dom';
import type { Translate } from '../i18n';

export interface ConfirmingButton {
  label: string;
  /** The element naming what the button acts on (which "Delete"?): its text joins the button's accessible name. */
  labelledBy?: string;
  question: string;
  testId: string;
}

export function confirmingButton(doc: Document, t: Translate, spec: ConfirmingButton, act: () => unknown): HTMLElement {
  const holder = h(doc, 'span', { class: 'confirming' });
  const id = uniqueId('action');
  const start = h(
    doc,
    'button',
    {
      type: 'button',
      id,
      'data-testid': spec.testId,
      ...(spec.labelledBy ? { 'aria-labelledby': `${id} ${spec.labelledBy}` } : {}),
    },
    spec.label,
  );
  const yes = h(doc, 'button', { type: 'button', class: 'danger', 'data-testid': 'confirm' }, t('optionsConfirmYes'));
  const no = h(doc, 'button', { type: 'button', 'data-testid': 'cancel' }, t('optionsConfirmNo'));
  const asking = h(doc, 'span', { role: 'group', 'aria-label': spec.question }, `${spec.question} `, yes, ' ', no);
  start.addEventListener('click', () => {
    holder.replaceChildren(asking);
    yes.focus();
  });
  no.addEventListener('click', () => {
    holder.replaceChildren(start);
    start.focus();
  });
  yes.addEventListener('click', () => {
    (yes as HTMLButtonElement).disabled = true;
    void act();
  });
  holder.append(start);
  return holder;
}
