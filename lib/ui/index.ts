/**
 * The interface: the popup, the compare page and the options page rendered into a given root
 * (so they are tested in Node), the badge, report sentences and the i18n layer. It shows what
 * the background sends and never opens the store.
 */
export { badgeFor, NOT_ANALYSED, type Badge } from './badge';
export { renderComparison, type ComparisonData } from './compare-view';
export { attributionOf, describeReport } from './describe';
export { percent } from './format';
export { fromArticleSpans, h } from './dom';
export { translateEnglish, translatorFrom, type MessageKey, type Translate } from './i18n';
export { announcementOf, renderPopup, type PopupActions, type PopupContext } from './popup-view';
export { startOptionsPage } from './options/page';
export type { OptionsBackend, SubscribeRefusal } from './options/context';
export { problemText } from './problem-text';
export { localizePage } from './localize';
export { storeProblemView } from './store-problem';
export { renderWelcome, type FollowOutlets } from './welcome-view';
