import type { Kysely } from 'kysely';

import {
  type Deadline,
  type DeadlineFacts,
  deadlinesFor,
  remindersDue,
  reminderSentence,
} from '../knowledge/deadlines.js';
import { type State, STATES } from '../knowledge/types.js';
import { type CaseContext, type CaseView, caseView } from '../store/cases.js';
import type { Database } from '../store/schema.js';
import type { EventRow, NewEventRow } from '../store/tables/cases.js';
import type { Notice } from './content.js';
import { insertEventsOnce } from './outbox.js';

/**
 * Deadline reminders through the outbox. Each reminder is an event of kind `reminder` on its case, with a dedupe
 * key per (case, deadline, date, days before): the events table's unique key is what makes "never twice" hold
 * across restarts, processes and both databases. The outbox then routes it like any event (the channel must take
 * `reminder`; quiet hours hold it).
 */

const isState = (s: string | null): s is State => s !== null && (STATES as readonly string[]).includes(s);
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** What the deadline rules need, from a case and its observations (oldest first). */
export function deadlineFactsOf(c: CaseView, observations: readonly { state: string; firstSeenAt: number }[]) {
  const ctx: CaseContext = c.context;
  const facts: DeadlineFacts = {
    appType: c.app,
    caseNumber: c.caseNumber,
    state: isState(c.state) ? c.state : null,
    history: observations.flatMap((o) => (isState(o.state) ? [{ date: day(o.firstSeenAt), state: o.state }] : [])),
    interviewDate: ctx.interviewDate,
    slipDate: ctx.slipDate,
    documentsDate: ctx.documentsDate,
    officer: ctx.officer,
    slip: ctx.slip,
  };
  return facts;
}

/** A case's deadlines from the database. */
export async function caseDeadlines(db: Kysely<Database>, c: CaseView): Promise<Deadline[]> {
  const obs = await db
    .selectFrom('observations')
    .select(['state', 'first_seen_at'])
    .where('case_id', '=', c.id)
    .orderBy('first_seen_at')
    .orderBy('id')
    .execute();
  return deadlinesFor(
    deadlineFactsOf(
      c,
      obs.map((o) => ({ state: o.state, firstSeenAt: Number(o.first_seen_at) })),
    ),
  );
}

/**
 * Records the reminders due on `now`'s day (UTC) for every case and queues their deliveries, in one transaction
 * per case. Returns the events written (a reminder already written earlier is not written again).
 */
export async function recordReminders(db: Kysely<Database>, now = Date.now()): Promise<EventRow[]> {
  const today = day(now);
  const rows = await db.selectFrom('cases').selectAll().execute();
  const written: EventRow[] = [];
  for (const row of rows) {
    const c = caseView(row);
    const due = remindersDue(c.id, await caseDeadlines(db, c), today);
    if (due.length === 0) continue;
    const values: NewEventRow[] = due.map((r) => {
      const notice: Notice & { kind: string; daysBefore: number } = {
        message: reminderSentence(r),
        date: r.deadline.date,
        source: r.deadline.source,
        kind: r.deadline.kind,
        daysBefore: r.offset,
      };
      return {
        case_id: c.id,
        kind: 'reminder',
        at: now,
        from_json: null,
        to_json: null,
        interpretation_json: null,
        detail_json: JSON.stringify(notice),
        observation_id: null,
        dedupe_key: r.key,
        created_at: now,
      };
    });
    const inserted = await insertEventsOnce(db, values, now);
    written.push(...inserted);
  }
  return written;
}
