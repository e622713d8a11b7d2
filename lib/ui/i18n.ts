/**
 * Interface strings. The extension reads them with browser.i18n (public/_locales/<lang>);
 * Node (CLI, tests) reads the English file directly. Views take a `Translate` function so
 * they stay pure; it also carries the reader's locale, for numbers and dates through Intl.
 */
import english from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof english;
export interface Translate {
  (key: MessageKey, ...substitutions: string[]): string;
  /** The interface's language (a BCP 47 tag), for Intl. */
  locale: string;
}

/** Fills $1…$9 as browser.i18n does. */
function substitute(message: string, substitutions: string[]): string {
  return message.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
}

const english_ = (key: MessageKey, ...substitutions: string[]) => substitute(english[key].message, substitutions);

/** English strings, for Node. */
export const translateEnglish: Translate = Object.assign(english_, { locale: 'en' });

/** A translator over a getMessage function (browser.i18n.getMessage), English when a string is missing. */
export function translatorFrom(
  getMessage: (key: string, substitutions?: string[]) => string,
  locale: string,
): Translate {
  const translate = (key: MessageKey, ...substitutions: string[]) =>
    getMessage(key, substitutions) || english_(key, ...substitutions);
  return Object.assign(translate, { locale });
}

/** The `dir` of a page in a language: right to left for the scripts written so. */
export function directionOf(locale: string): 'ltr' | 'rtl' {
  return /^(ar|fa|he|ur|ps|yi|dv|ckb)\b/i.test(locale) ? 'rtl' : 'ltr';
}
