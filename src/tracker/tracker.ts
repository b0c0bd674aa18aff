import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Logger } from 'pino';

import { locationByCode } from '../knowledge/locations.js';
import type { DecodeContext, Interpretation, Observation } from '../knowledge/types.js';
import { maskCaseNumber } from '../log.js';
import type { CaseContext, EventView, ObservationView } from '../store/cases.js';
import { CaseNotFoundError, eventView, observationView } from '../store/cases.js';
import type { Store } from '../store/db.js';
import type { Database } from '../store/schema.js';
import type { Sealer } from '../store/seal.js';
import type { CaseRow, EventRow, NewEventRow, ObservationRow } from '../store/tables/cases.js';
import {
  classifyChange,
  healthAfterFailure,
  healthAfterSuccess,
  observationHash,
  type SeenObservation,
} from './changes.js';
import type { CaseQuery, CheckFn, CheckOutcome } from './outcome.js';
import { HOUR, MINUTE, nextCheck } from './schedule.js';

/**
 * The tracker: checks a case, records what it learned (an observation, events, an attempt) in one
 * transaction, and schedules the next check. A failed check is an attempt and nothing else.
 */

export type Interpret = (observation: Observation, context: DecodeContext) => Interpretation;
export type OnEvents = (trx: Transaction<Database>, events: EventRow[]) => Promise<void>;

export interface TrackerOptions {
  store: Store;
  sealer: Sealer;
  check: CheckFn;
  /** The decoder (src/decode `interpret`). */
  interpret: Interpret;
  /** Called inside the transaction that inserted the events (the notification outbox is written there). */
  onEvents?: OnEvents;
  /** The post's IANA time zone for a CEAC location code. */
  timeZoneOf?: (location: string | null) => string;
  now?: () => number;
  random?: () => number;
  logger?: Logger;
  /** No successful check for this long records `check_failing` (once). Default 6 hours. */
  failingAfterMs?: number;
  /** The site budget the schedule must fit in. */
  budget?: { requestIntervalMs: number; requestsPerCheck?: number };
  /** How long a claimed case stays out of the due list while its check runs (crash recovery). */
  leaseMs?: number;
}

export interface CheckReport {
  caseId: number;
  outcome: CheckOutcome['kind'];
  message: string;
  durationMs: number;
  requests: number;
  observation: ObservationView | null;
  /** Events recorded by this check (none when nothing changed or the check failed). */
  events: EventView[];
  nextCheckAt: number | null;
  scheduleReason: string;
}

export interface RunSummary {
  picked: number;
  ok: number;
  failed: number;
  events: number;
}

export interface RunDueOptions {
  concurrency?: number;
  onReport?: (r: CheckReport) => void;
  /** Once aborted, checks in progress finish and the claimed cases not yet started are released. */
  signal?: AbortSignal;
}

export interface Tracker {
  /** Checks a case now, whatever its schedule says (the client's request budget still applies). */
  checkCase(id: number): Promise<CheckReport>;
  /** Claims up to `limit` due cases (moving them out of the due list for the lease time). */
  claimDue(limit: number): Promise<number[]>;
  /** Claims due cases and checks them, `concurrency` at a time. */
  runDue(limit: number, options?: RunDueOptions): Promise<RunSummary>;
  /** When the earliest scheduled check is due, or null when nothing is scheduled. */
  nextDueAt(): Promise<number | null>;
  /**
   * Deletes check attempts older than `keepMs` (default 30 days): every check adds one, so at scale
   * they would outgrow everything else. Observations and events are the history and are kept.
   */
  pruneAttempts(keepMs?: number): Promise<number>;
}

/** The due-pick query: served by the `cases_next_check_at` index, never a table scan. */
export function selectDue(db: Kysely<Database>, now: number, limit: number) {
  return db.selectFrom('cases').select('id').where('next_check_at', '<=', now).orderBy('next_check_at').limit(limit);
}

const toObservation = (r: ObservationRow): Observation => ({
  status: r.status,
  caseNumber: null,
  caseCreated: r.case_created,
  caseLastUpdated: r.case_last_updated,
  post: r.post,
  message: r.message,
});

/** The post's time zone; IV cases (no location) and unknown codes get the US East Coast (NVC, KCC). */
export function postTimeZone(location: string | null): string {
  return (location && locationByCode(location)?.timeZone) || 'America/New_York';
}

const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export function createTracker(options: TrackerOptions): Tracker {
  const { store, sealer, check, interpret } = options;
  const { db } = store;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const failingAfterMs = options.failingAfterMs ?? 6 * HOUR;
  const leaseMs = options.leaseMs ?? 10 * MINUTE;
  const timeZoneOf = options.timeZoneOf ?? postTimeZone;
  const budget = {
    requestIntervalMs: options.budget?.requestIntervalMs ?? 0,
    requestsPerCheck: options.budget?.requestsPerCheck ?? 3,
  };
  const log = options.logger;

  let watched = { count: 0, at: -Infinity };
  async function watchedCases(): Promise<number> {
    if (now() - watched.at > MINUTE) {
      const r = await db
        .selectFrom('cases')
        .select(sql<number>`count(*)`.as('n'))
        .where('watching', '=', 1)
        .executeTakeFirstOrThrow();
      watched = { count: Number(r.n), at: now() };
    }
    return watched.count;
  }

  function queryFor(row: CaseRow): CaseQuery {
    return {
      app: row.app_type,
      id: row.case_number,
      // CEAC's IV form has no location field.
      ...(row.location && row.app_type === 'NIV' && { location: row.location }),
      ...(row.passport_sealed && { passport: sealer.unseal(row.passport_sealed) }),
      ...(row.surname_sealed && { surname: sealer.unseal(row.surname_sealed) }),
    };
  }

  async function lockedCase(trx: Transaction<Database>, id: number): Promise<CaseRow | undefined> {
    return trx
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', id)
      .$if(store.dialect === 'postgres', (q) => q.forUpdate())
      .executeTakeFirst();
  }

  async function record(id: number, outcome: CheckOutcome, at: number): Promise<CheckReport> {
    const watchedCount = await watchedCases();
    return db.transaction().execute(async (trx) => {
      const row = await lockedCase(trx, id);
      if (!row) throw new CaseNotFoundError(id); // removed while its check ran
      const context = JSON.parse(row.context_json) as CaseContext;
      const newEvents: NewEventRow[] = [];
      let observation: ObservationRow | null = null;
      let state = row.state;
      let variant = row.variant;
      let stateSince = row.state_since;
      let failures = row.failures;
      let health = { failingSince: row.failing_since, failingReported: row.failing_reported === 1 };

      if (outcome.kind === 'ok') {
        const prevRow = row.last_observation_id
          ? ((await trx
              .selectFrom('observations')
              .selectAll()
              .where('id', '=', row.last_observation_id)
              .executeTakeFirst()) ?? null)
          : null;
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
        const interpretation = interpret(outcome.observation, decodeContext);
        const next: SeenObservation = {
          ...outcome.observation,
          state: interpretation.state,
          variant: interpretation.variant,
        };
        const prev: SeenObservation | null = prevRow
          ? { ...toObservation(prevRow), state: prevRow.state, variant: prevRow.variant }
          : null;
        const hash = observationHash(outcome.observation);
        if (prevRow && prevRow.content_hash === hash) {
          observation = await trx
            .updateTable('observations')
            .set({ last_seen_at: at, seen_count: prevRow.seen_count + 1 })
            .where('id', '=', prevRow.id)
            .returningAll()
            .executeTakeFirstOrThrow();
        } else {
          const o = outcome.observation;
          observation = await trx
            .insertInto('observations')
            .values({
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
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          const kind = classifyChange(prev, next);
          if (kind) {
            newEvents.push({
              case_id: id,
              kind,
              at,
              from_json: prevRow ? JSON.stringify(toObservation(prevRow)) : null,
              to_json: JSON.stringify({ ...o, caseNumber: null }),
              interpretation_json: JSON.stringify(interpretation),
              detail_json: null,
              observation_id: observation.id,
              // The observation row is new for every change, so a flap back to an earlier state is a new event,
              // and a retried check (which finds this observation already recorded) writes none.
              dedupe_key: `${id}:${kind}:o${observation.id}`,
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
          newEvents.push(
            healthEvent(id, 'check_recovered', at, health.failingSince, {
              outcome: 'ok',
              message: 'checks succeed again',
            }),
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
          failingAfterMs,
          outcome: outcome.kind,
          foundBefore: row.last_observation_id !== null,
        });
        if (h.report && h.health.failingSince !== null) {
          newEvents.push(
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

      const decision =
        row.watching === 1
          ? nextCheck({
              now: at,
              state,
              stateSince,
              timeZone: timeZoneOf(row.location),
              failures,
              lastFailure: outcome.kind === 'ok' ? null : outcome.kind,
              budget: { ...budget, watchedCases: watchedCount },
              keepWatchingFinal: context.keepWatching === true,
              random,
            })
          : { at: null, reason: 'not watching' };

      await trx
        .updateTable('cases')
        .set({
          state,
          variant,
          state_since: stateSince,
          last_observation_id: observation?.id ?? row.last_observation_id,
          failures,
          last_attempt_at: at,
          ...(outcome.kind === 'ok' && { last_success_at: at }),
          last_outcome: outcome.kind,
          failing_since: health.failingSince,
          failing_reported: health.failingReported ? 1 : 0,
          next_check_at: decision.at,
          schedule_reason: decision.reason,
          watching: row.watching === 1 && decision.at !== null ? 1 : 0,
          updated_at: at,
        })
        .where('id', '=', id)
        .execute();
      await trx
        .insertInto('check_attempts')
        .values({
          case_id: id,
          at,
          outcome: outcome.kind,
          duration_ms: Math.round(outcome.durationMs),
          requests: outcome.requests,
          error: outcome.kind === 'ok' ? null : outcome.message,
          body_sealed: outcome.kind === 'layout_changed' ? sealer.seal(outcome.body.slice(0, 200_000)) : null,
          observation_id: observation?.id ?? null,
        })
        .execute();

      const inserted: EventRow[] = newEvents.length
        ? await trx
            .insertInto('events')
            .values(newEvents)
            .onConflict((oc) => oc.column('dedupe_key').doNothing())
            .returningAll()
            .execute()
        : [];
      if (inserted.length && options.onEvents) await options.onEvents(trx, inserted);

      return {
        caseId: id,
        outcome: outcome.kind,
        message: outcome.message,
        durationMs: outcome.durationMs,
        requests: outcome.requests,
        observation: observation ? observationView(observation) : null,
        events: inserted.map(eventView),
        nextCheckAt: decision.at,
        scheduleReason: decision.reason,
      };
    });
  }

  async function checkCase(id: number): Promise<CheckReport> {
    const row = await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new CaseNotFoundError(id);
    const query = queryFor(row);
    const started = now();
    let outcome: CheckOutcome;
    try {
      outcome = await check(query);
    } catch (err) {
      // A client bug or an unexpected network error is still only a failed attempt.
      outcome = {
        kind: 'http_error',
        status: 0,
        message: (err as Error).message,
        attempts: 1,
        durationMs: now() - started,
        requests: 0,
      };
    }
    const report = await record(id, outcome, now());
    log?.info(
      {
        caseId: id,
        case: maskCaseNumber(row.case_number),
        outcome: report.outcome,
        events: report.events.map((e) => e.kind),
        next: report.nextCheckAt,
      },
      outcome.kind === 'ok' ? 'checked' : `check failed: ${outcome.message}`,
    );
    return report;
  }

  async function claimDue(limit: number): Promise<number[]> {
    const t = now();
    const due = selectDue(db, t, limit).$if(store.dialect === 'postgres', (q) => q.forUpdate().skipLocked());
    const rows = await db
      .updateTable('cases')
      .set({ next_check_at: t + leaseMs })
      .where('id', 'in', due)
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }

  return {
    checkCase,
    claimDue,
    async runDue(limit, runOptions = {}) {
      const ids = await claimDue(limit);
      const summary: RunSummary = { picked: ids.length, ok: 0, failed: 0, events: 0 };
      const queue = [...ids];
      const workers = Array.from({ length: Math.max(1, runOptions.concurrency ?? 1) }, async () => {
        while (!runOptions.signal?.aborted) {
          const id = queue.shift();
          if (id === undefined) break;
          try {
            const r = await checkCase(id);
            if (r.outcome === 'ok') summary.ok++;
            else summary.failed++;
            summary.events += r.events.length;
            runOptions.onReport?.(r);
          } catch (err) {
            summary.failed++;
            log?.error({ caseId: id, err }, 'could not record a check');
          }
        }
      });
      await Promise.all(workers);
      if (queue.length) {
        await db.updateTable('cases').set({ next_check_at: now() }).where('id', 'in', queue).execute();
      }
      return summary;
    },
    async pruneAttempts(keepMs = 30 * 24 * HOUR) {
      const r = await db
        .deleteFrom('check_attempts')
        .where('at', '<', now() - keepMs)
        .executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    async nextDueAt() {
      const r = await db
        .selectFrom('cases')
        .select('next_check_at')
        .where('next_check_at', 'is not', null)
        .orderBy('next_check_at')
        .limit(1)
        .executeTakeFirst();
      return r?.next_check_at ?? null;
    },
  };
}

function healthEvent(
  caseId: number,
  kind: 'check_failing' | 'check_recovered',
  at: number,
  failingSince: number,
  detail: object,
): NewEventRow {
  return {
    case_id: caseId,
    kind,
    at,
    from_json: null,
    to_json: null,
    interpretation_json: null,
    detail_json: JSON.stringify(detail),
    observation_id: null,
    dedupe_key: `${caseId}:${kind}:${failingSince}`,
    created_at: at,
  };
}
