import ical, { ICalCalendarMethod } from 'ical-generator';

import { addCalendarDays, type Deadline } from '../knowledge/deadlines.js';

/**
 * Deadlines (and the expected decision window) as iCalendar, with ical-generator: one all-day event per deadline,
 * whose description names what it was computed from and its source. Used by `ceac case calendar`, the per-case
 * .ics download and the per-account secret feed. Case numbers appear masked only (the feed may sit in a shared
 * calendar).
 */

export interface CalendarCase {
  id: number;
  /** How the case is named (label and masked case number), never the full case number. */
  name: string;
  deadlines: readonly Deadline[];
  /** From the pooled statistics: the window in which a decision is expected (median remaining, 95% interval). */
  window?: { from: string; to: string; description: string } | null;
  /** The case page, when the instance has a public URL. */
  url?: string | null;
}

/** A stable UID per case and deadline, so that calendar apps update the event instead of adding a new one. */
const uid = (caseId: number, what: string, host: string) => `ceac-watch-case-${caseId}-${what}@${host}`;

/** All-day dates: ical-generator writes a Date without a time zone from its UTC parts, so UTC midnight it is. */
const dateOnly = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The calendar's own words, for a calendar in another language than English (the deadlines bring theirs). */
export interface CalendarWords {
  /** BCP 47, e.g. "zh-CN". */
  language: string;
  /** "Source: {source}" with the source put in. */
  source: (source: string) => string;
  window: string;
}

const ENGLISH: CalendarWords = {
  language: 'EN',
  source: (source) => `Source: ${source}`,
  window: 'Expected decision window',
};

export function renderCalendar(
  name: string,
  cases: readonly CalendarCase[],
  options: { host?: string; now?: number; words?: CalendarWords } = {},
): string {
  const host = options.host ?? 'ceac-watch';
  const words = options.words ?? ENGLISH;
  const cal = ical({ name, prodId: { company: 'ceac-watch', product: 'deadlines', language: words.language } });
  cal.method(ICalCalendarMethod.PUBLISH);
  const stamp = new Date(options.now ?? Date.now());
  for (const c of cases) {
    for (const d of c.deadlines) {
      cal.createEvent({
        id: uid(c.id, `${d.kind}-${d.date}`, host),
        start: dateOnly(d.date),
        end: dateOnly(addCalendarDays(d.date, 1)),
        allDay: true,
        stamp,
        summary: `${d.title} (${c.name})`,
        description: `${d.basis}.\n${words.source(d.source)}`,
        url: c.url ?? null,
        categories: [{ name: d.kind }],
      });
    }
    if (c.window) {
      cal.createEvent({
        id: uid(c.id, 'decision-window', host),
        start: dateOnly(c.window.from),
        end: dateOnly(addCalendarDays(c.window.to, 1)),
        allDay: true,
        stamp,
        summary: `${words.window} (${c.name})`,
        description: c.window.description,
        url: c.url ?? null,
        categories: [{ name: 'decision_window' }],
      });
    }
  }
  return cal.toString();
}
