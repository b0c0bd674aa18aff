/**
 * Storage of timelines, the same Kysely code on SQLite and PostgreSQL.
 */
import { createHash } from 'node:crypto';

import type { Kysely, Selectable } from 'kysely';

import { visaClassOrAsWritten } from '../knowledge/visa-classes.js';
import type { Database } from '../store/schema.js';
import type { TimelinesTable } from '../store/tables/timelines.js';
import { isBetter } from './checkee.js';
import { type Entry, type Outcome, type Timeline, type TimelineSource, validateTimeline, waitDays } from './model.js';

export interface TimelineFilter {
  visaClass?: string | undefined;
  post?: string | undefined;
  entry?: Entry | undefined;
  route?: 'dropbox' | 'interview' | undefined;
  /** First start month included, YYYY-MM. */
  from?: string | undefined;
  /** Last start month included, YYYY-MM. */
  to?: string | undefined;
}

export interface UpsertReport {
  inserted: number;
  updated: number;
  /** Already stored with the same or better information. */
  unchanged: number;
}

const CHUNK = 400;

function toRow(t: Timeline, now: number) {
  return {
    source: t.source,
    source_key: t.sourceKey,
    visa_class: t.visaClass === null ? null : visaClassOrAsWritten(t.visaClass),
    entry: t.entry,
    route: t.route,
    post: t.post,
    start_date: t.startDate,
    start_month: t.startDate.slice(0, 7),
    outcome: t.outcome,
    outcome_date: t.outcomeDate,
    wait_days: waitDays(t),
    events_json: JSON.stringify(t.events),
    note: t.note ?? null,
    created_at: now,
    updated_at: now,
  };
}

export function fromRow(row: Selectable<TimelinesTable>): Timeline {
  return {
    source: row.source as TimelineSource,
    sourceKey: row.source_key,
    visaClass: row.visa_class,
    entry: row.entry as Entry | null,
    route: row.route as Timeline['route'],
    post: row.post,
    startDate: row.start_date,
    outcome: row.outcome as Outcome,
    outcomeDate: row.outcome_date,
    events: JSON.parse(row.events_json) as Timeline['events'],
    note: row.note,
  };
}

/**
 * Stores timelines; one already stored under the same source and key is replaced only when the new
 * one says more (a decision where it was pending, or later news). `onProgress` gets the count done.
 */
export async function upsertTimelines(
  db: Kysely<Database>,
  timelines: readonly Timeline[],
  onProgress?: (done: number) => void,
): Promise<UpsertReport> {
  for (const t of timelines) validateTimeline(t);
  const report: UpsertReport = { inserted: 0, updated: 0, unchanged: 0 };
  const now = Date.now();
  for (let i = 0; i < timelines.length; i += CHUNK) {
    const chunk = timelines.slice(i, i + CHUNK);
    await db.transaction().execute(async (trx) => {
      const bySource = new Map<string, Timeline[]>();
      for (const t of chunk) bySource.set(t.source, [...(bySource.get(t.source) ?? []), t]);
      const existing = new Map<string, Timeline>();
      for (const [source, list] of bySource) {
        const rows = await trx
          .selectFrom('timelines')
          .selectAll()
          .where('source', '=', source)
          .where(
            'source_key',
            'in',
            list.map((t) => t.sourceKey),
          )
          .execute();
        for (const row of rows) existing.set(`${row.source}\u0000${row.source_key}`, fromRow(row));
      }
      const fresh = new Map<string, Timeline>();
      for (const t of chunk) {
        const key = `${t.source}\u0000${t.sourceKey}`;
        const old = existing.get(key);
        if (!old) {
          const pendingInsert = fresh.get(key);
          if (!pendingInsert || isBetter(t, pendingInsert)) fresh.set(key, t);
          else report.unchanged++;
          continue;
        }
        if (t.source === 'checkee' ? isBetter(t, old) : !sameTimeline(t, old)) {
          const { created_at: _created, ...changes } = toRow(t, now);
          await trx
            .updateTable('timelines')
            .set(changes)
            .where('source', '=', t.source)
            .where('source_key', '=', t.sourceKey)
            .execute();
          existing.set(key, t);
          report.updated++;
        } else report.unchanged++;
      }
      if (fresh.size) {
        // Another import may have stored the same case since we looked: theirs stands.
        const result = await trx
          .insertInto('timelines')
          .values([...fresh.values()].map((t) => toRow(t, now)))
          .onConflict((oc) => oc.columns(['source', 'source_key']).doNothing())
          .executeTakeFirst();
        const inserted = Number(result.numInsertedOrUpdatedRows ?? BigInt(fresh.size));
        report.inserted += inserted;
        report.unchanged += fresh.size - inserted;
      }
    });
    onProgress?.(Math.min(i + CHUNK, timelines.length));
  }
  return report;
}

function sameTimeline(a: Timeline, b: Timeline): boolean {
  const { created_at: _a, updated_at: _b, ...left } = toRow(a, 0);
  const { created_at: _c, updated_at: _d, ...right } = toRow(b, 0);
  return (Object.keys(left) as (keyof typeof left)[]).every((k) => left[k] === right[k]);
}

/**
 * The timeline of a watched case whose owner consented to share it, kept in step with the case:
 * call it whenever the case's timeline changes. `caseKey` is the tracker's own identifier of the
 * case; only a hash of it is stored. Returns whether anything changed.
 */
export async function upsertWatchedTimeline(
  db: Kysely<Database>,
  caseKey: string,
  timeline: Omit<Timeline, 'source' | 'sourceKey'>,
): Promise<'inserted' | 'updated' | 'unchanged'> {
  const full: Timeline = { ...timeline, source: 'watched', sourceKey: watchedKey(caseKey) };
  const r = await upsertTimelines(db, [full]);
  return r.inserted ? 'inserted' : r.updated ? 'updated' : 'unchanged';
}

/** Withdraws a watched case's timeline (the owner took back consent, or deleted the case). */
export async function removeWatchedTimeline(db: Kysely<Database>, caseKey: string): Promise<boolean> {
  const r = await db
    .deleteFrom('timelines')
    .where('source', '=', 'watched')
    .where('source_key', '=', watchedKey(caseKey))
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export function watchedKey(caseKey: string): string {
  return createHash('sha256').update(`watched|${caseKey}`).digest('base64url').slice(0, 32);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function applyFilter<Q extends { where: (...args: any[]) => Q }>(query: Q, f: TimelineFilter): Q {
  let q = query;
  if (f.visaClass) q = q.where('visa_class', '=', visaClassOrAsWritten(f.visaClass).toUpperCase());
  if (f.post) q = q.where('post', '=', f.post);
  if (f.entry) q = q.where('entry', '=', f.entry);
  if (f.route) q = q.where('route', '=', f.route);
  if (f.from) q = q.where('start_month', '>=', f.from);
  if (f.to) q = q.where('start_month', '<=', f.to);
  return q;
}

/** Waiting times and outcomes of a group: the input of the estimates, as typed arrays. */
export async function loadDurations(
  db: Kysely<Database>,
  filter: TimelineFilter,
): Promise<{ days: Int32Array; cause: Uint8Array }> {
  const rows = await applyFilter(db.selectFrom('timelines').select(['wait_days', 'outcome']), filter).execute();
  const days = new Int32Array(rows.length);
  const cause = new Uint8Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    days[i] = r.wait_days;
    cause[i] = r.outcome === 'pending' ? 0 : r.outcome === 'refused' ? 2 : 1;
  }
  return { days, cause };
}

/** Start month, wait and outcome of each case of a group: the input of the monthly table. */
export async function loadMonthly(
  db: Kysely<Database>,
  filter: TimelineFilter,
): Promise<{ month: string; days: number; outcome: Outcome }[]> {
  const rows = await applyFilter(
    db.selectFrom('timelines').select(['start_month', 'wait_days', 'outcome']),
    filter,
  ).execute();
  return rows.map((r) => ({ month: r.start_month, days: r.wait_days, outcome: r.outcome as Outcome }));
}

export async function listTimelines(db: Kysely<Database>, filter: TimelineFilter, limit = 100): Promise<Timeline[]> {
  const rows = await applyFilter(db.selectFrom('timelines').selectAll(), filter).orderBy('id').limit(limit).execute();
  return rows.map(fromRow);
}

export async function countTimelines(db: Kysely<Database>, filter: TimelineFilter = {}): Promise<number> {
  const row = await applyFilter(
    db.selectFrom('timelines').select((eb) => eb.fn.countAll<number>().as('n')),
    filter,
  ).executeTakeFirst();
  return Number(row?.n ?? 0);
}
