/**
 * The toolbar badge for each verdict: short text and a colour per kind of reuse, and nothing
 * where there is no known original. Colours are calm on purpose: evidence, not alarm.
 */
import type { MessageKey } from './i18n';
import type { Verdict } from '../model';

export interface Badge {
  text: string;
  color: string;
  /** The tooltip, an interface string. */
  title: MessageKey;
}

const BADGES: Record<Verdict, Badge | null> = {
  original: { text: 'ORIG', color: '#2e7d32', title: 'badgeOriginal' },
  copy: { text: 'COPY', color: '#b45309', title: 'badgeCopy' },
  rewrite: { text: 'REW', color: '#6d28d9', title: 'badgeRewrite' },
  excerpt: { text: 'EXC', color: '#0369a1', title: 'badgeExcerpt' },
  partial: { text: 'PART', color: '#9d174d', title: 'badgePartial' },
  translation: { text: 'TR', color: '#0f766e', title: 'badgeTranslation' },
  mixed: { text: 'MIX', color: '#4b5563', title: 'badgeMixed' },
  none: null,
  'no-article': null,
};

/** The badge for a verdict, or null for none / no-article. */
export function badgeFor(verdict: Verdict): Badge | null {
  return BADGES[verdict];
}
