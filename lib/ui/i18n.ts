/**
 * Interface strings. The extension reads them with browser.i18n (public/_locales/<lang>);
 * Node (CLI, tests) reads the English file directly. Views take a `Translate` function so
 * they stay pure.
 */
import english from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof english;
export type Translate = (key: MessageKey, ...substitutions: string[]) => string;

/** Fills $1…$9 as browser.i18n does. */
function substitute(message: string, substitutions: string[]): string {
  return message.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
}

/** English strings, for Node. */
export const translateEnglish: Translate = (key, ...substitutions) => substitute(english[key].message, substitutions);

/** A translator over a getMessage function (browser.i18n.getMessage), English when a string is missing. */
export function translatorFrom(getMessage: (key: string, substitutions?: string[]) => string): Translate {
  return (key, ...substitutions) => getMessage(key, substitutions) || translateEnglish(key, ...substitutions);
}
