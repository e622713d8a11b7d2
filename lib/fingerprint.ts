/**
 * The fingerprint of an article: the small set of keys the candidate index is queried with.
 * Three channels, so that every kind of reuse meets at least one of them:
 * - order-free sentence keys (hashes of sorted content-word triples within a sentence) for
 *   verbatim, reordered and truncated text, sampled by hash value so that containment is kept;
 * - anchors (numbers, multi-word names, quotes) that survive rewording;
 * - the four bands of a 64-bit SimHash for near-identical copies.
 */
import { isAnchorNumber, isNameToken, nameSkeleton, namesOf, numbersOf, quoteKey, quotesOf } from './anchors';
import { hash32 } from './normalize';
import { simhash64, simhashBands } from './simhash';
import { runToEnd } from './steps';
import { buildTextModel, type TextModel } from './text-model';

/** Keep one sentence key in SAMPLE_RATE, chosen by hash so page and original keep the same ones. */
export const SAMPLE_RATE = 4;
/** Changes whenever the keys an article gets change, so stores built with older keys are rebuilt. */
export const FINGERPRINT_VERSION = 4;
/** Upper bound on keys, so a huge page cannot make the lookup slow. */
export const MAX_KEYS = 4000;

/** Serialisable fingerprint of an article. */
export interface Fingerprint {
  simhash: string;
  keys: string[];
  words: number;
}

/** Sampled sentence-key hashes in reading order: sorted triples of consecutive content stems; a sentence per step. */
function* sentenceHashSteps(model: TextModel): Generator<void, number[]> {
  const hashes: number[] = [];
  for (const sentence of model.sentences) {
    const stems = sentence.tokens.filter((t) => t.content).map((t) => t.stem);
    for (let i = 0; i + 3 <= stems.length; i++) {
      const h = hash32(
        stems
          .slice(i, i + 3)
          .sort()
          .join(' '),
      );
      if (h % SAMPLE_RATE === 0) hashes.push(h);
    }
    yield;
  }
  return hashes;
}

/**
 * Winnowing (Schleimer, Wilkerson and Aiken 2003): the smallest hash of every window of
 * `window` consecutive hashes. Any run of `window` hashes that two texts share yields at least
 * one key they both keep, while a text keeps only about 2 / (window + 1) of its hashes.
 */
export function winnow(hashes: number[], window: number): number[] {
  // A short text keeps all its keys: there are few, and it needs them all to be found.
  if (hashes.length < SHORT_TEXT_HASHES) return [...new Set(hashes)];
  const kept = new Set<number>();
  for (let start = 0; start + window <= hashes.length; start++) {
    let min = hashes[start];
    for (let i = start + 1; i < start + window; i++) if (hashes[i] < min) min = hashes[i];
    kept.add(min);
  }
  return [...kept];
}

/** Window of the winnowing that selects the sentence keys an original is indexed under. */
export const INDEX_WINDOW = 6;
/** Texts with fewer sampled sentence hashes than this are indexed under all of them. */
export const SHORT_TEXT_HASHES = 40;
/** An original is indexed under at most this many names, name skeletons, numbers and quote openings. */
export const INDEX_NAMES = 8;
export const INDEX_SKELETONS = 12;
export const INDEX_NUMBERS = 12;
export const INDEX_QUOTES = 5;

const sentenceKey = (h: number) => `c${h.toString(36)}`;

/** Anchor keys: numbers, names and quote openings. */
export function anchorKeys(model: TextModel, paragraphs: string[]): string[] {
  const keys = new Set<string>();
  for (const sentence of model.sentences) {
    for (const number of numbersOf(sentence.text)) if (isAnchorNumber(number)) keys.add(`n${number}`);
    for (const name of namesOf(sentence)) keys.add(`p${name}`);
    // Name skeletons survive translation and transliteration (Kharkiv, Járkov, Charkiw).
    sentence.tokens.forEach((token, i) => {
      const skeleton = isNameToken(sentence.tokens, i) ? nameSkeleton(token.norm) : '';
      if (skeleton.length >= 3) keys.add(`s${skeleton}`);
    });
  }
  for (const quote of quotesOf(paragraphs)) {
    const key = quoteKey(quote);
    if (key) keys.add(key);
  }
  return [...keys];
}

/**
 * What the keys are for: a page queries with all of its sampled keys; an original is indexed
 * under a winnowed few, which any page sharing a few sentences with it still finds.
 */
export type KeyPurpose = 'query' | 'index';

/** The most frequent keys of a kind in a text, at most `limit`. */
function mostFrequent(keys: string[], limit: number): Set<string> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return new Set(
    [...counts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, limit)
      .map(([key]) => key),
  );
}

/**
 * The anchors an original is indexed under: its most frequent names and name skeletons, its
 * longest numbers and its first quotes. A page still queries with all of its anchors.
 */
function indexAnchors(anchors: string[], model: TextModel): string[] {
  const names: string[] = [];
  const skeletons: string[] = [];
  for (const sentence of model.sentences) {
    for (const name of namesOf(sentence)) names.push(`p${name}`);
    sentence.tokens.forEach((token, i) => {
      const key = isNameToken(sentence.tokens, i) ? `s${nameSkeleton(token.norm)}` : '';
      if (key.length >= 4) skeletons.push(key);
    });
  }
  const keep = new Set([
    ...mostFrequent(names, INDEX_NAMES),
    ...mostFrequent(skeletons, INDEX_SKELETONS),
    ...anchors
      .filter((k) => k[0] === 'n')
      .sort((a, b) => b.length - a.length || a.localeCompare(b))
      .slice(0, INDEX_NUMBERS),
    ...anchors.filter((k) => k[0] === 'q').slice(0, INDEX_QUOTES),
  ]);
  return anchors.filter((k) => keep.has(k));
}

/** Fingerprints cleaned paragraphs in steps. */
export function* fingerprintSteps(
  paragraphs: string[],
  model: TextModel,
  purpose: KeyPurpose = 'query',
): Generator<void, Fingerprint> {
  const words = model.sentences.flatMap((s) => s.tokens.map((t) => t.norm));
  const simhash = simhash64(words);
  yield;
  const anchors = anchorKeys(model, paragraphs);
  yield;
  const hashes = yield* sentenceHashSteps(model);
  const sentenceKeys = purpose === 'index' ? winnow(hashes, INDEX_WINDOW) : [...new Set(hashes)];
  const keys = [
    ...simhashBands(simhash),
    ...(purpose === 'index' ? indexAnchors(anchors, model) : anchors),
    ...sentenceKeys.map(sentenceKey),
  ];
  return { simhash, keys: keys.slice(0, MAX_KEYS), words: model.words };
}

/** Fingerprints cleaned paragraphs. */
export function fingerprint(
  paragraphs: string[],
  model: TextModel = buildTextModel(paragraphs),
  purpose: KeyPurpose = 'query',
): Fingerprint {
  return runToEnd(fingerprintSteps(paragraphs, model, purpose));
}

/** True for a well-formed fingerprint (from a page or an imported index), within bounds. */
export function isFingerprint(v: unknown): v is Fingerprint {
  if (!v || typeof v !== 'object') return false;
  const f = v as Record<string, unknown>;
  return (
    typeof f.simhash === 'string' &&
    /^[0-9a-f]{16}$/.test(f.simhash) &&
    typeof f.words === 'number' &&
    Number.isFinite(f.words) &&
    f.words >= 0 &&
    Array.isArray(f.keys) &&
    f.keys.length <= MAX_KEYS &&
    f.keys.every((k) => typeof k === 'string' && k.length <= 200)
  );
}
