/**
 * Sentence splitting for news text. Rule-based on purpose: it must behave identically in the
 * content script, the background and Node, and news prose is regular enough.
 */

import { ABBREVIATIONS } from './languages';

/** Characters before a full stop searched for the word it ends (abbreviations are short). */
const LAST_WORD_LOOKBACK = 40;

// A sentence ends at . ! ? or an ellipsis, optionally followed by closing quotes/brackets, then
// space. The lookbehind lets a match start only where a run of stops starts: a run of dots with
// no space after it is tried once, not from each of its dots (time in the square of its length).
const BOUNDARY = /(?<![.!?…])([.!?…]+)(["'\u201D\u2019»)\]]*)(\s+)/g;

/** Splits one paragraph into sentences, keeping their original spelling. */
export function splitSentences(paragraph: string): string[] {
  // Chinese and Japanese full stops end a sentence with no space after them.
  if (/[。！？]/.test(paragraph)) return paragraph.split(/(?<=[。！？][」』”]?)/u).flatMap(splitSpaced);
  return splitSpaced(paragraph);
}

function splitSpaced(paragraph: string): string[] {
  const text = paragraph.replace(/\s+/g, ' ').trim();
  if (!text) return [];
  const sentences: string[] = [];
  let start = 0;
  for (const match of text.matchAll(BOUNDARY)) {
    const end = (match.index ?? 0) + match[1].length + match[2].length;
    const next = text.slice(end + match[3].length, end + match[3].length + 2);
    // Only the word before the full stop matters: looking further back would make a long
    // paragraph cost time in the square of its length.
    const before = text.slice(Math.max(start, (match.index ?? 0) - LAST_WORD_LOOKBACK), match.index);
    const lastWord = (before.match(/([\p{L}.]+)$/u)?.[1] ?? '').toLowerCase();
    const isAbbreviation =
      match[1] === '.' && !match[2] && (ABBREVIATIONS.has(lastWord) || /^(\p{L}\.)*\p{L}$/u.test(lastWord));
    // Only break before something that can start a sentence.
    const startsSentence = /^["'\u201C\u2018«([]?[\p{Lu}\p{N}]/u.test(next);
    if (isAbbreviation || !startsSentence) continue;
    sentences.push(text.slice(start, end).trim());
    start = end + match[3].length;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}
