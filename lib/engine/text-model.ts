/**
 * The text of an article as the matcher sees it: sentences with their tokens, in reading order.
 */
import { tokenize } from './normalize';
import { splitSentences } from './sentences';
import { runToEnd } from './steps';
import type { Sentence, TextModel } from '../model';

/** Builds the sentence model of cleaned paragraphs, a paragraph per step. */
export function* textModelSteps(paragraphs: string[]): Generator<void, TextModel> {
  const sentences: Sentence[] = [];
  let words = 0;
  for (const [index, paragraph] of paragraphs.entries()) {
    for (const text of splitSentences(paragraph)) {
      const tokens = tokenize(text);
      if (tokens.length === 0) continue;
      sentences.push({ text, tokens, paragraph: index });
      words += tokens.length;
    }
    yield;
  }
  return { sentences, words };
}

/** Builds the sentence model of cleaned paragraphs. */
export function buildTextModel(paragraphs: string[]): TextModel {
  return runToEnd(textModelSteps(paragraphs));
}
