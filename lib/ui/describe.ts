/**
 * Plain-language wording of a report, shared by the popup, the compare page and the CLI.
 * Similarity is described as evidence ("a reworded copy of"), not as an accusation.
 */
import type { MessageKey, Translate } from './i18n';
import type { OriginalRef, ProvenanceReport, Verdict } from '../model';

const LABELS: Record<Verdict, MessageKey> = {
  original: 'verdictOriginal',
  copy: 'verdictCopy',
  rewrite: 'verdictRewrite',
  summary: 'verdictSummary',
  excerpt: 'verdictExcerpt',
  partial: 'verdictPartial',
  translation: 'verdictTranslation',
  mixed: 'verdictMixed',
  none: 'verdictNone',
  'no-article': 'verdictNoArticle',
};

const SUMMARIES: Record<Verdict, MessageKey> = {
  original: 'summaryOriginal',
  copy: 'summaryCopy',
  rewrite: 'summaryRewrite',
  summary: 'summarySummary',
  excerpt: 'summaryExcerpt',
  partial: 'summaryPartial',
  translation: 'summaryTranslation',
  mixed: 'summaryMixed',
  none: 'summaryNone',
  'no-article': 'summaryNoArticle',
};

/** Short name of a verdict. */
export function verdictLabel(verdict: Verdict, t: Translate): string {
  return t(LABELS[verdict]);
}

/** Where text from an article begins and ends in a sentence, for views that set it apart (`fromArticleSpans`). */
export const ARTICLE_START = '\u0002';
export const ARTICLE_END = '\u0003';
const plain = (text: string) => text;
const marked = (text: string) => `${ARTICLE_START}${text}${ARTICLE_END}`;

/** "by A, B and C (Publisher, 2022)" from whatever attribution is known; names marked with `mark`. */
export function attributionOf(original: OriginalRef, t: Translate, mark = plain): string {
  const parts: string[] = [];
  const authors = (original.authors ?? []).map(mark);
  if (authors.length) {
    const names =
      authors.length > 1 ? t('authorsAnd', authors.slice(0, -1).join(', '), authors[authors.length - 1]) : authors[0];
    parts.push(t('byAuthors', names));
  }
  const where = [original.publisher && mark(original.publisher), original.published?.slice(0, 4)]
    .filter(Boolean)
    .join(', ');
  if (where) parts.push(`(${where})`);
  return parts.join(' ');
}

/** Words of the page taken from its original, verbatim or reworded. */
export function reusedWords(report: ProvenanceReport): number {
  const a = report.alteration;
  return a ? Math.round((a.verbatim + a.reworded) * report.page.words) : 0;
}

/**
 * The answer in one sentence; with `markArticleText`, the title and names from the article
 * are marked (ARTICLE_START … ARTICLE_END) for a view to set apart. A copy whose names, numbers or quotes were changed says so; an
 * original with neither publisher nor address is said to be known, not first published here.
 */
export function describeReport(report: ProvenanceReport, t: Translate, markArticleText = false): string {
  const { original } = report;
  if (!original) return t(SUMMARIES[report.verdict]);
  const mark = markArticleText ? marked : plain;
  const attribution = attributionOf(original, t, mark);
  const changed = report.verdict === 'copy' && !!report.alteration?.changes.length;
  const sentence = t(
    changed ? 'summaryCopyChanged' : SUMMARIES[report.verdict],
    mark(original.title),
    attribution ? `, ${attribution}` : '',
    String(reusedWords(report)),
  );
  const unknownPublisher = report.verdict !== 'original' && !original.publisher && !original.url;
  return unknownPublisher ? `${sentence} ${t('firstPublisherUnknown')}` : sentence;
}
