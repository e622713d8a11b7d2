/**
 * The first-run page: what Upstream does, what it knows now, how to give it more, and what
 * never leaves the browser. Opened once on install; reachable from the popup and the options.
 */
import { h } from './dom';
import type { MessageKey, Translate } from './i18n';

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
export function renderWelcome(root: HTMLElement, facts: WelcomeFacts, t: Translate): void {
  const doc = root.ownerDocument;
  const options = (label: MessageKey) =>
    h(doc, 'a', { href: facts.optionsUrl, 'data-testid': 'open-options' }, t(label));
  root.replaceChildren(
    h(doc, 'h1', {}, t('welcomeHeading')),
    h(doc, 'p', { class: 'lead' }, t('welcomeWhat')),
    section(
      doc,
      'welcome-knows',
      'welcomeKnowsHeading',
      t,
      h(doc, 'p', { 'data-testid': 'welcome-count' }, t('welcomeKnows', String(facts.originals))),
    ),
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
