/**
 * The toolbar badge for each state of a tab: a short word in the reader's language and a colour
 * per kind of reuse, a neutral mark for "checked, no known original", and no text where there
 * is nothing to say (no article, switched off), each with its own tooltip. Colours are calm on
 * purpose: evidence, not alarm.
 */
import type { MessageKey } from './i18n';
import type { TabState, Verdict } from '../model';

export interface Badge {
  /** The badge's text, an interface string of at most four letters; none for no text. */
  text: MessageKey | null;
  color: string;
  /** The tooltip, an interface string, with its substitutions. */
  title: MessageKey;
  titleArgs?: string[];
}

const NEUTRAL = '#6b7280';

const BADGES: Record<Verdict, Badge> = {
  original: { text: 'badgeTextOriginal', color: '#2e7d32', title: 'badgeOriginal' },
  copy: { text: 'badgeTextCopy', color: '#b45309', title: 'badgeCopy' },
  rewrite: { text: 'badgeTextRewrite', color: '#6d28d9', title: 'badgeRewrite' },
  summary: { text: 'badgeTextSummary', color: '#854d0e', title: 'badgeSummary' },
  excerpt: { text: 'badgeTextExcerpt', color: '#0369a1', title: 'badgeExcerpt' },
  partial: { text: 'badgeTextPartial', color: '#9d174d', title: 'badgePartial' },
  translation: { text: 'badgeTextTranslation', color: '#0f766e', title: 'badgeTranslation' },
  mixed: { text: 'badgeTextMixed', color: '#4b5563', title: 'badgeMixed' },
  // Checked, and nothing known: a quiet mark, so it is not taken for "not looked at".
  none: { text: 'badgeTextNone', color: NEUTRAL, title: 'badgeNone' },
  'no-article': { text: null, color: NEUTRAL, title: 'badgeNoArticle' },
};

/** Every badge with text, in the order the first-run page explains them. */
export const BADGE_LEGEND: { verdict: Verdict; badge: Badge }[] = (
  ['original', 'copy', 'rewrite', 'summary', 'excerpt', 'partial', 'translation', 'mixed', 'none'] as const
).map((verdict) => ({ verdict, badge: BADGES[verdict] }));

/** The tooltip of a tab Upstream has not analysed (yet): set on every navigation. */
export const NOT_ANALYSED: Badge = { text: null, color: NEUTRAL, title: 'badgeNotAnalysed' };

/** The badge for a tab's state. */
export function badgeFor(state: TabState): Badge {
  if (state.status === 'disabled') return { text: null, color: NEUTRAL, title: 'badgeDisabled' };
  if (state.status === 'no-article') return BADGES['no-article'];
  const badge = BADGES[state.report.verdict];
  return state.report.verdict === 'none' ? { ...badge, titleArgs: [String(state.checked ?? 0)] } : badge;
}
