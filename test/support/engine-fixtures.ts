/**
 * What the engine's tests need from outside the engine, so the engine's folder imports no
 * other layer even in its tests: a store of originals (the CLI's memory store), the seed
 * originals, the hand-written translations and the lexicons read from disk, and HTML pages read as the CLI reads them.
 */
export { articleFromHtml, seedPackFromDisk } from '../../cli/sources';
export { handTranslations, type HandTranslation } from '../../fixtures/texts';
export { MemoryStore } from '../../lib/store';
export { diskLexicons } from '../../cli/lexicons';
