/**
 * The order a reader should meet changes in: what changes the meaning first (numbers, quotes,
 * names, taken in turns so the first few show every kind), and names only spelled differently
 * (Zaporizhya -> Zaporizhia) last, marked as such. Every view and the CLI get this order.
 */
import type { Change, ChangeKind } from '../model';

const RANK: Record<ChangeKind, number> = { number: 0, quote: 1, name: 2 };
/** Longer strings are never taken for a spelling variant: the comparison stays small. */
const MAX_VARIANT_CHARS = 60;

/** Lower case, no accents, letters and digits only. */
const folded = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

/** Edit distance, stopping once it is known to be above `limit`. */
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

/** The changes in reading order, spelling variants marked `variant`. */
export function meaningFirst(changes: readonly Change[]): Change[] {
  const rounds = new Map<string, number>();
  return changes
    .map((change, index) => {
      const variant = isSpellingVariant(change);
      const group = `${variant}|${change.kind}`;
      const round = rounds.get(group) ?? 0;
      rounds.set(group, round + 1);
      return { change: variant ? { ...change, variant: true as const } : change, index, variant, round };
    })
    .sort(
      (x, y) =>
        Number(x.variant) - Number(y.variant) ||
        x.round - y.round ||
        RANK[x.change.kind] - RANK[y.change.kind] ||
        x.index - y.index,
    )
    .map(({ change }) => change);
}
