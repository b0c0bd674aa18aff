import { randomBytes } from 'node:crypto';

import { afterEach, describe, expect, it } from 'vitest';

import { createCaseRepository } from '../store/cases.js';
import { createSealer } from '../store/seal.js';
import type { EventRow } from '../store/tables/cases.js';
import { openTestSqlite, type TestStore } from '../store/testing.js';
import { countTimelines, listTimelines } from '../timelines/repository.js';
import {
  canonicalVisaClass,
  caseTimelineKey,
  localDate,
  reconcileWatchedTimelines,
  statusBegan,
  storeWatchedTimeline,
  syncWatchedTimeline,
  watchedCaseOf,
  withTimelineSync,
} from './timeline-sync.js';

let store: TestStore | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 2, 20, 0); // 04:00 next day in Beijing

async function caseWith(s: TestStore, share: boolean, states: [string, number][]): Promise<number> {
  const repo = createCaseRepository(s, createSealer(randomBytes(32)), () => T0);
  const c = await repo.add({
    app: 'NIV',
    location: 'BEJ',
    caseNumber: `AA00${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
    passport: 'E1234567',
    surname: 'ZHANG',
    context: { visaClass: 'F1', entry: 'new', route: 'interview' },
    shareTimeline: share,
  });
  let last = 0;
  for (const [state, at] of states) {
    await s.db
      .insertInto('observations')
      .values({
        case_id: c.id,
        status: state,
        state,
        variant: state,
        case_created: null,
        case_last_updated: null,
        post: null,
        message: null,
        content_hash: `${c.id}${at}`,
        first_seen_at: at,
        last_seen_at: at + DAY,
      })
      .execute();
    last = at + DAY;
  }
  await s.db.updateTable('cases').set({ last_success_at: last }).where('id', '=', c.id).execute();
  return c.id;
}

describe('timeline sync', () => {
  it('spells each visa class one way, so that the case form’s B1-B2 meets hand entries’ B1/B2', () => {
    for (const v of ['B1-B2', 'b1/b2', 'B1B2', ' b1 / b2 ']) expect(canonicalVisaClass(v)).toBe('B1/B2');
    expect(canonicalVisaClass('h1b')).toBe('H1B');
    expect(canonicalVisaClass('F-1')).toBe('F1');
    expect(canonicalVisaClass('')).toBeNull();
    expect(canonicalVisaClass(undefined)).toBeNull();
  });

  it('dates a status from CEAC\u2019s "Case Last Updated" when that is earlier than our first sight of it', () => {
    // Added while already refused: the refusal is older than our first check.
    expect(statusBegan('2026-11-26', '2026-11-22', undefined)).toBe('2026-11-22');
    // A change we saw late (between checks) is dated when CEAC says it happened.
    expect(statusBegan('2026-11-26', '2026-11-25', '2026-11-10')).toBe('2026-11-25');
    // Never before the status it replaced began, never after we saw it, and only from a real date.
    expect(statusBegan('2026-11-26', '2026-11-05', '2026-11-10')).toBe('2026-11-26');
    expect(statusBegan('2026-11-26', '2026-11-30', undefined)).toBe('2026-11-26');
    expect(statusBegan('2026-11-26', null, undefined)).toBe('2026-11-26');
    expect(statusBegan('2026-11-26', 'garbage', undefined)).toBe('2026-11-26');
  });

  it('starts the wait of a case added while already refused at its "Case Last Updated" date', async () => {
    store = await openTestSqlite();
    const id = await caseWith(store, true, [['refused', T0]]);
    await store.db
      .updateTable('observations')
      .set({ case_last_updated: '2026-02-20' })
      .where('case_id', '=', id)
      .execute();
    const seen = await watchedCaseOf(store.db, id);
    expect(seen?.watched.history.map((h) => h.date)).toEqual(['2026-02-20']);
    expect(await syncWatchedTimeline(store.db, id)).toBe('inserted');
    expect((await listTimelines(store.db, {})).map((t) => t.startDate)).toEqual(['2026-02-20']);
  });

  it('dates what the tracker saw at the post, not in UTC', () => {
    expect(localDate(T0, 'BEJ')).toBe('2026-03-03');
    expect(localDate(T0, null)).toBe('2026-03-02');
    expect(localDate(T0, 'ZZZ')).toBe('2026-03-02');
  });

  it('stores a consenting case’s wait once, replaces it when it moves on, and drops it without consent', async () => {
    store = await openTestSqlite();
    const id = await caseWith(store, true, [
      ['application_received', T0 - 10 * DAY],
      ['refused', T0 - 6 * DAY],
    ]);
    expect(await syncWatchedTimeline(store.db, id)).toBe('inserted');
    expect(await syncWatchedTimeline(store.db, id)).toBe('unchanged');
    let [t] = await listTimelines(store.db, {});
    expect(t).toMatchObject({
      source: 'watched',
      visaClass: 'F1',
      post: 'BEJ',
      entry: 'new',
      route: 'interview',
      startDate: localDate(T0 - 6 * DAY, 'BEJ'),
      outcome: 'pending',
    });
    await store.db
      .insertInto('observations')
      .values({
        case_id: id,
        status: 'Issued',
        state: 'issued',
        variant: 'issued',
        case_created: null,
        case_last_updated: null,
        post: null,
        message: null,
        content_hash: 'i',
        first_seen_at: T0,
        last_seen_at: T0,
      })
      .execute();
    expect(await syncWatchedTimeline(store.db, id)).toBe('updated');
    [t] = await listTimelines(store.db, {});
    expect(t).toMatchObject({ outcome: 'issued', outcomeDate: localDate(T0, 'BEJ') });
    // Only a hash of the tracker's key is stored.
    expect(t!.sourceKey).toMatch(/^[\w-]{32}$/);
    await store.db.updateTable('cases').set({ share_timeline: 0 }).where('id', '=', id).execute();
    expect(await syncWatchedTimeline(store.db, id)).toBe('removed');
    expect(await countTimelines(store.db)).toBe(0);
  });

  it('stores nothing for a case that has not entered a wait, or a private one', async () => {
    store = await openTestSqlite();
    const before = await caseWith(store, true, [['application_received', T0 - DAY]]);
    const priv = await caseWith(store, false, [['refused', T0 - DAY]]);
    expect(await syncWatchedTimeline(store.db, before)).toBe('none');
    expect(await syncWatchedTimeline(store.db, priv)).toBe('none');
    expect(await syncWatchedTimeline(store.db, 9999)).toBe('none');
    expect(await countTimelines(store.db)).toBe(0);
  });

  it('as the tracker hook: runs the composed hook first, syncs each case once, and says when something changed', async () => {
    store = await openTestSqlite();
    const a = await caseWith(store, true, [['refused', T0 - 3 * DAY]]);
    const b = await caseWith(store, false, [['refused', T0 - 3 * DAY]]);
    const calls: string[] = [];
    let changes = 0;
    const hook = withTimelineSync({
      next: async (trx, events) => {
        calls.push(`next ${events.length}`);
        // The other hook (the outbox) runs first, in the same transaction.
        if (calls.length === 1) expect(await countTimelines(trx)).toBe(0);
      },
      onChange: () => changes++,
    });
    const ev = (caseId: number) => ({ case_id: caseId }) as EventRow;
    await store.db.transaction().execute((trx) => hook(trx, [ev(a), ev(a), ev(b)]));
    expect(calls).toEqual(['next 3']);
    expect(changes).toBe(1);
    expect(await countTimelines(store.db)).toBe(1);
    await store.db.transaction().execute((trx) => hook(trx, [ev(a)]));
    expect(calls).toEqual(['next 3', 'next 1']);
    expect(changes).toBe(1);
  });

  it('reconciles: drops timelines of removed or private cases, adds those of newly consenting ones', async () => {
    store = await openTestSqlite();
    const a = await caseWith(store, true, [['refused', T0 - 3 * DAY]]);
    const b = await caseWith(store, false, [['administrative_processing', T0 - 3 * DAY]]);
    await syncWatchedTimeline(store.db, a);
    // Case a removed behind our back; case b's owner consents; a stray timeline of an unknown case.
    await store.db.deleteFrom('observations').where('case_id', '=', a).execute();
    await store.db.deleteFrom('cases').where('id', '=', a).execute();
    await store.db.updateTable('cases').set({ share_timeline: 1 }).where('id', '=', b).execute();
    await storeWatchedTimeline(store.db, caseTimelineKey({ id: 777, created_at: 1 }), {
      visaClass: 'F1',
      entry: null,
      route: null,
      post: 'BEJ',
      startDate: '2026-01-01',
      outcome: 'pending',
      outcomeDate: '2026-01-05',
      events: [],
    });
    expect(await reconcileWatchedTimelines(store.db)).toEqual({ removed: 2, stored: 1 });
    expect(await reconcileWatchedTimelines(store.db)).toEqual({ removed: 0, stored: 0 });
    const [t] = await listTimelines(store.db, {});
    expect(t!.events[0]).toMatchObject({ kind: 'status', status: 'administrative_processing' });
  });
});
