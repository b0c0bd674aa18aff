import { randomUUID } from 'node:crypto';

import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';

import type { DialectName } from '../store/db.js';
import type { Database } from '../store/schema.js';
import type { EventRow, NewEventRow } from '../store/tables/cases.js';
import type { DeliveryRow } from '../store/tables/notify.js';
import { rulesOf } from './channel-store.js';
import { routeEvent } from './policy.js';

/**
 * The outbox: one row per (event, channel), written in the same transaction as the event, so an
 * event is never recorded without its notifications nor a notification queued for an event that
 * was rolled back. The unique (event_id, channel_id) makes a re-run of the same insert harmless.
 *
 * Delivery is claim → send → mark:
 *   1. claim: one UPDATE sets status 'sending', a lease owner (random per claim) and `lease_until`,
 *      and counts the try. Committed before anything is sent, so a second dispatcher (or process)
 *      skips the row while the lease holds. On PostgreSQL the inner SELECT … FOR UPDATE SKIP LOCKED
 *      lets competing claims pass each other; SQLite has one writer at a time, which gives the same
 *      exclusion.
 *   2. send, but only rows we still hold: right before each send the lease of its rows is renewed
 *      (renewLease), and while a claim is being worked through the dispatcher renews it every third
 *      of the lease, so a slow but live send, or a row waiting behind others of its channel, never
 *      lets the lease lapse and never gets claimed and sent by a second dispatcher.
 *   3. mark 'sent' (only if we still hold the lease).
 * A crash between 1 and 2 loses nothing: the lease expires and the row is claimed again. A crash
 * between 2 and 3 — after the receiver accepted, before our commit — is the one window in which a
 * notification can go out twice (at-least-once delivery): the lease expires and the row is sent
 * again. The window is the few milliseconds between the receiver's answer and our UPDATE. For it,
 * every resend carries the same key: webhooks get the same `Idempotency-Key`
 * (`ceac-watch-event-<event id>`), e-mail the same Message-ID, so receivers and mail systems can
 * drop the repeat; and the tracker's event dedupe key means a re-run check never creates a second
 * event (and so never a second row) for the same change. A row is never sent twice in any other
 * case: once 'sent' is committed, no claim selects it again.
 */

/**
 * Inserts events that are not tied to a check (reminders, wave notices) and their outbox rows in one transaction.
 * An event whose dedupe key is already there is skipped: a notice is never sent twice. Returns the new events.
 */
export async function insertEventsOnce(
  db: Kysely<Database>,
  values: readonly NewEventRow[],
  now: number,
): Promise<EventRow[]> {
  if (values.length === 0) return [];
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .insertInto('events')
      .values([...values])
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returningAll()
      .execute();
    await enqueueDeliveries(trx, rows, now);
    return rows;
  });
}

/** Writes the outbox rows for freshly inserted events (called by the tracker inside its transaction). */
export async function enqueueDeliveries(
  trx: Transaction<Database> | Kysely<Database>,
  events: EventRow[],
  now = Date.now(),
): Promise<void> {
  if (events.length === 0) return;
  const caseIds = [...new Set(events.map((e) => e.case_id))];
  const cases = await trx.selectFrom('cases').select(['id', 'owner_id']).where('id', 'in', caseIds).execute();
  const ownerOf = new Map(cases.map((c) => [Number(c.id), c.owner_id === null ? null : Number(c.owner_id)]));
  const owners = [...new Set(ownerOf.values())];
  const channels = await trx
    .selectFrom('notify_channels')
    .selectAll()
    .where('enabled', '=', 1)
    .where((eb) => {
      const named = owners.filter((o): o is number => o !== null);
      const ors = [];
      if (owners.includes(null)) ors.push(eb('owner_id', 'is', null));
      if (named.length) ors.push(eb('owner_id', 'in', named));
      return ors.length ? eb.or(ors) : eb.val(false);
    })
    .execute();
  const rows = [];
  for (const event of events) {
    const owner = ownerOf.get(Number(event.case_id));
    if (owner === undefined) continue;
    for (const channel of channels) {
      if ((channel.owner_id === null ? null : Number(channel.owner_id)) !== owner) continue;
      const route = routeEvent(event.kind, rulesOf(channel), now);
      if (!route) continue;
      rows.push({
        event_id: event.id,
        channel_id: channel.id,
        status: 'pending' as const,
        digest: route.digest ? 1 : 0,
        attempts: 0,
        next_attempt_at: route.nextAttemptAt,
        hold_reason: route.holdReason,
        created_at: now,
      });
    }
  }
  if (rows.length === 0) return;
  await trx
    .insertInto('notify_deliveries')
    .values(rows)
    .onConflict((oc) => oc.columns(['event_id', 'channel_id']).doNothing())
    .execute();
}

export interface Claim {
  token: string;
  rows: DeliveryRow[];
}

/**
 * Claims up to `limit` due rows (pending and due, or 'sending' with an expired lease) for `leaseMs`.
 * `exclude` keeps rows already tried in this pass out.
 */
export async function claimDue(
  db: Kysely<Database>,
  dialect: DialectName,
  options: { now: number; leaseMs: number; limit: number; exclude?: number[] },
): Promise<Claim> {
  const token = randomUUID();
  const { now } = options;
  const exclude = options.exclude ?? [];
  // One statement: atomic on both databases, and on SQLite it takes the write lock at once (a
  // read-then-write transaction could deadlock against another process doing the same).
  const due = db
    .selectFrom('notify_deliveries')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
        eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', now)]),
      ]),
    )
    .$if(exclude.length > 0, (q) => q.where('id', 'not in', exclude))
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(options.limit)
    .$if(dialect === 'postgres', (q) => q.forUpdate().skipLocked());
  await db
    .updateTable('notify_deliveries')
    .set({
      status: 'sending',
      lease_owner: token,
      lease_until: now + options.leaseMs,
      attempts: sql`attempts + 1`,
      hold_reason: null,
    })
    .where('id', 'in', due)
    .execute();
  const rows = await db
    .selectFrom('notify_deliveries')
    .selectAll()
    .where('lease_owner', '=', token)
    .where('status', '=', 'sending')
    .orderBy('id')
    .execute();
  return { token, rows };
}

/**
 * Extends the lease of rows we still hold (all of the claim's when `ids` is null) to `until`.
 * Returns the ids still held: a row missing from the answer was taken over by another dispatcher
 * (our lease had lapsed, e.g. the process stalled), and must not be sent by us.
 */
export async function renewLease(
  db: Kysely<Database>,
  ids: number[] | null,
  token: string,
  until: number,
): Promise<number[]> {
  if (ids !== null && ids.length === 0) return [];
  const r = await db
    .updateTable('notify_deliveries')
    .set({ lease_until: until })
    .where('lease_owner', '=', token)
    .where('status', '=', 'sending')
    .$if(ids !== null, (q) => q.where('id', 'in', ids!))
    .executeTakeFirst();
  if (ids !== null && Number(r.numUpdatedRows) === ids.length) return ids;
  const held = await db
    .selectFrom('notify_deliveries')
    .select('id')
    .where('lease_owner', '=', token)
    .where('status', '=', 'sending')
    .$if(ids !== null, (q) => q.where('id', 'in', ids!))
    .execute();
  return held.map((h) => h.id);
}

/** Marks claimed rows sent; returns how many we still held (0 means another dispatcher took them over). */
export async function markSent(db: Kysely<Database>, ids: number[], token: string, now: number): Promise<number> {
  if (ids.length === 0) return 0;
  const r = await db
    .updateTable('notify_deliveries')
    .set({ status: 'sent', sent_at: now, lease_owner: null, lease_until: null, last_error: null })
    .where('id', 'in', ids)
    .where('lease_owner', '=', token)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Puts claimed rows back for a later try (`countTry` false: the claim did not count, e.g. quiet hours). */
export async function reschedule(
  db: Kysely<Database>,
  ids: number[],
  token: string,
  update: { nextAttemptAt: number; holdReason: string; error: string | null; countTry: boolean },
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('notify_deliveries')
    .set({
      status: 'pending',
      next_attempt_at: update.nextAttemptAt,
      hold_reason: update.holdReason,
      lease_owner: null,
      lease_until: null,
      ...(update.error !== null ? { last_error: update.error } : {}),
      ...(update.countTry ? {} : { attempts: sql`attempts - 1` }),
    })
    .where('id', 'in', ids)
    .where('lease_owner', '=', token)
    .execute();
}

/** Gives up on claimed rows: 'failed', with the error the person will see. */
export async function markFailed(db: Kysely<Database>, ids: number[], token: string, error: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('notify_deliveries')
    .set({ status: 'failed', last_error: error, lease_owner: null, lease_until: null })
    .where('id', 'in', ids)
    .where('lease_owner', '=', token)
    .execute();
}

/** The earliest time a pending row becomes due (or a lease expires), for sleeping until then. */
export async function nextDueAt(db: Kysely<Database>): Promise<number | null> {
  const r = await db
    .selectFrom('notify_deliveries')
    .select((eb) => [
      eb.fn.min('next_attempt_at').filterWhere('status', '=', 'pending').as('pending'),
      eb.fn.min('lease_until').filterWhere('status', '=', 'sending').as('lease'),
    ])
    .executeTakeFirst();
  const times = [r?.pending, r?.lease].filter((t): t is number => t !== null && t !== undefined).map(Number);
  return times.length ? Math.min(...times) : null;
}

export interface DeliveryView {
  id: number;
  eventId: number;
  channelId: number;
  status: DeliveryRow['status'];
  digest: boolean;
  attempts: number;
  nextAttemptAt: number;
  holdReason: string | null;
  lastError: string | null;
  sentAt: number | null;
}

/** Recent outbox rows of the owner's channels, newest first. */
export async function listDeliveries(
  db: Kysely<Database>,
  ownerId: number | null,
  options: { status?: DeliveryRow['status']; limit?: number } = {},
): Promise<DeliveryView[]> {
  const rows = await db
    .selectFrom('notify_deliveries as d')
    .innerJoin('notify_channels as c', 'c.id', 'd.channel_id')
    .selectAll('d')
    .where((eb) => (ownerId === null ? eb('c.owner_id', 'is', null) : eb('c.owner_id', '=', ownerId)))
    .$if(options.status !== undefined, (q) => q.where('d.status', '=', options.status as DeliveryRow['status']))
    .orderBy('d.id', 'desc')
    .limit(options.limit ?? 50)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    eventId: r.event_id,
    channelId: r.channel_id,
    status: r.status,
    digest: r.digest === 1,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    holdReason: r.hold_reason,
    lastError: r.last_error,
    sentAt: r.sent_at,
  }));
}
