/**
 * From a page's DOM to the message the content script sends, and from that message back to
 * what the engine analyses. Kept together so both sides agree on what travels.
 */
import { capParagraphs, definedOnly, MIN_ARTICLE_WORDS, prepareArticleSteps, runSliced } from '../engine';
import {
  extractArticle,
  mayHaveArticleSteps,
  pageDocument,
  readPageSteps,
  readToEnd,
  type PageHtml,
  type ReadSteps,
} from '../reader';
import type { ArticleMessage, ProtocolMap } from './protocol';
import type { ArticleInput, FeedLink, PreparedArticle } from '../model';

/** Most article text a content script sends; the rest of a longer page is left out. */
export const MAX_PAGE_ARTICLE_CHARS = 150_000;

/** An article as read, with its address, at most MAX_PAGE_ARTICLE_CHARS of it. */
const articleMessage = (article: ArticleInput, url: string): ArticleMessage =>
  definedOnly({
    ...article,
    url: article.url ?? url,
    paragraphs: capParagraphs(article.paragraphs, MAX_PAGE_ARTICLE_CHARS),
  });

/**
 * The article message for a whole document (a page's HTML or a feed item's, read off the page),
 * or null when it has none. Cleaning and fingerprinting happen in the background.
 */
export function articleMessageOf(doc: Document, url: string): ArticleMessage | null {
  if (!readToEnd(mayHaveArticleSteps(doc))) return null;
  const article = extractArticle(doc, url);
  return article && articleMessage(article, url);
}

type Request<K extends keyof ProtocolMap> = ProtocolMap[K]['request'];

/** What the content script says of its page. */
export type PageMessage = Request<'article-found'> | Request<'page-html'> | Request<'no-article'>;

/**
 * The content script's message about its page, with the feeds the page declares: its article
 * where the page leaves no doubt, its HTML where only Readability can find the article (read in
 * the background, off the page's main thread: readPage), or that it has none.
 */
export const pageMessageOf = (doc: Document, url: string): PageMessage => readToEnd(pageMessageSteps(doc, url));

/** The same in steps (ReadSteps), for the content script to run a slice at a time. */
export function* pageMessageSteps(doc: Document, url: string): ReadSteps<PageMessage> {
  const feeds = feedLinksOf(doc);
  const declared = feeds.length ? { feeds } : {};
  yield;
  const read = (yield* mayHaveArticleSteps(doc)) ? yield* readPageSteps(doc, url) : null;
  if (!read) return { type: 'no-article', url, ...declared };
  if ('html' in read) return { type: 'page-html', ...read, ...declared };
  return { type: 'article-found', article: { ...articleMessage(read.article, url), ...declared } };
}

/**
 * The prepared article for a (validated) article message, at the address the browser gives
 * for its tab: the address the page claims is not evidence. Prepared in slices with `pause`
 * between them, so the background keeps answering other messages; null when there is too
 * little text for an article.
 */
export async function articleFromMessage(
  message: ArticleMessage,
  browserUrl: string,
  pause: () => Promise<void>,
): Promise<PreparedArticle | null> {
  const prepared = await runSliced(prepareArticleSteps({ ...message, url: browserUrl }, MAX_PAGE_ARTICLE_CHARS), pause);
  return prepared.model.words < MIN_ARTICLE_WORDS ? null : prepared;
}

/** The article of a page's HTML (a page's the content script sent, a followed feed item's), read off the page. */
export function readArticleHtml(parser: DOMParser, page: PageHtml, url: string): ArticleMessage | null {
  return articleMessageOf(pageDocument(parser, page), url);
}

/** Feed types a page may declare, by the MIME type of its `<link rel="alternate">`. */
const FEED_TYPES: Record<string, FeedLink['type']> = {
  'application/rss+xml': 'rss',
  'application/atom+xml': 'atom',
  'application/feed+json': 'json',
  'application/json': 'json',
};

/** The feeds a page declares, at most 5 (the page's claim: they are only offered to the person). */
function feedLinksOf(doc: Document): FeedLink[] {
  const feeds: FeedLink[] = [];
  // In the head, where pages declare them: a query of the whole document walks every element.
  for (const link of doc.head?.querySelectorAll<HTMLLinkElement>('link[rel~="alternate"][type][href]') ?? []) {
    const type = FEED_TYPES[(link.getAttribute('type') ?? '').toLowerCase().trim()];
    if (!type || (type === 'json' && !/feed/i.test(link.href))) continue;
    let url: string;
    try {
      url = new URL(link.getAttribute('href')!, doc.baseURI).href;
    } catch {
      continue;
    }
    if (!/^https?:\/\//.test(url) || url.length > 2000 || feeds.some((f) => f.url === url)) continue;
    feeds.push({ url, type, title: (link.title || new URL(url).host).replace(/\s+/g, ' ').trim().slice(0, 200) });
    if (feeds.length >= 5) break;
  }
  return feeds;
}
