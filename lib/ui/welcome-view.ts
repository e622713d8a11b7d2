/**
 * The first-run page: what Upstream does, what it knows now, how to give it more, and what
 * never leaves the browser. Opened once on install; reachable from the popup and the options.
 */
import { BADGE_LEGEND } from './badge';
import { verdictLabel } from './describe';
import { h } from './dom';
import { count } from './format';
import type { MessageKey, Translate } from './i18n';
import { STARTER_OUTLETS, type StarterOutlet } from './starter-outlets';

/** Follows the outlets the reader ticked (asking the browser for their hosts first): how many, or a refusal. */
export type FollowOutlets = (outlets: StarterOutlet[]) => Promise<number | 'no-permission'>;

const LANGUAGE_NAMES: Record<StarterOutlet['language'], string> = {
  en: 'English',
  es: 'Español',
  fr: 'Français',
  de: 'Deutsch',
};

/** The starter list: nothing ticked, nothing fetched until the reader follows what they ticked. */
function starterSection(doc: Document, t: Translate, follow: FollowOutlets): HTMLElement {
  const boxes = STARTER_OUTLETS.map((outlet, i) => {
    const box = h(doc, 'input', {
      type: 'checkbox',
      id: `starter-${i}`,
      'data-testid': 'starter-outlet',
    }) as HTMLInputElement;
    return { outlet, box };
  });
  const groups = (Object.keys(LANGUAGE_NAMES) as StarterOutlet['language'][]).map((language) =>
    h(
      doc,
      'fieldset',
      {},
      h(doc, 'legend', { lang: language, translate: 'no' }, LANGUAGE_NAMES[language]),
      ...boxes
        .filter(({ outlet }) => outlet.language === language)
        .map(({ outlet, box }) =>
          h(
            doc,
            'div',
            {},
            box,
            ' ',
            h(doc, 'label', { for: box.id, lang: language, translate: 'no' }, outlet.name),
            ' ',
            h(
              doc,
              'a',
              { href: outlet.documented, target: '_blank', rel: 'noopener noreferrer', class: 'source' },
              new URL(outlet.feed).host,
            ),
          ),
        ),
    ),
  );
  const status = h(doc, 'p', { role: 'status', 'data-testid': 'starter-status' });
  const button = h(
    doc,
    'button',
    { type: 'button', class: 'primary', 'data-testid': 'starter-follow' },
    t('welcomeStarterFollow'),
  ) as HTMLButtonElement;
  button.addEventListener('click', () => {
    const chosen = boxes.filter(({ box }) => box.checked).map(({ outlet }) => outlet);
    if (!chosen.length) return;
    // Called first thing in the click: the browser asks for access only during the person's input.
    void follow(chosen).then((result) => {
      status.textContent =
        result === 'no-permission' ? t('welcomeStarterRefused') : t('welcomeStarterDone', count(result, t));
    });
  });
  return section(
    doc,
    'welcome-starter',
    'welcomeStarterHeading',
    t,
    h(doc, 'p', {}, t('welcomeStarterIntro')),
    ...groups,
    h(doc, 'p', { 'data-testid': 'starter-sends' }, t('welcomeStarterSends')),
    button,
    status,
  );
}

/** Each badge as the toolbar shows it, with what it means. */
function badgeLegend(doc: Document, t: Translate): HTMLElement {
  return h(
    doc,
    'dl',
    { class: 'badges', 'data-testid': 'badge-legend' },
    ...BADGE_LEGEND.flatMap(({ verdict, badge }) => [
      h(doc, 'dt', {}, h(doc, 'span', { class: 'badge', style: `background: ${badge.color}` }, t(badge.text!))),
      h(doc, 'dd', {}, verdictLabel(verdict, t)),
    ]),
    h(doc, 'dt', {}, h(doc, 'span', { class: 'badge blank' }, '')),
    h(doc, 'dd', {}, t('welcomeBadgeBlank')),
  );
}

export interface WelcomeFacts {
  /** Originals in the store now. */
  originals: number;
  /** Where the options page is (import, trusted outlets). */
  optionsUrl: string;
}

const section = (doc: Document, id: string, heading: MessageKey, t: Translate, ...body: (HTMLElement | string)[]) =>
  h(
    doc,
    'section',
    { 'aria-labelledby': `${id}-heading`, 'data-testid': id },
    h(doc, 'h2', { id: `${id}-heading` }, t(heading)),
    ...body,
  );

/** Renders the page into `root`. */
export function renderWelcome(root: HTMLElement, facts: WelcomeFacts, t: Translate, follow: FollowOutlets): void {
  const doc = root.ownerDocument;
  const options = (label: MessageKey) =>
    h(doc, 'a', { href: facts.optionsUrl, 'data-testid': 'open-options' }, t(label));
  root.replaceChildren(
    h(doc, 'h1', {}, t('welcomeHeading')),
    h(doc, 'p', { class: 'lead' }, t('welcomeWhat')),
    section(doc, 'welcome-badges', 'welcomeBadgesHeading', t, badgeLegend(doc, t)),
    section(
      doc,
      'welcome-knows',
      'welcomeKnowsHeading',
      t,
      h(doc, 'p', { 'data-testid': 'welcome-count' }, t('welcomeKnows', count(facts.originals, t))),
    ),
    starterSection(doc, t, follow),
    section(
      doc,
      'welcome-more',
      'welcomeMoreHeading',
      t,
      h(
        doc,
        'ul',
        {},
        h(doc, 'li', {}, t('welcomeImport')),
        h(doc, 'li', {}, t('welcomeTrusted')),
        h(doc, 'li', {}, t('welcomePack')),
      ),
      h(doc, 'p', {}, options('welcomeOpenOptions')),
    ),
    section(doc, 'welcome-private', 'welcomePrivateHeading', t, h(doc, 'p', {}, t('welcomePrivate'))),
  );
}
