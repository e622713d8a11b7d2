/**
 * What went wrong, as data: a code the interface translates (public/_locales, key
 * `problem<Code>`) and the values it fills in. Nothing stored or sent carries English prose.
 */
export type ProblemCode =
  | 'packFormat'
  | 'packHeader'
  | 'packTooLarge'
  | 'packNotGzip'
  | 'packNoHeader'
  | 'packNotHeader'
  | 'packHash'
  | 'packNotUtf8'
  | 'packLineCount'
  | 'feedJsonDamaged'
  | 'feedJsonNotFeed'
  | 'feedJsonNoItems'
  | 'feedXmlUnknown'
  | 'feedUnknown'
  | 'feedTooLarge'
  | 'opmlDamaged'
  | 'opmlNoBody'
  | 'waitingForAccess'
  | 'redirects'
  | 'httpStatus'
  | 'unreachable'
  | 'itemSummaryOnly'
  | 'itemOtherSite'
  | 'pageNoReader'
  | 'pageNoAccess'
  | 'pageRedirects'
  | 'pageHttpStatus'
  | 'pageNotHtml'
  | 'pageTooLarge'
  | 'pageNoArticle'
  | 'pageTimeout'
  | 'pageUnreachable'
  | 'fileTooLarge'
  | 'fileNotText'
  | 'fileNoArticle'
  | 'fileTxtShape'
  | 'fileType'
  | 'fileLine'
  | 'lineNotObject'
  | 'lineNoTitle'
  | 'lineBadFingerprint'
  | 'lineNoText'
  | 'lineNotString'
  | 'lineAuthors'
  | 'lineInvalidJson'
  | 'storeFull'
  | 'storeWriteFailed';

export interface Problem {
  code: ProblemCode;
  /** Filled in for $1, $2…: names, numbers, addresses (not translated). */
  values?: string[];
  /** What a problem about a part of something was (a file's line: what was wrong with it). */
  cause?: Problem;
}
