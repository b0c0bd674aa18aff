import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Logger } from 'pino';

import type { Msg } from '../i18n/catalog.js';
import { locationByCode } from '../knowledge/locations.js';
import type { Observation } from '../knowledge/types.js';
import { maskCaseNumber } from '../log.js';
import type { EventView, ObservationView } from '../store/cases.js';
import { CaseNotFoundError, eventView, observationView } from '../store/cases.js';
import type { Store } from '../store/db.js';
import type { Database } from '../store/schema.js';
import type { Sealer } from '../store/seal.js';
import type { CaseRow, EventRow, NewEventRow, ObservationRow } from '../store/tables/cases.js';
import { type ChangeTimeLearner, createChangeTimeLearner } from './learned-schedule.js';
import { type CaseQuery, CheckAbandoned, type CheckFn, type CheckOutcome } from './outcome.js';
import { type Interpret, isChange, planCheck } from './plan.js';
import { HOUR, MINUTE } from './schedule.js';
import type { ScheduleReason } from './schedule-reason.js';

export type { Interpret } from './plan.js';

/**
 * The tracker: checks a case, records what it learned (an observation, events, an attempt) in one
 * transaction, and schedules the next check. A failed check is an attempt and nothing else.
 */

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
  /** What the schedule learns about when CEAC changes cases (learned-schedule.ts); null: assume business hours. */
  changeTimes?: ChangeTimeLearner | null;
}

export interface CheckReport {
  caseId: number;
  outcome: CheckOutcome['kind'];
  /** Why, in English (logs, JSON). */
  message: string;
  /** Why, for the reader's language (tracker/… callers word it); absent when only English text is known. */
  words?: Msg;
  durationMs: number;
  requests: number;
  observation: ObservationView | null;
  /** Events recorded by this check (none when nothing changed or the check failed). */
  events: EventView[];
  nextCheckAt: number | null;
  /** Why the next check is then: a code that each shell words (tracker/schedule-reason.ts). */
  scheduleReason: ScheduleReason;
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
  /**
   * Records what someone saw on CEAC themselves (the browser extension's "Save this check") exactly as
   * a successful check of ours: same change detection, events, outbox and schedule. The same answer
   * seen again only counts as seen again.
   */
  recordObservation(id: number, observation: Observation): Promise<CheckReport>;
  /** Claims up to `limit` due cases (moving them out of the due list for the lease time). */
  claimDue(limit: number): Promise<number[]>;
  /**
   * Claims one watched case whatever its schedule (a check on demand), so that no loop checks it a
   * second time meanwhile; recording the check sets the real next time.
   */
  claimCase(id: number): Promise<void>;
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

/** The post's time zone; IV cases (no location) and unknown codes get the US East Coast (NVC, KCC). */
export function postTimeZone(location: string | null): string {
  return (location && locationByCode(location)?.timeZone) || 'America/New_York';
}

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
  const learner = options.changeTimes === undefined ? createChangeTimeLearner() : options.changeTimes;

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

  /** Writes what planCheck decided, in one transaction: observation, case row, attempt, events, hook. */
  async function record(id: number, outcome: CheckOutcome, at: number): Promise<CheckReport> {
    const watchedCount = await watchedCases();
    return db.transaction().execute(async (trx) => {
      const row = await lockedCase(trx, id);
      if (!row) throw new CaseNotFoundError(id); // removed while its check ran
      const previous = row.last_observation_id
        ? ((await trx
            .selectFrom('observations')
            .selectAll()
            .where('id', '=', row.last_observation_id)
            .executeTakeFirst()) ?? null)
        : null;
      // The learned schedule: a new answer after an earlier one is a change since the last success.
      const changeTimes = await learner?.learn(trx, {
        location: row.location,
        timeZone: timeZoneOf(row.location),
        at,
        previousSuccessAt: row.last_success_at,
        changed: isChange(previous, outcome),
      });
      const schedule = {
        timeZone: timeZoneOf(row.location),
        budget: { ...budget, watchedCases: watchedCount },
        random,
        changeTimes,
      };
      const plan = planCheck({ row, previous, outcome, at, interpret, failingAfterMs, schedule });

      let observation: ObservationRow | null = null;
      if (plan.observation?.kind === 'seen_again') {
        observation = await trx
          .updateTable('observations')
          .set({ last_seen_at: at, seen_count: plan.observation.seenCount })
          .where('id', '=', plan.observation.id)
          .returningAll()
          .executeTakeFirstOrThrow();
      } else if (plan.observation?.kind === 'new') {
        observation = await trx
          .insertInto('observations')
          .values(plan.observation.values)
          .returningAll()
          .executeTakeFirstOrThrow();
      }
      await trx
        .updateTable('cases')
        .set({ ...plan.caseUpdate, last_observation_id: observation?.id ?? row.last_observation_id })
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

      const newEvents: NewEventRow[] = plan.events.map(({ ofObservation, dedupe_key, ...e }) => {
        const observationId = ofObservation ? (observation?.id ?? null) : null;
        return {
          ...e,
          observation_id: observationId,
          dedupe_key: dedupe_key ?? `${String(id)}:${e.kind}:o${String(observationId)}`,
        };
      });
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
        ...(outcome.words && { words: outcome.words }),
        durationMs: outcome.durationMs,
        requests: outcome.requests,
        observation: observation ? observationView(observation) : null,
        events: inserted.map(eventView),
        nextCheckAt: plan.decision.at,
        scheduleReason: plan.decision.reason,
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
      if (err instanceof CheckAbandoned) throw err;
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

  async function claimCase(id: number): Promise<void> {
    await db
      .updateTable('cases')
      .set({ next_check_at: now() + leaseMs })
      .where('id', '=', id)
      .where('watching', '=', 1)
      .execute();
  }

  return {
    checkCase,
    recordObservation: (id, observation) =>
      record(
        id,
        {
          kind: 'ok',
          observation: { ...observation, caseNumber: null },
          applicationName: null,
          message: 'seen on the CEAC page by the person',
          attempts: 1,
          durationMs: 0,
          requests: 0,
        },
        now(),
      ),
    claimDue,
    claimCase,
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
