import { type Msg, msg } from '../i18n/catalog.js';
import { english } from '../i18n/translator.js';
import type { Observation } from '../knowledge/types.js';

/** What every outcome carries: plain words without personal data, and what the check cost. */
export interface CheckCost {
  /** Why, in English (logs and the stored attempt). */
  message: string;
  /** Why, as a message each shell words in its reader's language (absent on outcomes built outside the client). */
  words?: Msg;
  /** Form-captcha-submit rounds started (a new captcha or a retry after a 5xx starts a new one). */
  attempts: number;
  durationMs: number;
  /** HTTP requests sent. */
  requests: number;
}

/**
 * One check's result. Only `ok` carries a status; every other kind is a failed check that must never
 * be recorded or notified as a status. `http_error` with status 0 means no HTTP answer at all
 * (connection refused, reset or dropped).
 */
export type CheckOutcome = CheckCost &
  (
    | { kind: 'ok'; observation: Observation; applicationName: string | null }
    | { kind: 'captcha_rejected' }
    | { kind: 'case_not_found' }
    | { kind: 'invalid_case_number' }
    | { kind: 'blocked' }
    | { kind: 'challenge' }
    | { kind: 'maintenance' }
    | { kind: 'layout_changed'; body: string }
    | { kind: 'timeout' }
    | { kind: 'http_error'; status: number }
    | { kind: 'wrong_case'; returned: string }
  );

export type CheckOutcomeKind = CheckOutcome['kind'];

/** Outcomes before the cost is added. */
export type Verdict = CheckOutcome extends infer O
  ? O extends CheckOutcome
    ? Omit<O, keyof CheckCost> & { words?: Msg }
    : never
  : never;

/**
 * Outcomes about the site and this network, not about a case: recorded once for the site, never as
 * a case's status or fault.
 */
export const SITE_LEVEL_KINDS: readonly CheckOutcomeKind[] = ['blocked', 'challenge'];

/** The outcome kinds worth trying again later (the site or the network had a bad moment). */
export const TRANSIENT_KINDS: readonly CheckOutcomeKind[] = [
  'captcha_rejected',
  'maintenance',
  'timeout',
  'http_error',
];

/** Why a check ended as it did, in words any shell can put in its reader's language. */
export function defaultWords(v: Verdict, timeoutMs: number): Msg {
  switch (v.kind) {
    case 'ok':
      return v.observation.caseLastUpdated
        ? msg('ceac.outcome.okUpdated', {
            status: v.observation.status ?? msg('ceac.outcome.noStatusWord'),
            date: v.observation.caseLastUpdated,
          })
        : msg('ceac.outcome.ok', { status: v.observation.status ?? msg('ceac.outcome.noStatusWord') });
    case 'captcha_rejected':
      return msg('ceac.outcome.captcha_rejected');
    case 'case_not_found':
      return msg('ceac.outcome.case_not_found');
    case 'invalid_case_number':
      return msg('ceac.outcome.invalid_case_number');
    case 'blocked':
      return msg('ceac.outcome.blocked');
    case 'challenge':
      return msg('ceac.outcome.challenge');
    case 'maintenance':
      return msg('ceac.outcome.maintenance');
    case 'layout_changed':
      return msg('ceac.outcome.layout_changed');
    case 'timeout':
      return msg('ceac.outcome.timeout', { seconds: Math.round(timeoutMs / 100) / 10 });
    case 'http_error':
      return v.status === 0 ? msg('ceac.outcome.connection') : msg('ceac.outcome.http_error', { status: v.status });
    case 'wrong_case':
      return msg('ceac.outcome.wrong_case');
  }
}

/** The same in English, as logs and the stored attempt keep it. */
export function defaultMessage(v: Verdict, timeoutMs: number): string {
  return english(defaultWords(v, timeoutMs));
}
