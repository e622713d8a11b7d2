/**
 * The engine's public face. Pure TypeScript: no browser, no IndexedDB, no I/O; it imports only
 * the model. The verbs the rest of Upstream uses:
 * - prepare an article (clean, attribute, fingerprint): `prepareArticle`, `prepareArticleSteps`
 * - make a stored original of an import record: `makeOriginal`
 * - analyse a prepared page against a store's candidates: `analyse`
 * - explain a report passage by passage for the compare page: `explainReport`
 */
export { analyse } from './analyse';
export {
  capParagraphs,
  MAX_ARTICLE_CHARS,
  MIN_ARTICLE_WORDS,
  paragraphsOf,
  prepareArticle,
  prepareArticleSteps,
} from './article';
export { explainReport } from './explain';
export {
  articleOfInput,
  contentId,
  inputOfArticle,
  isFingerprintOnly,
  makeOriginal,
  recordAsArticle,
  refOf,
} from './original';

// For file formats, tools and benchmarks.
export { alignTexts } from './align';
export { findCandidates } from './candidates';
export { splitTextArticle } from './clean';
export { FINGERPRINT_VERSION, fingerprint, isFingerprint, MAX_KEY_LENGTH, upgradeKeys } from './fingerprint';
export { countWords, hash32, tokenize } from './normalize';
export { definedOnly } from './objects';
export { splitSentences } from './sentences';
export { runSliced } from './steps';
export { buildTextModel } from './text-model';
export { languageOfModel } from './language';
export { profileOf } from './languages';
