/**
 * A small language guess from function words, enough to tell English, Spanish, French,
 * German, Italian and Portuguese apart on an article: it decides whether a page and an
 * original are compared word by word or across languages.
 */
import type { TextModel, Token } from '../model';
import { FUNCTION_WORDS } from './languages';

const WEIGHTS = new Map<string, Map<string, number>>();
for (const [language, words] of FUNCTION_WORDS) {
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

/** A text's language: guessed from its words, else as declared (its first two letters). */
export function languageOfModel(model: TextModel, declared?: string): string | undefined {
  return detectLanguage(model.sentences.flatMap((s) => s.tokens)) ?? declared?.slice(0, 2).toLowerCase();
}
