/**
 * What the reader said was wrong: each report with the page, the verdict and the note, a way
 * to delete it (which brings back an original dismissed for that page), and one file to export
 * that the reader may choose to send to the project. Nothing is sent from here.
 */
import type { FeedbackKind, VerdictFeedback } from '../../model';
import { describeReport } from '../describe';
import { fromArticleSpans, h } from '../dom';
import { count } from '../format';
import type { MessageKey } from '../i18n';
import { confirmingButton } from './confirm';
import type { Section } from './context';
import { timeElement } from './times';

const KINDS: Record<FeedbackKind, MessageKey> = {
  'wrong-original': 'feedbackWrongOriginal',
  'wrong-kind': 'feedbackWrongKind',
  'missed-original': 'feedbackMissedOriginal',
};

/** The export: one JSON object per line, as kept (the page's address, what was said, the report shown). */
export const feedbackLines = (list: VerdictFeedback[]) => list.map((f) => JSON.stringify(f));

export function startFeedbackSection(s: Section): () => Promise<void> {
  const { doc, t, backend, env, $ } = s;
  let kept: VerdictFeedback[] = [];

  function itemOf(f: VerdictFeedback): HTMLElement {
    const kind = f.report.verdict === 'original' && f.kind === 'wrong-kind' ? 'feedbackNotOriginal' : KINDS[f.kind];
    return h(
      doc,
      'li',
      { 'data-testid': 'feedback-item' },
      h(doc, 'strong', {}, t(kind)),
      ' · ',
      timeElement(doc, f.at, t),
      h(doc, 'div', { class: 'subscription-url', translate: 'no' }, f.url),
      h(doc, 'div', {}, ...fromArticleSpans(doc, t('optionsFeedbackShown', describeReport(f.report, t, true)))),
      f.note ? h(doc, 'div', {}, t('optionsFeedbackNote'), ' ', h(doc, 'q', {}, f.note)) : null,
      confirmingButton(
        doc,
        t,
        { label: t('optionsDelete'), question: t('optionsFeedbackDeleteQuestion'), testId: 'delete-feedback' },
        async () => {
          await backend.deleteFeedback(f.at);
          await show();
        },
      ),
    );
  }

  async function show(): Promise<void> {
    kept = await backend.feedback();
    $('feedback-list').replaceChildren(
      ...(kept.length ? kept.map(itemOf) : [h(doc, 'li', {}, t('optionsFeedbackNone'))]),
    );
    ($('export-feedback') as HTMLButtonElement).disabled = !kept.length;
  }

  $('export-feedback').addEventListener('click', () => {
    const link = $('feedback-link') as HTMLAnchorElement;
    link.href = env.download('upstream-reports.jsonl', feedbackLines(kept));
    link.download = 'upstream-reports.jsonl';
    link.textContent = t('optionsFeedbackDownload', count(kept.length, t));
    link.hidden = false;
    link.click();
  });
  return show;
}
