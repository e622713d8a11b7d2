/**
 * Parts of a page that are never its article's text: navigation, asides, page furniture, and
 * the boxes news pages put around and inside an article (reader comments, related and most-read
 * lists, newsletter sign-ups, promotions, sharing bars), which pages name in their classes and
 * ids. Read along with the article, they make a copy look like a page of its own.
 */

/**
 * Elements that are never the article, by what they are: their tag or role. Looked up, not
 * matched as selectors: the test runs on every ancestor of every paragraph of the page.
 */
const NOT_ARTICLE_TAGS = new Set(['nav', 'aside', 'footer', 'header', 'form', 'figure']);
const NOT_ARTICLE_ROLES = new Set(['navigation', 'complementary', 'contentinfo']);

/**
 * Words of a class or id that name such a box: whole words only (`comments`, `related-stories`,
 * `newsletter_signup`), so a `commentary` or a `content-shared` body stays the article.
 */
const NOT_ARTICLE_NAME =
  /(?:^|[^a-z])(?:comments?|disqus|related|recommended|recommendations?|newsletters?|subscribe|signup|promos?|promotions?|teasers?|outbrain|taboola|trending|mostread|most-read|most-popular|most-viewed|more-stories|more-from|share|sharing|social|sponsored)(?:[^a-z]|$)/;

/** Longest class-and-id text looked at: names are short, and a page's attributes are its to make long. */
const MAX_NAME_CHARS = 300;

/** Elements whose names never make them furniture: the article itself (`has-comments`) and the page. */
const ARTICLE_TAGS = new Set(['html', 'body', 'article', 'main']);
const isArticleElement = (el: Element) =>
  ARTICLE_TAGS.has(el.localName) || el.getAttribute('itemprop') === 'articleBody';

/** Class names a CMS derives from an article's tags and categories (`category-social`), which say nothing of the element. */
const TAXONOMY_CLASS = /^(?:tag|category|categories|post|format|type|status|topic|section)-/;

/** A class name that also says the article's text is in it (`entry-content-read-more`) names the article; an embedded post (`social-media-embed`) is quoted by it. */
const ARTICLE_NAME = /content|body|entry|embed/;

/** An id of more words than this is a heading's slug (`sharing-with-a-developer`), not a name for a box. */
const MAX_ID_WORDS = 3;

const namesFurniture = (name: string) =>
  !!name && !TAXONOMY_CLASS.test(name) && NOT_ARTICLE_NAME.test(name) && !ARTICLE_NAME.test(name);

/** Whether an element's class or id names it a box that is not the article (comments, related stories...). */
export function isNamedFurniture(el: Element): boolean {
  if (isArticleElement(el)) return false;
  const classes = (el.getAttribute('class') ?? '').slice(0, MAX_NAME_CHARS).toLowerCase().split(/\s+/);
  const id = (el.id ?? '').slice(0, MAX_NAME_CHARS).toLowerCase();
  return classes.some(namesFurniture) || (id.split(/[-_]/).length <= MAX_ID_WORDS && namesFurniture(id));
}

/** Whether an element, by its own tag, role, class or id, is a part of the page that is not the article. */
export function isNotArticlePart(el: Element): boolean {
  if (NOT_ARTICLE_TAGS.has(el.localName)) return true;
  // Most wrappers carry no attributes, and then no role or name to read (a page may nest thousands).
  return el.hasAttributes() && (NOT_ARTICLE_ROLES.has(el.getAttribute('role') ?? '') || isNamedFurniture(el));
}

/**
 * A test of whether an element sits in such a part. Answers are kept per element, so a page's
 * blocks cost one walk up their shared ancestors, not one each.
 */
export function notArticleTest(): (el: Element) => boolean {
  const known = new Map<Element, boolean>();
  return (el: Element) => {
    // Up to the first ancestor already known, then its answer down the way walked:
    // a loop, since a page may nest deeper than a call stack goes.
    const walked: Element[] = [];
    let value = false;
    for (let at: Element | null = el; at; at = at.parentElement) {
      const answer = known.get(at);
      if (answer !== undefined) {
        value = answer;
        break;
      }
      walked.push(at);
    }
    for (let i = walked.length - 1; i >= 0; i--) {
      value = value || isNotArticlePart(walked[i]);
      known.set(walked[i], value);
    }
    return value;
  };
}
