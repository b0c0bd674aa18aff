import { EVENT_KINDS, type EventKind } from './types.js';

/**
 * The delivery rules, pure: which channel gets which event and when. Kept in one place so that the
 * whole table is in view.
 */

/**
 * What a new channel receives unless told otherwise: status changes, the first look, health alarms and deadline
 * reminders. Clearance waves are news about other people's cases: only on request (`--events waves`).
 */
export const DEFAULT_EVENT_KINDS: readonly EventKind[] = [
  'first_seen',
  'status_changed',
  'check_failing',
  'check_recovered',
  'reminder',
];

/** Short names people type in `--events`, each standing for one or more kinds. */
const ALIASES: Record<string, readonly EventKind[]> = {
  status: ['status_changed'],
  first: ['first_seen'],
  text: ['text_changed'],
  updated: ['last_updated_changed'],
  'last-updated': ['last_updated_changed'],
  health: ['check_failing', 'check_recovered'],
  reminders: ['reminder'],
  wave: ['clearance_wave'],
  waves: ['clearance_wave'],
  all: EVENT_KINDS,
  default: DEFAULT_EVENT_KINDS,
};

export function parseEventKinds(text: string): { ok: true; kinds: EventKind[] } | { ok: false; error: string } {
  const kinds = new Set<EventKind>();
  for (const word of text
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean)) {
    const alias = ALIASES[word];
    if (alias) alias.forEach((k) => kinds.add(k));
    else if ((EVENT_KINDS as readonly string[]).includes(word)) kinds.add(word as EventKind);
    else {
      return {
        ok: false,
        error: `unknown event kind "${word}"; use ${Object.keys(ALIASES).join(', ')} or one of ${EVENT_KINDS.join(', ')}`,
      };
    }
  }
  if (kinds.size === 0) return { ok: false, error: 'give at least one event kind, e.g. --events status,text' };
  return { ok: true, kinds: EVENT_KINDS.filter((k) => kinds.has(k)) };
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export interface QuietHours {
  start: string;
  end: string;
}

export function parseQuietHours(text: string): { ok: true; quiet: QuietHours } | { ok: false; error: string } {
  const m = /^\s*(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})\s*$/.exec(text);
  const pad = (s: string) => (s.length === 4 ? `0${s}` : s);
  const start = m?.[1] ? pad(m[1]) : '';
  const end = m?.[2] ? pad(m[2]) : '';
  if (!HHMM.test(start) || !HHMM.test(end)) {
    return { ok: false, error: `quiet hours "${text}" should be HH:MM-HH:MM in 24-hour time, e.g. 22:00-07:00` };
  }
  if (start === end) return { ok: false, error: 'quiet hours must not start and end at the same time' };
  return { ok: true, quiet: { start, end } };
}

export function isValidTimeOfDay(text: string): boolean {
  return HHMM.test(text);
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Minutes since local midnight at `at` in `zone`, and the zone's UTC offset then (ms). */
function localClock(at: number, zone: string): { minutes: number; offsetMs: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return { minutes: get('hour') * 60 + get('minute'), offsetMs: asUtc - (at - (at % 1000)) };
}

/**
 * The first instant at or after `at` when the local clock in `zone` shows `hhmm` (to the minute).
 * Moves by wall-clock minutes, then corrects for a change of UTC offset (DST) in between.
 */
export function nextLocalTime(at: number, hhmm: string, zone: string): number {
  const now = localClock(at, zone);
  const wait = (minutesOf(hhmm) - now.minutes + 1440) % 1440;
  const startOfMinute = at - (at % 60_000);
  let candidate = startOfMinute + wait * 60_000;
  const then = localClock(candidate, zone);
  candidate += now.offsetMs - then.offsetMs;
  return candidate < at ? candidate + 86_400_000 : candidate;
}

/** Whether `at` falls in the quiet hours (start inclusive, end exclusive; windows may cross midnight). */
export function inQuietHours(at: number, quiet: QuietHours, zone: string): boolean {
  const m = localClock(at, zone).minutes;
  const s = minutesOf(quiet.start);
  const e = minutesOf(quiet.end);
  return s < e ? m >= s && m < e : m >= s || m < e;
}

/** When a notification due at `at` may go out: `at` itself, or the end of the quiet hours it falls in. */
export function releaseTime(at: number, quiet: QuietHours | null, zone: string): number {
  if (!quiet || !inQuietHours(at, quiet, zone)) return at;
  return nextLocalTime(at, quiet.end, zone);
}

/** A channel's rules, as the routing needs them. */
export interface ChannelRules {
  events: readonly EventKind[];
  quiet: QuietHours | null;
  timeZone: string;
  digest: boolean;
  digestAt: string;
}

export interface Route {
  digest: boolean;
  nextAttemptAt: number;
  holdReason: string | null;
}

/**
 * Whether and when one event goes to one channel. "Case Last Updated"-only changes go to the daily
 * digest when the channel has one (whatever its event kinds say); every other kind goes out at once
 * if the channel takes it, held to the end of quiet hours.
 */
export function routeEvent(kind: EventKind, rules: ChannelRules, now: number): Route | null {
  if (kind === 'last_updated_changed' && rules.digest) {
    const at = releaseTime(nextLocalTime(now, rules.digestAt, rules.timeZone), rules.quiet, rules.timeZone);
    return { digest: true, nextAttemptAt: at, holdReason: 'digest' };
  }
  if (!rules.events.includes(kind)) return null;
  const at = releaseTime(now, rules.quiet, rules.timeZone);
  return { digest: false, nextAttemptAt: at, holdReason: at > now ? 'quiet hours' : null };
}

export interface BackoffOptions {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 30_000, capMs: 6 * 3_600_000 };

/**
 * Wait before the next try after `attempts` failed ones: exponential, capped, with "equal jitter"
 * (half fixed, half random) so that many deliveries failing together do not retry together.
 */
export function backoffDelay(
  attempts: number,
  options: BackoffOptions = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const exp = Math.min(options.capMs, options.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exp / 2 + (random() * exp) / 2);
}
