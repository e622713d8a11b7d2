/**
 * Two spellings of one name, told apart from two names by a bounded edit distance: a respelling
 * the aligner pairs (Lahuta, Lahota), and a change that is only spelling (Zaporizhya, Zaporizhia),
 * which the reader meets after the changes of meaning.
 */
import type { Change } from '../model';

/** Edit distance of at most `limit`, stopping once it is known to be above. */
function withinEdits(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, row[j]);
    }
    if (best > limit) return false;
    previous = row;
  }
  return previous[b.length] <= limit;
}

/** Two spellings of one name (compared forms of words): close in edit distance, relative to their length. */
export function isRespelling(a: string, b: string): boolean {
  if (a === b || Math.min(a.length, b.length) < 4) return false;
  return withinEdits(a, b, Math.max(1, Math.floor(0.4 * Math.max(a.length, b.length))));
}

/** Longer strings are never taken for a spelling variant: the comparison stays small. */
const MAX_VARIANT_CHARS = 60;

/** Lower case, no accents, letters and digits only. */
const folded = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

/**
 * A name the page only spells differently: the same letters once case and accents are set
 * aside, or one letter in six at most changed (transliterations), for names of five letters or more.
 */
export function isSpellingVariant(change: Change): boolean {
  if (change.kind !== 'name') return false;
  if (change.original.length > MAX_VARIANT_CHARS || change.page.length > MAX_VARIANT_CHARS) return false;
  const [a, b] = [folded(change.original), folded(change.page)];
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  return shorter >= 5 && withinEdits(a, b, Math.floor(shorter / 6));
}
