import { describe, expect, it } from 'vitest';
import { OpmlError, readOpml } from './opml';

describe('readOpml', () => {
  it('lists the feeds of nested outlines, each address once, leaving out what is no feed', () => {
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>
      <outline text="News"><outline type="rss" text="World &amp; more" xmlUrl="https://news.example/world.xml"/>
        <outline text="Dup" xmlUrl="https://news.example/world.xml"/><outline text="Bad" xmlUrl="ftp://x/y"/></outline>
      <outline title="Wire" xmlUrl="https://wire.example/atom"/><outline text="Just a folder"/></body></opml>`;
    expect(readOpml(opml)).toEqual([
      { title: 'World & more', url: 'https://news.example/world.xml' },
      { title: 'Wire', url: 'https://wire.example/atom' },
    ]);
  });

  it('refuses a file that is not OPML', () => {
    expect(() => readOpml('<rss><channel/></rss>')).toThrow(OpmlError);
    expect(() => readOpml('{"a":1}')).toThrow(OpmlError);
  });
});
