/**
 * The `.jsonl` line of an original, as export and `npm run pack` write it and import reads it
 * back (docs/design.md's format): the cleaned text with its attribution.
 */
import { FINGERPRINT_VERSION, definedOnly } from '../engine';
import type { OriginalInput, OriginalRecord } from '../model';

/** One export line's object. Absent fields are left out. */
export function exportInput(record: OriginalRecord): OriginalInput {
  const line: OriginalInput = {
    id: record.id,
    title: record.title,
    text: (record.paragraphs ?? []).join('\n\n'),
    publisher: record.publisher,
    authors: record.authors,
    published: record.published,
    url: record.url,
    language: record.language,
    // Without text, the fingerprint is what there is to share.
    fingerprint: record.paragraphs?.length ? undefined : { ...record.fingerprint, version: FINGERPRINT_VERSION },
  };
  return definedOnly(line);
}

/** One `.jsonl` line (without the newline). */
export function toJsonlLine(record: OriginalRecord): string {
  return JSON.stringify(exportInput(record));
}
