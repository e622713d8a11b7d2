/**
 * The toolbar badge for each verdict: short text and a colour per kind of reuse, and nothing
 * where there is no known original. Colours are calm on purpose: evidence, not alarm.
 */
import type { Verdict } from '../model/report';

export interface Badge {
  text: string;
  color: string;
  title: string;
}

const BADGES: Partial<Record<Verdict, Badge>> = {
  original: { text: 'ORIG', color: '#2e7d32', title: 'Upstream: this is the known original' },
  copy: { text: 'COPY', color: '#b45309', title: 'Upstream: a copy of a known original' },
  rewrite: { text: 'REW', color: '#6d28d9', title: 'Upstream: a reworded copy of a known original' },
  excerpt: { text: 'EXC', color: '#0369a1', title: 'Upstream: an excerpt of a known original' },
  translation: { text: 'TR', color: '#0f766e', title: 'Upstream: a translation of a known original' },
  mixed: { text: 'MIX', color: '#4b5563', title: 'Upstream: draws on several known originals' },
};

/** The badge for a verdict, or null for none / no-article. */
export function badgeFor(verdict: Verdict): Badge | null {
  return BADGES[verdict] ?? null;
}
