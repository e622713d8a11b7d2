/**
 * The compare page: the original and the page side by side, passage by passage, rendered a
 * chunk at a time so a 20,000-word article never freezes the page. Changed names, numbers
 * and quotes are listed; choosing one scrolls to the row that holds both versions.
 */
import { describeReport } from './describe';
import { percent } from './format';
import type { MessageKey, Translate } from './i18n';
import type { CompareRow, ProvenanceReport, Segment } from '../model';
import { h } from './dom';

/** Rows rendered per step; each step is a few milliseconds of work. */
export const ROWS_PER_STEP = 60;

/** What the compare page shows: the report and the engine's explanation of it. */
export interface ComparisonData {
  report: ProvenanceReport;
  /** Null when only the original's fingerprint is stored. */
  rows: CompareRow[] | null;
}

const LEGEND: [string, MessageKey][] = [
  ['verbatim', 'legendVerbatim'],
  ['reworded', 'legendReworded'],
  ['added', 'legendAdded'],
  ['removed', 'legendRemoved'],
  ['moved', 'legendMoved'],
];

function cell(doc: Document, side: string, parts: Segment[] | undefined): HTMLElement {
  const el = h(doc, 'div', { class: `cell ${side}` });
  for (const part of parts ?? [])
    el.append(part.changed ? h(doc, 'mark', {}, part.text) : doc.createTextNode(part.text));
  return el;
}

function rowElement(doc: Document, row: CompareRow, index: number, t: Translate): HTMLElement {
  const label = t(LEGEND.find(([kind]) => kind === row.kind)![1]) + (row.moved ? `, ${t('legendMoved')}` : '');
  return h(
    doc,
    'div',
    {
      class: `row ${row.kind}${row.moved ? ' moved' : ''}`,
      id: `row-${index}`,
      'data-kind': row.kind,
      role: 'row',
      'aria-label': label,
      tabindex: '-1',
    },
    cell(doc, 'original', row.original),
    cell(doc, 'page', row.page),
  );
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
): Promise<void> {
  const doc = root.ownerDocument;
  if (!data || !data.report.original) {
    root.setAttribute('data-state', 'empty');
    root.replaceChildren(h(doc, 'p', { 'data-testid': 'compare-empty' }, t('compareNoReport')));
    return;
  }
  const { report } = data;
  const a = report.alteration;
  root.setAttribute('data-verdict', report.verdict);
  const header = h(
    doc,
    'header',
    {},
    h(doc, 'h1', {}, t('compareTitle')),
    h(doc, 'p', { 'data-testid': 'summary' }, describeReport(report, t)),
    a
      ? h(
          doc,
          'p',
          { class: 'shares' },
          `${t('shareVerbatim')} ${percent(a.verbatim)} · ${t('shareReworded')} ${percent(a.reworded)} · ${t('shareAdded')} ${percent(a.added)} · ${t('shareCoverage')} ${percent(a.coverage)}`,
        )
      : null,
    h(
      doc,
      'ul',
      { class: 'legend', 'aria-label': 'legend' },
      ...LEGEND.map(([kind, key]) => h(doc, 'li', { class: `swatch ${kind}` }, t(key))),
    ),
  );
  root.replaceChildren(header);

  const { rows } = data;
  if (!rows) {
    root.setAttribute('data-state', 'no-text');
    root.append(h(doc, 'p', { 'data-testid': 'text-not-stored', class: 'notice' }, t('textNotStored')));
    return;
  }
  const rowOfChange = new Map<number, number>();
  rows.forEach((row, i) => row.changes.forEach((c) => rowOfChange.set(c, i)));

  if (a?.changes.length) {
    const list = h(doc, 'ul', { 'data-testid': 'compare-changes' });
    a.changes.forEach((change, i) => {
      const button = h(
        doc,
        'button',
        { type: 'button', 'data-change': String(i) },
        `${change.original} → ${change.page}`,
      );
      const rowIndex = rowOfChange.get(i);
      if (rowIndex === undefined) button.setAttribute('disabled', '');
      else
        button.addEventListener('click', () => {
          const target = doc.getElementById(`row-${rowIndex}`);
          target?.scrollIntoView({ block: 'center' });
          target?.focus();
        });
      list.append(h(doc, 'li', { 'data-kind': change.kind }, button));
    });
    root.append(h(doc, 'section', { class: 'changes' }, h(doc, 'h2', {}, t('changesHeading')), list));
  }

  const grid = h(
    doc,
    'div',
    { class: 'grid', role: 'table', 'data-testid': 'compare-rows' },
    h(
      doc,
      'div',
      { class: 'row head', role: 'row' },
      h(doc, 'div', { class: 'cell', role: 'columnheader' }, t('compareOriginal')),
      h(doc, 'div', { class: 'cell', role: 'columnheader' }, t('comparePage')),
    ),
  );
  const status = h(doc, 'p', { class: 'status', 'aria-live': 'polite' });
  root.append(status, grid);
  root.setAttribute('data-state', 'rendering');
  for (let start = 0; start < rows.length; start += ROWS_PER_STEP) {
    const fragment = doc.createDocumentFragment();
    rows.slice(start, start + ROWS_PER_STEP).forEach((row, k) => fragment.append(rowElement(doc, row, start + k, t)));
    grid.append(fragment);
    status.textContent = t(
      'compareRendering',
      String(Math.min(rows.length, start + ROWS_PER_STEP)),
      String(rows.length),
    );
    if (start + ROWS_PER_STEP < rows.length) await new Promise<void>((resolve) => nextStep(resolve));
  }
  status.textContent = '';
  root.setAttribute('data-state', 'ready');
}
