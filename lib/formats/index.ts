/**
 * File formats: the `.jsonl` pack of originals (import and export), `.txt` and `.html` files,
 * and lexicons.
 */
export { toJsonlLine } from './export-jsonl';
export { formatLexicon, LEXICON_FORMAT, lexiconLoader, parseLexicon } from './lexicon';
export { isNotText, MAX_IMPORT_FILE_CHARS, parseImportFile } from './import-files';
export { isProblem, parseOriginalsJsonl, parseOriginalsLine, toOriginalInput } from './import-jsonl';
export { englishProblem, problem, ProblemError } from './problem-error';
export {
  isPackHeader,
  MAX_PACK_BYTES,
  packHeaderLine,
  packHeaderOf,
  PackError,
  packText,
  readAtMost,
  sha256Hex,
  verifyPack,
  type PackHeader,
  type VerifiedPack,
} from './pack';
export { FeedError, MAX_FEED_BYTES, readFeed } from './feed';
export { paragraphsOfHtml, plainTextOfHtml } from './html-text';
export { MAX_OPML_FEEDS, OpmlError, readOpml, type OpmlFeed } from './opml';
