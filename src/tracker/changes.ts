import { createHash } from 'node:crypto';

import type { Observation } from '../knowledge/types.js';
import type { EventKind } from '../store/tables/cases.js';

/**
 * Change detection: one pure function with the whole transition table in view.
 *
 * | previous observation | what differs (first match wins)              | event                  |
 * |----------------------|----------------------------------------------|------------------------|
 * | none                 | —                                            | first_seen             |
 * | any                  | status word, decoded state or variant        | status_changed         |
 * | any                  | description text, post or "Case Created"     | text_changed           |
 * | any                  | only "Case Last Updated"                     | last_updated_changed   |
 * | any                  | nothing                                      | (none: still the same) |
 *
 * Failed checks never reach this table: they are attempts (see `healthAfterFailure`).
 */
export interface SeenObservation extends Observation {
  state: string;
  variant: string;
}

export type ChangeKind = Extract<EventKind, 'first_seen' | 'status_changed' | 'text_changed' | 'last_updated_changed'>;

const norm = (s: string | null): string => (s ?? '').replace(/\s+/g, ' ').trim();

export function classifyChange(prev: SeenObservation | null, next: SeenObservation): ChangeKind | null {
  if (prev === null) return 'first_seen';
  if (
    norm(prev.status).toLowerCase() !== norm(next.status).toLowerCase() ||
    prev.state !== next.state ||
    prev.variant !== next.variant
  ) {
    return 'status_changed';
  }
  if (
    norm(prev.message) !== norm(next.message) ||
    norm(prev.post) !== norm(next.post) ||
    prev.caseCreated !== next.caseCreated
  ) {
    return 'text_changed';
  }
  if (prev.caseLastUpdated !== next.caseLastUpdated) return 'last_updated_changed';
  return null;
}

/** Equal hashes mean the page showed the same thing (whitespace aside). */
export function observationHash(o: Observation): string {
  const parts = [
    norm(o.status).toLowerCase(),
    o.caseCreated ?? '',
    o.caseLastUpdated ?? '',
    norm(o.post),
    norm(o.message),
  ];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}

/** The health of a case's checks, as kept on the case row. */
export interface Health {
  failingSince: number | null;
  failingReported: boolean;
}

export interface FailureFacts extends Health {
  now: number;
  /** Last successful check, or null if the case was never checked successfully. */
  lastSuccessAt: number | null;
  /** When the case was added (the clock for a case that never succeeded). */
  createdAt: number;
  failingAfterMs: number;
  outcome: string;
  /** CEAC found this case before: "not found" now is a health problem, not a status. */
  foundBefore: boolean;
}

/**
 * After a failed check: `check_failing` once, when no check has succeeded for `failingAfterMs`, or at
 * once when CEAC stops finding a case it found before.
 */
export function healthAfterFailure(f: FailureFacts): { health: Health; report: boolean } {
  const failingSince = f.failingSince ?? f.now;
  if (f.failingReported) return { health: { failingSince, failingReported: true }, report: false };
  const quietFor = f.now - (f.lastSuccessAt ?? f.createdAt);
  const report = quietFor >= f.failingAfterMs || (f.outcome === 'case_not_found' && f.foundBefore);
  return { health: { failingSince, failingReported: report }, report };
}

/** After a successful check: `check_recovered` if (and only if) `check_failing` was reported. */
export function healthAfterSuccess(h: Health): { health: Health; report: boolean } {
  return { health: { failingSince: null, failingReported: false }, report: h.failingReported };
}
