/**
 * The scheduling policy: one pure function from what we know about a case to when to look next.
 *
 * Why these numbers: consulates move cases during their working day (and their systems publish in the
 * hours just after), almost never at night or on weekends. So we look often in the post's business
 * hours, less in the evening, and only occasionally at night, making sure to look right when the next
 * working day starts. A case that has sat in one state for months changes less often than one that
 * moved last week; Approved usually becomes Issued within days. Final states get only a slow
 * heartbeat, and Issued stops after 14 days unless the user asks to keep watching.
 */

import { allocateChecks, type AllocationOptions, hoursUntil } from './allocation.js';
import { hourOfWeek } from './change-times.js';
import { type ScheduleReason, type ScheduleReasonCode, stretched } from './schedule-reason.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export interface ScheduleInput {
  now: number;
  /** Canonical state of the latest observation; null when the case was never seen. */
  state: string | null;
  /** When the current state was first seen. */
  stateSince: number | null;
  /** IANA time zone of the post (src/knowledge/locations.ts); US Eastern when unknown. */
  timeZone: string;
  /** Consecutive failed checks, and the kind of the last one. */
  failures: number;
  lastFailure?: string | null;
  /** The site budget: no schedule can ask for more checks than the site allows for every case. */
  budget: { requestIntervalMs: number; requestsPerCheck: number; watchedCases: number };
  /** Keep a slow heartbeat on Issued beyond 14 days. */
  keepWatchingFinal?: boolean;
  /** Uniform [0,1): the jitter's source, injected so the policy stays pure and testable. */
  random: () => number;
  /**
   * The learned change-time density of the post (168 local hour-of-week bins, change-times.ts). When
   * given, checks are spread over the week by allocation.ts (√f with a floor) instead of by the fixed
   * business-hours assumption below; with nothing learned yet it is that assumption blended with uniform.
   */
  changeTimes?: ArrayLike<number> | null;
  /** Overrides of the learned allocation's knobs (the replay bench tunes them). */
  allocation?: AllocationOptions;
}

export type ScheduleDecision = { at: number; reason: ScheduleReason } | { at: null; reason: ScheduleReason };

export type Period = 'business' | 'evening' | 'quiet';

/** Weekdays 08:00–18:00 at the post: business; 18:00–21:00: evening; else (and weekends): quiet. */
export const BUSINESS_START_MIN = 8 * 60;
export const BUSINESS_END_MIN = 18 * 60;
export const EVENING_END_MIN = 21 * 60;

const ISSUED_STOP_AFTER = 14 * DAY;
const QUIET_HEARTBEAT = 8 * HOUR;

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** Local weekday (1 = Monday … 7 = Sunday) and minute of the day at `now` in `timeZone`. */
export function localClock(now: number, timeZone: string): { weekday: number; minute: number } {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  let weekday = 1;
  let hour = 0;
  let minute = 0;
  for (const p of f.formatToParts(now)) {
    if (p.type === 'weekday') weekday = WEEKDAYS[p.value] ?? 1;
    else if (p.type === 'hour') hour = Number(p.value);
    else if (p.type === 'minute') minute = Number(p.value);
  }
  return { weekday, minute: hour * 60 + minute };
}

export function periodAt(now: number, timeZone: string): Period {
  const { weekday, minute } = localClock(now, timeZone);
  if (weekday > 5) return 'quiet';
  if (minute >= BUSINESS_START_MIN && minute < BUSINESS_END_MIN) return 'business';
  if (minute >= BUSINESS_END_MIN && minute < EVENING_END_MIN) return 'evening';
  return 'quiet';
}

/**
 * Milliseconds from `now` to the start of the post's next business day (08:00 local). Computed on the
 * local wall clock, so across a DST switch it can be an hour off — harmless for a schedule.
 */
export function untilNextBusinessStart(now: number, timeZone: string): number {
  const { weekday, minute } = localClock(now, timeZone);
  for (let d = 0; d <= 7; d++) {
    const wd = ((weekday - 1 + d) % 7) + 1;
    if (wd > 5) continue;
    const minutes = d * 1440 + BUSINESS_START_MIN - minute;
    if (minutes > 0) return minutes * MINUTE;
  }
  return DAY;
}

type Activity = 'imminent' | 'active' | 'dormant' | 'final';

/** How likely a change is soon, by state. */
export function activityOf(state: string | null): Activity {
  switch (state) {
    case 'approved':
      return 'imminent';
    case 'issued':
      return 'final';
    case 'no_status':
    case 'at_nvc':
    case 'transfer_in_progress':
      return 'dormant';
    default:
      return 'active';
  }
}

/** Interval during business hours, by activity and time already spent in the state. */
function businessInterval(activity: Activity, age: number): number {
  if (activity === 'imminent') return 15 * MINUTE;
  if (activity === 'dormant') return 30 * MINUTE;
  if (age < 90 * DAY) return 20 * MINUTE;
  return 50 * MINUTE;
}

/**
 * Checks per case per day under a learned schedule, by the state's own hazard: for a state left after
 * a mean stay T, the same Lagrange argument as allocation.ts (delay per change ∝ 1/r, cost ∝ r·T)
 * gives r ∝ 1/√T, so Approved (≈ 2 days) would get √6 ≈ 2.5× a 12-day state; a state held for months
 * less. Pure 1/√T lengthens the tail for the long states, so the spread is damped (measured in the
 * replay bench: Approved 24, a fresh state 17, one held for over 90 days 10). No Status and At NVC
 * count as fresh: in the replay a No Status case moves as soon as any other.
 */
export const CHECKS_PER_DAY: Record<'imminent' | 'active' | 'old' | 'dormant', number> = {
  imminent: 24,
  active: 17,
  old: 10,
  dormant: 17,
};

function checksPerDay(activity: Activity, age: number): number {
  if (activity === 'imminent') return CHECKS_PER_DAY.imminent;
  if (activity === 'dormant') return CHECKS_PER_DAY.dormant;
  return age < 90 * DAY ? CHECKS_PER_DAY.active : CHECKS_PER_DAY.old;
}

const allocations = new WeakMap<object, Map<string, Float64Array>>();

/** The hourly check rates for a density and a daily budget; cached per density object (a model refresh makes a new one). */
function ratesFor(density: ArrayLike<number>, perDay: number, options: AllocationOptions | undefined): Float64Array {
  let byBudget = allocations.get(density);
  if (!byBudget) allocations.set(density, (byBudget = new Map<string, Float64Array>()));
  const key = `${String(perDay)}|${String(options?.power)}|${String(options?.floorShare)}`;
  let rates = byBudget.get(key);
  if (!rates) byBudget.set(key, (rates = allocateChecks(smoothed(density), perDay * 7, options)));
  return rates;
}

/**
 * The density averaged with its neighbouring hours (¼, ½, ¼; circular) before the allocation: a bin
 * estimated from a handful of changes is noisy, and √f turns that noise into uneven gaps, which the
 * p90 delay pays for (measured in the replay bench). An hour either side costs a sharp window little.
 */
function smoothed(d: ArrayLike<number>): Float64Array {
  const n = d.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++)
    out[i] = 0.25 * (d[(i + n - 1) % n] ?? 0) + 0.5 * (d[i] ?? 0) + 0.25 * (d[(i + 1) % n] ?? 0);
  return out;
}

function failureBackoff(failures: number, kind: string | null | undefined): { ms: number; reason: ScheduleReasonCode } {
  const n = Math.max(0, failures - 1);
  switch (kind) {
    case 'captcha_rejected':
      return { ms: Math.min(MINUTE * 2 ** n, 30 * MINUTE), reason: 'retry_captcha' };
    case 'blocked':
      return { ms: Math.min(30 * MINUTE * 2 ** n, 12 * HOUR), reason: 'blocked' };
    case 'challenge':
      return { ms: Math.min(30 * MINUTE * 2 ** n, 12 * HOUR), reason: 'challenge' };
    case 'maintenance':
      return { ms: 30 * MINUTE, reason: 'maintenance' };
    case 'invalid_case_number':
    case 'case_not_found':
      return { ms: Math.min(HOUR * 2 ** n, 24 * HOUR), reason: 'unknown_case' };
    default:
      return { ms: Math.min(2 * MINUTE * 2 ** n, 2 * HOUR), reason: 'retry_failed' };
  }
}

/** ±10% jitter, so cases added together do not stay in lockstep. */
function jittered(ms: number, random: () => number): number {
  return Math.round(ms * (0.9 + 0.2 * random()));
}

export function nextCheck(input: ScheduleInput): ScheduleDecision {
  const { now, state, random } = input;
  const floor = input.budget.watchedCases * input.budget.requestIntervalMs * input.budget.requestsPerCheck;
  const bounded = (ms: number, reason: ScheduleReasonCode): ScheduleDecision =>
    ms < floor ? { at: now + jittered(floor, random), reason: stretched(reason) } : { at: now + ms, reason };

  if (input.failures > 0) {
    const b = failureBackoff(input.failures, input.lastFailure);
    return bounded(jittered(b.ms, random), b.reason);
  }
  if (state === null) return { at: now, reason: 'never_checked' };

  const age = input.stateSince === null ? 0 : Math.max(0, now - input.stateSince);
  const activity = activityOf(state);
  if (activity === 'final') {
    if (age >= ISSUED_STOP_AFTER && !input.keepWatchingFinal) return { at: null, reason: 'issued_stopped' };
    return bounded(jittered(DAY, random), 'final_heartbeat');
  }

  if (input.changeTimes) {
    const rates = ratesFor(input.changeTimes, checksPerDay(activity, age), input.allocation);
    const hours = hoursUntil(rates, hourOfWeek(now, input.timeZone), 0.9 + 0.2 * random());
    return bounded(Math.round(hours * HOUR), 'learned_spread');
  }

  const period = periodAt(now, input.timeZone);
  const business = businessInterval(activity, age);
  if (period === 'business') return bounded(jittered(business, random), 'business_hours');
  if (period === 'evening') return bounded(jittered(Math.max(business * 2, 45 * MINUTE), random), 'evening');
  // Quiet: one look at the start of the next business day (a few minutes in, spread by jitter),
  // or a heartbeat if that is far away (a long weekend should still see a check or two).
  const untilOpen = untilNextBusinessStart(now, input.timeZone);
  if (untilOpen <= QUIET_HEARTBEAT) {
    return bounded(untilOpen + Math.round(random() * 10 * MINUTE), 'next_morning');
  }
  return bounded(jittered(QUIET_HEARTBEAT, random), 'quiet_heartbeat');
}
