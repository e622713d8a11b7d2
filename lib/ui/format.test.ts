import { describe, expect, it } from 'vitest';
import { count, megabytes, percent, publishedDate, relativeTime } from './format';

const fr = { locale: 'fr' };
const de = { locale: 'de' };

describe('formats in the reader locale', () => {
  it('writes shares, counts and sizes as the language does', () => {
    expect(percent(0.341)).toBe('34%');
    expect(percent(0.341, fr)).toMatch(/^34\s%$/);
    expect(count(12345, de)).toBe('12.345');
    expect(megabytes(3.5 * 1024 * 1024, de)).toBe('3,5 MB');
  });

  it('writes dates and relative times in words, and keeps what is not a date as given', () => {
    expect(publishedDate('2022-03-04', { locale: 'en' })).toBe('Mar 4, 2022');
    expect(publishedDate('2022-03-04T10:00:00Z', de)).toBe('04.03.2022');
    expect(publishedDate('2022', de)).toBe('2022');
    expect(publishedDate('last spring', de)).toBe('last spring');
    const now = Date.UTC(2026, 0, 10, 12);
    expect(relativeTime(now - 3 * 3_600_000, now, { locale: 'en' })).toBe('3 hours ago');
    expect(relativeTime(now - 86_400_000, now, fr)).toBe('hier');
    expect(relativeTime(now - 1000, now, { locale: 'en' })).toBe('this minute');
  });
});
