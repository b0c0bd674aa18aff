import type { Observation } from '../knowledge/types.js';

/**
 * The tracker's view of one CEAC check: the CEAC client's `check(query)` (src/ceac) has exactly this
 * shape. Declared here structurally so the tracker depends on the contract, not on the client's
 * internals, and runs against any source with the same answers (the simulator, a recorded session).
 */
export interface CaseQuery {
  app: 'NIV' | 'IV';
  location?: string;
  id: string;
  passport?: string;
  surname?: string;
}

interface OutcomeBase {
  message: string;
  attempts: number;
  durationMs: number;
  requests: number;
}

export type CheckOutcome = OutcomeBase &
  (
    | { kind: 'ok'; observation: Observation; applicationName?: string | null }
    | { kind: 'captcha_rejected' }
    | { kind: 'case_not_found' }
    | { kind: 'invalid_case_number' }
    | { kind: 'blocked' }
    | { kind: 'maintenance' }
    | { kind: 'layout_changed'; body: string }
    | { kind: 'timeout' }
    | { kind: 'http_error'; status: number }
    | { kind: 'wrong_case'; returned: string | null }
  );

export type FailureKind = Exclude<CheckOutcome['kind'], 'ok'>;

export type CheckFn = (query: CaseQuery) => Promise<CheckOutcome>;
