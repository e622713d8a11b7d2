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

/** Sentences in each window of a text whose language is guessed again (textInOneLanguage). */
const LANGUAGE_WINDOW = 4;
/** Words in a window that, without one of a language's function words, cannot be in it. */
const WORDS_WITHOUT_FUNCTION_WORDS = 40;

/**
 * Whether no run of LANGUAGE_WINDOW sentences of the text reads as another language than
 * `language` (by the guess, or for lack of any of its function words in a long run): a
 * translated article amid a page's text in another language shows as such a run.
 */
export function textInOneLanguage(model: TextModel, language: string | undefined): boolean {
  const { sentences } = model;
  for (let start = 0; start === 0 || start + LANGUAGE_WINDOW <= sentences.length; start += LANGUAGE_WINDOW / 2) {
    const tokens = sentences.slice(start, start + LANGUAGE_WINDOW).flatMap((s) => s.tokens);
    const guess = detectLanguage(tokens);
    if (guess && guess !== language) return false;
    const ownWords = language ? tokens.filter((t) => WEIGHTS.get(t.norm)?.has(language)).length : 1;
    if (tokens.length >= WORDS_WITHOUT_FUNCTION_WORDS && ownWords === 0) return false;
  }
  return true;
}
