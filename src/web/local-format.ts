/**
 * Dates and figures in the language of the page being rendered (Intl), for the pages translated through t().
 * Calendar days (YYYY-MM-DD) are formatted at UTC midnight, so no time zone moves them to another day.
 */
import type { Language } from '../i18n/languages.js';
import { pageLanguage } from './language.js';

const dateFormats = new Map<Language, Intl.DateTimeFormat>();

/** "12 Jan 2027", "2027年1月12日", "12 ene 2027" for a YYYY-MM-DD date. */
export function calendarDate(iso: string): string {
  const language = pageLanguage();
  let format = dateFormats.get(language);
  if (!format) {
    // en-GB for English: day before month, which no reader misreads as the American order.
    const locale = language === 'en' ? 'en-GB' : language;
    format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    dateFormats.set(language, format);
  }
  const ms = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(ms) ? iso : format.format(ms);
}

const percentFormats = new Map<Language, Intl.NumberFormat>();

/** A share (0..1) as a whole percentage in the page's language: "45%", "45 %". */
export function percent(share: number): string {
  const language = pageLanguage();
  let format = percentFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
    percentFormats.set(language, format);
  }
  return format.format(share);
}

/** A count with the grouping of the page's language ("1,200", "1.200"). */
export function count(n: number): string {
  return n.toLocaleString(pageLanguage());
}
