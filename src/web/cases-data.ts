import type { Kysely } from 'kysely';

import type { Interpretation, Observation } from '../knowledge/types.js';
import type { Database } from '../store/schema.js';
import type { EventKind } from '../store/tables/cases.js';

/**
 * The reads the case pages need, shaped for them: bounded (a case with years of history still
 * renders one page of its timeline) and scoped to an owner (every query takes the owner id).
 */

export interface TimelineEntry {
  id: number;
  kind: EventKind;
  at: number;
  from: Observation | null;
  to: Observation | null;
  interpretation: Interpretation | null;
  detail: EventDetail | null;
}

/** What an event's detail holds: a failed check's outcome, a reminder's deadline, a notice's sentence. */
export interface EventDetail {
  kind?: string;
  outcome?: string;
  message?: string;
  /** A reminder's deadline (YYYY-MM-DD) and how many days before it the reminder went out. */
  date?: string;
  daysBefore?: number;
}

const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

export const TIMELINE_PAGE = 30;

/** One page of a case's events, newest first; `before` is the id to continue below. */
export async function timelinePage(db: Kysely<Database>, caseId: number, before: number | null, limit = TIMELINE_PAGE) {
  let q = db
    .selectFrom('events')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('id', 'desc')
    .limit(limit + 1);
  if (before !== null) q = q.where('id', '<', before);
  const rows = await q.execute();
  const more = rows.length > limit;
  const entries: TimelineEntry[] = rows.slice(0, limit).map((r) => ({
    id: Number(r.id),
    kind: r.kind,
    at: Number(r.at),
    from: parse(r.from_json) as Observation | null,
    to: parse(r.to_json) as Observation | null,
    interpretation: parse(r.interpretation_json) as Interpretation | null,
    detail: parse(r.detail_json) as EventDetail | null,
  }));
  const last = entries[entries.length - 1];
  return { entries, nextBefore: more && last ? last.id : null };
}

/** What the latest successful check showed and how the tracker decoded it, per case. */
export async function currentReadings(db: Kysely<Database>, caseIds: number[]) {
  const out = new Map<
    number,
    { observation: Observation; interpretation: Interpretation | null; at: number; from: Observation | null }
  >();
  if (caseIds.length === 0) return out;
  const latest = await db
    .selectFrom('events')
    .select(['case_id', 'from_json', 'to_json', 'interpretation_json', 'at', 'id'])
    .where('case_id', 'in', caseIds)
    .where('interpretation_json', 'is not', null)
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('events as e2')
        .select((e) => e.fn.max('e2.id').as('m'))
        .where('e2.case_id', 'in', caseIds)
        .where('e2.interpretation_json', 'is not', null)
        .groupBy('e2.case_id'),
    )
    .execute();
  for (const r of latest) {
    const observation = parse(r.to_json) as Observation | null;
    if (observation)
      out.set(Number(r.case_id), {
        observation,
        interpretation: parse(r.interpretation_json) as Interpretation | null,
        at: Number(r.at),
        from: parse(r.from_json) as Observation | null,
      });
  }
  return out;
}

/** A fingerprint of everything the case page shows; it changes whenever the page would. */
export async function caseFingerprint(db: Kysely<Database>, caseId: number, ownerId: number): Promise<string | null> {
  const row = await db
    .selectFrom('cases')
    .select(['updated_at', 'last_attempt_at', 'next_check_at', 'state', 'failures'])
    .select((eb) =>
      eb
        .selectFrom('events')
        .select((e) => e.fn.max('events.id').as('m'))
        .whereRef('events.case_id', '=', 'cases.id')
        .as('last_event'),
    )
    .where('id', '=', caseId)
    .where('owner_id', '=', ownerId)
    .executeTakeFirst();
  if (!row) return null;
  return fingerprintOf({
    updatedAt: row.updated_at,
    lastAttemptAt: row.last_attempt_at,
    nextCheckAt: row.next_check_at,
    state: row.state,
    failures: row.failures,
    lastEventId: row.last_event,
  });
}

/** The same fingerprint from what a rendered page knew, so the live stream can tell the page is behind. */
export function fingerprintOf(p: {
  updatedAt: unknown;
  lastAttemptAt: unknown;
  nextCheckAt: unknown;
  state: unknown;
  failures: unknown;
  lastEventId: unknown;
}): string {
  const n = (v: unknown) => (v === null || v === undefined ? '' : String(Number(v)));
  return [
    n(p.updatedAt),
    n(p.lastAttemptAt),
    n(p.nextCheckAt),
    typeof p.state === 'string' ? p.state : '',
    n(p.failures),
    n(p.lastEventId),
  ].join('|');
}

/** The days each observation of the cases was first seen (when a status may have begun), newest first, per case. */
export async function firstSeenTimes(db: Kysely<Database>, caseIds: number[], limit = 200) {
  const out = new Map<number, number[]>();
  if (caseIds.length === 0) return out;
  const rows = await db
    .selectFrom('observations')
    .select(['case_id', 'first_seen_at'])
    .where('case_id', 'in', caseIds)
    .orderBy('first_seen_at', 'desc')
    .limit(limit * caseIds.length)
    .execute();
  for (const r of rows) {
    const list = out.get(Number(r.case_id)) ?? [];
    if (list.length < limit) list.push(Number(r.first_seen_at));
    out.set(Number(r.case_id), list);
  }
  return out;
}
