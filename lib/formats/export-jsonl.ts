/**
 * The `.jsonl` line of an original, as export and `npm run pack` write it and import reads it
 * back (docs/design.md's format): the cleaned text with its attribution.
 */
import { FINGERPRINT_VERSION, definedOnly } from '../engine';
import type { OriginalInput, OriginalRecord } from '../model';

/**
 * One export line's object: the text (unless `fingerprintOnly`) with the fingerprint the
 * original is indexed under and its version, so an import of the same version need not
 * prepare the text again. Absent fields are left out.
 */
export function exportInput(record: OriginalRecord, fingerprintOnly = false): OriginalInput {
  const line: OriginalInput = {
    id: record.id,
    title: record.title,
    text: fingerprintOnly ? '' : (record.paragraphs ?? []).join('\n\n'),
    publisher: record.publisher,
    authors: record.authors,
    published: record.published,
    url: record.url,
    language: record.language,
    fingerprint: { keys: record.fingerprint.keys, words: record.fingerprint.words, version: FINGERPRINT_VERSION },
  };
  return definedOnly(line);
}

/** One `.jsonl` line (without the newline). */
export function toJsonlLine(record: OriginalRecord, fingerprintOnly = false): string {
  return JSON.stringify(exportInput(record, fingerprintOnly));
}
