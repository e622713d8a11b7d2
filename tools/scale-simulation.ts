/**
 * `npm run scaling`: what the candidate lookup would meet at 10 and 100 million originals,
 * simulated from the index's own key statistics on the originals at hand (the PAN 2013 source
 * documents, or generated articles without them). No store of that size is built.
 *
 * The model: besides the copied original itself, a key carried by d other originals of the N at
 * hand is carried by d * M / N of M (topical keys grow with the store, a sentence key only that
 * original has stays its own); a key that is a hash also collects postings by chance,
 * M * (keys per original) / 2^bits, once the hash space fills. A
 * page that copies one original queries with its keys; the lookup (lib/engine/candidates.ts)
 * skips keys with more than MAX_POSTING postings and scores at most SCORED_POSTINGS entries,
 * rarest keys first. Printed per size: postings per key, the share of the page's keys skipped,
 * the entries scored, and the share of copies whose original still gets a scored key.
 */
import { buildTextModel, fingerprint, makeOriginal } from '../lib/engine';
import { MAX_POSTING, SCORED_POSTINGS } from '../lib/engine/candidates';
import { panSources } from './corpora';
import { random, syntheticArticle } from './synthetic';

/** Bits of a sentence key: a 32-bit hash sampled 1 in 4 (SAMPLE_RATE) keeps 30 bits that vary. */
const SENTENCE_KEY_BITS = 30;
/** Bits of a hashed anchor (compactKey: a 32-bit hash); short anchors are written out and only scale. */
const HASHED_ANCHOR_BITS = 32;
const SIZES = [1e4, 1e5, 1e6, 1e7, 1e8];
const PAGES = 300;

const texts =
  panSources(2000)?.map((d) => d.text) ??
  Array.from({ length: 1000 }, (_, i) => syntheticArticle(i + 7, 600).join(' '));
const source = panSources(1) ? 'PAN 2013 source documents' : 'generated articles (no research corpora found)';
const originals = texts.map((text, i) =>
  makeOriginal({ id: `o${i}`, title: `o${i}`, text: text.replace(/([.!?]) /g, '$1\n') }, 'import'),
);
const here = originals.length;

// Document frequency of every index key at hand.
const frequency = new Map<string, number>();
for (const o of originals) for (const key of o.fingerprint.keys) frequency.set(key, (frequency.get(key) ?? 0) + 1);
const keysPerOriginal = originals.reduce((n, o) => n + o.fingerprint.keys.length, 0) / here;

/** Expected postings of a key at M originals: the copied original's own, the others' share at hand scaled, and chance. */
function postingsAt(key: string, own: boolean, size: number): number {
  const others = (frequency.get(key) ?? 0) - (own ? 1 : 0);
  const carried = (own ? 1 : 0) + (others * (size - 1)) / (here - 1);
  const hashed = key[0] === 'c' ? SENTENCE_KEY_BITS : key.length > 5 ? HASHED_ANCHOR_BITS : 0;
  const chance = hashed ? (size * keysPerOriginal) / 2 ** hashed : 0;
  return carried + chance;
}

const draw = random(99);
const pages = Array.from({ length: PAGES }, () => originals[Math.floor(draw() * here)]);
const rows = SIZES.map((size) => {
  let keys = 0;
  let skipped = 0;
  let scored = 0;
  let found = 0;
  let postings = 0;
  for (const original of pages) {
    // A copy of the original queries with every key of its text; the original is indexed under its own.
    const query = fingerprint(original.paragraphs!, buildTextModel(original.paragraphs!)).keys;
    const own = new Set(original.fingerprint.keys);
    const lengths = query
      .map((key) => ({ key, length: postingsAt(key, own.has(key), size) }))
      .filter((k) => k.length > 0)
      .sort((a, b) => a.length - b.length);
    let budget = SCORED_POSTINGS;
    let reached = false;
    for (const { key, length } of lengths) {
      keys++;
      postings += length;
      if (length > MAX_POSTING) {
        skipped++;
        continue;
      }
      if (length > budget) break;
      budget -= length;
      if (own.has(key)) reached = true;
    }
    scored += SCORED_POSTINGS - budget;
    if (reached) found++;
  }
  return {
    originals: size.toLocaleString('en'),
    meanPostingsPerKey: Math.round((postings / Math.max(1, keys)) * 10) / 10,
    keysSkipped: Math.round((skipped / Math.max(1, keys)) * 1000) / 1000,
    postingsScoredPerQuery: Math.round(scored / PAGES),
    copiesReachingTheirOriginal: Math.round((found / PAGES) * 1000) / 1000,
    chancePostingsPerSentenceKey: Math.round(((size * keysPerOriginal) / 2 ** SENTENCE_KEY_BITS) * 1000) / 1000,
  };
});

console.log(
  `Scaling simulation from ${here} ${source}: ${keysPerOriginal.toFixed(1)} index keys per original, ` +
    `${frequency.size} distinct keys; ${PAGES} copies of stored originals as pages.`,
);
console.table(rows);
