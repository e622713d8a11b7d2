/**
 * The side-by-side comparison of a page and its original: one row per passage, in the page's
 * order, with the original's dropped sentences placed after the sentence they followed.
 * Reworded rows carry a word-level diff; aligned sentences out of the original's order are
 * marked as moved.
 */
import { alignTexts, originalSpan, type SentencePair } from './align';
import { alignTranslation, type CrossPair } from './cross-align';
import { languageOfModel } from './language';
import { longestOrderedRun } from './ordered-run';
import type {
  Change,
  CompareRow,
  LexiconSource,
  ProvenanceReport,
  Segment,
  Sentence,
  TextModel,
  Token,
  WordLabel,
} from '../model';
import { alignAsSummary } from './summary-align';
import { buildTextModel } from './text-model';
import { matchWords } from './word-diff';

/** Splits a sentence into word segments, marking the words not in `kept`. */
function segments(sentence: Sentence, kept: boolean[]): Segment[] {
  const { text, tokens } = sentence;
  if (tokens.length === 0) return [{ text, changed: false }];
  const out: Segment[] = [];
  if (tokens[0].start > 0) out.push({ text: text.slice(0, tokens[0].start), changed: false });
  tokens.forEach((token, i) => {
    const end = i + 1 < tokens.length ? tokens[i + 1].start : text.length;
    out.push({ text: text.slice(token.start, end), changed: !kept[i] });
  });
  return out;
}

/** Consecutive sentences as one, their tokens' offsets into the joined text. */
function joined(sentences: Sentence[]): Sentence {
  if (sentences.length === 1) return sentences[0];
  let text = '';
  const tokens: Token[] = [];
  for (const sentence of sentences) {
    if (text) text += ' ';
    const offset = text.length;
    tokens.push(...sentence.tokens.map((t) => ({ ...t, start: t.start + offset })));
    text += sentence.text;
  }
  return { text, tokens, paragraph: sentences[0].paragraph };
}

/**
 * Builds the comparison rows. `changes` are located in the rows for the changes list. For a
 * translation the sentences are paired by their anchors and shown side by side, unmarked:
 * words cannot be compared across languages. For a summary, each sentence stands beside the
 * run of the original's sentences it condenses.
 */
export function buildComparison(
  pageParagraphs: string[],
  originalParagraphs: string[],
  changes: Change[] = [],
  translated?: { page: TextModel; original: TextModel; pairs: CrossPair[] },
  summary = false,
): CompareRow[] {
  const page = translated?.page ?? buildTextModel(pageParagraphs);
  const original = translated?.original ?? buildTextModel(originalParagraphs);
  const alignment: { pairs: SentencePair[]; pageLabels: WordLabel[][] } = translated
    ? {
        pairs: translated.pairs,
        pageLabels: page.sentences.map((s) => s.tokens.map((): WordLabel => 'reworded')),
      }
    : summary
      ? alignAsSummary(page, original)
      : alignTexts(page, original);
  const pairByPage = new Map(alignment.pairs.map((p) => [p.page, p]));
  // Pairs in the longest run in the original's order stay in place; the others are moved.
  const ordered = new Set(
    longestOrderedRun(
      alignment.pairs.map((p) => p.original),
      false,
      400,
    ),
  );
  const movedPages = new Set(alignment.pairs.filter((_, i) => !ordered.has(i)).map((p) => p.page));
  const shown = new Set(alignment.pairs.flatMap(originalSpan));

  const rows: CompareRow[] = [];
  let nextOriginal = 0;
  const flushRemovedBefore = (limit: number) => {
    for (; nextOriginal < limit; nextOriginal++) {
      if (shown.has(nextOriginal)) continue;
      const sentence = original.sentences[nextOriginal];
      rows.push({
        kind: 'removed',
        moved: false,
        original: segments(
          sentence,
          sentence.tokens.map(() => true),
        ),
        changes: [],
      });
    }
  };
  page.sentences.forEach((sentence, index) => {
    const pair = pairByPage.get(index);
    if (!pair) {
      rows.push({
        kind: 'added',
        moved: false,
        page: segments(
          sentence,
          sentence.tokens.map(() => true),
        ),
        changes: [],
      });
      return;
    }
    if (!movedPages.has(index)) flushRemovedBefore(pair.original);
    // A summary's sentence stands beside the run of the original's sentences it condenses.
    const other = joined(originalSpan(pair).map((o) => original.sentences[o]));
    const labels: WordLabel[] = alignment.pageLabels[index];
    const matched = translated
      ? sentence.tokens.map((_, i) => i)
      : matchWords(
          sentence.tokens.map((t) => t.norm),
          other.tokens.map((t) => t.norm),
        );
    const originalKept = other.tokens.map(() => !!translated);
    for (const j of matched) if (j >= 0) originalKept[j] = true;
    rows.push({
      kind: labels.every((l) => l === 'verbatim') ? 'verbatim' : 'reworded',
      moved: movedPages.has(index),
      page: segments(
        sentence,
        matched.map((j) => j >= 0),
      ),
      original: segments(other, originalKept),
      changes: [],
    });
    if (!movedPages.has(index)) nextOriginal = Math.max(nextOriginal, (pair.through ?? pair.original) + 1);
  });
  flushRemovedBefore(original.sentences.length);

  const rowText = (s?: Segment[]) => (s ?? []).map((x) => x.text).join('');
  changes.forEach((change, i) => {
    const row = rows.find(
      (r) => rowText(r.page).includes(change.page) && rowText(r.original).includes(change.original),
    );
    row?.changes.push(i);
  });
  return rows;
}

/**
 * The compare page's rows for a report: the page and the original aligned with the aligner
 * the verdict came from (across languages for a translation), the report's changes located.
 */
export async function explainReport(
  report: ProvenanceReport,
  pageParagraphs: string[],
  originalParagraphs: string[],
  lexicons?: LexiconSource,
): Promise<CompareRow[]> {
  const changes = report.alteration?.changes ?? [];
  if (report.verdict !== 'translation')
    return buildComparison(pageParagraphs, originalParagraphs, changes, undefined, report.verdict === 'summary');
  const page = buildTextModel(pageParagraphs);
  const original = buildTextModel(originalParagraphs);
  const { pairs } = await alignTranslation(
    { model: page, language: languageOfModel(page, report.page.language) ?? '' },
    { model: original, language: languageOfModel(original, report.original?.language) ?? '' },
    lexicons,
  );
  return buildComparison(pageParagraphs, originalParagraphs, changes, { page, original, pairs });
}
