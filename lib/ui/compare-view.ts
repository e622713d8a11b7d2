/**
 * The compare page: the original and the page side by side, passage by passage, rendered a
 * chunk at a time so a 20,000-word article never freezes the page. Every row says its kind
 * in words (and by a coloured edge), every mark is in the legend, both articles are linked,
 * and the changed names, numbers and quotes sit folded on one line; choosing one scrolls to
 * the row that holds both versions.
 */
import { feedbackForm } from './feedback-form';
import { describeReport } from './describe';
import { fromArticleSpans, h, safeHref } from './dom';
import { count, percent } from './format';
import type { MessageKey, Translate } from './i18n';
import type { CompareRow, FeedbackKind, ProvenanceReport, RowKind, Segment } from '../model';

/** Rows rendered per step; each step is a few milliseconds of work. */
export const ROWS_PER_STEP = 60;

/** What the compare page shows: the report and the engine's explanation of it. */
export interface ComparisonData {
  report: ProvenanceReport;
  /** Null when only the original's fingerprint is stored. */
  rows: CompareRow[] | null;
  /** The address of the page compared (the tab's). */
  url?: string;
}

const KIND_LABELS: Record<RowKind, MessageKey> = {
  verbatim: 'legendVerbatim',
  reworded: 'legendReworded',
  added: 'legendAdded',
  removed: 'legendRemoved',
};

/** The legend: each row kind, a moved passage, and the mark on changed words. */
const LEGEND: [string, MessageKey][] = [
  ['verbatim', 'legendVerbatim'],
  ['reworded', 'legendReworded'],
  ['added', 'legendAdded'],
  ['removed', 'legendRemoved'],
  ['moved', 'legendMoved'],
  ['mark', 'legendChangedWords'],
];

function cell(doc: Document, side: string, label: string, parts: Segment[] | undefined, language?: string) {
  const el = h(doc, 'div', {
    class: `cell ${side}`,
    role: 'cell',
    'data-label': label,
    translate: 'no',
    ...(language ? { lang: language } : {}),
  });
  for (const part of parts ?? [])
    el.append(part.changed ? h(doc, 'mark', {}, part.text) : doc.createTextNode(part.text));
  return el;
}

function rowElement(
  doc: Document,
  row: CompareRow,
  index: number,
  t: Translate,
  languages: { original?: string; page?: string },
): HTMLElement {
  const kind = t(KIND_LABELS[row.kind]) + (row.moved ? `, ${t('legendMoved')}` : '');
  return h(
    doc,
    'div',
    {
      class: `row ${row.kind}${row.moved ? ' moved' : ''}`,
      id: `row-${index}`,
      'data-kind': row.kind,
      role: 'row',
      tabindex: '-1',
    },
    h(doc, 'div', { class: 'cell kind', role: 'cell' }, kind),
    cell(doc, 'original', t('compareOriginal'), row.original, languages.original),
    cell(doc, 'page', t('comparePage'), row.page, languages.page),
  );
}

function link(doc: Document, url: string | undefined, label: string, testId: string): HTMLElement | null {
  const href = safeHref(url);
  return href
    ? h(doc, 'a', { href, target: '_blank', rel: 'noopener noreferrer', 'data-testid': testId }, label)
    : null;
}

/** The changed names, numbers and quotes, folded on one line with their count; each opens its row. */
function changesFold(doc: Document, report: ProvenanceReport, rows: CompareRow[], t: Translate): HTMLElement | null {
  const changes = report.alteration?.changes ?? [];
  if (!changes.length) return null;
  const rowOfChange = new Map<number, number>();
  rows.forEach((row, i) => row.changes.forEach((c) => rowOfChange.set(c, i)));
  const list = h(doc, 'ul', { 'data-testid': 'compare-changes' });
  // In the engine's order: changes of meaning first, spelling variants last.
  for (const [index, change] of changes.entries()) {
    const button = h(
      doc,
      'button',
      { type: 'button', 'data-change': String(index), translate: 'no' },
      `${change.original} → ${change.page}`,
    );
    const rowIndex = rowOfChange.get(index);
    if (rowIndex === undefined) button.setAttribute('disabled', '');
    else
      button.addEventListener('click', () => {
        const target = doc.getElementById(`row-${rowIndex}`);
        target?.scrollIntoView({ block: 'center' });
        target?.focus();
      });
    list.append(h(doc, 'li', { 'data-kind': change.kind }, button));
  }
  return h(
    doc,
    'details',
    { class: 'changes' },
    h(doc, 'summary', {}, t('changesCount', count(changes.length, t))),
    h(doc, 'p', { class: 'sides' }, t('changesSides')),
    list,
  );
}

/** "Is this wrong?", folded on one line; `reportWrong` keeps the report and says what it did. */
function feedbackFold(
  doc: Document,
  report: ProvenanceReport,
  t: Translate,
  reportWrong: (kind: FeedbackKind, note: string) => Promise<string>,
): HTMLElement {
  const status = h(doc, 'p', { role: 'status', 'data-testid': 'feedback-status' });
  const form = feedbackForm(doc, report, t, (kind, note) => {
    void reportWrong(kind, note).then((said) => {
      form.hidden = true;
      status.textContent = said;
    });
  });
  return h(doc, 'details', { class: 'feedback' }, h(doc, 'summary', {}, t('feedbackHeading')), form, status);
}

/**
 * Renders the comparison into `root`. `nextStep` schedules the next chunk (setTimeout in the
 * browser); the returned promise resolves when every row is in the page.
 */
export async function renderComparison(
  root: HTMLElement,
  data: ComparisonData | null,
  t: Translate,
  nextStep: (run: () => void) => void,
  reportWrong?: (kind: FeedbackKind, note: string) => Promise<string>,
): Promise<void> {
  const doc = root.ownerDocument;
  if (!data || !data.report.original) {
    root.setAttribute('data-state', 'empty');
    root.replaceChildren(
      h(doc, 'h1', {}, t('compareTitle')),
      h(doc, 'p', { 'data-testid': 'compare-empty' }, t('compareNoReport')),
    );
    return;
  }
  const { report } = data;
  const a = report.alteration;
  root.setAttribute('data-verdict', report.verdict);
  const links = [
    link(doc, report.original?.url, t('readOriginal'), 'original-link'),
    link(doc, data.url, t('openPage'), 'page-link'),
  ].filter((el): el is HTMLElement => !!el);
  const header = h(
    doc,
    'header',
    {},
    h(doc, 'h1', {}, t('compareTitle')),
    h(
      doc,
      'p',
      { class: 'answer', 'data-testid': 'summary' },
      ...fromArticleSpans(doc, describeReport(report, t, true)),
    ),
    a
      ? h(
          doc,
          'p',
          { class: 'shares' },
          [
            `${t('shareVerbatim')} ${percent(a.verbatim, t)}`,
            `${t('shareReworded')} ${percent(a.reworded, t)}`,
            `${t('shareAdded')} ${percent(a.added, t)}`,
            t('compareCarried', percent(a.coverage, t)),
          ].join(' · '),
        )
      : null,
    links.length ? h(doc, 'p', { class: 'links' }, ...links.flatMap((el, i) => (i ? [' · ', el] : [el]))) : null,
    h(
      doc,
      'section',
      { class: 'legend', 'aria-labelledby': 'legend-heading' },
      h(doc, 'h2', { id: 'legend-heading' }, t('legendHeading')),
      h(
        doc,
        'ul',
        {},
        ...LEGEND.map(([kind, key]) =>
          h(doc, 'li', { class: `swatch ${kind}` }, kind === 'mark' ? h(doc, 'mark', {}, t(key)) : t(key)),
        ),
      ),
    ),
  );
  root.replaceChildren(header);
  if (reportWrong) root.append(feedbackFold(doc, report, t, reportWrong));

  const { rows } = data;
  if (!rows) {
    root.setAttribute('data-state', 'no-text');
    root.append(h(doc, 'p', { 'data-testid': 'text-not-stored', class: 'notice' }, t('textNotStored')));
    return;
  }
  const changes = changesFold(doc, report, rows, t);
  if (changes) root.append(changes);

  const languages = { original: report.original?.language, page: report.page.language };
  const grid = h(
    doc,
    'div',
    { class: 'grid', role: 'table', 'aria-labelledby': 'passages-heading', 'data-testid': 'compare-rows' },
    h(
      doc,
      'div',
      { class: 'row head', role: 'row' },
      h(doc, 'div', { class: 'cell kind', role: 'columnheader' }, t('compareKind')),
      h(doc, 'div', { class: 'cell', role: 'columnheader' }, t('compareOriginal')),
      h(doc, 'div', { class: 'cell', role: 'columnheader' }, t('comparePage')),
    ),
  );
  const status = h(doc, 'p', { class: 'status', role: 'status' });
  root.append(h(doc, 'h2', { id: 'passages-heading' }, t('comparePassages')), status, grid);
  root.setAttribute('data-state', 'rendering');
  for (let start = 0; start < rows.length; start += ROWS_PER_STEP) {
    const fragment = doc.createDocumentFragment();
    rows
      .slice(start, start + ROWS_PER_STEP)
      .forEach((row, k) => fragment.append(rowElement(doc, row, start + k, t, languages)));
    grid.append(fragment);
    if (start + ROWS_PER_STEP < rows.length) {
      // Said once while rendering, not at every step.
      if (!start) status.textContent = t('compareRendering', count(rows.length, t));
      await new Promise<void>((resolve) => nextStep(resolve));
    }
  }
  status.textContent = '';
  root.setAttribute('data-state', 'ready');
}
