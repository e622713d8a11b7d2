/**
 * Synthetic news-like articles for benchmarks: sentences drawn from a Zipf-distributed
 * vocabulary with names and numbers, reproducible from a seed.
 */

/** A small deterministic PRNG (mulberry32), so benchmark runs compare like with like. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  'ka',
  'ro',
  'mi',
  'ten',
  'sha',
  'lo',
  'vi',
  'dar',
  'nu',
  'pel',
  'sto',
  'gri',
  'an',
  'bel',
  'cor',
  'du',
];

function word(next: () => number, rank: number): string {
  let w = '';
  let n = rank + 7;
  while (n > 0) {
    w += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  }
  return next() < 0.02 ? w[0].toUpperCase() + w.slice(1) : w;
}

/** An article of about `words` words, as paragraphs. */
export function syntheticArticle(seed: number, words: number): string[] {
  const next = random(seed);
  const paragraphs: string[] = [];
  let count = 0;
  while (count < words) {
    const sentences: string[] = [];
    for (let s = 0; s < 3 && count < words; s++) {
      const length = 12 + Math.floor(next() * 14);
      const tokens: string[] = [];
      for (let i = 0; i < length; i++) {
        // Zipf-like ranks: frequent words often, a long tail of rare ones.
        const rank = Math.floor(Math.exp(next() * Math.log(50_000)));
        tokens.push(next() < 0.03 ? String(Math.floor(next() * 100_000)) : word(next, rank));
      }
      tokens[0] = tokens[0][0].toUpperCase() + tokens[0].slice(1);
      sentences.push(`${tokens.join(' ')}.`);
      count += length;
    }
    paragraphs.push(sentences.join(' '));
  }
  return paragraphs;
}
