import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTextModel } from './text-model';
import {
  compactKey,
  fingerprint,
  INDEX_SENTENCE_WINDOW,
  MAX_KEY_LENGTH,
  SAMPLE_RATE,
  upgradeKeys,
  winnowSentences,
} from './fingerprint';
import { paragraphsOf } from './article';
import { hash32 } from './normalize';

const seed = (name: string) =>
  paragraphsOf(readFileSync(new URL(`../../seeds/${name}.txt`, import.meta.url), 'utf8')).slice(1);
const wsj = seed('000_5431e028bc674fe8');

describe('fingerprint', () => {
  it('indexes an original under a subset of the keys a page copying it queries with', () => {
    const index = fingerprint(wsj, undefined, 'index').keys;
    const query = new Set(fingerprint(wsj).keys);
    expect(index.length).toBeLessThan(query.size / 2);
    expect(index.every((k) => query.has(k))).toBe(true);
    expect([...query].every((k) => k.length <= MAX_KEY_LENGTH)).toBe(true);
  });

  it('finds every run of three consecutive sentences of the original among its index keys', () => {
    const model = buildTextModel(wsj);
    const index = new Set(fingerprint(wsj, model, 'index').keys);
    const sentences = model.sentences.map((s) => s.text);
    let runs = 0;
    for (let i = 0; i + INDEX_SENTENCE_WINDOW <= sentences.length; i++) {
      const excerpt = sentences.slice(i, i + INDEX_SENTENCE_WINDOW);
      const keys = fingerprint(excerpt).keys.filter((k) => k[0] === 'c');
      if (keys.length === 0) continue; // three sentences too short to carry a sampled triple
      runs++;
      expect(keys.some((k) => index.has(k))).toBe(true);
    }
    expect(runs).toBeGreaterThan(20);
  });

  it('keeps the smallest hash of each window of sentences, and all hashes of a short text', () => {
    const long = Array.from({ length: 30 }, (_, i) => [100 + i, 200 + i]);
    expect(winnowSentences(long, 3)).toEqual(Array.from({ length: 28 }, (_, i) => 100 + i));
    expect(winnowSentences([[5, 9], [], [7]], 3).sort()).toEqual([5, 7, 9]);
  });

  it('reads names and numbers as anchors, across spellings', () => {
    const keys = fingerprint(['Shelling hit Kharkiv on Tuesday, killing 1,597 people, officials said.']).keys;
    const translated = fingerprint(['Los bombardeos alcanzaron Járkov el martes y mataron a 1.597 personas.']).keys;
    expect(keys.filter((k) => translated.includes(k)).sort()).toEqual(['n1597', 'shrkv']);
  });

  it('indexes a brief under every name and number it gives, a longer article under its main ones', () => {
    const brief = [
      'Shelling hit Kharkiv on Tuesday, killing 1,597 people and 2,870 soldiers, officials in Zaporizhzhia said.',
    ];
    const anchors = (keys: string[]) => keys.filter((k) => k[0] !== 'c');
    const index = (paragraphs: string[]) => anchors(fingerprint(paragraphs, buildTextModel(paragraphs), 'index').keys);
    const mentioned = anchors(fingerprint(brief).keys);
    expect(mentioned).toEqual(expect.arrayContaining(['n1597', 'n2870', 'shrkv']));
    expect(index(brief).sort()).toEqual([...mentioned].sort());
    // In a long article, a name mentioned once is a passing mention, and one number is kept.
    const long = [...wsj, ...brief];
    expect(index(long)).not.toContain('n2870');
    expect(index(long).length).toBeLessThan(anchors(fingerprint(long).keys).length);
  });
});

describe('compactKey and upgradeKeys', () => {
  it('keeps short keys and hashes long ones, idempotently', () => {
    expect(compactKey('n1597')).toBe('n1597');
    const long = compactKey('sjnvsldrn');
    expect(long).toMatch(/^s[\w-]{1,6}$/);
    expect(compactKey(long)).toBe(long);
  });

  it('brings version-4 keys (whole sentence hashes, bands, names, quotes) to the current form', () => {
    const current = fingerprint(wsj).keys;
    // Version 4 wrote the same sampled sentence hashes whole, in base 36, and anchors uncompacted.
    const version4 = buildTextModel(wsj).sentences.flatMap((sentence) => {
      const stems = sentence.tokens.filter((t) => t.content).map((t) => t.stem);
      return stems
        .slice(2)
        .map((_, i) =>
          hash32(
            stems
              .slice(i, i + 3)
              .sort()
              .join(' '),
          ),
        )
        .filter((h) => h % SAMPLE_RATE === 0)
        .map((h) => `c${h.toString(36)}`);
    });
    const old = ['h049de', 'pkyiv ukraine russia', 'qwith shame', ...current.filter((k) => k[0] !== 'c'), ...version4];
    expect(upgradeKeys(old).sort()).toEqual([...current].sort());
    expect(upgradeKeys(current, 5)).toBe(current);
    expect(upgradeKeys(current, 6)).toBe(current);
  });
});
