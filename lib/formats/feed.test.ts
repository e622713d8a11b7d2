import { describe, expect, it } from 'vitest';
import { FeedError, readFeed } from './feed';

const FEED_URL = 'https://news.example/feeds/world.xml';

const rss = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>World &amp; Europe</title><link>https://news.example/</link>
<item><title><![CDATA[Talks <b>resume</b> at the border]]></title><link>/world/talks</link><guid isPermaLink="false">n-1</guid>
<pubDate>Tue, 01 Mar 2022 10:00:00 GMT</pubDate><dc:creator>Ann Lee</dc:creator>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>First paragraph &amp; more.</p><script>alert(1)</script><p>Second<br>line.</p>]]></content:encoded></item>
<item><title>Same guid again</title><link>https://news.example/world/other</link><guid>n-1</guid></item>
<item><title>No date, no text</title><link>javascript:alert(1)</link></item>
</channel></rss>`;

describe('readFeed', () => {
  it('reads RSS 2.0 with content:encoded as plain text, relative links made absolute, each guid once', () => {
    const feed = readFeed(rss, FEED_URL);
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('World & Europe');
    expect(feed.items).toHaveLength(2);
    const [first, second] = feed.items;
    expect(first).toEqual({
      key: 'n-1',
      link: 'https://news.example/world/talks',
      title: 'Talks resume at the border',
      authors: ['Ann Lee'],
      published: '2022-03-01T10:00:00.000Z',
      paragraphs: ['First paragraph & more.', 'Second', 'line.'],
    });
    // A javascript: link is no address.
    expect(second.link).toBeUndefined();
    expect(second.key).toBe('No date, no text');
  });

  it('reads Atom 1.0 with a summary only, and tells it from RSS by its content', () => {
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title type="html">Desk &lt;i&gt;wire&lt;/i&gt;</title>
      <link href="https://wire.example/"/>
      <entry><id>tag:wire.example,2022:1</id><title>Ceasefire talks</title><link rel="alternate" href="/2022/03/ceasefire"/>
      <summary>One line.</summary><updated>2022-03-01T12:30:00+01:00</updated><author><name>Zed Ray</name></author></entry></feed>`;
    const feed = readFeed(atom, 'https://wire.example/atom');
    expect(feed.format).toBe('atom');
    expect(feed.title).toBe('Desk wire');
    expect(feed.items[0]).toMatchObject({
      key: 'tag:wire.example,2022:1',
      link: 'https://wire.example/2022/03/ceasefire',
      authors: ['Zed Ray'],
      published: '2022-03-01T11:30:00.000Z',
      paragraphs: ['One line.'],
    });
  });

  it('reads JSON Feed 1.1 (content_html, authors) and 1.0 (content_text, author)', () => {
    const v11 = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Json Times',
      home_page_url: 'https://json.example/',
      items: [
        {
          id: 7,
          url: 'story/7',
          title: 'Seven',
          content_html: '<p>A.</p><p>B.</p>',
          authors: [{ name: 'Kim' }],
          date_published: '2022-03-01T00:00:00Z',
        },
        { title: 'no id' },
        'not an object',
      ],
    });
    const feed = readFeed(`\uFEFF ${v11}`, 'https://json.example/feed.json');
    expect(feed.format).toBe('json');
    expect(feed.items[0]).toMatchObject({
      key: '7',
      link: 'https://json.example/story/7',
      authors: ['Kim'],
      paragraphs: ['A.', 'B.'],
    });
    expect(feed.items).toHaveLength(2);
    const v10 = JSON.stringify({
      version: 'https://jsonfeed.org/version/1',
      title: 'Old',
      author: { name: 'Feed Author' },
      items: [{ id: 'x', content_text: 'One.\n\nTwo.' }],
    });
    expect(readFeed(v10, 'https://json.example/f').items[0]).toMatchObject({
      authors: ['Feed Author'],
      paragraphs: ['One.', 'Two.'],
    });
  });

  it.each([
    ['plain text', 'hello world', 'neither XML nor JSON'],
    ['truncated JSON', '{"version": "https://jsonfeed.org/version/1.1", "items": [', 'damaged'],
    ['JSON that is no feed', '{"upstream": 1}', 'not a JSON Feed'],
    ['HTML', '<!doctype html><html><body><p>Hi</p></body></html>', 'neither RSS nor Atom'],
  ])('refuses %s with a reason', (_name, text, reason) => {
    expect(() => readFeed(text, FEED_URL)).toThrow(FeedError);
    expect(() => readFeed(text, FEED_URL)).toThrow(reason);
  });

  it('reads a truncated XML feed as far as it goes, or refuses it, never throwing anything but a FeedError', () => {
    const cut = rss.slice(0, rss.indexOf('<item><title>Same'));
    try {
      const feed = readFeed(cut, FEED_URL);
      expect(feed.items.length).toBeLessThanOrEqual(1);
    } catch (error) {
      expect(error).toBeInstanceOf(FeedError);
    }
  });

  it('keeps at most 300 items of a huge feed', () => {
    const items = Array.from({ length: 1000 }, (_, i) => `<item><guid>${i}</guid><title>T${i}</title></item>`).join('');
    expect(
      readFeed(`<rss version="2.0"><channel><title>Big</title>${items}</channel></rss>`, FEED_URL).items,
    ).toHaveLength(300);
  });
});
