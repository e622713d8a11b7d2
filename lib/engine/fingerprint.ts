/**
 * The fingerprint of an article: the small set of keys the candidate index is queried with.
 * Two channels, so that every kind of reuse meets at least one of them:
 * - order-free sentence keys (hashes of sorted content-word triples within a sentence) for
 *   verbatim, reordered, truncated and lightly spun text, sampled by hash value so that
 *   containment is kept;
 * - anchors (numbers, and the consonant skeletons of names) that survive rewording and
 *   translation.
 * A page queries with all of its keys; an original is indexed under a winnowed few.
 */
import { anchorsOfSentence, isAnchorNumber } from './anchors';
import { hash32 } from './normalize';
import { runToEnd } from './steps';
import { buildTextModel } from './text-model';
import type { Fingerprint, KeyPurpose, TextModel } from '../model';

/** Keep one sentence key in SAMPLE_RATE, chosen by hash so page and original keep the same ones. */
export const SAMPLE_RATE = 4;
/** Changes whenever the keys an article gets change, so stores built with older keys are rebuilt. */
export const FINGERPRINT_VERSION = 6;
/** The first version whose keys are written as the index stores them (compactKey). */
const COMPACT_KEYS_VERSION = 5;
/** Most words a fingerprint may count: more than any article holds (400,000 characters). */
export const MAX_ARTICLE_WORDS = 1_000_000;
/** Upper bound on keys, so a huge page cannot make the lookup slow. */
export const MAX_KEYS = 4000;
/** Longest key stored as written; longer ones are stored as their channel letter and a hash. */
export const MAX_KEY_LENGTH = 8;

/** The hash of a triple of stems in any order, or undefined when sampling leaves it out. */
function sampledTripleHash(a: string, b: string, c: string): number | undefined {
  const h = hash32([a, b, c].sort().join(' '));
  return h % SAMPLE_RATE === 0 ? h : undefined;
}

/** Sampled sentence-key hashes, per sentence: sorted triples of consecutive content stems; a sentence per step. */
function* sentenceHashSteps(model: TextModel): Generator<void, number[][]> {
  const perSentence: number[][] = [];
  for (const sentence of model.sentences) {
    const stems = sentence.tokens.filter((t) => t.content).map((t) => t.stem);
    const hashes: number[] = [];
    for (let i = 0; i + 3 <= stems.length; i++) {
      const h = sampledTripleHash(stems[i], stems[i + 1], stems[i + 2]);
      if (h !== undefined) hashes.push(h);
    }
    perSentence.push(hashes);
    yield;
  }
  return perSentence;
}

/** Readings of a word tried in translated keys: its own stem (a cognate) and its main translations. */
export const TRANSLATED_READINGS = 2;

/**
 * Sentence keys a translation of the page into English could have: each triple of consecutive
 * content words read as each combination of its words' main translations. The sorted triple
 * does not depend on word order, which translation changes. For the candidate lookup only.
 */
export function translatedKeys(model: TextModel, translate: (word: string) => readonly string[]): string[] {
  const keys = new Set<string>();
  for (const sentence of model.sentences) {
    const readings = sentence.tokens
      .filter((t) => t.content)
      .map((t) => [...new Set([t.stem, ...translate(t.norm)])].slice(0, TRANSLATED_READINGS));
    for (let i = 0; i + 3 <= readings.length; i++) {
      for (const a of readings[i])
        for (const b of readings[i + 1])
          for (const c of readings[i + 2]) {
            const h = sampledTripleHash(a, b, c);
            if (h !== undefined) keys.add(sentenceKey(h));
          }
    }
    if (keys.size >= MAX_KEYS) break;
  }
  return [...keys].slice(0, MAX_KEYS);
}

/** Consecutive sentences over which an original keeps its smallest sentence hash. */
export const INDEX_SENTENCE_WINDOW = 3;
/** Texts with fewer sampled sentence hashes than this are indexed under all of them. */
export const SHORT_TEXT_HASHES = 40;

/**
 * Winnowing (Schleimer, Wilkerson and Aiken 2003) over sentences: the smallest hash of every
 * `window` consecutive sentences. Any `window` consecutive sentences a page copies yield at
 * least one key the original is indexed under, while the original keeps only about
 * 2 / (window + 1) keys per sentence.
 */
export function winnowSentences(perSentence: number[][], window: number): number[] {
  const all = perSentence.flat();
  // A short text keeps all its keys: there are few, and it needs them all to be found.
  if (all.length < SHORT_TEXT_HASHES) return [...new Set(all)];
  const kept = new Set<number>();
  for (let start = 0; start + window <= perSentence.length; start++) {
    let min = Infinity;
    for (let i = start; i < start + window; i++) for (const h of perSentence[i]) if (h < min) min = h;
    if (min !== Infinity) kept.add(min);
  }
  return [...kept];
}

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_';

/** A non-negative integer in 64 printable digits: a 32-bit hash in at most 6 characters. */
function digits64(n: number): string {
  let out = '';
  do {
    out = DIGITS[n % 64] + out;
    n = Math.floor(n / 64);
  } while (n > 0);
  return out;
}

/** The sampled hashes are all multiples of SAMPLE_RATE: dividing by it keeps every bit that varies. */
const sentenceKey = (h: number) => `c${digits64(Math.floor(h / SAMPLE_RATE))}`;

/**
 * A key as the index stores it: short keys as they are, longer ones as their channel letter
 * and a hash in 64 digits. Idempotent, so keys of an older store or export can be brought to it.
 */
export function compactKey(key: string): string {
  return key.length <= MAX_KEY_LENGTH ? key : `${key[0]}${digits64(hash32(key))}`;
}

/** Anchor keys of each kind: numbers ("n…") and name skeletons ("s…"), each as often as it occurs. */
function anchorOccurrences(model: TextModel): { numbers: string[]; skeletons: string[] } {
  const numbers: string[] = [];
  const skeletons: string[] = [];
  for (const sentence of model.sentences) {
    // Name skeletons survive translation and transliteration (Kharkiv, Járkov, Charkiw).
    const anchors = anchorsOfSentence(sentence);
    for (const number of anchors.numbers) if (isAnchorNumber(number)) numbers.push(`n${number}`);
    for (const skeleton of anchors.skeletons) skeletons.push(`s${skeleton}`);
  }
  return { numbers, skeletons };
}

/** An original is indexed under at most this many name skeletons and longest numbers. */
export const INDEX_SKELETONS = 10;
export const INDEX_NUMBERS = 1;
/** A name is indexed only when the original mentions it this often: passing mentions are weak evidence. */
export const INDEX_SKELETON_MIN_COUNT = 2;
/** Texts shorter than this (in words) are indexed under every name and up to INDEX_SKELETONS numbers. */
export const SHORT_TEXT_WORDS = 300;

/** The most frequent keys of a list that occur at least `minCount` times, at most `limit`. */
function mostFrequent(keys: string[], limit: number, minCount: number): string[] {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts]
    .filter(([, count]) => count >= minCount)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([key]) => key);
}

/** Anchors a page queries with (all), or an original is indexed under (its main names, its longest number). */
function anchorKeys(model: TextModel, purpose: KeyPurpose): string[] {
  const { numbers, skeletons } = anchorOccurrences(model);
  if (purpose === 'query') return [...numbers, ...skeletons];
  // A short text (a brief) has few sentence keys, which its translations rarely share: it keeps
  // every name it mentions and more numbers, the evidence a translation of it carries.
  const short = model.words < SHORT_TEXT_WORDS;
  const longestNumbers = [...new Set(numbers)]
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .slice(0, short ? INDEX_SKELETONS : INDEX_NUMBERS);
  // Short skeletons ("sml") are shared by too many unrelated names to be worth indexing.
  const names = mostFrequent(
    skeletons.filter((k) => k.length >= 4),
    INDEX_SKELETONS,
    short ? 1 : INDEX_SKELETON_MIN_COUNT,
  );
  return [...longestNumbers, ...names];
}

/** Fingerprints a text model in steps. */
export function* fingerprintSteps(model: TextModel, purpose: KeyPurpose = 'query'): Generator<void, Fingerprint> {
  const anchors = anchorKeys(model, purpose);
  yield;
  const perSentence = yield* sentenceHashSteps(model);
  const hashes = purpose === 'index' ? winnowSentences(perSentence, INDEX_SENTENCE_WINDOW) : perSentence.flat();
  const keys = new Set([...anchors.map(compactKey), ...hashes.map(sentenceKey)]);
  return { keys: [...keys].slice(0, MAX_KEYS), words: model.words };
}

/** Fingerprints cleaned paragraphs. */
export function fingerprint(
  paragraphs: string[],
  model: TextModel = buildTextModel(paragraphs),
  purpose: KeyPurpose = 'query',
): Fingerprint {
  return runToEnd(fingerprintSteps(model, purpose));
}

/** The fingerprint version of exports written before versions were recorded. */
const UNVERSIONED = 4;

/**
 * Brings keys of an older fingerprint version to the current form, for stores and exports
 * written by an earlier Upstream. Version 4 also had SimHash bands, multi-word names and
 * quote openings, which no page queries with any more, and wrote sentence hashes whole.
 */
export function upgradeKeys(keys: string[], version = UNVERSIONED): string[] {
  // Version 6 indexes short texts under more anchors, in keys of the same form as version 5.
  if (version >= COMPACT_KEYS_VERSION) return keys;
  const upgraded = keys.flatMap((key) => {
    if (key[0] === 'c') {
      const hash = parseInt(key.slice(1), 36);
      return Number.isSafeInteger(hash) && hash % SAMPLE_RATE === 0 ? [sentenceKey(hash)] : [];
    }
    return key[0] === 'n' || key[0] === 's' ? [compactKey(key)] : [];
  });
  return [...new Set(upgraded)];
}

/** True for a well-formed fingerprint (from a page or an imported index), within bounds. */
export function isFingerprint(v: unknown): v is Fingerprint {
  if (!v || typeof v !== 'object') return false;
  const f = v as Record<string, unknown>;
  return (
    Number.isInteger(f.words) &&
    (f.words as number) >= 0 &&
    (f.words as number) <= MAX_ARTICLE_WORDS &&
    Array.isArray(f.keys) &&
    f.keys.length <= MAX_KEYS &&
    f.keys.every((k) => typeof k === 'string' && k.length <= 200) &&
    (f.version === undefined || (Number.isInteger(f.version) && (f.version as number) > 0))
  );
}
