/**
 * Candidate lookup: which stored originals share enough rare fingerprint keys with a page to
 * be worth verifying. Keys found in very many originals are ignored, as passim ignores n-grams
 * shared by too many series: they are topical, not evidence of copying.
 */
import type { Candidate, CandidateIndex, Fingerprint } from '../model';

/** Keys carried by more originals than this are ignored. */
export const MAX_POSTING = 200;
/** How many candidates go on to verification. */
export const CANDIDATES = 5;
/** How many candidates go on to verification for a page not in English (a translation ranks lower). */
export const FOREIGN_CANDIDATES = 12;
/** Candidates looked up beyond CANDIDATES, for postings that lead to an original no longer stored. */
export const SPARE_CANDIDATES = 3;

/**
 * Candidates looked up beside the best-scored ones: the originals holding the page's rarest
 * sentence key. A passage of two or three sentences lifted into a long article shares a key or
 * two with its original, which the article's own topical keys can outweigh in the total score.
 */
export const PASSAGE_CANDIDATES = 3;

/** Most posting entries scored per lookup, rarest keys first, so the work stays bounded however large the store. */
export const SCORED_POSTINGS = 400;

// Anchors (names, numbers) survive rewording and translation, where sentence keys do not.
const channelWeight = (key: string) => (key[0] === 'c' ? 1 : 1.5);

interface Scores {
  /** Summed weight of the keys each original shares with the page. */
  total: Map<string, number>;
  /** Weight of the rarest sentence key each original shares with the page. */
  rarestSentence: Map<string, number>;
}

/** Scores originals by the keys they share with the page, rarest keys first, within SCORED_POSTINGS. */
async function scoreOriginals(fingerprint: Fingerprint, index: CandidateIndex): Promise<Scores> {
  const scores: Scores = { total: new Map(), rarestSentence: new Map() };
  const count = await index.count();
  if (count === 0) return scores;
  const postings = [...(await index.postings(fingerprint.keys, MAX_POSTING))].sort((a, b) => a[1].length - b[1].length);
  let budget = SCORED_POSTINGS;
  for (const [key, ids] of postings) {
    if (ids.length > budget) break;
    budget -= ids.length;
    const rarity = Math.log(1 + count / ids.length);
    const weight = channelWeight(key) * rarity;
    for (const id of ids) {
      scores.total.set(id, (scores.total.get(id) ?? 0) + weight);
      if (key[0] === 'c' && !scores.rarestSentence.has(id)) scores.rarestSentence.set(id, rarity);
    }
  }
  return scores;
}

/**
 * Ranks originals by the inverse-frequency weight of the keys they share with the page. Keys
 * are taken rarest first, the strongest evidence, until SCORED_POSTINGS entries are scored.
 */
export async function findCandidates(
  fingerprint: Fingerprint,
  index: CandidateIndex,
  limit = CANDIDATES,
): Promise<Candidate[]> {
  return best((await scoreOriginals(fingerprint, index)).total, limit);
}

/**
 * The `limit` best-scored originals, then up to `passages` more that hold the page's rarest
 * sentence keys (see PASSAGE_CANDIDATES), each once.
 */
export async function findCandidatesWithPassages(
  fingerprint: Fingerprint,
  index: CandidateIndex,
  limit: number,
  passages = PASSAGE_CANDIDATES,
): Promise<{ ranked: Candidate[]; passages: Candidate[] }> {
  const scores = await scoreOriginals(fingerprint, index);
  const ranked = best(scores.total, limit);
  const taken = new Set(ranked.map((c) => c.id));
  const rest = new Map([...scores.rarestSentence].filter(([id]) => !taken.has(id)));
  return { ranked, passages: best(rest, passages) };
}

const before = (a: Candidate, b: Candidate) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The `limit` highest scores, best first (ties by id): one pass, since only a few go on. */
function best(scores: Map<string, number>, limit: number): Candidate[] {
  const top: Candidate[] = [];
  for (const [id, score] of scores) {
    const candidate = { id, score };
    if (top.length === limit && before(candidate, top[limit - 1]) >= 0) continue;
    let at = top.length;
    while (at > 0 && before(candidate, top[at - 1]) < 0) at--;
    top.splice(at, 0, candidate);
    if (top.length > limit) top.pop();
  }
  return top;
}
