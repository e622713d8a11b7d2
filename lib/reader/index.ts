/**
 * Reading a live page: is there an article, where is it, what does the page say about it.
 * Apart from the file formats: it reads documents a browser shows, not files a person gives.
 */
export { clearArticle } from './clear-article';
export { extractArticle, MAX_PAGE_HTML_CHARS, readPage, type PageRead } from './read-article';
export { mayHaveArticle } from './readerable';
