/**
 * The order a reader should meet changes in: what changes the meaning first (numbers, quotes,
 * names, taken in turns so the first few show every kind), and names only spelled differently
 * (Zaporizhya -> Zaporizhia) last, marked as such. Every view and the CLI get this order.
 */
import type { Change, ChangeKind } from '../model';
import { isSpellingVariant } from './spelling';

const RANK: Record<ChangeKind, number> = { number: 0, quote: 1, name: 2 };
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
