/**
 * Property-based tests (fast-check): on any input the normaliser, the fingerprinter, the
 * aligner and the engine never throw, keep their outputs bounded, and keep the
 * report's invariants (shares in [0, 1], verbatim + reworded + added = 1).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore, seedPackFromDisk } from '../../test/support/engine-fixtures';
import { alignTexts } from './align';
import { prepareArticle } from './article';
import { MAX_CHANGES } from './changes';
import { analyse } from './analyse';
import { fingerprint, MAX_KEY_LENGTH, MAX_KEYS } from './fingerprint';
import { tokenize } from './normalize';
import { buildTextModel } from './text-model';
import { splitSentences } from './sentences';
import { extractAttribution } from './attribution';
import { growth, LINEAR_BOUND } from '../../test/unit/growth';

// Text from a small alphabet of words, punctuation, scripts and oddities, so generated texts
// repeat words (and so align) as real ones do.
const word = fc.constantFrom(
  'Kyiv',
  'the',
  'talks',
  'said',
  '1,597',
  'Mr.',
  '“We',
  'will.”',
  'مرحبا',
  '北京',
  'שלום',
  'ﬁne',
  '\u200b',
  '—',
  '',
  'e\u0301',
  '😀',
  'U.S.',
  '...',
);
const sentence = fc.array(word, { maxLength: 30 }).map((w) => w.join(' '));
const paragraphs = fc.array(sentence, { maxLength: 20 });
const anyText = fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'grapheme', maxLength: 200 }), sentence);

let store: MemoryStore;
beforeAll(async () => {
  store = new MemoryStore((await seedPackFromDisk()).originals);
});

describe('properties', () => {
  it('tokenize never throws and gives non-empty comparison forms', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const token of tokenize(text)) expect(token.norm.length).toBeGreaterThan(0);
      }),
    );
  });

  it('fingerprints are bounded and well-formed', () => {
    fc.assert(
      fc.property(paragraphs, (ps) => {
        const f = fingerprint(ps);
        expect(f.keys.every((k) => k.length <= MAX_KEY_LENGTH)).toBe(true);
        expect(f.keys.length).toBeLessThanOrEqual(MAX_KEYS);
        expect(new Set(f.keys).size).toBe(f.keys.length);
      }),
    );
  });

  it('alignment shares are consistent', () => {
    fc.assert(
      fc.property(paragraphs, paragraphs, (a, b) => {
        const page = buildTextModel(a);
        const original = buildTextModel(b.length ? b : a);
        const al = alignTexts(page, original);
        expect(al.verbatimWords + al.rewordedWords + al.addedWords).toBe(page.words);
        expect(al.carriedWords).toBeLessThanOrEqual(original.words);
      }),
    );
  });

  it('the engine keeps the report contract on any page, including pieces of the seeds', async () => {
    const seedParagraphs = store.all().flatMap((o) => o.paragraphs ?? []);
    const mixed = fc.array(fc.oneof(sentence, fc.constantFrom(...seedParagraphs)), { maxLength: 25 });
    await fc.assert(
      fc.asyncProperty(mixed, async (ps) => {
        const report = await analyse(prepareArticle({ title: 'x', paragraphs: ps }), store);
        const a = report.alteration;
        if (!a) return;
        for (const share of [a.verbatim, a.reworded, a.added, a.coverage, a.removed]) {
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(1);
        }
        expect(Math.abs(a.verbatim + a.reworded + a.added - 1)).toBeLessThanOrEqual(0.002);
        expect(Math.abs(a.coverage + a.removed - 1)).toBeLessThanOrEqual(0.001);
        expect(a.changes.length).toBeLessThanOrEqual(MAX_CHANGES);
        expect(report.confidence).toBeGreaterThanOrEqual(0);
        expect(report.confidence).toBeLessThanOrEqual(1);
      }),
      { numRuns: 60 },
    );
  });

  describe('time grows with the input, not its square, on adversarial text', () => {
    it('splits one huge paragraph into sentences', () => {
      expect(growth((n) => splitSentences('word word word. word '.repeat(n)), 3_000)).toBeLessThan(LINEAR_BOUND);
    });

    it('reads attribution lines', () => {
      const lines = (n: number) => [
        `By ${'A'.repeat(100)}!`,
        `Write to ${'Ab '.repeat(n)}`,
        `${'.'.repeat(n)} contributed to this article`,
      ];
      expect(growth((n) => extractAttribution(lines(n)), 2_000)).toBeLessThan(LINEAR_BOUND);
    });

    it('prepares and fingerprints an article', () => {
      const article = (n: number) => ({
        title: 'x',
        paragraphs: ['The talks in Kyiv resumed on Monday, 1,597 said. '.repeat(n)],
      });
      expect(growth((n) => prepareArticle(article(n)), 200)).toBeLessThan(LINEAR_BOUND);
    });

    it('aligns a page with an original', () => {
      const text = (n: number) =>
        buildTextModel(Array.from({ length: n }, (_, i) => `Sentence ${i} about the harbour budget line ${i * 7}.`));
      expect(growth((n) => alignTexts(text(n), text(n)), 100)).toBeLessThan(LINEAR_BOUND);
    });
  });
});
