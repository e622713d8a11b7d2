/**
 * Originals as the store keeps them, and how an import record or a seed file becomes one.
 */
import { capParagraphs, paragraphsOf, prepareArticle } from './article';
import { buildTextModel } from './text-model';
import { fingerprint, FINGERPRINT_VERSION, upgradeKeys } from './fingerprint';
import { hash32 } from './normalize';
import { definedOnly } from './objects';
import type {
  ArticleInput,
  Fingerprint,
  OriginalInput,
  OriginalRecord,
  OriginalRef,
  OriginOfRecord,
  PreparedArticle,
} from '../model';

/** A stable id from the content, so that importing the same article twice gives one record. */
export function contentId(title: string, text: string): string {
  const body = text.replace(/\s+/g, ' ').trim();
  return `a${hash32(title).toString(36)}${hash32(body).toString(36)}${body.length.toString(36)}`;
}

/** True for an import record that carries a fingerprint instead of text: nothing to prepare. */
export function isFingerprintOnly(input: OriginalInput): input is OriginalInput & { fingerprint: Fingerprint } {
  return !input.text.trim() && !!input.fingerprint;
}

/**
 * The one mapping between an article as read (a page's `siteName`) and an import record (its
 * `publisher`): every reader of files, pages and packs goes through these two.
 */
export function inputOfArticle(article: ArticleInput, title: string): OriginalInput {
  return definedOnly({
    title: article.title ?? title,
    text: article.paragraphs.join('\n\n'),
    publisher: article.siteName,
    authors: article.authors,
    published: article.published,
    url: article.url,
    language: article.language,
  });
}

/** The article an import record describes (see inputOfArticle). */
export function articleOfInput(input: OriginalInput): ArticleInput {
  return definedOnly({
    title: input.title,
    paragraphs: paragraphsOf(input.text),
    siteName: input.publisher,
    authors: input.authors,
    published: input.published,
    url: input.url,
    language: input.language,
  });
}

/** Longest value kept of each field of an original, whichever way it came (page, import, pack, feed). */
export const FIELD_CAPS = {
  title: 500,
  publisher: 200,
  author: 200,
  authors: 20,
  published: 100,
  url: 2_000,
  language: 35,
};

/**
 * The record with every field within its cap, so no original can make the work on it (every
 * analysis where it is a candidate) grow with what a file or a page put in it. An address too
 * long to be kept whole is left out: a cut one would name another page.
 */
function withinCaps(record: OriginalRecord): OriginalRecord {
  const cut = (value: string | undefined, max: number) => value?.slice(0, max);
  return definedOnly({
    ...record,
    // The store marks its own positions with a control character (lib/store/originals.ts).
    id: record.id.replace(/\p{Cc}/gu, ''),
    title: record.title.slice(0, FIELD_CAPS.title),
    publisher: cut(record.publisher, FIELD_CAPS.publisher),
    authors: record.authors?.slice(0, FIELD_CAPS.authors).map((a) => a.slice(0, FIELD_CAPS.author)),
    published: cut(record.published, FIELD_CAPS.published),
    url: record.url && record.url.length <= FIELD_CAPS.url ? record.url : undefined,
    language: cut(record.language, FIELD_CAPS.language),
  });
}

/** Turns an import record into a stored original: cleaned, attributed and fingerprinted; every field capped. */
export function makeOriginal(input: OriginalInput, origin: OriginOfRecord): OriginalRecord {
  return withinCaps(originalOf(input, origin));
}

function originalOf(input: OriginalInput, origin: OriginOfRecord): OriginalRecord {
  if (isFingerprintOnly(input)) {
    const { fingerprint: given, ...rest } = input;
    const record = {
      ...rest,
      text: undefined,
      id: input.id ?? contentId(input.title, JSON.stringify(given.keys)),
      fingerprint: { keys: upgradeKeys(given.keys, given.version), words: given.words },
      origin,
    };
    return definedOnly(record) as unknown as OriginalRecord;
  }
  if (input.fingerprint?.version === FINGERPRINT_VERSION && input.text.trim()) {
    // A pack line of this version: its text is cleaned and its fingerprint computed already.
    // A fingerprint that does not fit the text can only make the original a candidate for
    // other pages: verification aligns the text itself.
    const { fingerprint: given, text, ...rest } = input;
    return definedOnly({
      ...rest,
      id: input.id ?? contentId(input.title, text),
      // The same caps on length as text that is prepared here.
      paragraphs: capParagraphs(paragraphsOf(text)),
      fingerprint: { keys: given.keys, words: given.words },
      origin,
    });
  }
  const prepared = prepareArticle(articleOfInput(input), 'index');
  const { meta } = prepared;
  const record: OriginalRecord = {
    id: input.id ?? contentId(input.title, input.text),
    title: meta.title ?? input.title,
    publisher: meta.siteName ?? meta.publisher,
    authors: meta.authors,
    contributors: meta.contributors,
    published: meta.published,
    url: meta.url,
    language: meta.language,
    paragraphs: prepared.paragraphs,
    fingerprint: prepared.fingerprint,
    origin,
  };
  // Absent fields are left out rather than stored as undefined, so records compare cleanly.
  return definedOnly(record);
}

/** The public reference to an original, as reports show it. */
export function refOf(record: OriginalRecord): OriginalRef {
  const { id, title, publisher, authors, published, url, language, knownFrom } = record;
  return definedOnly({ id, title, publisher, authors, published, url, language, knownFrom });
}

/** A stored original seen as a page, to check it against the rest of the store. */
export function recordAsArticle(record: OriginalRecord): PreparedArticle {
  const paragraphs = record.paragraphs ?? [];
  const model = buildTextModel(paragraphs);
  // The stored keys are the few it is indexed under; as a page it queries with all of its own.
  return { meta: refOf(record), paragraphs, model, fingerprint: fingerprint(paragraphs, model) };
}
