import { describe, expect, it } from 'vitest';
import { formatLexicon, LEXICON_RETRY_MS, lexiconLoader, parseLexicon } from './lexicon';

describe('lexicon files', () => {
  it('reads back what it writes, translations in the order given', () => {
    const text = formatLexicon(
      'es',
      new Map([
        ['gobiern', ['gover', 'regim']],
        ['casa', ['house', 'home']],
      ]),
    );
    expect([...parseLexicon(text, 'es').entries]).toEqual([
      ['casa', ['house', 'home']],
      ['gobiern', ['gover', 'regim']],
    ]);
  });

  it('refuses a file of another language or format with a clear error', () => {
    const text = formatLexicon('fr', new Map([['maison', ['house']]]));
    expect(() => parseLexicon(text, 'es')).toThrow(/Not an Upstream lexicon for "es"/);
    expect(() => parseLexicon('{"entries": {}}', 'es')).toThrow(/npm run lexicons/);
  });

  it('reads each language once; one that cannot be read counts as absent for a while, then is read again', async () => {
    const reads: string[] = [];
    let fail = true;
    let now = 0;
    const load = lexiconLoader(
      async (language) => {
        reads.push(language);
        if (fail) throw new Error('quota');
        return language === 'es' ? formatLexicon('es', new Map([['casa', ['house']]])) : undefined;
      },
      () => now,
    );
    expect(await load('es')).toBeUndefined();
    fail = false;
    // Not read again for every page...
    expect(await load('es')).toBeUndefined();
    expect(reads).toEqual(['es']);
    // ...but after a while.
    now += LEXICON_RETRY_MS;
    expect((await load('es'))?.entries.get('casa')).toEqual(['house']);
    expect(await load('es')).toBe(await load('es'));
    expect(await load('xx')).toBeUndefined();
    expect(reads).toEqual(['es', 'es', 'xx']);
  });

  it('reads a lexicon whose lines end in CRLF', () => {
    const text = formatLexicon('es', new Map([['casa', ['house', 'home']]])).replace(/\n/g, '\r\n');
    expect(parseLexicon(text, 'es').entries.get('casa')).toEqual(['house', 'home']);
  });
});
