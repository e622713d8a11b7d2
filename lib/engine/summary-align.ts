/**
 * Alignment of a summary with its original: a page whose sentences each condense one or a few
 * consecutive sentences of the original, in the original's order. A condensed sentence shares
 * too few words with any one sentence of the original for the sentence aligner (which compares
 * like with like), but most of its own content words, weighted by rarity, are found in a short
 * run of the original's sentences. Independent coverage of the same events shares names and
 * topic words too, but not most of each sentence's rarer words, in order, sentence after sentence.
 */
import {
  alignTexts,
  COMPARED_SENTENCES,
  labelWords,
  MIN_CONTENT_WORDS,
  similarityOf,
  type SimilarityModel,
  type Alignment,
  type SentencePair,
} from './align';
import type { TextModel } from '../model';

/** Most consecutive original sentences one page sentence is taken to condense. */
export const SUMMARY_SPAN = 3;
/** Least share of a page sentence's content words (weighted by rarity) found in the run it condenses. */
export const SUMMARY_CONTAINMENT = 0.6;
/** Longest page, in sentences, looked at as a summary: the chain is quadratic in it, and summaries are short. */
export const MAX_SUMMARY_SENTENCES = 300;

interface Condensed extends SentencePair {
  through: number;
  /** Weight of the page sentence's content words. */
  weight: number;
}

/** Share of the page sentence's content weight found in original sentences first..last. */
function containment(model: SimilarityModel, page: number, first: number, last: number): number {
  let found = 0;
  let total = 0;
  for (const stem of model.pageStems(page)) {
    const weight = model.weightOf(stem);
    total += weight;
    for (let o = first; o <= last; o++) {
      if (model.originalStems(o).has(stem)) {
        found += weight;
        break;
      }
    }
  }
  return total > 0 ? found / total : 0;
}

/** The run of original sentences a page sentence condenses best, or undefined when none holds enough of it. */
function bestRun(model: SimilarityModel, page: number, originalCount: number): Condensed | undefined {
  const stems = [...model.pageStems(page)];
  if (stems.length < MIN_CONTENT_WORDS) return undefined;
  // Original sentences sharing the page sentence's rarest words first, as the sentence aligner takes them.
  const near = new Set<number>();
  for (const list of stems.map((s) => model.originalsByStem.get(s) ?? []).sort((a, b) => a.length - b.length)) {
    for (const o of list) if (near.size < COMPARED_SENTENCES) near.add(o);
  }
  let best: Condensed | undefined;
  const weight = stems.reduce((sum, s) => sum + model.weightOf(s), 0);
  for (const o of near) {
    for (let first = Math.max(0, o - SUMMARY_SPAN + 1); first <= o; first++) {
      for (let last = o; last < Math.min(originalCount, first + SUMMARY_SPAN); last++) {
        const share = containment(model, page, first, last);
        // A shorter run wins a tie: it says more precisely what the sentence draws on.
        const better =
          !best ||
          share > best.similarity ||
          (share === best.similarity && last - first < best.through - best.original);
        if (share >= SUMMARY_CONTAINMENT && better)
          best = { page, original: first, through: last, similarity: share, weight };
      }
    }
  }
  return best;
}

/**
 * The heaviest chain of condensed sentences in the original's order (each run starting and
 * ending no earlier than the one before), by the content weight of the page sentences in it.
 */
function inOrder(runs: Condensed[]): Condensed[] {
  const score = runs.map((r) => r.weight * r.similarity);
  const previous = runs.map(() => -1);
  for (let i = 0; i < runs.length; i++) {
    for (let j = 0; j < i; j++) {
      const follows = runs[j].original <= runs[i].original && runs[j].through <= runs[i].through;
      if (follows && score[j] + runs[i].weight * runs[i].similarity > score[i]) {
        score[i] = score[j] + runs[i].weight * runs[i].similarity;
        previous[i] = j;
      }
    }
  }
  let at = score.indexOf(Math.max(...score));
  const chain: Condensed[] = [];
  for (; at >= 0; at = previous[at]) chain.unshift(runs[at]);
  return chain;
}

/**
 * Aligns a page with an original as its summary: each page sentence paired with the run of up to
 * SUMMARY_SPAN consecutive original sentences that holds most of its content words, keeping the
 * heaviest chain in the original's order. Pairs carry `through`, the run's last sentence.
 */
export function alignSummary(page: TextModel, original: TextModel): SentencePair[] {
  if (page.sentences.length > MAX_SUMMARY_SENTENCES) return [];
  const model = similarityOf(page, original);
  const runs: Condensed[] = [];
  for (let p = 0; p < page.sentences.length; p++) {
    const run = bestRun(model, p, original.sentences.length);
    if (run) runs.push(run);
  }
  return runs.length
    ? inOrder(runs).map(({ page, original, through, similarity }) => ({ page, original, through, similarity }))
    : [];
}

/**
 * A page aligned as a summary of an original: the runs each sentence condenses (alignSummary),
 * and the sentence aligner's pairs (`sentencePairs`, alignTexts's unless given) for the sentences
 * it pairs and the summary aligner does not.
 */
export function alignAsSummary(
  page: TextModel,
  original: TextModel,
  sentencePairs = alignTexts(page, original).pairs,
): Alignment {
  const runs = alignSummary(page, original);
  const condensed = new Set(runs.map((p) => p.page));
  const pairs = [...runs, ...sentencePairs.filter((p) => !condensed.has(p.page))].sort((x, y) => x.page - y.page);
  return labelWords(page, original, pairs);
}
