/**
 * A small language guess from function words, enough to tell English, Spanish, French,
 * German, Italian and Portuguese apart on an article: it decides whether a page and an
 * original are compared word by word or across languages.
 */
import type { Token } from '../model';

const FUNCTION_WORDS: Record<string, string[]> = {
  en: 'the and of to in is that was for with on as by he it his at from have has which were'.split(' '),
  es: 'el la de que y en los las del se por un una con para es al lo como su más pero'.split(' '),
  fr: 'le la les de des et en du un une que qui dans pour sur est au par pas ne avec'.split(' '),
  de: 'der die das und in den von zu mit sich des auf ist im dem nicht ein eine als auch'.split(' '),
  it: 'il di che la e per un una in del della non sono con gli le si da al'.split(' '),
  pt: 'o a de que e do da em um uma os no na para com não por as dos das'.split(' '),
};

const WEIGHTS = new Map<string, Map<string, number>>();
for (const [language, words] of Object.entries(FUNCTION_WORDS)) {
  for (const word of words) {
    const entry = WEIGHTS.get(word) ?? new Map<string, number>();
    entry.set(language, 1);
    WEIGHTS.set(word, entry);
  }
}

/** The most likely language of the tokens, or undefined when the evidence is thin or mixed. */
export function detectLanguage(tokens: Token[]): string | undefined {
  const scores = new Map<string, number>();
  let counted = 0;
  for (const token of tokens) {
    const entry = WEIGHTS.get(token.norm);
    if (!entry) continue;
    counted++;
    // A word shared by several languages counts a little for each.
    for (const language of entry.keys()) scores.set(language, (scores.get(language) ?? 0) + 1 / entry.size);
  }
  const [best, second] = [...scores].sort((a, b) => b[1] - a[1]);
  if (!best || counted < 8 || best[1] < 1.5 * (second?.[1] ?? 0)) return undefined;
  return best[0];
}
