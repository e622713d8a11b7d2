import { describe, expect, it } from 'vitest';
import { sameAddress } from './address';

describe('sameAddress', () => {
  it('ignores www., a trailing slash, tracking parameters and the fragment', () => {
    expect(sameAddress('https://www.realnews.example/world/a/', 'https://realnews.example/world/a')).toBe(true);
    expect(sameAddress('https://realnews.example/a?utm_source=x&fbclid=1#top', 'https://realnews.example/a')).toBe(
      true,
    );
    expect(sameAddress('http://realnews.example/a?id=3&utm_medium=y', 'https://realnews.example/a?id=3')).toBe(true);
  });

  it('tells other hosts, paths and article parameters apart', () => {
    expect(sameAddress('https://farm.test/world/a', 'https://realnews.example/world/a')).toBe(false);
    expect(sameAddress('https://realnews.example.farm.test/world/a', 'https://realnews.example/world/a')).toBe(false);
    expect(sameAddress('https://realnews.example/world/b', 'https://realnews.example/world/a')).toBe(false);
    expect(sameAddress('https://realnews.example/a?id=4', 'https://realnews.example/a?id=3')).toBe(false);
  });

  it('never matches a missing or non-web address', () => {
    expect(sameAddress(undefined, 'https://realnews.example/a')).toBe(false);
    expect(sameAddress(undefined, undefined)).toBe(false);
    expect(sameAddress('file:///tmp/a.html', 'file:///tmp/a.html')).toBe(false);
    expect(sameAddress('not a url', 'not a url')).toBe(false);
  });
});
