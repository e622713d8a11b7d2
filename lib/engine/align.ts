/**
 * Sentence alignment of a page against one original, in the manner of Sánchez-Pérez et al.
 * (PAN 2014): seed pairs of similar sentences (tf-isf weighted word overlap, with character
 * trigrams for machine-reworded text), extend over small gaps next to seeds, and drop isolated
 * weak pairs, which is what topical similarity between independent articles looks like.
 * Then a word-level alignment of each pair splits the page's words into verbatim, reworded and
 * added, and marks which of the original's words the page carries.
 */
import { matchWords, verbatimRuns } from './word-diff';
import type { Sentence, TextModel, WordLabel } from '../model';

/** Similarity at which a sentence pair is taken as a seed on its own. */
export const SEED_SIMILARITY = 0.5;
/** Similarity accepted for a sentence next to an aligned neighbour. */
export const EXTEND_SIMILARITY = 0.3;
/** Seeds with no aligned neighbour must be at least this similar (a lone topical match is not reuse). */
export const ISOLATED_SIMILARITY = 0.65;
/** Sentences with fewer content words than this ("1.", "Photo:") carry too little to align. */
export const MIN_CONTENT_WORDS = 3;
/** Original sentences compared with each page sentence at most (see bestMatches). */
export const COMPARED_SENTENCES = 64;
/** Shortest run of words copied in order, without gaps, that counts as verbatim. */
export const VERBATIM_RUN = 6;

/** A page sentence aligned to an original sentence (or, in a summary, to a run of them). */
export interface SentencePair {
  page: number;
  original: number;
  /** The last original sentence of the run the page sentence condenses, when it is more than one. */
  through?: number;
  similarity: number;
}

/** Result of aligning a page with an original. */
export interface Alignment {
  pairs: SentencePair[];
  /** Per page sentence, per word: how the word relates to the original. */
  pageLabels: WordLabel[][];
  /** Per original sentence, per word: whether the page carries it (verbatim or reworded). */
  originalCarried: boolean[][];
  verbatimWords: number;
  rewordedWords: number;
  addedWords: number;
  pageWords: number;
  carriedWords: number;
  originalWords: number;
}

interface SentenceFeatures {
  stems: Set<string>;
  trigrams: Set<string>;
}

function features(sentence: Sentence): SentenceFeatures {
  const content = sentence.tokens.filter((t) => t.content);
  const stems = new Set(content.map((t) => t.stem));
  const joined = ` ${content.map((t) => t.norm).join(' ')} `;
  const trigrams = new Set<string>();
  for (let i = 0; i + 3 <= joined.length; i++) trigrams.add(joined.slice(i, i + 3));
  return { stems, trigrams };
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** Pairwise sentence similarity with inverse sentence frequency computed over both texts. */
export class SimilarityModel {
  private readonly pageFeatures: SentenceFeatures[];
  private readonly originalFeatures: SentenceFeatures[];
  private readonly weight = new Map<string, number>();
  /** stem -> original sentences containing it, to compare only pairs that share words. */
  readonly originalsByStem = new Map<string, number[]>();

  constructor(page: TextModel, original: TextModel) {
    this.pageFeatures = page.sentences.map(features);
    this.originalFeatures = original.sentences.map(features);
    const frequency = new Map<string, number>();
    for (const f of [...this.pageFeatures, ...this.originalFeatures]) {
      for (const stem of f.stems) frequency.set(stem, (frequency.get(stem) ?? 0) + 1);
    }
    const total = this.pageFeatures.length + this.originalFeatures.length;
    for (const [stem, count] of frequency) this.weight.set(stem, Math.log((total + 1) / count));
    this.originalFeatures.forEach((f, index) => {
      for (const stem of f.stems) {
        const list = this.originalsByStem.get(stem);
        if (list) list.push(index);
        else this.originalsByStem.set(stem, [index]);
      }
    });
  }

  pageStems(index: number): Set<string> {
    return this.pageFeatures[index].stems;
  }

  originalStems(index: number): Set<string> {
    return this.originalFeatures[index].stems;
  }

  /** How much a stem says: rarer across both texts' sentences, more. */
  weightOf(stem: string): number {
    return this.weight.get(stem) ?? 0;
  }

  similarity(pageIndex: number, originalIndex: number): number {
    const p = this.pageFeatures[pageIndex];
    const o = this.originalFeatures[originalIndex];
    if (p.stems.size < MIN_CONTENT_WORDS || o.stems.size < MIN_CONTENT_WORDS) return 0;
    let shared = 0;
    let total = 0;
    for (const stem of p.stems) {
      const w = this.weight.get(stem) ?? 0;
      total += w;
      if (o.stems.has(stem)) shared += 2 * w;
    }
    for (const stem of o.stems) total += this.weight.get(stem) ?? 0;
    const words = total > 0 ? shared / total : 0;
    return Math.max(words, dice(p.trigrams, o.trigrams));
  }
}

const similarityModels = new WeakMap<TextModel, WeakMap<TextModel, SimilarityModel>>();

/**
 * The similarity model of a page and an original, built once for both aligners (sentences, and
 * a summary's runs), which look at the same pair one after the other.
 */
export function similarityOf(page: TextModel, original: TextModel): SimilarityModel {
  let byOriginal = similarityModels.get(page);
  if (!byOriginal) similarityModels.set(page, (byOriginal = new WeakMap()));
  let model = byOriginal.get(original);
  if (!model) byOriginal.set(original, (model = new SimilarityModel(page, original)));
  return model;
}

/**
 * Best-scoring original sentence for each page sentence, among those sharing a content word:
 * up to COMPARED_SENTENCES of them, taken through the page sentence's rarest words first, so a
 * text whose sentences all share their words costs time in its length, not its square.
 */
function bestMatches(model: SimilarityModel, pageCount: number): SentencePair[] {
  const best: SentencePair[] = [];
  for (let page = 0; page < pageCount; page++) {
    const candidates = new Set<number>();
    const lists = [...model.pageStems(page)]
      .map((stem) => model.originalsByStem.get(stem) ?? [])
      .sort((a, b) => a.length - b.length);
    for (const list of lists) {
      for (const o of list) {
        if (candidates.size >= COMPARED_SENTENCES) break;
        candidates.add(o);
      }
    }
    let top: SentencePair = { page, original: -1, similarity: 0 };
    for (const original of candidates) {
      const similarity = model.similarity(page, original);
      if (similarity > top.similarity) top = { page, original, similarity };
    }
    best.push(top);
  }
  return best;
}

function alignSentences(page: TextModel, original: TextModel): SentencePair[] {
  const model = similarityOf(page, original);
  const best = bestMatches(model, page.sentences.length);
  const aligned = new Map<number, SentencePair>();
  for (const pair of best) if (pair.similarity >= SEED_SIMILARITY) aligned.set(pair.page, pair);

  // Extend over gaps: a sentence next to an aligned one may align more loosely nearby.
  for (let pass = 0; pass < 3; pass++) {
    let grew = false;
    for (let p = 0; p < page.sentences.length; p++) {
      if (aligned.has(p)) continue;
      const around = [aligned.get(p - 1), aligned.get(p + 1)].filter((x): x is SentencePair => !!x);
      let top: SentencePair | undefined;
      for (const neighbour of around) {
        for (let o = neighbour.original - 2; o <= neighbour.original + 2; o++) {
          if (o < 0 || o >= original.sentences.length) continue;
          const similarity = model.similarity(p, o);
          if (similarity >= EXTEND_SIMILARITY && (!top || similarity > top.similarity)) {
            top = { page: p, original: o, similarity };
          }
        }
      }
      if (top) {
        aligned.set(p, top);
        grew = true;
      }
    }
    if (!grew) break;
  }

  // Short sentences ("Now," he said.) carry too little to align on their own; inside an aligned
  // passage, one copied exactly is aligned to its copy nearest the passage.
  const byWords = new Map<string, number[]>();
  original.sentences.forEach((sentence, index) => {
    const key = sentence.tokens.map((t) => t.norm).join(' ');
    byWords.set(key, [...(byWords.get(key) ?? []), index]);
  });
  for (let p = 0; p < page.sentences.length; p++) {
    if (aligned.has(p)) continue;
    const near = [aligned.get(p - 1), aligned.get(p + 1), aligned.get(p - 2), aligned.get(p + 2)].find((x) => x);
    const copies = near && byWords.get(page.sentences[p].tokens.map((t) => t.norm).join(' '));
    if (!near || !copies) continue;
    const closest = copies.reduce((a, b) => (Math.abs(b - near.original) < Math.abs(a - near.original) ? b : a));
    aligned.set(p, { page: p, original: closest, similarity: 1 });
  }

  // Filter: a weak pair with no aligned neighbour within two sentences is topical, not reuse.
  return [...aligned.values()]
    .filter((pair) => {
      if (pair.similarity >= ISOLATED_SIMILARITY) return true;
      for (const d of [-2, -1, 1, 2]) if (aligned.has(pair.page + d)) return true;
      return false;
    })
    .sort((a, b) => a.page - b.page);
}

/** Aligns a page with an original. */
export function alignTexts(page: TextModel, original: TextModel): Alignment {
  return labelWords(page, original, alignSentences(page, original));
}

/** The original sentences a pair draws on: one, or the run a summary sentence condenses. */
export const originalSpan = (pair: SentencePair): number[] =>
  Array.from({ length: (pair.through ?? pair.original) - pair.original + 1 }, (_, i) => pair.original + i);

/**
 * The word-level alignment of aligned sentences: each page word of a pair verbatim (in a run of
 * VERBATIM_RUN copied in order) or reworded, the rest added; the original's sentences in a pair
 * carried.
 */
export function labelWords(page: TextModel, original: TextModel, pairs: SentencePair[]): Alignment {
  const pageLabels: WordLabel[][] = page.sentences.map((s) => s.tokens.map((): WordLabel => 'added'));
  const originalCarried: boolean[][] = original.sentences.map((s) => s.tokens.map(() => false));
  for (const pair of pairs) {
    const pageWords = page.sentences[pair.page].tokens.map((t) => t.norm);
    const span = originalSpan(pair);
    const originalWords = span.flatMap((o) => original.sentences[o].tokens.map((t) => t.norm));
    const matched = matchWords(pageWords, originalWords);
    const verbatim = verbatimRuns(matched, Math.min(VERBATIM_RUN, originalWords.length, pageWords.length));
    pageLabels[pair.page] = verbatim.map((v): WordLabel => (v ? 'verbatim' : 'reworded'));
    for (const o of span) originalCarried[o].fill(true);
  }
  let verbatimWords = 0;
  let rewordedWords = 0;
  let addedWords = 0;
  for (const labels of pageLabels) {
    for (const label of labels) {
      if (label === 'verbatim') verbatimWords++;
      else if (label === 'reworded') rewordedWords++;
      else addedWords++;
    }
  }
  const carriedWords = originalCarried.reduce((n, words) => n + words.filter(Boolean).length, 0);
  return {
    pairs,
    pageLabels,
    originalCarried,
    verbatimWords,
    rewordedWords,
    addedWords,
    pageWords: verbatimWords + rewordedWords + addedWords,
    carriedWords,
    originalWords: original.words,
  };
}
