/**
 * A feed reader's list of feeds (OPML 1.0 / 2.0, as feed readers export it): the feeds' titles
 * and addresses, so a reader can follow the outlets they already read in one step.
 */
import { XMLParser } from 'fast-xml-parser';
import { plainTextOfHtml } from './html-text';
import { problem, ProblemError } from './problem-error';

/** A feed named in an OPML file. */
export interface OpmlFeed {
  title: string;
  url: string;
}

/** Most feeds taken from one file. */
export const MAX_OPML_FEEDS = 200;

export class OpmlError extends ProblemError {}

/** The feeds an OPML text lists (outlines with an http(s) `xmlUrl`, at any depth), each address once. */
export function readOpml(text: string): OpmlFeed[] {
  let doc: unknown;
  try {
    doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', processEntities: true }).parse(text);
  } catch {
    throw new OpmlError(problem('opmlDamaged'));
  }
  const body = (doc as { opml?: { body?: unknown } })?.opml?.body;
  if (!body) throw new OpmlError(problem('opmlNoBody'));
  const feeds = new Map<string, OpmlFeed>();
  const stack: unknown[] = [body];
  for (let seen = 0; stack.length && feeds.size < MAX_OPML_FEEDS && seen < 100_000; seen++) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push(node[i]);
      continue;
    }
    if (!node || typeof node !== 'object') continue;
    const outline = node as Record<string, unknown>;
    const raw = outline.xmlUrl ?? outline.xmlurl;
    if (typeof raw === 'string') {
      try {
        const url = new URL(raw.trim());
        if ((url.protocol === 'https:' || url.protocol === 'http:') && !feeds.has(url.href)) {
          const name = outline.title ?? outline.text;
          feeds.set(url.href, {
            url: url.href,
            title: typeof name === 'string' ? plainTextOfHtml(name, 200) : url.host,
          });
        }
      } catch {
        // An outline whose address cannot be read is left out.
      }
    }
    if (outline.outline) stack.push(outline.outline);
  }
  return [...feeds.values()];
}
