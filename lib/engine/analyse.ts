/**
 * The matching engine: from a prepared page to a ProvenanceReport. Candidates come from the
 * index; each is verified by sentence alignment; the verdict and the shares come from the
 * best-aligned original, and a second original that accounts for other parts of the page
 * makes the page "mixed".
 */
import { sameAddress } from './address';
import { alignTexts, type Alignment } from './align';
import { MIN_ARTICLE_WORDS } from './article';
import { CANDIDATES, FOREIGN_CANDIDATES, findCandidatesWithPassages, SPARE_CANDIDATES } from './candidates';
import { alignTranslation, NO_TRANSLATION, translatorOf, type CrossAlignment, type Translate } from './cross-align';
import { translatedKeys } from './fingerprint';
import { languageOfModel } from './language';
import { definedOnly } from './objects';
import { detectChanges } from './changes';
import { refOf } from './original';
import type {
  LexiconSource,
  OriginalRecord,
  OriginalStore,
  PreparedArticle,
  ProvenanceReport,
  WordLabel,
} from '../model';
import { alignAsSummary } from './summary-align';
import { buildTextModel } from './text-model';
import {
  decideVerdict,
  EXCERPT_COVERAGE,
  FINGERPRINT_ONLY_CONTAINMENT,
  isMostlyTheOriginal,
  isReuse,
  isSummary,
  mayBeSummary,
  isTranslation,
  MIN_ALIGNED_WORDS,
  MIN_TRANSLATION_EVIDENCE,
  MIXED_SHARE,
  translationEvidence,
  type Verified,
} from './verdict';

/** Rounds a share for display and JSON (three decimals are more than a person can use). */
function roundShare(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;
}

/** Page words aligned to `other` that `best` does not already account for. */
function extraWords(best: Alignment, other: Alignment): number {
  let extra = 0;
  other.pageLabels.forEach((labels, sentence) => {
    if (best.pageLabels[sentence].every((l) => l === 'added')) extra += labels.filter((l) => l !== 'added').length;
  });
  return extra;
}

function noReport(page: PreparedArticle, verdict: 'none' | 'no-article', confidence: number): ProvenanceReport {
  return {
    verdict,
    confidence,
    page: pageSummary(page),
    original: null,
    sources: [],
    alteration: null,
  };
}

const knownCopiesOf = (record: OriginalRecord) => (record.knownCopies?.length ? record.knownCopies : undefined);

function pageSummary(page: PreparedArticle): ProvenanceReport['page'] {
  const { url, title, language } = page.meta;
  return definedOnly({ url, title, language, words: page.model.words });
}

/** A page in another language than the original: its sentences paired with the original's, in order. */
function translationReport(page: PreparedArticle, record: OriginalRecord, cross: CrossAlignment): ProvenanceReport {
  const share = cross.alignedWords / Math.max(1, cross.pageWords);
  const coverage = cross.carriedWords / Math.max(1, cross.originalWords);
  const strength = Math.min(1, translationEvidence(cross) / (4 * MIN_TRANSLATION_EVIDENCE));
  return {
    verdict: 'translation',
    confidence: Math.round(strength * (0.5 + 0.5 * Math.max(share, coverage)) * 100) / 100,
    page: pageSummary(page),
    original: refOf(record),
    sources: [{ original: refOf(record), share: roundShare(share) }],
    alteration: {
      verbatim: 0,
      reworded: roundShare(share),
      added: roundShare(1 - share),
      coverage: roundShare(coverage),
      removed: roundShare(1 - coverage),
      changes: [],
    },
    knownCopies: knownCopiesOf(record),
  };
}

/** Share of the page's sampled sentence keys that an original carries, and of the original's that the page carries. */
function keyContainment(page: PreparedArticle, record: OriginalRecord): { ofPage: number; ofOriginal: number } {
  const originalKeys = record.fingerprint.keys.filter((k) => k[0] === 'c');
  const pageKeys = new Set(page.fingerprint.keys.filter((k) => k[0] === 'c'));
  // The original's indexed keys spread evenly over its text, so the share the page carries
  // estimates its coverage; the words that covers, over the page's words, its share of the page.
  const ofOriginal = originalKeys.filter((k) => pageKeys.has(k)).length / Math.max(1, originalKeys.length);
  return { ofPage: Math.min(1, (ofOriginal * record.fingerprint.words) / Math.max(1, page.model.words)), ofOriginal };
}

/**
 * An original stored without its text (a large imported index): the verdict and the shares
 * are estimated from the sampled sentence keys, and say so. Rewording cannot be told apart
 * from different text this way, so only copies and excerpts are reported.
 */
function fingerprintOnlyReport(
  page: PreparedArticle,
  record: OriginalRecord,
  containment: { ofPage: number; ofOriginal: number },
): ProvenanceReport {
  return {
    verdict: containment.ofOriginal < EXCERPT_COVERAGE ? 'excerpt' : 'copy',
    confidence: Math.round(containment.ofPage * 0.8 * 100) / 100,
    page: pageSummary(page),
    original: refOf(record),
    sources: [{ original: refOf(record), share: roundShare(containment.ofPage) }],
    alteration: {
      verbatim: roundShare(containment.ofPage),
      reworded: 0,
      added: roundShare(1 - containment.ofPage),
      coverage: roundShare(containment.ofOriginal),
      removed: roundShare(1 - containment.ofOriginal),
      changes: [],
      estimated: true,
    },
    knownCopies: knownCopiesOf(record),
  };
}

/** What is known of a page besides its text. */
export interface PageEvidence {
  /**
   * The page's address as the browser (the tab) or the person (a fetched URL, `--url`) gives
   * it: the only evidence that a page is the original's own publication. The addresses a page
   * claims for itself (canonical link, og:url, JSON-LD) are never used for that.
   */
  address?: string;
  /** Originals the reader said this page does not come from: never its verdict's original again. */
  dismissed?: readonly string[];
}

/** What the engine may use besides the page and the store. */
export interface AnalysisTools {
  /** Bilingual lexicons, for pages that translate an original; loaded only when needed. */
  lexicons?: LexiconSource;
  /** Told when the candidates are known ('lookup') and verified ('verify'), for timing. */
  mark?: (stage: 'lookup' | 'verify') => void;
}

/**
 * Finds the known original behind a page and describes how the page altered it. Other known
 * copies never include the page itself (by the address the browser or the person gives).
 */
export async function analyse(
  page: PreparedArticle,
  store: OriginalStore,
  evidence: PageEvidence = {},
  tools: AnalysisTools = {},
): Promise<ProvenanceReport> {
  if (page.model.words < MIN_ARTICLE_WORDS) return noReport(page, 'no-article', 1);
  const pageLanguage = languageOfModel(page.model);
  const foreign = pageLanguage !== 'en';
  const translate = foreign && pageLanguage ? await translatorOf(pageLanguage, tools.lexicons) : NO_TRANSLATION;
  const found = await findOriginal(page, store, evidence, tools, { pageLanguage, translate });
  // A language the guess knows but no lexicon covers: translations are found by names and numbers only.
  const noLexicon = foreign && !!pageLanguage && translate === NO_TRANSLATION;
  const report = noLexicon ? { ...found, page: { ...found.page, noLexicon: true as const } } : found;
  const { knownCopies } = report;
  if (!knownCopies || !evidence.address) return report;
  const others = knownCopies.filter((copy) => !sameAddress(copy.url, evidence.address));
  return definedOnly({ ...report, knownCopies: others.length ? others : undefined });
}

/** What the page is to the originals the index leads to, in its language. */
async function findOriginal(
  page: PreparedArticle,
  store: OriginalStore,
  evidence: PageEvidence,
  tools: AnalysisTools,
  { pageLanguage, translate }: { pageLanguage?: string; translate: Translate },
): Promise<ProvenanceReport> {
  // A translation shares few keys with its original (names, numbers, and the keys its words'
  // translations give), which rank it lower: more candidates are checked.
  const checked = pageLanguage !== 'en' ? FOREIGN_CANDIDATES : CANDIDATES;
  const query =
    translate === NO_TRANSLATION
      ? page.fingerprint
      : { ...page.fingerprint, keys: [...page.fingerprint.keys, ...translatedKeys(page.model, translate)] };
  // A few more than are verified, in case some lead to originals replaced or deleted since they were indexed.
  const { ranked, passages } = await findCandidatesWithPassages(query, store, checked + SPARE_CANDIDATES);
  const dismissed = new Set(evidence.dismissed);
  const records = [
    ...(await store.candidateOriginals(ranked.map((c) => c.id))).slice(0, checked),
    ...(await store.candidateOriginals(passages.map((c) => c.id))),
  ].filter((record) => !dismissed.has(record.id));
  tools.mark?.('lookup');

  const verified: Verified[] = [];
  const translations: { record: OriginalRecord; cross: CrossAlignment }[] = [];
  const fingerprintOnly: { record: OriginalRecord; containment: { ofPage: number; ofOriginal: number } }[] = [];
  for (const record of records) {
    if (!record.paragraphs?.length) {
      const containment = keyContainment(page, record);
      if (containment.ofPage >= FINGERPRINT_ONLY_CONTAINMENT) fingerprintOnly.push({ record, containment });
      continue;
    }
    const model = buildTextModel(record.paragraphs);
    const language = languageOfModel(model, record.language);
    if (pageLanguage && language && pageLanguage !== language) {
      const cross = await alignTranslation(
        { model: page.model, language: pageLanguage },
        { model, language },
        tools.lexicons,
      );
      if (isTranslation(cross)) translations.push({ record, cross });
      continue;
    }
    const alignment = alignTexts(page.model, model);
    let v = { record, model, alignment, aligned: alignment.verbatimWords + alignment.rewordedWords };
    // A condensed page shares too few words with any one sentence for the sentence aligner to
    // account for all of it, or to show which run of the original each sentence draws on.
    if (
      mayBeSummary(page.model, model) &&
      !(isMostlyTheOriginal(v) && alignment.verbatimWords >= alignment.rewordedWords)
    ) {
      const summary = alignAsSummary(page.model, model, alignment.pairs);
      const s = { record, model, alignment: summary, aligned: summary.verbatimWords + summary.rewordedWords };
      if (isSummary(s)) v = s;
    }
    if (isReuse(v, page.model)) verified.push(v);
  }
  verified.sort((a, b) => b.aligned - a.aligned);
  tools.mark?.('verify');
  if (verified.length === 0) {
    const translation = translations.sort((a, b) => b.cross.alignedWords - a.cross.alignedWords)[0];
    if (translation) return translationReport(page, translation.record, translation.cross);
    const copy = fingerprintOnly.sort((a, b) => b.containment.ofPage - a.containment.ofPage)[0];
    if (copy) return fingerprintOnlyReport(page, copy.record, copy.containment);
    return noReport(page, 'none', ranked.length + passages.length ? 0.8 : 0.95);
  }
  const [best, ...others] = verified;
  const pageWords = Math.max(1, best.alignment.pageWords);
  const second = others
    .map((v) => ({ v, extra: extraWords(best.alignment, v.alignment) }))
    .filter(({ extra }) => extra >= MIN_ALIGNED_WORDS && extra / pageWords >= MIXED_SHARE)
    .sort((a, b) => b.extra - a.extra)[0];
  const changes = detectChanges(
    page.model,
    best.model,
    best.alignment.pairs,
    page.paragraphs,
    best.record.paragraphs ?? [],
  );
  const verdict = decideVerdict(best, !!second, evidence.address, changes);

  // With a second source, its passages count as taken, not added, in the page's shares.
  const labels = best.alignment.pageLabels.map((own, sentence) =>
    second && own.every((l) => l === 'added') ? second.v.alignment.pageLabels[sentence] : own,
  );
  const count = (label: WordLabel) => labels.reduce((n, words) => n + words.filter((l) => l === label).length, 0);
  const { carriedWords, originalWords } = best.alignment;
  const coverage = carriedWords / Math.max(1, originalWords);
  const sources = [{ original: refOf(best.record), share: roundShare(best.aligned / pageWords) }];
  if (second) sources.push({ original: refOf(second.v.record), share: roundShare(second.extra / pageWords) });
  const alignedShare = 1 - count('added') / pageWords;
  const confidence = Math.min(1, best.alignment.pairs.length / 4) * (0.6 + 0.4 * Math.max(alignedShare, coverage));

  return {
    verdict,
    confidence: Math.round(confidence * 100) / 100,
    page: pageSummary(page),
    original: refOf(best.record),
    sources,
    alteration: {
      verbatim: roundShare(count('verbatim') / pageWords),
      reworded: roundShare(count('reworded') / pageWords),
      added: roundShare(count('added') / pageWords),
      coverage: roundShare(coverage),
      removed: roundShare(1 - coverage),
      changes,
    },
    knownCopies: knownCopiesOf(best.record),
  };
}
