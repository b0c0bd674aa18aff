/**
 * Why the next check is when it is, as a stable code stored with the case (cases.schedule_reason) and put into words
 * by each shell in its reader's language. A code may carry `+budget` when the site budget stretched the interval.
 * Rows written before the codes hold the English sentence: those still read, and text we do not know shows as is.
 */
import { type Msg, msg } from '../i18n/catalog.js';

export const SCHEDULE_REASONS = [
  'never_checked',
  'not_watching',
  'check_requested',
  'details_changed',
  'not_found_paused',
  'retry_captcha',
  'blocked',
  'challenge',
  'maintenance',
  'unknown_case',
  'retry_failed',
  'issued_stopped',
  'final_heartbeat',
  'learned_spread',
  'business_hours',
  'evening',
  'next_morning',
  'quiet_heartbeat',
] as const;

export type ScheduleReasonCode = (typeof SCHEDULE_REASONS)[number];

/** What is stored: a code, and whether the site budget stretched the interval. */
export type ScheduleReason = ScheduleReasonCode | `${ScheduleReasonCode}+budget`;

export const BUDGET_SUFFIX = '+budget';

export function stretched(code: ScheduleReasonCode): ScheduleReason {
  return `${code}${BUDGET_SUFFIX}` as ScheduleReason;
}

const MESSAGES: Record<ScheduleReasonCode, Msg> = {
  never_checked: msg('track.schedule.never_checked'),
  not_watching: msg('track.schedule.not_watching'),
  check_requested: msg('track.schedule.check_requested'),
  details_changed: msg('track.schedule.details_changed'),
  not_found_paused: msg('track.schedule.not_found_paused'),
  retry_captcha: msg('track.schedule.retry_captcha'),
  blocked: msg('track.schedule.blocked'),
  challenge: msg('track.schedule.challenge'),
  maintenance: msg('track.schedule.maintenance'),
  unknown_case: msg('track.schedule.unknown_case'),
  retry_failed: msg('track.schedule.retry_failed'),
  issued_stopped: msg('track.schedule.issued_stopped'),
  final_heartbeat: msg('track.schedule.final_heartbeat'),
  learned_spread: msg('track.schedule.learned_spread'),
  business_hours: msg('track.schedule.business_hours'),
  evening: msg('track.schedule.evening'),
  next_morning: msg('track.schedule.next_morning'),
  quiet_heartbeat: msg('track.schedule.quiet_heartbeat'),
};

/** The reason beside what it explains ("next check … (business hours at the post)"), as each language sets it. */
export const reasonAside = (reason: Msg | string): Msg => msg('track.schedule.aside', { reason });

/** The English sentences stored before the codes (rows written by earlier versions). */
const LEGACY: Readonly<Record<string, ScheduleReasonCode>> = {
  'never checked': 'never_checked',
  'not watching': 'not_watching',
  'check requested': 'check_requested',
  'details changed': 'details_changed',
  'CEAC found no case with these details; checks resume when they are edited': 'not_found_paused',
  'retry after a rejected captcha': 'retry_captcha',
  'CEAC refused us: backing off': 'blocked',
  'CEAC asks for a browser (Cloudflare challenge): backing off': 'challenge',
  'CEAC is in maintenance': 'maintenance',
  'CEAC does not know this case: retrying slowly': 'unknown_case',
  'retry with backoff after a failed check': 'retry_failed',
  'issued for 14 days: stopped': 'issued_stopped',
  'final state: daily heartbeat': 'final_heartbeat',
  'spread over the week by when changes happen at this post': 'learned_spread',
  'business hours at the post': 'business_hours',
  'evening at the post': 'evening',
  'next business morning at the post': 'next_morning',
  'night or weekend at the post: heartbeat': 'quiet_heartbeat',
};
const LEGACY_BUDGET = ' (stretched to fit the site budget)';

const isCode = (s: string): s is ScheduleReasonCode => (SCHEDULE_REASONS as readonly string[]).includes(s);

/** A stored reason as a message; text that is neither a code nor a sentence we once wrote comes back as is. */
export function scheduleReasonMessage(stored: string): Msg | string {
  let base = stored;
  let budget = false;
  if (base.endsWith(BUDGET_SUFFIX)) {
    base = base.slice(0, -BUDGET_SUFFIX.length);
    budget = true;
  } else if (base.endsWith(LEGACY_BUDGET)) {
    base = base.slice(0, -LEGACY_BUDGET.length);
    budget = true;
  }
  const code = isCode(base) ? base : LEGACY[base];
  if (!code) return stored;
  return budget ? msg('track.schedule.stretched', { reason: MESSAGES[code] }) : MESSAGES[code];
}
