import type { Observation } from '../knowledge/types.js';

/** What every outcome carries: plain words without personal data, and what the check cost. */
export interface CheckCost {
  message: string;
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
    ? Omit<O, keyof CheckCost> & { message?: string }
    : never
  : never;

/** The outcome kinds worth trying again later (the site or the network had a bad moment). */
export const TRANSIENT_KINDS: readonly CheckOutcomeKind[] = [
  'captcha_rejected',
  'maintenance',
  'timeout',
  'http_error',
];

export function defaultMessage(v: Verdict, timeoutMs: number): string {
  switch (v.kind) {
    case 'ok':
      return (
        `CEAC shows "${v.observation.status ?? '(no status word)'}"` +
        (v.observation.caseLastUpdated ? `, last updated ${v.observation.caseLastUpdated}` : '')
      );
    case 'captcha_rejected':
      return 'CEAC did not accept the captcha answer';
    case 'case_not_found':
      return 'CEAC found no case with these details: check the ID, the location, the passport number and the surname';
    case 'invalid_case_number':
      return 'CEAC says the application ID or case number is invalid';
    case 'blocked':
      return "CEAC's firewall (Cloudflare) refused the request: wait before checking again, the block usually lifts after a while";
    case 'challenge':
      return "CEAC's firewall asked for a browser challenge that this connection cannot pass: use a real browser (CEAC_BROWSER) or another network";
    case 'maintenance':
      return 'CEAC is unavailable (a maintenance page instead of the status form): try again later';
    case 'layout_changed':
      return 'CEAC answered with a page this version does not recognise (the site may have changed); the page is kept for diagnosis';
    case 'timeout':
      return `CEAC did not answer within ${Math.round(timeoutMs / 100) / 10} s`;
    case 'http_error':
      return v.status === 0
        ? 'the connection to CEAC failed (refused, reset or dropped)'
        : `CEAC answered with HTTP error ${v.status}`;
    case 'wrong_case':
      return 'CEAC answered about a different case than the one asked for; the answer was discarded';
  }
}
