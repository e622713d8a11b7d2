/**
 * The toolbar badge for each state of a tab: short text and a colour per kind of reuse, a
 * neutral mark for "checked, no known original", and no text where there is nothing to say
 * (no article, switched off), each with its own tooltip. Colours are calm on purpose:
 * evidence, not alarm.
 */
import type { MessageKey } from './i18n';
import type { TabState, Verdict } from '../model';

export interface Badge {
  text: string;
  color: string;
  /** The tooltip, an interface string, with its substitutions. */
  title: MessageKey;
  titleArgs?: string[];
}

const NEUTRAL = '#6b7280';

const BADGES: Record<Verdict, Badge> = {
  original: { text: 'ORIG', color: '#2e7d32', title: 'badgeOriginal' },
  copy: { text: 'COPY', color: '#b45309', title: 'badgeCopy' },
  rewrite: { text: 'REW', color: '#6d28d9', title: 'badgeRewrite' },
  excerpt: { text: 'EXC', color: '#0369a1', title: 'badgeExcerpt' },
  partial: { text: 'PART', color: '#9d174d', title: 'badgePartial' },
  translation: { text: 'TR', color: '#0f766e', title: 'badgeTranslation' },
  mixed: { text: 'MIX', color: '#4b5563', title: 'badgeMixed' },
  // Checked, and nothing known: a quiet mark, so it is not taken for "not looked at".
  none: { text: '–', color: NEUTRAL, title: 'badgeNone' },
  'no-article': { text: '', color: NEUTRAL, title: 'badgeNoArticle' },
};

/** The tooltip of a tab Upstream has not analysed (yet): set on every navigation. */
export const NOT_ANALYSED: Badge = { text: '', color: NEUTRAL, title: 'badgeNotAnalysed' };

/** The badge for a tab's state. */
export function badgeFor(state: TabState): Badge {
  if (state.status === 'disabled') return { text: '', color: NEUTRAL, title: 'badgeDisabled' };
  if (state.status === 'no-article') return BADGES['no-article'];
  const badge = BADGES[state.report.verdict];
  return state.report.verdict === 'none' ? { ...badge, titleArgs: [String(state.checked ?? 0)] } : badge;
}
