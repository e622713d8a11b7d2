/**
 * Plain-language wording of a report, shared by the popup and the CLI. Similarity is
 * described as evidence ("draws on"), not as an accusation.
 */
import type { OriginalRef, ProvenanceReport, Verdict } from './report';

const VERDICT_PHRASES: Record<Verdict, string> = {
  original: 'This is the known original',
  copy: 'A copy of',
  rewrite: 'A reworded copy of',
  excerpt: 'An excerpt of',
  translation: 'A translation of',
  mixed: 'Draws on several originals, mainly',
  none: 'No known original found for this article',
  'no-article': 'No article found on this page',
};

/** Short name of a verdict for labels. */
export const VERDICT_LABELS: Record<Verdict, string> = {
  original: 'Known original',
  copy: 'Copy',
  rewrite: 'Reworded copy',
  excerpt: 'Excerpt',
  translation: 'Translation',
  mixed: 'Mixed sources',
  none: 'No known original',
  'no-article': 'No article',
};

/** "by A and B (Publisher, 2022)" from whatever attribution is known. */
export function attributionOf(original: OriginalRef): string {
  const parts: string[] = [];
  if (original.authors?.length) {
    const authors = original.authors;
    parts.push(
      `by ${authors.length > 1 ? `${authors.slice(0, -1).join(', ')} and ${authors[authors.length - 1]}` : authors[0]}`,
    );
  }
  const where = [original.publisher, original.published?.slice(0, 4)].filter(Boolean).join(', ');
  if (where) parts.push(`(${where})`);
  return parts.join(' ');
}

/** The answer in one sentence. */
export function describeReport(report: ProvenanceReport): string {
  const phrase = VERDICT_PHRASES[report.verdict];
  if (!report.original) return `${phrase}.`;
  const attribution = attributionOf(report.original);
  if (report.verdict === 'original')
    return `${phrase}: '${report.original.title}'${attribution ? `, ${attribution}` : ''}.`;
  return `${phrase} '${report.original.title}'${attribution ? `, ${attribution}` : ''}.`;
}

/** A share as a whole percentage. */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
