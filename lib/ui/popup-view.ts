/**
 * The popup for a tab, built to fit Chrome's 600 px: the page it is about, the answer in one
 * sentence, the two share bars and "Open comparison" first; the original's card; then what
 * changed, other copies, what Upstream can learn here and "this is wrong", each folded.
 * Pure DOM building; text from pages is marked translate="no" (it is not the interface's).
 */
import { feedbackForm } from './feedback-form';
import { describeReport, verdictLabel } from './describe';
import { fromArticleSpans, h, placed, safeHref, SLOT } from './dom';
import { count, languageName, percent, publishedDate } from './format';
import type { MessageKey, Translate } from './i18n';
import type { ChangeKind, FeedbackKind, FeedLink, OriginalRef, ProvenanceReport, TabState } from '../model';

/** How many changes the popup lists, folded, before "and N more" (the compare page has them all). */
export const POPUP_CHANGES = 20;

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
  /** Keeps the reader's word that the verdict is wrong, on this device. */
  reportWrong(kind: FeedbackKind, note: string): void;
}

/** What the popup knows besides the tab's state. */
export interface PopupContext {
  /** The trusted outlet the tab's page is on, if Upstream learns from it. */
  learningFrom?: string;
  /** Addresses of the feeds Upstream follows. */
  following?: ReadonlySet<string>;
  /** Why there is no state after waiting for it. */
  stalled?: 'no-access' | 'not-web' | 'not-analysed';
  /** A sentence about what the last action did (followed, refused, reported). */
  note?: string;
}

const CHANGE_KINDS: Record<ChangeKind, MessageKey> = {
  name: 'changeName',
  number: 'changeNumber',
  quote: 'changeQuote',
};

/** A button; `name`, a name or title from a page, goes where the label's SLOT is, set apart as not the interface's. */
function button(
  doc: Document,
  testId: string,
  label: string,
  onClick: () => void,
  primary = false,
  name?: string,
): HTMLElement {
  const attributes = { type: 'button', 'data-testid': testId, ...(primary ? { class: 'primary' } : {}) };
  const el = name
    ? placed(doc, 'button', attributes, label, h(doc, 'span', { translate: 'no' }, name))
    : h(doc, 'button', attributes, label);
  el.addEventListener('click', onClick);
  return el;
}

/** A folded section: its summary names it and counts what is inside. */
function fold(doc: Document, name: string, summary: string, ...content: (HTMLElement | null)[]): HTMLElement {
  return h(doc, 'details', { class: `fold ${name}` }, h(doc, 'summary', {}, summary), ...content);
}

function shareItem(doc: Document, testId: string, kind: string, label: string, value: string): HTMLElement {
  return h(
    doc,
    'div',
    { class: `share ${kind}` },
    h(doc, 'dt', {}, label),
    h(doc, 'dd', { 'data-testid': testId }, value),
  );
}

/** One labelled bar and the figures under it. */
function shareBar(
  doc: Document,
  heading: string,
  testId: string,
  parts: { kind: string; share: number; label: string; testId: string }[],
  t: Translate,
): HTMLElement {
  const label = `${heading}: ${parts.map((p) => `${p.label} ${percent(p.share, t)}`).join(', ')}`;
  return h(
    doc,
    'div',
    { class: 'shares' },
    h(doc, 'p', { class: 'bar-heading' }, heading),
    h(
      doc,
      'div',
      { class: 'bar', role: 'img', 'aria-label': label, 'data-testid': testId },
      ...parts.map((p) => h(doc, 'span', { class: p.kind, style: `width: ${(p.share * 100).toFixed(1)}%` })),
    ),
    h(doc, 'dl', {}, ...parts.map((p) => shareItem(doc, p.testId, p.kind, p.label, percent(p.share, t)))),
  );
}

/** The answer's evidence: what the page is made of, and how much of the original it carries. */
function sharesView(doc: Document, report: ProvenanceReport, t: Translate): HTMLElement[] {
  const a = report.alteration;
  if (!a) return [];
  return [
    shareBar(
      doc,
      t('sharePageHeading'),
      'share-bar',
      [
        { kind: 'verbatim', share: a.verbatim, label: t('shareVerbatim'), testId: 'share-verbatim' },
        { kind: 'reworded', share: a.reworded, label: t('shareReworded'), testId: 'share-reworded' },
        { kind: 'added', share: a.added, label: t('shareAdded'), testId: 'share-added' },
      ],
      t,
    ),
    shareBar(
      doc,
      t('shareOriginalHeading'),
      'coverage-bar',
      [
        { kind: 'carried', share: a.coverage, label: t('shareCarried'), testId: 'coverage' },
        { kind: 'left-out', share: Math.max(0, 1 - a.coverage), label: t('shareLeftOut'), testId: 'left-out' },
      ],
      t,
    ),
  ];
}

/** Who wrote the original, where and when, and its link (or that its address is unknown). */
function originalCard(doc: Document, report: ProvenanceReport, t: Translate): HTMLElement | null {
  const original = report.original;
  if (!original) return null;
  const href = safeHref(original.url);
  return h(
    doc,
    'section',
    { class: 'original', 'aria-labelledby': 'original-heading' },
    h(doc, 'h2', { id: 'original-heading', class: 'label' }, t('originalHeading')),
    h(
      doc,
      'p',
      { class: 'byline', translate: 'no' },
      original.publisher ? h(doc, 'span', { 'data-testid': 'original-publisher' }, original.publisher) : null,
      original.authors?.length
        ? h(doc, 'span', { 'data-testid': 'original-authors' }, original.authors.join(', '))
        : null,
      original.published
        ? h(doc, 'span', { 'data-testid': 'original-date' }, publishedDate(original.published, t))
        : null,
    ),
    original.knownFrom
      ? placed(
          doc,
          'p',
          { 'data-testid': 'original-known-from' },
          t('knownFrom', SLOT),
          h(doc, 'span', { translate: 'no' }, original.knownFrom),
        )
      : null,
    href
      ? h(
          doc,
          'p',
          {},
          h(
            doc,
            'a',
            { href, target: '_blank', rel: 'noopener noreferrer', 'data-testid': 'original-link' },
            t('readOriginal'),
          ),
        )
      : h(doc, 'p', { class: 'muted', 'data-testid': 'original-no-address' }, t('originalNoAddress')),
  );
}

function changesFold(doc: Document, report: ProvenanceReport, t: Translate): HTMLElement | null {
  const changes = report.alteration?.changes ?? [];
  if (!changes.length) return null;
  // In the engine's order: changes of meaning first, spelling variants last.
  const shown = changes.slice(0, POPUP_CHANGES);
  const items = shown.map((change) =>
    h(
      doc,
      'li',
      { 'data-kind': change.kind, ...(change.variant ? { 'data-variant': '' } : {}) },
      h(doc, 'span', { class: 'kind' }, `${t(CHANGE_KINDS[change.kind])}: `),
      h(doc, 'del', { translate: 'no' }, change.original),
      ' → ',
      h(doc, 'ins', { translate: 'no' }, change.page),
      change.variant ? h(doc, 'span', { class: 'muted' }, ` ${t('changeSpelling')}`) : null,
    ),
  );
  const more = changes.length - shown.length;
  const fold_ = fold(
    doc,
    'changes',
    t('changesCount', count(changes.length, t)),
    h(doc, 'p', { class: 'sides' }, t('changesSides')),
    h(doc, 'ul', { 'data-testid': 'changes' }, ...items),
    more > 0 ? h(doc, 'p', { class: 'muted' }, t('moreChanges', count(more, t))) : null,
  );
  // Changed names, numbers and quotes are news: with a copy whose facts changed, they are open.
  if (report.verdict === 'copy') fold_.setAttribute('open', '');
  return fold_;
}

/** Other copies of the original the store knows (the engine leaves the page being read out). */
function copiesFold(doc: Document, report: ProvenanceReport, t: Translate): HTMLElement | null {
  const copies = report.knownCopies ?? [];
  if (!copies.length) return null;
  const items = copies.map((c) => {
    const href = safeHref(c.url);
    const title = href
      ? h(doc, 'a', { href, target: '_blank', rel: 'noopener noreferrer', translate: 'no' }, c.title)
      : h(doc, 'span', { translate: 'no' }, c.title);
    return h(doc, 'li', {}, title, ` (${verdictLabel(c.verdict, t)})`);
  });
  return fold(
    doc,
    'copies',
    t('copiesCount', count(copies.length, t)),
    h(doc, 'ul', { 'data-testid': 'known-copies' }, ...items),
  );
}

function sourcesFold(doc: Document, report: ProvenanceReport, t: Translate): HTMLElement | null {
  if (report.sources.length < 2) return null;
  return fold(
    doc,
    'sources',
    t('sourcesCount', count(report.sources.length, t)),
    h(
      doc,
      'ul',
      { 'data-testid': 'sources' },
      ...report.sources.map((s) =>
        h(
          doc,
          'li',
          {},
          h(doc, 'span', { translate: 'no' }, s.original.title),
          ` — ${t('sourceOfPage', percent(s.share, t))}`,
        ),
      ),
    ),
  );
}

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
};

/** The address the verdict is about, as host and path. */
function pageAddress(doc: Document, url: string, t: Translate): HTMLElement | null {
  let shown: string;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    shown = `${u.host}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    return null;
  }
  return placed(
    doc,
    'p',
    { class: 'address', 'data-testid': 'page-address', title: url },
    t('pageAddress', SLOT),
    h(doc, 'span', { translate: 'no' }, shown),
  );
}

/**
 * How Upstream can learn more from this page: learn from its site, follow the feeds it
 * declares, or follow a feed or list from the options page; and the switch for the site.
 */
function teachItems(
  doc: Document,
  state: Extract<TabState, { status: 'ready' | 'no-article' }>,
  t: Translate,
  actions: PopupActions,
  context: PopupContext,
  nothingKnown: boolean,
): HTMLElement[] {
  const host = hostOf(state.url);
  const parts: (HTMLElement | null)[] = [];
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
        ? placed(
            doc,
            'p',
            { 'data-testid': 'following' },
            t('following', SLOT),
            h(doc, 'span', { translate: 'no' }, feed.title),
          )
        : button(doc, 'follow-feed', t('followFeed', SLOT), () => actions.follow(feed), false, feed.title),
    );
  }
  if (feeds.some((f) => !context.following?.has(f.url)))
    parts.push(h(doc, 'p', { class: 'help' }, t('followFeedHelp')));
  parts.push(button(doc, 'open-subscriptions', t('subscribeList'), () => actions.openSubscriptions()));
  return parts.filter((el): el is HTMLElement => !!el);
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

const STALLED: Record<NonNullable<PopupContext['stalled']>, MessageKey> = {
  'not-web': 'stalledNotWeb',
  'not-analysed': 'stalledNotAnalysed',
  'no-access': 'stalledNoAccess',
};

/** Why a tab has no state after the popup waited for it, and what to do. */
function stalledView(doc: Document, reason: NonNullable<PopupContext['stalled']>, t: Translate, actions: PopupActions) {
  return [
    h(doc, 'p', { class: 'answer', 'data-testid': 'stalled' }, t(STALLED[reason])),
    reason === 'no-access' ? button(doc, 'grant-access', t('grantAccess'), () => actions.grantAccess(), true) : null,
  ];
}

/**
 * The answer: `verdict` holds the whole sentence, `summary` the sentence itself, and the
 * original's title in it `original-title` (test hooks); the card below does not repeat it.
 */
function answer(doc: Document, sentence: string, extra?: HTMLElement | null, original?: OriginalRef | null) {
  const spans = fromArticleSpans(doc, sentence);
  const title = spans.find(
    (node): node is HTMLElement => typeof node !== 'string' && node.textContent === original?.title,
  );
  if (title) {
    title.setAttribute('data-testid', 'original-title');
    if (original?.language) title.setAttribute('lang', original.language);
  }
  return h(
    doc,
    'div',
    { class: 'answer', 'data-testid': 'verdict' },
    h(doc, 'p', { 'data-testid': 'summary' }, ...spans),
    extra ?? null,
  );
}

function readyView(
  doc: Document,
  state: Extract<TabState, { status: 'ready' }>,
  t: Translate,
  actions: PopupActions,
  context: PopupContext,
): (HTMLElement | null)[] {
  const { report } = state;
  const nothingKnown = report.verdict === 'none';
  const parts: (HTMLElement | null)[] = [pageAddress(doc, state.url, t)];
  if (nothingKnown) {
    parts.push(
      answer(
        doc,
        describeReport(report, t, true),
        h(doc, 'p', { 'data-testid': 'checked-count' }, t('checkedAgainst', count(state.checked ?? 0, t))),
      ),
      // "Nothing known" is weaker where Upstream cannot read the page's language across languages.
      report.page.noLexicon && report.page.language
        ? h(doc, 'p', { 'data-testid': 'no-lexicon' }, t('noLexicon', languageName(report.page.language, t)))
        : null,
      h(
        doc,
        'section',
        { class: 'teach', 'data-testid': 'teach', 'aria-labelledby': 'teach-heading' },
        h(doc, 'h2', { id: 'teach-heading' }, t('teachHeading')),
        h(doc, 'p', {}, t('teachIntro')),
        ...teachItems(doc, state, t, actions, context, true),
        siteSwitch(doc, state.url, false, t, actions),
      ),
    );
  } else {
    parts.push(answer(doc, describeReport(report, t, true), null, report.original), ...sharesView(doc, report, t));
    if (report.original) parts.push(button(doc, 'open-comparison', t('openComparison'), actions.openComparison, true));
    parts.push(originalCard(doc, report, t), sourcesFold(doc, report, t), changesFold(doc, report, t));
    parts.push(copiesFold(doc, report, t));
    // What Upstream can learn from the site, where that could still teach something (not on its
    // own original), and the switch for the site.
    const teach = report.verdict !== 'original' || context.learningFrom;
    parts.push(
      fold(
        doc,
        'site',
        t('siteHeading'),
        teach ? h(doc, 'div', { 'data-testid': 'teach' }, ...teachItems(doc, state, t, actions, context, false)) : null,
        siteSwitch(doc, state.url, false, t, actions),
      ),
    );
  }
  if (context.note) parts.push(h(doc, 'p', { role: 'status', 'data-testid': 'teach-note' }, context.note));
  parts.push(fold(doc, 'feedback', t('feedbackHeading'), feedbackForm(doc, report, t, actions.reportWrong)));
  return parts;
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
    content = context.stalled ? stalledView(doc, context.stalled, t, actions) : [answer(doc, t('verdictPending'))];
  } else if (state.status === 'no-article') {
    verdict = 'no-article';
    content = [
      pageAddress(doc, state.url, t),
      answer(doc, t('verdictNoArticle'), h(doc, 'p', {}, t('summaryNoArticle'))),
      state.feeds?.length
        ? h(
            doc,
            'div',
            { class: 'teach', 'data-testid': 'teach' },
            ...teachItems(doc, state, t, actions, context, false),
          )
        : null,
    ];
  } else if (state.status === 'disabled') {
    verdict = 'disabled';
    content = [pageAddress(doc, state.url, t), answer(doc, t('siteDisabled', hostOf(state.url) ?? state.url))];
  } else {
    verdict = state.report.verdict;
    content = readyView(doc, state, t, actions, context);
  }
  if (state && state.status !== 'ready')
    content.push(siteSwitch(doc, state.url, state.status === 'disabled', t, actions));
  root.setAttribute('data-verdict', verdict);
  const originalId = state?.status === 'ready' ? state.report.original?.id : undefined;
  if (originalId) root.setAttribute('data-original-id', originalId);
  else root.removeAttribute('data-original-id');
  root.replaceChildren(...content.filter((el): el is HTMLElement => !!el));
}

/** The one sentence a screen reader is told for a state (article text marked, as in the answer): said again only when it changes. */
export function announcementOf(state: TabState | null, t: Translate, context: PopupContext = {}): string {
  if (!state) return t(context.stalled ? STALLED[context.stalled] : 'verdictPending');
  if (state.status === 'no-article') return t('summaryNoArticle');
  if (state.status === 'disabled') return t('siteDisabled', hostOf(state.url) ?? state.url);
  return describeReport(state.report, t, true);
}
