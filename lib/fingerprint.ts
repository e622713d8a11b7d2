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
export const FINGERPRINT_VERSION = 3;
/** Upper bound on keys, so a huge page cannot make the lookup slow. */
export const MAX_KEYS = 4000;

/** Serialisable fingerprint of an article. */
export interface Fingerprint {
  simhash: string;
  keys: string[];
  words: number;
}

/** Sentence keys: sorted triples of consecutive content stems, sampled by hash; a sentence per step. */
function* sentenceKeySteps(model: TextModel): Generator<void, string[]> {
  const keys = new Set<string>();
  for (const sentence of model.sentences) {
    const stems = sentence.tokens.filter((t) => t.content).map((t) => t.stem);
    for (let i = 0; i + 3 <= stems.length; i++) {
      const h = hash32(
        stems
          .slice(i, i + 3)
          .sort()
          .join(' '),
      );
      if (h % SAMPLE_RATE === 0) keys.add(`c${h.toString(36)}`);
    }
    yield;
  }
  return [...keys];
}

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

/** Fingerprints cleaned paragraphs in steps. */
export function* fingerprintSteps(paragraphs: string[], model: TextModel): Generator<void, Fingerprint> {
  const words = model.sentences.flatMap((s) => s.tokens.map((t) => t.norm));
  const simhash = simhash64(words);
  yield;
  const anchors = anchorKeys(model, paragraphs);
  yield;
  const keys = [...simhashBands(simhash), ...anchors, ...(yield* sentenceKeySteps(model))];
  return { simhash, keys: keys.slice(0, MAX_KEYS), words: model.words };
}

/** Fingerprints cleaned paragraphs. */
export function fingerprint(paragraphs: string[], model: TextModel = buildTextModel(paragraphs)): Fingerprint {
  return runToEnd(fingerprintSteps(paragraphs, model));
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
