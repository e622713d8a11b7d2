/**
 * The words an original is found by on the options page: those of its title, publisher and
 * address's host, lower-cased and without accents, kept on the record for the store's
 * "searchWords" index, so a search reads the matching index range instead of every record.
 */
import type { OriginalRecord } from '../model';

/** Words kept per original: a headline and a publisher have far fewer. */
const MAX_WORDS = 40;

/** The searchable words of a text: letters and digits, case and accents folded, two characters or more. */
export function wordsOf(text: string): string[] {
  const folded = text.slice(0, 2000).toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
  return [...new Set(folded.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 2))];
}

const hostOf = (url: string | undefined) => {
  try {
    return url ? new URL(url).hostname : '';
  } catch {
    return '';
  }
};

/** The words an original is indexed under. */
export function searchWordsOf(record: Pick<OriginalRecord, 'title' | 'publisher' | 'url' | 'knownFrom'>): string[] {
  return wordsOf(`${record.title} ${record.publisher ?? ''} ${hostOf(record.url)} ${record.knownFrom ?? ''}`).slice(
    0,
    MAX_WORDS,
  );
}
