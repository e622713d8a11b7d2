/** Numbers, shares, sizes and times in the reader's locale, through Intl. */
import type { Translate } from './i18n';

/** A share as a whole percentage ("34%", "34 %" in French). */
export function percent(share: number, t?: Pick<Translate, 'locale'>): string {
  return new Intl.NumberFormat(t?.locale ?? 'en', { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** A count with the locale's grouping ("12,345", "12 345", "12.345"). */
export function count(value: number, t: Pick<Translate, 'locale'>): string {
  return new Intl.NumberFormat(t.locale).format(value);
}

/** Bytes as megabytes with one decimal. */
export function megabytes(bytes: number, t: Pick<Translate, 'locale'>): string {
  return new Intl.NumberFormat(t.locale, {
    style: 'unit',
    unit: 'megabyte',
    maximumFractionDigits: 1,
  }).format(bytes / 1024 / 1024);
}

/** A date a record gives (ISO, or a year) in the locale's words; as given when it is not a date. */
export function publishedDate(value: string, t: Pick<Translate, 'locale'>): string {
  if (/^\d{4}$/.test(value)) return value;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(t.locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** An exact time, for the hover text of a relative one. */
export function exactTime(time: number, t: Pick<Translate, 'locale'>): string {
  return new Intl.DateTimeFormat(t.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(time));
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "3 hours ago", "in 2 days", "now" in the locale's words. */
export function relativeTime(time: number, now: number, t: Pick<Translate, 'locale'>): string {
  const format = new Intl.RelativeTimeFormat(t.locale, { numeric: 'auto' });
  const delta = time - now;
  for (const [unit, ms] of UNITS) if (Math.abs(delta) >= ms) return format.format(Math.round(delta / ms), unit);
  return format.format(0, 'minute');
}

/** A language's name in the reader's locale ("Ukrainian", "ucraniano"); the code when Intl has none. */
export function languageName(code: string, t: Pick<Translate, 'locale'>): string {
  try {
    return new Intl.DisplayNames([t.locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
