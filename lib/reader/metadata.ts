/**
 * What a page says about its article besides the text: JSON-LD (a NewsArticle or the like),
 * OpenGraph and meta tags, the canonical link. All of it is the page's claim, kept as such.
 */
import type { ArticleInput } from '../model';

/**
 * The page's meta tags by property, name or itemprop, the first of each: read in one query,
 * not a query a name (each one a walk of the whole page when the tag is not there).
 */
function metaTags(doc: Document): (...names: string[]) => string | undefined {
  const tags = new Map<string, string>();
  for (const el of Array.from(doc.getElementsByTagName('meta'))) {
    const content = el.getAttribute('content')?.trim();
    if (!content) continue;
    for (const key of ['property', 'name', 'itemprop']) {
      const name = el.getAttribute(key);
      if (name && !tags.has(name)) tags.set(name, content);
    }
  }
  return (...names) => names.map((name) => tags.get(name)).find(Boolean);
}

interface JsonLdArticle {
  headline?: string;
  author?: unknown;
  datePublished?: string;
  publisher?: { name?: string } | string;
  url?: string;
  inLanguage?: string;
}

function namesOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list
    .map((a) => (typeof a === 'string' ? a : typeof a === 'object' && a && 'name' in a ? String(a.name) : ''))
    .map((name) => name.trim())
    .filter(Boolean);
}

/** The first NewsArticle-like object in the page's JSON-LD, if any. Malformed JSON is ignored. */
function jsonLdArticle(doc: Document): JsonLdArticle | undefined {
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    while (queue.length) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === 'object') {
        const type = (item as { '@type'?: unknown })['@type'];
        const types = Array.isArray(type) ? type : [type];
        if (types.some((t) => typeof t === 'string' && /Article|Posting|Report/.test(t))) return item as JsonLdArticle;
        if ('@graph' in item) queue.push((item as { '@graph': unknown })['@graph']);
      }
    }
  }
  return undefined;
}

/** Resolves an address a page gives against the page's own; undefined when it is no address. */
function resolved(href: string | undefined, base: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    return new URL(href, base).href;
  } catch {
    return undefined;
  }
}

/** The article's metadata as the page gives it, with what Readability read as the fallback. */
export function pageMetadata(
  doc: Document,
  url: string | undefined,
  read: { title?: string; siteName?: string; publishedTime?: string; lang?: string },
): Omit<ArticleInput, 'paragraphs'> {
  const meta = metaTags(doc);
  const ld = jsonLdArticle(doc);
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
  const publisher = typeof ld?.publisher === 'string' ? ld.publisher : ld?.publisher?.name;
  const ldAuthors = namesOf(ld?.author);
  const metaAuthor = meta('author', 'article:author');
  const authors = ldAuthors.length ? ldAuthors : metaAuthor && !/^https?:/.test(metaAuthor) ? [metaAuthor] : undefined;
  return {
    url: resolved(canonical ?? ld?.url ?? meta('og:url'), url) ?? url,
    title: ld?.headline ?? meta('og:title') ?? read.title ?? (doc.title || undefined),
    siteName: publisher ?? meta('og:site_name') ?? read.siteName,
    authors,
    published: ld?.datePublished ?? meta('article:published_time', 'datePublished') ?? read.publishedTime,
    language: ld?.inLanguage ?? doc.documentElement.getAttribute('lang') ?? read.lang,
  };
}
