/**
 * "Is this wrong?", on the popup and the compare page: the reader says how (the original is not
 * this article's, the kind of reuse is wrong, an original was missed) with an optional note.
 * What is kept, and where, is the caller's: on this device, never sent by itself.
 */
import { h } from './dom';
import type { MessageKey, Translate } from './i18n';
import type { FeedbackKind, ProvenanceReport } from '../model';

const KINDS: [FeedbackKind, MessageKey][] = [
  ['wrong-original', 'feedbackWrongOriginal'],
  ['wrong-kind', 'feedbackWrongKind'],
  ['missed-original', 'feedbackMissedOriginal'],
];

/** The choices that make sense for a report: a missed original only where none was named. */
function kindsFor(report: ProvenanceReport): [FeedbackKind, MessageKey][] {
  if (!report.original) return KINDS.filter(([kind]) => kind === 'missed-original');
  if (report.verdict === 'original') return [['wrong-kind', 'feedbackNotOriginal']];
  return KINDS.filter(([kind]) => kind !== 'missed-original');
}

export function feedbackForm(
  doc: Document,
  report: ProvenanceReport,
  t: Translate,
  send: (kind: FeedbackKind, note: string) => void,
): HTMLElement {
  const kinds = kindsFor(report);
  const radios = kinds.map(([kind, key], i) =>
    h(
      doc,
      'label',
      { class: 'choice' },
      h(doc, 'input', { type: 'radio', name: 'feedback-kind', value: kind, ...(i === 0 ? { checked: '' } : {}) }),
      ` ${t(key)}`,
    ),
  );
  const note = h(doc, 'textarea', {
    rows: '2',
    maxlength: '500',
    'data-testid': 'feedback-note',
  }) as HTMLTextAreaElement;
  const form = h(
    doc,
    'form',
    { class: 'feedback-form', 'data-testid': 'feedback-form' },
    h(doc, 'fieldset', {}, h(doc, 'legend', {}, t('feedbackWhat')), ...radios),
    h(doc, 'label', { class: 'note' }, t('feedbackNote'), note),
    h(doc, 'p', { class: 'help' }, t('feedbackKept')),
    h(doc, 'button', { type: 'submit', 'data-testid': 'feedback-send' }, t('feedbackSave')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = [...form.querySelectorAll<HTMLInputElement>('input[name="feedback-kind"]')].find((r) => r.checked);
    send((chosen?.value ?? kinds[0][0]) as FeedbackKind, note.value.trim());
  });
  return form;
}
