/**
 * The anonymized timeline: what one case went through, with nothing that identifies the person
 * (no case number, passport, name, nickname or e-mail). Statistics are computed from these only.
 */
import { AppError } from '../errors.js';
import type { Route, SlipColor, State } from '../knowledge/types.js';

export const TIMELINE_SOURCES = ['watched', 'manual', 'checkee', 'text'] as const;
export type TimelineSource = (typeof TIMELINE_SOURCES)[number];

export type Entry = 'new' | 'renewal';

/** `cleared` is checkee's "Clear" (administrative processing ended); `issued` is a visa in hand. */
export const OUTCOMES = ['issued', 'cleared', 'refused', 'pending'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const EVENT_KINDS = [
  'submitted',
  'interview',
  'case_created',
  'status',
  'last_updated',
  'slip_221g',
  'documents_requested',
  'documents_submitted',
  'passport_returned',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface TimelineEvent {
  /** YYYY-MM-DD */
  date: string;
  kind: EventKind;
  /** For kind `status`: the decoder's state id. */
  status?: State;
  /** For kind `slip_221g`: the slip colour when known. */
  color?: SlipColor;
}

export interface Timeline {
  source: TimelineSource;
  /**
   * Identifies the same case across imports (for dedupe and updates), derived so that it reveals
   * nothing: a hash, or the source's own opaque row id.
   */
  sourceKey: string;
  visaClass: string | null;
  entry: Entry | null;
  route: Route | null;
  /** CEAC location code (e.g. BEJ) when known; otherwise the post name as the source gave it. */
  post: string | null;
  /** When the wait began: the 221(g)/refusal date or checkee's check date. YYYY-MM-DD. */
  startDate: string;
  outcome: Outcome;
  /**
   * The decision date, or for a pending case the last date it was known to be pending (its last
   * update, not the date we happened to import it: see censoringDate in checkee.ts).
   */
  outcomeDate: string;
  events: TimelineEvent[];
  /** Free text the person wrote for sharing; always shown escaped. */
  note?: string | null;
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a valid YYYY-MM-DD, else null (rejects 2025-02-30). */
export function dayNumber(date: string): number | null {
  const m = ISO_DATE.exec(date);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(ms);
  if (
    back.getUTCFullYear() !== Number(m[1]) ||
    back.getUTCMonth() !== Number(m[2]) - 1 ||
    back.getUTCDate() !== Number(m[3])
  ) {
    return null;
  }
  return ms / DAY_MS;
}

export function isIsoDate(date: string): boolean {
  return dayNumber(date) !== null;
}

export function dateFromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const d = dayNumber(date);
  if (d === null) throw new RangeError(`not a date: ${date}`);
  return dateFromDayNumber(d + days);
}

/** Whole days from start to the decision (or to the last date known pending). */
export function waitDays(t: Pick<Timeline, 'startDate' | 'outcomeDate'>): number {
  const a = dayNumber(t.startDate);
  const b = dayNumber(t.outcomeDate);
  if (a === null || b === null)
    throw new RangeError(`timeline dates must be YYYY-MM-DD (got ${t.startDate}, ${t.outcomeDate})`);
  return b - a;
}

/** The survival outcome code: 0 still pending (censored), 1 issued/cleared, 2 refused. */
export function causeOf(outcome: Outcome): 0 | 1 | 2 {
  return outcome === 'pending' ? 0 : outcome === 'refused' ? 2 : 1;
}

export class InvalidTimelineError extends AppError {
  override name = 'InvalidTimelineError';
  override readonly code = 'invalid_timeline';
}

/** Checks what storage and statistics rely on; throws with every problem named. */
export function validateTimeline(t: Timeline): void {
  const problems: string[] = [];
  if (!TIMELINE_SOURCES.includes(t.source)) problems.push(`source must be one of ${TIMELINE_SOURCES.join(', ')}`);
  if (!t.sourceKey) problems.push('sourceKey is empty');
  if (!isIsoDate(t.startDate)) problems.push(`start date "${t.startDate}" is not a YYYY-MM-DD date`);
  if (!isIsoDate(t.outcomeDate)) problems.push(`outcome date "${t.outcomeDate}" is not a YYYY-MM-DD date`);
  if (!OUTCOMES.includes(t.outcome)) problems.push(`outcome must be one of ${OUTCOMES.join(', ')}`);
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- validates values from outside the type system (imports, the API)
  if (t.entry !== null && t.entry !== 'new' && t.entry !== 'renewal') problems.push('entry must be new or renewal');
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- validates values from outside the type system (imports, the API)
  if (t.route !== null && t.route !== 'dropbox' && t.route !== 'interview')
    problems.push('route must be dropbox or interview');
  if (problems.length === 0 && waitDays(t) < 0)
    problems.push(`outcome date ${t.outcomeDate} is before the start ${t.startDate}`);
  for (const e of t.events) {
    if (!isIsoDate(e.date)) problems.push(`event date "${e.date}" is not a YYYY-MM-DD date`);
    if (!EVENT_KINDS.includes(e.kind)) problems.push(`event kind "${e.kind}" is unknown`);
  }
  if (problems.length) throw new InvalidTimelineError(`invalid timeline: ${problems.join('; ')}`);
}
