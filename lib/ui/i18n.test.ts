import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { translateEnglish } from './i18n';

const messages = (lang: string) =>
  JSON.parse(readFileSync(new URL(`../../public/_locales/${lang}/messages.json`, import.meta.url), 'utf8')) as Record<
    string,
    { message: string }
  >;

describe('interface strings', () => {
  it('has every English string in Spanish, with the same substitutions', () => {
    const en = messages('en');
    const es = messages('es');
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      expect(es[key].message.match(/\$\d/g)?.sort(), key).toEqual(en[key].message.match(/\$\d/g)?.sort());
    }
  });

  it('fills substitutions like browser.i18n', () => {
    expect(translateEnglish('moreChanges', '3')).toBe('and 3 more');
  });
});
