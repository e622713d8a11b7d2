/**
 * The popup for a tab: the answer in one sentence first, then the original, a bar of
 * verbatim / reworded / added, the coverage, the top changes, other known copies, the
 * original's link, "Open comparison" and the per-site switch. Pure DOM building.
 */
import { describeReport, percent, verdictLabel } from './describe';
import type { MessageKey, Translate } from './i18n';
import type { ChangeKind, FeedLink, ProvenanceReport, TabState } from '../model';
import { h, safeHref } from './dom';

/** How many changes the popup lists before "and N more". */
export const POPUP_CHANGES = 6;

/** What the popup's controls do; wired to the browser by the entrypoint. */
export interface PopupActions {
  openComparison(): void;
  setSiteEnabled(host: string, enabled: boolean): void;
  /** Learns from the tab's site: it joins the trusted outlets and its article is stored now. */
  learnSite(): void;
  forgetSite(domain: string): void;
  /** Follows a feed the page declares (asking the browser for access to its host first). */
  follow(feed: FeedLink): void;
  /** Opens the options page where feeds and lists are followed. */
  openSubscriptions(): void;
  /** Asks the browser for access to web pages (Firefox grants it only when asked). */
  grantAccess(): void;
}

/** What the popup knows besides the tab's state. */
export interface PopupContext {
  /** The trusted outlet the tab's page is on, if Upstream learns from it. */
  learningFrom?: string;
  /** Addresses of the feeds Upstream follows. */
  following?: ReadonlySet<string>;
  /** Why there is no state after waiting for it. */
  stalled?: 'no-access' | 'not-web' | 'not-analysed';
  /** A sentence about what the last action did (followed, refused). */
  note?: string;
}

const CHANGE_KINDS: Record<ChangeKind, MessageKey> = {
  name: 'changeName',
  number: 'changeNumber',
  quote: 'changeQuote',
};

function share(doc: Document, testId: string, label: string, value: number): HTMLElement {
  return h(
    doc,
    'div',
    { class: `share ${testId}` },
    h(doc, 'dt', {}, label),
    h(doc, 'dd', { 'data-testid': testId }, percent(value)),
  );
}

/** A headed list section; its list carries the test id `name`. */
function listSection(doc: Document, name: string, heading: string, items: HTMLElement[], footer?: string): HTMLElement {
  return h(
    doc,
    'section',
    { class: name, 'aria-label': heading },
    h(doc, 'h3', {}, heading),
    h(doc, 'ul', { 'data-testid': name }, ...items),
    footer ? h(doc, 'p', {}, footer) : null,
  );
}

function reportView(doc: Document, report: ProvenanceReport, t: Translate, actions: PopupActions): HTMLElement[] {
  const parts: HTMLElement[] = [
    h(doc, 'p', { class: 'summary', 'data-testid': 'summary' }, describeReport(report, t)),
    h(doc, 'p', { class: 'verdict', 'data-testid': 'verdict' }, verdictLabel(report.verdict, t)),
  ];
  const original = report.original;
  const a = report.alteration;
  if (a?.changes.length) {
    const shown = a.changes.slice(0, POPUP_CHANGES);
    const items = shown.map((c) =>
      h(
        doc,
        'li',
        { 'data-kind': c.kind },
        h(doc, 'span', { class: 'kind' }, `${t(CHANGE_KINDS[c.kind])}: `),
        h(doc, 'del', {}, c.original),
        ' → ',
        h(doc, 'ins', {}, c.page),
      ),
    );
    const more = a.changes.length - shown.length;
    // Changed names, numbers and quotes are news: they come first, right under the answer.
    parts.push(
      listSection(doc, 'changes', t('changesHeading'), items, more > 0 ? t('moreChanges', String(more)) : undefined),
    );
  }
  if (a) {
    const label = `${t('shareVerbatim')} ${percent(a.verbatim)}, ${t('shareReworded')} ${percent(a.reworded)}, ${t('shareAdded')} ${percent(a.added)}`;
    parts.push(
      h(
        doc,
        'div',
        { class: 'bar', role: 'img', 'aria-label': label, 'data-testid': 'share-bar' },
        ...(['verbatim', 'reworded', 'added'] as const).map((kind) =>
          h(doc, 'span', { class: kind, style: `width: ${(a[kind] * 100).toFixed(1)}%` }),
        ),
      ),
      h(
        doc,
        'dl',
        { class: 'shares', 'aria-label': t('sharesLabel') },
        share(doc, 'share-verbatim', t('shareVerbatim'), a.verbatim),
        share(doc, 'share-reworded', t('shareReworded'), a.reworded),
        share(doc, 'share-added', t('shareAdded'), a.added),
        share(doc, 'coverage', t('shareCoverage'), a.coverage),
      ),
    );
  }
  if (original) {
    const href = safeHref(original.url);
    parts.push(
      h(
        doc,
        'section',
        { class: 'original', 'aria-label': t('originalHeading') },
        h(doc, 'h2', { 'data-testid': 'original-title' }, original.title),
        original.publisher ? h(doc, 'p', { 'data-testid': 'original-publisher' }, original.publisher) : null,
        original.authors?.length
          ? h(doc, 'p', { 'data-testid': 'original-authors' }, original.authors.join(', '))
          : null,
        original.published ? h(doc, 'p', { 'data-testid': 'original-date' }, original.published) : null,
        original.knownFrom
          ? h(doc, 'p', { 'data-testid': 'original-known-from' }, t('knownFrom', original.knownFrom))
          : null,
        href
          ? h(
              doc,
              'a',
              { href, target: '_blank', rel: 'noopener noreferrer', 'data-testid': 'original-link' },
              t('readOriginal'),
            )
          : null,
      ),
    );
  }
  if (report.sources.length > 1) {
    const items = report.sources.map((s) => h(doc, 'li', {}, t('sourceShare', s.original.title, percent(s.share))));
    parts.push(listSection(doc, 'sources', t('sourcesHeading'), items));
  }
  if (report.knownCopies?.length) {
    const items = report.knownCopies.map((c) => h(doc, 'li', {}, `${c.title} (${verdictLabel(c.verdict, t)})`));
    parts.push(listSection(doc, 'known-copies', t('copiesHeading'), items));
  }
  if (original) {
    const open = h(
      doc,
      'button',
      { type: 'button', class: 'primary', 'data-testid': 'open-comparison' },
      t('openComparison'),
    );
    open.addEventListener('click', () => actions.openComparison());
    parts.push(open);
  }
  return parts;
}

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
};

function button(doc: Document, testId: string, label: string, onClick: () => void, primary = false): HTMLElement {
  const el = h(
    doc,
    'button',
    { type: 'button', 'data-testid': testId, ...(primary ? { class: 'primary' } : {}) },
    label,
  );
  el.addEventListener('click', onClick);
  return el;
}

/**
 * How Upstream can learn more from this page: learn from its site, follow the feeds it
 * declares, or follow a feed or list from the options page. With `nothingKnown`, headed and
 * with the count of originals the page was checked against.
 */
function teachView(
  doc: Document,
  state: Extract<TabState, { status: 'ready' | 'no-article' }>,
  t: Translate,
  actions: PopupActions,
  context: PopupContext,
  nothingKnown: boolean,
): HTMLElement {
  const host = hostOf(state.url);
  const parts: (HTMLElement | null)[] = [];
  if (nothingKnown) {
    parts.push(h(doc, 'h2', {}, t('teachHeading')));
    if (state.status === 'ready')
      parts.push(h(doc, 'p', { 'data-testid': 'checked-count' }, t('checkedAgainst', String(state.checked ?? 0))));
    parts.push(h(doc, 'p', {}, t('teachIntro')));
  }
  if (state.status === 'ready' && host) {
    if (context.learningFrom) {
      parts.push(
        h(doc, 'p', { 'data-testid': 'learning-from' }, t('learningFrom', context.learningFrom)),
        button(doc, 'stop-learning', t('stopLearning', context.learningFrom), () =>
          actions.forgetSite(context.learningFrom!),
        ),
      );
    } else {
      parts.push(
        button(doc, 'learn-site', t('learnSite', host), () => actions.learnSite(), nothingKnown),
        h(doc, 'p', { class: 'help' }, t('learnSiteHelp', host)),
      );
    }
  }
  const feeds = state.feeds ?? [];
  for (const feed of feeds) {
    parts.push(
      context.following?.has(feed.url)
        ? h(doc, 'p', { 'data-testid': 'following' }, t('following', feed.title))
        : button(doc, 'follow-feed', t('followFeed', feed.title), () => actions.follow(feed)),
    );
  }
  if (feeds.some((f) => !context.following?.has(f.url)))
    parts.push(h(doc, 'p', { class: 'help' }, t('followFeedHelp')));
  if (context.note) parts.push(h(doc, 'p', { role: 'status', 'data-testid': 'teach-note' }, context.note));
  if (nothingKnown || state.status === 'no-article')
    parts.push(button(doc, 'open-subscriptions', t('subscribeList'), () => actions.openSubscriptions()));
  return h(doc, 'section', { class: 'teach', 'data-testid': 'teach', 'aria-label': t('teachHeading') }, ...parts);
}

/** Why a tab has no state after the popup waited for it, and what to do. */
function stalledView(doc: Document, reason: NonNullable<PopupContext['stalled']>, t: Translate, actions: PopupActions) {
  if (reason === 'not-web') return [h(doc, 'p', { 'data-testid': 'stalled' }, t('stalledNotWeb'))];
  if (reason === 'not-analysed') return [h(doc, 'p', { 'data-testid': 'stalled' }, t('stalledNotAnalysed'))];
  return [
    h(doc, 'p', { 'data-testid': 'stalled' }, t('stalledNoAccess')),
    button(doc, 'grant-access', t('grantAccess'), () => actions.grantAccess(), true),
  ];
}

function siteSwitch(
  doc: Document,
  url: string,
  disabled: boolean,
  t: Translate,
  actions: PopupActions,
): HTMLElement | null {
  const host = hostOf(url);
  if (!host) return null;
  const box = h(doc, 'input', { type: 'checkbox', 'data-testid': 'disable-site' }) as HTMLInputElement;
  box.checked = disabled;
  box.addEventListener('change', () => actions.setSiteEnabled(host, !box.checked));
  return h(doc, 'label', { class: 'site-switch' }, box, ` ${t('disableSite', host)}`);
}

/** Renders a tab's state into `root` (replacing its content) and marks the root for tests. */
export function renderPopup(
  root: HTMLElement,
  state: TabState | null,
  t: Translate,
  actions: PopupActions,
  context: PopupContext = {},
): void {
  const doc = root.ownerDocument;
  let verdict: string;
  let content: (HTMLElement | null)[];
  if (!state) {
    verdict = context.stalled ? 'not-analysed' : 'pending';
    content = context.stalled
      ? stalledView(doc, context.stalled, t, actions)
      : [h(doc, 'p', { class: 'verdict', 'data-testid': 'verdict' }, t('verdictPending'))];
  } else if (state.status === 'no-article') {
    verdict = 'no-article';
    content = [
      h(doc, 'p', { class: 'verdict', 'data-testid': 'verdict' }, t('verdictNoArticle')),
      h(doc, 'p', { class: 'summary' }, t('summaryNoArticle')),
      state.feeds?.length ? teachView(doc, state, t, actions, context, false) : null,
    ];
  } else if (state.status === 'disabled') {
    verdict = 'disabled';
    const host = hostOf(state.url) ?? state.url;
    content = [
      h(doc, 'p', { class: 'verdict', 'data-testid': 'verdict' }, t('verdictDisabled')),
      h(doc, 'p', { class: 'summary' }, t('siteDisabled', host)),
    ];
  } else {
    verdict = state.report.verdict;
    const nothingKnown = verdict === 'none';
    content = [...reportView(doc, state.report, t, actions)];
    // The page's own site is offered where that could still teach something: not on its own original.
    if (verdict !== 'original' || context.learningFrom)
      content.push(teachView(doc, state, t, actions, context, nothingKnown));
  }
  if (state) content.push(siteSwitch(doc, state.url, state.status === 'disabled', t, actions));
  root.setAttribute('data-verdict', verdict);
  const originalId = state?.status === 'ready' ? state.report.original?.id : undefined;
  if (originalId) root.setAttribute('data-original-id', originalId);
  else root.removeAttribute('data-original-id');
  root.replaceChildren(...content.filter((el): el is HTMLElement => !!el));
}
