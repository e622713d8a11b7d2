import { describe, expect, it } from 'vitest';
import { MAX_PAGE_HTML_CHARS } from '../reader';
import { mayBeSentFrom, parseMessage, type Message } from './protocol';

const paragraphs = ['Some article text that is long enough to fingerprint for this test of the protocol.'];
const article = { url: 'https://news.example/a', title: 'A', paragraphs };

describe('parseMessage', () => {
  it('accepts well-formed messages and drops unknown fields', () => {
    expect(parseMessage({ type: 'article-found', article, extra: 1 })).toEqual({ type: 'article-found', article });
    expect(parseMessage({ type: 'get-tab-state', tabId: 3 })).toEqual({ type: 'get-tab-state', tabId: 3 });
    expect(parseMessage({ type: 'no-article', url: 'https://x/' })).toEqual({ type: 'no-article', url: 'https://x/' });
    const html = parseMessage({ type: 'page-html', html: '<html><body><p>Text</p></body></html>', url: 'https://x/' });
    expect(html).toEqual({ type: 'page-html', html: '<html><body><p>Text</p></body></html>' });
    expect(mayBeSentFrom(html!, 'content-script')).toBe(true);
    expect(mayBeSentFrom(html!, 'extension-page')).toBe(false);
  });

  it('rejects malformed or oversized messages', () => {
    const bad = [
      null,
      'article-found',
      { type: 'unknown' },
      { type: 'get-tab-state', tabId: '3' },
      { type: 'article-found', article: { ...article, url: 'javascript:alert(1)' } },
      { type: 'article-found', article: { ...article, paragraphs: [1, 2] } },
      { type: 'article-found', article: { ...article, paragraphs: ['x'.repeat(500_001)] } },
      { type: 'article-found', article: { ...article, paragraphs: 'one long paragraph' } },
      { type: 'article-found', article: { ...article, authors: 'Jane' } },
      { type: 'page-html', html: 'x'.repeat(MAX_PAGE_HTML_CHARS + 1) },
      { type: 'page-html', html: ['<p>'] },
      { type: 'page-html', html: '<p>', feeds: [{ url: 'javascript:alert(1)', type: 'rss', title: 'x' }] },
    ];
    for (const message of bad) expect(parseMessage(message)).toBeNull();
  });
});

describe('reports of wrong verdicts', () => {
  it('take a known kind and a bounded note, from the extension pages only', () => {
    const report = { type: 'report-verdict', tabId: 4, kind: 'wrong-original', note: 'not this one' };
    expect(parseMessage({ ...report, extra: 1 })).toEqual(report);
    for (const bad of [
      { ...report, kind: 'spam' },
      { ...report, note: 'x'.repeat(501) },
      { ...report, tabId: 'a' },
      { type: 'delete-feedback', at: -1 },
      { type: 'set-subscription-paused', url: 'https://x.example/feed', paused: 'yes' },
    ])
      expect(parseMessage(bad)).toBeNull();
    expect(mayBeSentFrom(report as Message, 'content-script')).toBe(false);
    expect(mayBeSentFrom(report as Message, 'extension-page')).toBe(true);
  });
});

describe('subscription messages', () => {
  it('come only from the extension pages, with a schedule of an hour to a month', () => {
    const subscribe = parseMessage({ type: 'subscribe', url: 'https://desk.example/list.jsonl', everyHours: 24 });
    expect(subscribe).toEqual({ type: 'subscribe', url: 'https://desk.example/list.jsonl', everyHours: 24 });
    expect(mayBeSentFrom(subscribe as Message, 'content-script')).toBe(false);
    expect(mayBeSentFrom(subscribe as Message, 'extension-page')).toBe(true);
    for (const everyHours of [0, 0.5, 24 * 32, '24'])
      expect(parseMessage({ type: 'subscribe', url: 'https://desk.example/', everyHours })).toBeNull();
    expect(parseMessage({ type: 'unsubscribe', url: 'x'.repeat(2001) })).toBeNull();
  });
});
