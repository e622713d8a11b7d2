/**
 * The popup's content for a tab state: the answer in one sentence, the original's details,
 * the shares, the changes and other known copies. Pure DOM building, testable in Node.
 */
import type { TabState } from '../db';
import { describeReport, percent, VERDICT_LABELS } from '../describe';
import type { ProvenanceReport } from '../report';
import { h, safeHref } from './dom';

/** How many changes the popup lists before "and N more". */
export const POPUP_CHANGES = 8;

function share(doc: Document, testId: string, label: string, value: number): HTMLElement {
  return h(
    doc,
    'div',
    { class: `share share-${testId}` },
    h(doc, 'dt', {}, label),
    h(doc, 'dd', { 'data-testid': testId }, percent(value)),
  );
}

function reportView(doc: Document, report: ProvenanceReport): HTMLElement[] {
  const parts: HTMLElement[] = [
    h(doc, 'p', { class: 'verdict', 'data-testid': 'verdict' }, VERDICT_LABELS[report.verdict]),
    h(doc, 'p', { class: 'summary', 'data-testid': 'summary' }, describeReport(report)),
  ];
  const original = report.original;
  if (original) {
    const href = safeHref(original.url);
    parts.push(
      h(
        doc,
        'section',
        { class: 'original', 'aria-label': 'Original article' },
        h(doc, 'h2', { 'data-testid': 'original-title' }, original.title),
        original.publisher ? h(doc, 'p', { 'data-testid': 'original-publisher' }, original.publisher) : null,
        original.authors?.length
          ? h(doc, 'p', { 'data-testid': 'original-authors' }, original.authors.join(', '))
          : null,
        original.published ? h(doc, 'p', { 'data-testid': 'original-date' }, original.published) : null,
        href
          ? h(doc, 'a', { href, target: '_blank', rel: 'noopener noreferrer', 'data-testid': 'original-link' }, href)
          : null,
      ),
    );
  }
  const a = report.alteration;
  if (a) {
    parts.push(
      h(
        doc,
        'dl',
        { class: 'shares', 'aria-label': 'How the page relates to the original' },
        share(doc, 'share-verbatim', 'Word for word', a.verbatim),
        share(doc, 'share-reworded', 'Reworded', a.reworded),
        share(doc, 'share-added', 'Added', a.added),
        share(doc, 'coverage', 'Of the original carried', a.coverage),
      ),
    );
    if (a.changes.length) {
      const shown = a.changes.slice(0, POPUP_CHANGES);
      parts.push(
        h(
          doc,
          'section',
          { class: 'changes', 'aria-label': 'Changed names, numbers and quotes' },
          h(doc, 'h3', {}, 'Changed names, numbers and quotes'),
          h(
            doc,
            'ul',
            { 'data-testid': 'changes' },
            ...shown.map((c) =>
              h(
                doc,
                'li',
                { 'data-kind': c.kind },
                h(doc, 'span', { class: 'kind' }, `${c.kind}: `),
                h(doc, 'del', {}, c.original),
                ' → ',
                h(doc, 'ins', {}, c.page),
              ),
            ),
          ),
          a.changes.length > shown.length ? h(doc, 'p', {}, `and ${a.changes.length - shown.length} more`) : null,
        ),
      );
    }
  }
  if (report.sources.length > 1) {
    parts.push(
      h(
        doc,
        'section',
        { class: 'sources', 'aria-label': 'Sources' },
        h(doc, 'h3', {}, 'Sources'),
        h(
          doc,
          'ul',
          {},
          ...report.sources.map((s) => h(doc, 'li', {}, `${s.original.title} — ${percent(s.share)} of the page`)),
        ),
      ),
    );
  }
  if (report.knownCopies?.length) {
    parts.push(
      h(
        doc,
        'section',
        { class: 'copies', 'aria-label': 'Other known copies' },
        h(doc, 'h3', {}, 'Other known copies'),
        h(
          doc,
          'ul',
          { 'data-testid': 'known-copies' },
          ...report.knownCopies.map((c) => h(doc, 'li', {}, `${c.title} (${VERDICT_LABELS[c.verdict].toLowerCase()})`)),
        ),
      ),
    );
  }
  return parts;
}

/** Renders a tab's state into `root` (replacing its content) and marks the root for tests. */
export function renderPopup(root: HTMLElement, state: TabState | null): void {
  const doc = root.ownerDocument;
  let verdict: string;
  let content: HTMLElement[];
  if (!state) {
    verdict = 'pending';
    content = [h(doc, 'p', { class: 'verdict', 'data-testid': 'verdict' }, 'Analysing this page…')];
  } else if (state.status === 'no-article') {
    verdict = 'no-article';
    content = [
      h(doc, 'p', { class: 'verdict', 'data-testid': 'verdict' }, 'No article found on this page'),
      h(doc, 'p', { class: 'summary' }, 'Upstream looks for news articles; this page does not seem to have one.'),
    ];
  } else {
    verdict = state.report.verdict;
    content = reportView(doc, state.report);
  }
  root.setAttribute('data-verdict', verdict);
  const originalId = state?.status === 'ready' ? state.report.original?.id : undefined;
  if (originalId) root.setAttribute('data-original-id', originalId);
  else root.removeAttribute('data-original-id');
  root.replaceChildren(...content);
}
