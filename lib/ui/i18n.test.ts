import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { translateEnglish } from './i18n';

const messages = (lang: string) =>
  JSON.parse(readFileSync(new URL(`../../public/_locales/${lang}/messages.json`, import.meta.url), 'utf8')) as Record<
    string,
    { message: string }
  >;

describe('interface strings', () => {
  const catalogues = readdirSync(new URL('../../public/_locales/', import.meta.url)).sort();

  it('ships the interface in the languages Upstream reads', () => {
    expect(catalogues).toEqual(expect.arrayContaining(['de', 'en', 'es', 'fr']));
  });

  for (const lang of catalogues.filter((l) => l !== 'en')) {
    it(`has every English string in ${lang}, with the same substitutions`, () => {
      const en = messages('en');
      const other = messages(lang);
      expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en)) {
        expect(other[key].message.match(/\$\d/g)?.sort(), key).toEqual(en[key].message.match(/\$\d/g)?.sort());
        expect(other[key].message.trim(), key).not.toBe('');
      }
    });
  }

  it('fills substitutions like browser.i18n', () => {
    expect(translateEnglish('moreChanges', '3')).toBe('and 3 more');
  });
});
