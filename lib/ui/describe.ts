/**
 * Plain-language wording of a report, shared by the popup, the compare page and the CLI.
 * Similarity is described as evidence ("a reworded copy of"), not as an accusation.
 */
import type { MessageKey, Translate } from './i18n';
import type { OriginalRef, ProvenanceReport, Verdict } from '../model/report';

const LABELS: Record<Verdict, MessageKey> = {
  original: 'verdictOriginal',
  copy: 'verdictCopy',
  rewrite: 'verdictRewrite',
  excerpt: 'verdictExcerpt',
  translation: 'verdictTranslation',
  mixed: 'verdictMixed',
  none: 'verdictNone',
  'no-article': 'verdictNoArticle',
};

const SUMMARIES: Record<Verdict, MessageKey> = {
  original: 'summaryOriginal',
  copy: 'summaryCopy',
  rewrite: 'summaryRewrite',
  excerpt: 'summaryExcerpt',
  translation: 'summaryTranslation',
  mixed: 'summaryMixed',
  none: 'summaryNone',
  'no-article': 'summaryNoArticle',
};

/** Short name of a verdict. */
export function verdictLabel(verdict: Verdict, t: Translate): string {
  return t(LABELS[verdict]);
}

/** "by A, B and C (Publisher, 2022)" from whatever attribution is known. */
export function attributionOf(original: OriginalRef, t: Translate): string {
  const parts: string[] = [];
  const authors = original.authors ?? [];
  if (authors.length) {
    const names =
      authors.length > 1 ? t('authorsAnd', authors.slice(0, -1).join(', '), authors[authors.length - 1]) : authors[0];
    parts.push(t('byAuthors', names));
  }
  const where = [original.publisher, original.published?.slice(0, 4)].filter(Boolean).join(', ');
  if (where) parts.push(`(${where})`);
  return parts.join(' ');
}

/** The answer in one sentence. */
export function describeReport(report: ProvenanceReport, t: Translate): string {
  if (!report.original) return t(SUMMARIES[report.verdict]);
  const attribution = attributionOf(report.original, t);
  return t(SUMMARIES[report.verdict], report.original.title, attribution ? `, ${attribution}` : '');
}

/** A share as a whole percentage. */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
