/** The outlets Upstream learns from, with how many originals each gave, a way to stop (after a question), and the list as text. */
import { h, uniqueId } from '../dom';
import { count } from '../format';
import { confirmingButton } from './confirm';
import type { Section } from './context';

/** A person's typing as bare lower-case domains, one per line or space. */
export function domainsFromText(text: string): string[] {
  return text
    .split(/\s+/)
    .map((d) =>
      d
        .trim()
        .toLowerCase()
        .replace(/^https?:\/\//, '')
        .replace(/\/.*$/, ''),
    )
    .filter(Boolean);
}

/** Wires the section; returns the function that shows it again. */
export function startLearnedSection(s: Section): () => Promise<void> {
  const { doc, t, backend, $ } = s;

  async function show(): Promise<void> {
    const [outlets, counts] = await Promise.all([backend.trustedOutlets(), backend.learnedCounts()]);
    ($('trusted') as HTMLTextAreaElement).value = outlets.join('\n');
    const items = outlets.map((domain) => {
      const id = uniqueId('outlet');
      return h(
        doc,
        'li',
        { 'data-testid': 'learned-outlet', 'data-domain': domain },
        h(doc, 'span', { id }, t('optionsLearnedCount', domain, count(counts[domain] ?? 0, t))),
        ' ',
        confirmingButton(
          doc,
          t,
          {
            label: t('optionsStopLearning'),
            labelledBy: id,
            question: t('optionsStopLearningQuestion', domain),
            testId: 'stop-learning',
          },
          async () => {
            await backend.setTrustedOutlets(outlets.filter((d) => d !== domain));
            await show();
          },
        ),
      );
    });
    $('learned-outlets').replaceChildren(...(items.length ? items : [h(doc, 'li', {}, t('optionsLearnedNone'))]));
  }

  $('save-trusted').addEventListener('click', async () => {
    const domains = domainsFromText(($('trusted') as HTMLTextAreaElement).value);
    try {
      await backend.setTrustedOutlets(domains);
      $('trusted-status').textContent = t(domains.length ? 'optionsSaved' : 'optionsSavedOff');
      await show();
    } catch {
      $('trusted-status').textContent = t('optionsNotSaved');
    }
  });
  return show;
}
