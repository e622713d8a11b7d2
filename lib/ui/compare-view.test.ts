import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { syntheticArticle } from '../../cli/synthetic';
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
});
