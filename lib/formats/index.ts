/**
 * File formats: the `.jsonl` pack of originals (import and export), `.txt` and `.html` files,
 * an article read from an HTML document, and the seed pack built into the extension.
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
export { buildSeedPack, originalFromSeed } from './seed-pack';
export { FeedError, MAX_FEED_BYTES, readFeed } from './feed';
export { paragraphsOfHtml, plainTextOfHtml } from './html-text';
export { MAX_OPML_FEEDS, OpmlError, readOpml, type OpmlFeed } from './opml';
