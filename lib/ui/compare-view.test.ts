import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { syntheticArticle } from '../../tools/synthetic';
import { explainReport } from '../engine';
import { translateEnglish } from './i18n';
import type { ProvenanceReport } from '../model';
import { renderComparison, ROWS_PER_STEP } from './compare-view';

const report: ProvenanceReport = {
  verdict: 'copy',
  confidence: 1,
  page: { words: 20_000 },
  original: { id: 'o', title: 'Long original' },
  sources: [],
  alteration: { verbatim: 1, reworded: 0, added: 0, coverage: 1, removed: 0, changes: [] },
};

function root() {
  const { document } = parseHTML('<html><body><main id="compare"></main></body></html>');
  return document.getElementById('compare') as unknown as HTMLElement;
}

describe('renderComparison', () => {
  it('renders a 20,000-word article a chunk at a time', async () => {
    const paragraphs = syntheticArticle(7, 20_000);
    const el = root();
    let steps = 0;
    await renderComparison(
      el,
      { report, rows: await explainReport(report, paragraphs, paragraphs) },
      translateEnglish,
      (run) => {
        steps++;
        // Between steps the page is live and shows progress.
        expect(el.querySelectorAll('.row:not(.head)').length).toBe(steps * ROWS_PER_STEP);
        run();
      },
    );
    const rows = el.querySelectorAll('.row:not(.head)').length;
    expect(rows).toBeGreaterThan(500);
    expect(steps).toBe(Math.ceil(rows / ROWS_PER_STEP) - 1);
    expect(el.getAttribute('data-state')).toBe('ready');
  }, 30_000);

  it('says so when the original text is not stored', async () => {
    const el = root();
    await renderComparison(el, { report, rows: null }, translateEnglish, (run) => run());
    expect(el.getAttribute('data-state')).toBe('no-text');
    expect(el.querySelector('[data-testid="text-not-stored"]')?.textContent).toMatch(/not stored/);
  });

  it('explains an empty comparison', async () => {
    const el = root();
    await renderComparison(el, null, translateEnglish, (run) => run());
    expect(el.querySelector('[data-testid="compare-empty"]')).not.toBeNull();
  });

  it('labels every row kind in words, explains every mark, links both articles and folds the changes on one line', async () => {
    const original = ['Talks resumed on Monday with 498 delegates in Geneva.', 'The mayor said the city was calm.'];
    const page = ['Talks resumed on Monday with 489 delegates in Geneva.', 'A brand new paragraph the copier wrote.'];
    const changed: ProvenanceReport = {
      ...report,
      original: { id: 'o', title: 'Talks', url: 'https://news.example/talks' },
      alteration: {
        ...report.alteration!,
        changes: [{ kind: 'number', original: '498', page: '489' }],
      },
    };
    const el = root();
    const rows = await explainReport(changed, page, original);
    await renderComparison(el, { report: changed, rows, url: 'https://farm.example/copy' }, translateEnglish, (run) =>
      run(),
    );
    const kinds = [...el.querySelectorAll('.row:not(.head) .cell.kind')].map((c) => c.textContent);
    expect(kinds.length).toBeGreaterThan(0);
    for (const kind of kinds) expect(kind).toMatch(/^(word for word|reworded|added|removed from the original)/);
    const legend = [...el.querySelectorAll('.legend li')].map((li) => li.textContent);
    expect(legend).toEqual([
      'word for word',
      'reworded',
      'added',
      'removed from the original',
      'moved',
      'words that differ',
    ]);
    expect(el.querySelector('[data-testid="original-link"]')?.getAttribute('href')).toBe('https://news.example/talks');
    expect(el.querySelector('[data-testid="page-link"]')?.getAttribute('href')).toBe('https://farm.example/copy');
    const fold = el.querySelector('details.changes')!;
    expect(fold.hasAttribute('open')).toBe(false);
    expect(fold.querySelector('summary')?.textContent).toBe('What changed (1)');
    // Headings in order: the page's title, then its sections.
    expect([...el.querySelectorAll('h1, h2')].map((x) => x.tagName)).toEqual(['H1', 'H2', 'H2']);
  });

  it('takes "this is wrong" from the compare page too, and says what was kept', async () => {
    const el = root();
    const said: string[] = [];
    await renderComparison(
      el,
      { report, rows: null },
      translateEnglish,
      (run) => run(),
      async (kind, note) => (said.push(`${kind}:${note}`), 'Kept.'),
    );
    const form = el.querySelector('[data-testid="feedback-form"]')!;
    (form.querySelector('textarea') as unknown as HTMLTextAreaElement).value = 'wrong story';
    form.dispatchEvent(new (el.ownerDocument.defaultView as unknown as typeof globalThis).Event('submit'));
    await new Promise((r) => setTimeout(r, 0));
    expect(said).toEqual(['wrong-original:wrong story']);
    expect(el.querySelector('[data-testid="feedback-status"]')?.textContent).toBe('Kept.');
  });
});
