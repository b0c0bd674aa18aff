import type { DecodeContext, Interpretation, Observation } from '../knowledge/types.js';
import type { CaseContext } from '../store/cases.js';
import type { CaseRow, CaseUpdate, NewEventRow, ObservationRow } from '../store/tables/cases.js';
import {
  classifyChange,
  healthAfterFailure,
  healthAfterSuccess,
  observationHash,
  type SeenObservation,
} from './changes.js';
import type { CheckOutcome } from './outcome.js';
import { nextCheck, type ScheduleDecision } from './schedule.js';

/**
 * What one check means for a case, as plain values: which observation to write (or which one was
 * seen again), which events, and how the case row changes (state, health, next check). Pure: the
 * tracker's writer (tracker.ts `record`) puts the plan in the database in one transaction.
 */

export type Interpret = (observation: Observation, context: DecodeContext) => Interpretation;

export interface CheckFacts {
  /** The case row as it is before this check. */
  row: CaseRow;
  /** Its latest observation (row.last_observation_id), if any. */
  previous: ObservationRow | null;
  outcome: CheckOutcome;
  /** When the check's answer came in (epoch ms). */
  at: number;
  interpret: Interpret;
  /** No successful check for this long reports `check_failing` (once). */
  failingAfterMs: number;
  /** What the schedule needs beyond the case: the post's time zone, the site budget, the jitter. */
  schedule: {
    timeZone: string;
    budget: { requestIntervalMs: number; requestsPerCheck: number; watchedCases: number };
    random: () => number;
    /** The learned density of change times over the week for this post, when there is one. */
    changeTimes?: ArrayLike<number> | null;
  };
}

/** An event to insert; `ofObservation` ones take the new observation's id (and dedupe key) when written. */
export type PlannedEvent = Omit<NewEventRow, 'observation_id' | 'dedupe_key'> & {
  dedupe_key: string | null;
  ofObservation: boolean;
};

export type PlannedObservation =
  /** The page is as last seen: count it on the existing row. */
  | { kind: 'seen_again'; id: number; seenCount: number }
  /** Something changed (or the first sight): a new row. */
  | { kind: 'new'; values: Omit<ObservationRow, 'id' | 'seen_count'> & { seen_count: number } }
  /** A failed check sees nothing. */
  | null;

export interface CheckPlan {
  observation: PlannedObservation;
  events: PlannedEvent[];
  /** The case row's new values; last_observation_id is the writer's (it knows the new row's id). */
  caseUpdate: Omit<CaseUpdate, 'last_observation_id'>;
  decision: ScheduleDecision;
}

const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

const toObservation = (r: ObservationRow): Observation => ({
  status: r.status,
  caseNumber: null,
  caseCreated: r.case_created,
  caseLastUpdated: r.case_last_updated,
  post: r.post,
  message: r.message,
});

/** Does this answer differ from the last one seen (a change the learned schedule learns from)? */
export function isChange(previous: ObservationRow | null, outcome: CheckOutcome): boolean {
  return outcome.kind === 'ok' && previous !== null && previous.content_hash !== observationHash(outcome.observation);
}

export function planCheck(f: CheckFacts): CheckPlan {
  const { row, previous, outcome, at } = f;
  const id = row.id;
  const context = JSON.parse(row.context_json) as CaseContext;
  const events: PlannedEvent[] = [];
  let observation: PlannedObservation = null;
  let state = row.state;
  let variant = row.variant;
  let stateSince = row.state_since;
  let failures = row.failures;
  let health = { failingSince: row.failing_since, failingReported: row.failing_reported === 1 };

  if (outcome.kind === 'ok') {
    const decodeContext: DecodeContext = {
      applicationType: row.app_type,
      today: isoDate(at),
      ...(row.state && { previous: row.state }),
      ...(row.state_since !== null && { since: isoDate(row.state_since) }),
      ...(context.route && { route: context.route }),
      ...(context.slip && { slip: context.slip }),
      ...(context.officer && { officer: context.officer }),
      ...(context.passport && { passport: context.passport }),
    };
    const interpretation = f.interpret(outcome.observation, decodeContext);
    const next: SeenObservation = {
      ...outcome.observation,
      state: interpretation.state,
      variant: interpretation.variant,
    };
    const prev: SeenObservation | null = previous
      ? { ...toObservation(previous), state: previous.state, variant: previous.variant }
      : null;
    const hash = observationHash(outcome.observation);
    if (previous && previous.content_hash === hash) {
      observation = { kind: 'seen_again', id: previous.id, seenCount: previous.seen_count + 1 };
    } else {
      const o = outcome.observation;
      observation = {
        kind: 'new',
        values: {
          case_id: id,
          status: o.status,
          state: next.state,
          variant: next.variant,
          case_created: o.caseCreated,
          case_last_updated: o.caseLastUpdated,
          post: o.post,
          message: o.message,
          content_hash: hash,
          first_seen_at: at,
          last_seen_at: at,
          seen_count: 1,
        },
      };
      const kind = classifyChange(prev, next);
      if (kind) {
        events.push({
          case_id: id,
          kind,
          at,
          from_json: previous ? JSON.stringify(toObservation(previous)) : null,
          to_json: JSON.stringify({ ...o, caseNumber: null }),
          interpretation_json: JSON.stringify(interpretation),
          detail_json: null,
          // The observation row is new for every change, so a flap back to an earlier state is a new
          // event, and a retried check (which finds this observation already recorded) writes none.
          dedupe_key: null,
          ofObservation: true,
          created_at: at,
        });
      }
      if (next.state !== row.state || next.variant !== row.variant) stateSince = at;
    }
    state = next.state;
    variant = next.variant;
    failures = 0;
    const h = healthAfterSuccess(health);
    if (h.report && health.failingSince !== null) {
      events.push(
        healthEvent(id, 'check_recovered', at, health.failingSince, { outcome: 'ok', message: 'checks succeed again' }),
      );
    }
    health = h.health;
  } else {
    failures += 1;
    const h = healthAfterFailure({
      ...health,
      now: at,
      lastSuccessAt: row.last_success_at,
      createdAt: row.created_at,
      failingAfterMs: f.failingAfterMs,
      outcome: outcome.kind,
      foundBefore: row.last_observation_id !== null,
    });
    if (h.report && h.health.failingSince !== null) {
      events.push(
        healthEvent(id, 'check_failing', at, h.health.failingSince, {
          outcome: outcome.kind,
          message: outcome.message,
          failures,
          lastSuccessAt: row.last_success_at,
        }),
      );
    }
    health = h.health;
  }

  const lastFailure = outcome.kind === 'ok' ? null : outcome.kind;
  const keepWatchingFinal = context.keepWatching === true;
  // CEAC has no case with these details (a mistyped number or passport, or a purged case): asking again
  // changes nothing, so automatic checks wait until the owner edits the details (which clears this).
  const rejected = outcome.kind === 'case_not_found' || outcome.kind === 'invalid_case_number';
  const decision: ScheduleDecision = rejected
    ? { at: null, reason: 'not_found_paused' }
    : row.watching === 1
      ? nextCheck({ now: at, state, stateSince, failures, lastFailure, keepWatchingFinal, ...f.schedule })
      : { at: null, reason: 'not_watching' };

  return {
    observation,
    events,
    decision,
    caseUpdate: {
      state,
      variant,
      state_since: stateSince,
      failures,
      last_attempt_at: at,
      ...(outcome.kind === 'ok' && { last_success_at: at }),
      last_outcome: outcome.kind,
      failing_since: health.failingSince,
      failing_reported: health.failingReported ? 1 : 0,
      next_check_at: decision.at,
      schedule_reason: decision.reason,
      watching: row.watching === 1 && (decision.at !== null || rejected) ? 1 : 0,
      details_rejected_at: rejected ? at : outcome.kind === 'ok' ? null : row.details_rejected_at,
      updated_at: at,
    },
  };
}

function healthEvent(
  caseId: number,
  kind: 'check_failing' | 'check_recovered',
  at: number,
  failingSince: number,
  detail: object,
): PlannedEvent {
  return {
    case_id: caseId,
    kind,
    at,
    from_json: null,
    to_json: null,
    interpretation_json: null,
    detail_json: JSON.stringify(detail),
    dedupe_key: `${String(caseId)}:${kind}:${String(failingSince)}`,
    ofObservation: false,
    created_at: at,
  };
}
