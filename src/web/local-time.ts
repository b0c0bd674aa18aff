/**
 * Dates, times and "how long ago" in the language of the page being rendered (Intl, so each language writes them
 * its own way: "29 nov 2026", "2026年11月29日"). Times are in UTC and say so, as in format.ts.
 */
import type { Language } from '../i18n/languages.js';
import { pageLanguage, t } from './language.js';

const cache = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

function dateTimeFormat(language: Language, withTime: boolean): Intl.DateTimeFormat {
  const key = `d:${language}:${String(withTime)}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, {
      dateStyle: 'medium',
      ...(withTime && { timeStyle: 'short', hourCycle: 'h23' }),
      timeZone: 'UTC',
    });
    cache.set(key, f);
  }
  return f;
}

function relativeFormat(language: Language): Intl.RelativeTimeFormat {
  const key = `r:${language}`;
  let f = cache.get(key) as Intl.RelativeTimeFormat | undefined;
  if (!f) {
    f = new Intl.RelativeTimeFormat(language, { numeric: 'always' });
    cache.set(key, f);
  }
  return f;
}

/** A moment, with its time, in UTC: "29 Nov 2026, 22:05 UTC". */
export function localDateTime(ms: number, language: Language = pageLanguage()): string {
  return `${dateTimeFormat(language, true).format(ms)} UTC`;
}

/** A calendar day given as YYYY-MM-DD, written the reader's way; the text itself when it is not such a day. */
export function localDay(iso: string, language: Language = pageLanguage()): string {
  const ms = Date.parse(`${iso}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) && Number.isFinite(ms) ? dateTimeFormat(language, false).format(ms) : iso;
}

/** "3 days ago", "in 5 hours", "2 分钟后": whole days, hours or minutes; a moment below a minute. */
export function localAgo(at: number, now: number, language: Language = pageLanguage()): string {
  const diff = at - now;
  const abs = Math.abs(diff);
  const units: [number, Intl.RelativeTimeFormatUnit][] = [
    [86_400_000, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
  ];
  for (const [size, unit] of units) {
    if (abs >= size) return relativeFormat(language).format(Math.sign(diff) * Math.floor(abs / size), unit);
  }
  return diff > 0 ? t('cases.time.inAMoment') : t('cases.time.justNow');
}

/** A number the reader's way ("20,000", "20.000", "20,000"). */
export function localNumber(n: number, language: Language = pageLanguage()): string {
  return new Intl.NumberFormat(language).format(n);
}

/** A wait given in seconds, as a duration ("45 seconds", "3 minutes"), for "wait … and try again". */
export function localWait(seconds: number, language: Language = pageLanguage()): string {
  const [value, unit] = seconds < 90 ? [seconds, 'second'] : [Math.ceil(seconds / 60), 'minute'];
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}
