import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { ProvenanceReport } from '../model';
import { translateEnglish } from './i18n';
import { renderPopup, type PopupContext } from './popup-view';

const report: ProvenanceReport = {
  verdict: 'rewrite',
  confidence: 0.9,
  page: { url: 'https://farm.example/a', words: 1000 },
  original: {
    id: 'orig-1',
    title: '<img src=x onerror="alert(1)">Headline',
    publisher: 'Dow Jones',
    authors: ['Yaroslav Trofimov', 'Stacy Meichtry'],
    published: '2022',
    url: 'javascript:alert(1)',
  },
  sources: [],
  alteration: {
    verbatim: 0.341,
    reworded: 0.563,
    added: 0.096,
    coverage: 0.646,
    removed: 0.354,
    changes: [{ kind: 'name', original: 'Lahuta', page: 'Lahota' }],
  },
  knownCopies: [{ id: 'c1', title: 'A copy', verdict: 'rewrite' }],
};

function render(state: Parameters<typeof renderPopup>[1], context: PopupContext = {}) {
  const { document } = parseHTML('<html><body><main id="upstream"></main></body></html>');
  const root = document.getElementById('upstream') as unknown as HTMLElement;
  const calls: string[] = [];
  renderPopup(
    root,
    state,
    translateEnglish,
    {
      openComparison: () => calls.push('compare'),
      setSiteEnabled: (host, enabled) => calls.push(`${host}:${enabled}`),
      learnSite: () => calls.push('learn'),
      forgetSite: (domain) => calls.push(`forget:${domain}`),
      follow: (feed) => calls.push(`follow:${feed.url}`),
      openSubscriptions: () => calls.push('subscriptions'),
      grantAccess: () => calls.push('grant'),
      reportWrong: (kind, note) => calls.push(`wrong:${kind}:${note}`),
    },
    context,
  );
  const text = (id: string) => root.querySelector(`[data-testid="${id}"]`)?.textContent;
  return { root, text, calls };
}

describe('renderPopup', () => {
  it('shows the verdict, the original and the shares under the test ids', () => {
    const { root, text } = render({ status: 'ready', url: 'https://farm.example/a', report, updatedAt: 1 });
    expect(root.getAttribute('data-verdict')).toBe('rewrite');
    expect(root.getAttribute('data-original-id')).toBe('orig-1');
    // The answer is said once: the verdict hook holds the sentence, with no label repeating it.
    expect(text('verdict')).toBe(text('summary'));
    expect(text('summary')).toContain('by Yaroslav Trofimov and Stacy Meichtry (Dow Jones, 2022)');
    expect(text('original-publisher')).toBe('Dow Jones');
    expect([text('share-verbatim'), text('share-reworded'), text('share-added'), text('coverage')]).toEqual([
      '34%',
      '56%',
      '10%',
      '65%',
    ]);
    expect(text('changes')).toContain('Lahuta');
    expect(text('known-copies')).toContain('A copy');
  });

  it('answers in one sentence and wires the comparison and the site switch', () => {
    const { root, text, calls } = render({ status: 'ready', url: 'https://farm.example/a', report, updatedAt: 1 });
    expect(text('summary')).toBe(
      'A reworded copy of ‘<img src=x onerror="alert(1)">Headline’, by Yaroslav Trofimov and Stacy Meichtry (Dow Jones, 2022).',
    );
    (root.querySelector('[data-testid="open-comparison"]') as unknown as HTMLButtonElement).click();
    const box = root.querySelector('[data-testid="disable-site"]') as unknown as HTMLInputElement;
    box.checked = true;
    box.dispatchEvent(new (root.ownerDocument.defaultView as unknown as typeof globalThis).Event('change'));
    expect(calls).toEqual(['compare', 'farm.example:false']);
  });

  it('shows page text as text, never as HTML, and no unsafe links', () => {
    const { root, text } = render({ status: 'ready', url: 'https://farm.example/a', report, updatedAt: 1 });
    expect(root.querySelector('img')).toBeNull();
    expect(text('original-title')).toContain('<img');
    expect(root.querySelector('a')).toBeNull();
  });

  it('has clear pending and no-article states', () => {
    expect(render(null).root.getAttribute('data-verdict')).toBe('pending');
    const none = render({ status: 'no-article', url: 'https://x/', updatedAt: 1 });
    expect(none.root.getAttribute('data-verdict')).toBe('no-article');
    expect(none.text('verdict')).toMatch(/no article/i);
  });

  it('says how many words of a page come from an original it lifts passages from', () => {
    const partial: ProvenanceReport = {
      ...report,
      verdict: 'partial',
      alteration: { ...report.alteration!, verbatim: 0.15, reworded: 0.037, added: 0.813, changes: [] },
    };
    const { root, text } = render({ status: 'ready', url: 'https://farm.example/a', report: partial, updatedAt: 1 });
    expect(root.getAttribute('data-verdict')).toBe('partial');
    expect(text('summary')).toMatch(/^Part of this article, 187 words, comes from ‘/);
  });

  it('calls a copy with changed facts so, lists the changes first, and says when the first publisher is unknown', () => {
    const copy: ProvenanceReport = {
      ...report,
      verdict: 'copy',
      original: { id: 'o', title: 'Talks resume' },
      alteration: { ...report.alteration!, changes: [{ kind: 'number', original: '498', page: '489' }] },
    };
    const { root, text } = render({ status: 'ready', url: 'https://farm.example/a', report: copy, updatedAt: 1 });
    expect(text('summary')).toBe(
      'The text of ‘Talks resume’, with names, numbers or quotes changed. Upstream knows this article, but not who first published it.',
    );
    // The answer, the bars and "Open comparison" first; a copy's changed facts open right under them.
    const order = [...root.querySelectorAll('[data-testid]')].map((el) => el.getAttribute('data-testid'));
    expect(order.indexOf('summary')).toBeLessThan(order.indexOf('share-bar'));
    expect(order.indexOf('share-bar')).toBeLessThan(order.indexOf('open-comparison'));
    expect(root.querySelector('details.changes')?.hasAttribute('open')).toBe(true);
    expect(text('original-no-address')).toMatch(/^Address unknown/);
  });

  it('lists the changes in the order the engine gives, says which are spellings and which side is the original, folded for a rewrite', () => {
    const changed: ProvenanceReport = {
      ...report,
      alteration: {
        ...report.alteration!,
        changes: [
          { kind: 'number', original: '498', page: '489' },
          { kind: 'name', original: 'Zaporizhya', page: 'Zaporizhia', variant: true },
        ],
      },
    };
    const { root } = render({ status: 'ready', url: 'https://farm.example/a', report: changed, updatedAt: 1 });
    const fold = root.querySelector('details.changes')!;
    expect(fold.hasAttribute('open')).toBe(false);
    expect(fold.querySelector('summary')?.textContent).toBe('What changed (2)');
    expect(fold.querySelector('.sides')?.textContent).toBe('The original → this page');
    const items = [...fold.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual(['number: 498 → 489', 'name: Zaporizhya → Zaporizhia (spelling only)']);
  });

  it('links the original, shows the address the verdict is about, and lists the other known copies folded', () => {
    // The engine leaves the page itself out of its copies (analyse.test.ts); the popup shows what it is given.
    const linked: ProvenanceReport = {
      ...report,
      original: { ...report.original!, url: 'https://www.wsj.com/articles/talks' },
      knownCopies: [{ id: 'c2', title: 'Elsewhere', url: 'https://other.example/b', verdict: 'copy' }],
    };
    const { root, text } = render({ status: 'ready', url: 'https://farm.example/a', report: linked, updatedAt: 1 });
    expect(root.querySelector('[data-testid="original-link"]')?.getAttribute('href')).toBe(
      'https://www.wsj.com/articles/talks',
    );
    expect(text('page-address')).toBe('Page: farm.example/a');
    expect(text('known-copies')).toContain('Elsewhere');
    expect(root.querySelector('details.copies summary')?.textContent).toBe('Other known copies (1)');
  });

  it('keeps "this is wrong" with the kind and note the reader gives', () => {
    const { root, calls } = render({ status: 'ready', url: 'https://farm.example/a', report, updatedAt: 1 });
    const form = root.querySelector('[data-testid="feedback-form"]')!;
    for (const radio of form.querySelectorAll('input[type="radio"]'))
      (radio as unknown as HTMLInputElement).checked = radio.getAttribute('value') === 'wrong-kind';
    (form.querySelector('textarea') as unknown as HTMLTextAreaElement).value = ' a spin, not a copy ';
    form.dispatchEvent(new (root.ownerDocument.defaultView as unknown as typeof globalThis).Event('submit'));
    expect(calls).toEqual(['wrong:wrong-kind:a spin, not a copy']);
  });

  describe('when nothing is known', () => {
    const none: ProvenanceReport = {
      verdict: 'none',
      confidence: 1,
      page: { words: 300 },
      original: null,
      sources: [],
      alteration: null,
    };
    const feed = { url: 'https://ledger.example/feed.xml', title: 'Ledger world news', type: 'rss' as const };
    const state = {
      status: 'ready' as const,
      url: 'https://www.ledger.example/world/a',
      report: none,
      updatedAt: 0,
      checked: 1234,
      feeds: [feed],
    };

    it('says how many originals the page was checked against and offers the three ways to teach Upstream', () => {
      const { root, text, calls } = render(state);
      expect(root.getAttribute('data-verdict')).toBe('none');
      expect(text('checked-count')).toContain('1,234');
      expect(text('learn-site')).toBe('Learn from www.ledger.example');
      expect(text('follow-feed')).toBe('Follow Ledger world news');
      for (const id of ['learn-site', 'follow-feed', 'open-subscriptions'])
        (root.querySelector(`[data-testid="${id}"]`) as unknown as HTMLElement).click();
      expect(calls).toEqual(['learn', `follow:${feed.url}`, 'subscriptions']);
    });

    it('says when the page is in a language it has no dictionary for, and only then', () => {
      const ukrainian = { ...none, page: { words: 300, language: 'uk', noLexicon: true as const } };
      expect(render({ ...state, report: ukrainian }).text('no-lexicon')).toContain('no dictionary for Ukrainian');
      const spanish = { ...none, page: { words: 300, language: 'es' } };
      expect(render({ ...state, report: spanish }).root.querySelector('[data-testid="no-lexicon"]')).toBeNull();
    });

    it('says when the site is one Upstream learns from, with one click to stop, and which feeds are followed', () => {
      const { root, text, calls } = render(state, { learningFrom: 'ledger.example', following: new Set([feed.url]) });
      expect(text('learning-from')).toContain('ledger.example');
      expect(root.querySelector('[data-testid="learn-site"]')).toBeNull();
      expect(root.querySelector('[data-testid="follow-feed"]')).toBeNull();
      expect(text('following')).toContain('Ledger world news');
      (root.querySelector('[data-testid="stop-learning"]') as unknown as HTMLElement).click();
      expect(calls).toEqual(['forget:ledger.example']);
    });
  });

  it('never stays on "analysing": after waiting it says why, with the button that asks for access', () => {
    const { root, text, calls } = render(null, { stalled: 'no-access' });
    expect(root.getAttribute('data-verdict')).toBe('not-analysed');
    expect(text('stalled')).toContain('access');
    (root.querySelector('[data-testid="grant-access"]') as unknown as HTMLElement).click();
    expect(calls).toEqual(['grant']);
    expect(render(null, { stalled: 'not-analysed' }).text('stalled')).toContain('Reload');
  });
});
