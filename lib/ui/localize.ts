/** Puts an extension page in the reader's language: `lang`, `dir`, and every marked string. */
import { directionOf, type MessageKey, type Translate } from './i18n';

/**
 * Sets the page's language and direction, and fills every element marked `data-i18n` (its
 * text) or `data-i18n-label` (its accessible label).
 */
export function localizePage(doc: Document, t: Translate): void {
  doc.documentElement.lang = t.locale;
  doc.documentElement.dir = directionOf(t.locale);
  for (const el of doc.querySelectorAll('[data-i18n]')) el.textContent = t(el.getAttribute('data-i18n') as MessageKey);
  for (const el of doc.querySelectorAll('[data-i18n-label]'))
    el.setAttribute('aria-label', t(el.getAttribute('data-i18n-label') as MessageKey));
}
