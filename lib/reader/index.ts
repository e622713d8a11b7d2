/**
 * Reading a live page: is there an article, where is it, what does the page say about it.
 * Apart from the file formats: it reads documents a browser shows, not files a person gives.
 */
export { clearArticle } from './clear-article';
export { extractArticle } from './read-article';
export {
  MAX_PAGE_HTML_CHARS,
  MAX_PAGE_PARTS,
  pageDocument,
  readPage,
  readPageSteps,
  type PageHtml,
  type PageRead,
} from './read-page';
export { mayHaveArticleSteps } from './readerable';
export { readToEnd, type ReadSteps } from './steps';
