/**
 * Changed names, numbers and quotes between aligned sentences: the details a reader most
 * needs to know were altered (a respelled governor, a different casualty figure, a quote
 * whose meaning changed).
 */
import { meaningFirst } from './change-order';
import type { SentencePair } from './align';
import { isNameToken, quotesOf, type Quote } from './anchors';
import { isNumber } from './normalize';
import { isRespelling } from './spelling';
import type { Change, TextModel } from '../model';

/** At most this many changes are reported; the rest add nothing a person can read. */
export const MAX_CHANGES = 60;

function vocabulary(model: TextModel): Set<string> {
  return new Set(model.sentences.flatMap((s) => s.tokens.map((t) => t.norm)));
}

function stemDice(a: Quote, b: Quote): number {
  const x = new Set(a.tokens.filter((t) => t.content).map((t) => t.stem));
  const y = new Set(b.tokens.filter((t) => t.content).map((t) => t.stem));
  if (!x.size || !y.size) return 0;
  let shared = 0;
  for (const s of x) if (y.has(s)) shared++;
  return (2 * shared) / (x.size + y.size);
}

const sameWords = (a: Quote, b: Quote) =>
  a.tokens.map((t) => t.norm).join(' ') === b.tokens.map((t) => t.norm).join(' ');

/** Lists the names, numbers and quotes the page changed in the passages it took from the original. */
export function detectChanges(
  page: TextModel,
  original: TextModel,
  pairs: SentencePair[],
  pageParagraphs: string[],
  originalParagraphs: string[],
): Change[] {
  const changes: Change[] = [];
  const seen = new Set<string>();
  const add = (change: Change) => {
    const key = `${change.kind}|${change.original}|${change.page}`;
    if (!seen.has(key) && changes.length < MAX_CHANGES) {
      seen.add(key);
      changes.push(change);
    }
  };
  const originalVocabulary = vocabulary(original);

  for (const pair of pairs) {
    const pageTokens = page.sentences[pair.page].tokens;
    const originalTokens = original.sentences[pair.original].tokens;
    const inPage = new Set(pageTokens.map((t) => t.norm));
    const inOriginal = new Set(originalTokens.map((t) => t.norm));
    // Words of the original sentence its copy lost, and words of the copy that the original
    // never uses anywhere (a new spelling, a new figure).
    const lost = (pick: (i: number) => boolean) => originalTokens.filter((t, i) => pick(i) && !inPage.has(t.norm));
    const gained = (pick: (i: number) => boolean) =>
      pageTokens.filter((t, i) => pick(i) && !inOriginal.has(t.norm) && !originalVocabulary.has(t.norm));

    const pageNames = gained((i) => isNameToken(pageTokens, i));
    for (const name of lost((i) => isNameToken(originalTokens, i))) {
      const respelled = pageNames.find((p) => isRespelling(name.norm, p.norm));
      if (respelled) add({ kind: 'name', original: name.surface, page: respelled.surface });
    }

    const originalNumbers = lost((i) => isNumber(originalTokens[i].norm));
    const pageNumbers = gained((i) => isNumber(pageTokens[i].norm));
    // Numbers pair up in order only when both sides changed the same count of them.
    if (originalNumbers.length === pageNumbers.length) {
      originalNumbers.forEach((n, i) => add({ kind: 'number', original: n.surface, page: pageNumbers[i].surface }));
    }
  }

  const pageQuotes = quotesOf(pageParagraphs);
  const originalQuotes = quotesOf(originalParagraphs);
  for (const quote of originalQuotes) {
    let best: Quote | undefined;
    let bestScore = 0;
    for (const candidate of pageQuotes) {
      const score = stemDice(quote, candidate);
      if (score > bestScore) [best, bestScore] = [candidate, score];
    }
    if (best && bestScore >= 0.5 && !sameWords(quote, best) && !originalQuotes.some((q) => sameWords(q, best))) {
      add({ kind: 'quote', original: quote.text, page: best.text });
    }
  }
  return meaningFirst(changes);
}
