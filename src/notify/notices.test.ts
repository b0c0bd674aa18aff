import { randomBytes } from 'node:crypto';

import { afterEach, describe, expect, it } from 'vitest';

import { generateClearances } from '../stats/waves.js';
import { createCaseRepository } from '../store/cases.js';
import { createSealer } from '../store/seal.js';
import { openTestPostgres, openTestSqlite, TEST_DATABASE_URL, type TestStore } from '../store/testing.js';
import type { Timeline } from '../timelines/model.js';
import { upsertTimelines } from '../timelines/repository.js';
import { addChannel } from './channel-store.js';
import { recentWaveNotices, recordWaveNotices } from './clearance-waves.js';
import { renderEvent } from './content.js';
import { recordReminders } from './reminders.js';

if (!TEST_DATABASE_URL) console.warn('reminders and wave notices: PostgreSQL tests skipped — set TEST_DATABASE_URL');

const at = (iso: string) => Date.parse(iso);
const sealer = createSealer(randomBytes(32));

async function setup(store: TestStore) {
  const cases = createCaseRepository(store, sealer, () => at('2025-03-04T08:00:00Z'));
  const c = await cases.add({
    app: 'NIV',
    location: 'BEJ',
    caseNumber: 'AA00123456',
    passport: 'E1234567',
    surname: 'WANG',
    context: { visaClass: 'F-1', officer: '221g', slipDate: '2025-03-04', interviewDate: '2025-03-04' },
  });
  await store.db
    .insertInto('observations')
    .values({
      case_id: c.id,
      status: 'Refused',
      state: 'refused',
      variant: 'refused_221g',
      case_created: null,
      case_last_updated: null,
      post: 'BEJ',
      message: null,
      content_hash: 'h',
      first_seen_at: at('2025-03-05T08:00:00Z'),
      last_seen_at: at('2025-03-05T08:00:00Z'),
    })
    .execute();
  await store.db
    .updateTable('cases')
    .set({ state: 'refused', variant: 'refused_221g' })
    .where('id', '=', c.id)
    .execute();
  const options = { allowPrivateTargets: true };
  // One channel takes reminders and waves, with quiet hours 22:00–07:00 in Beijing; one takes only status changes.
  const all = await addChannel(
    store.db,
    sealer,
    null,
    'json://127.0.0.1:9/hook',
    {
      name: 'phone',
      events: ['status_changed', 'reminder', 'clearance_wave'],
      quiet: { start: '22:00', end: '07:00' },
      timeZone: 'Asia/Shanghai',
    },
    options,
  );
  const statusOnly = await addChannel(
    store.db,
    sealer,
    null,
    'json://127.0.0.1:9/other',
    { name: 'status', events: ['status_changed'], timeZone: 'UTC' },
    options,
  );
  return { caseId: c.id, all: all.channel.id, statusOnly: statusOnly.channel.id };
}

const deliveries = (store: TestStore) =>
  store.db
    .selectFrom('notify_deliveries as d')
    .innerJoin('events as e', 'e.id', 'd.event_id')
    .select(['d.channel_id', 'd.next_attempt_at', 'd.hold_reason', 'e.kind', 'e.dedupe_key', 'e.detail_json'])
    .orderBy('d.id')
    .execute();

const backends: [string, () => Promise<TestStore>, boolean][] = [
  ['sqlite', () => openTestSqlite(), false],
  ['postgres', () => openTestPostgres(), !TEST_DATABASE_URL],
];

for (const [name, open, skip] of backends) {
  describe.skipIf(skip)(`reminders and wave notices through the outbox on ${name}`, () => {
    let store: TestStore | undefined;
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    it('reminds 30, 7 and 1 days before the 221(g) documents are due, once each, held through quiet hours', async () => {
      store = await open();
      const ids = await setup(store);
      // 2026-02-01 is 31 days before 2026-03-04: nothing yet.
      expect(await recordReminders(store.db, at('2026-02-01T12:00:00Z'))).toEqual([]);
      // 16:00 UTC is 00:00 in Beijing: inside the quiet hours, so held until 07:00 there (23:00 UTC).
      const first = await recordReminders(store.db, at('2026-02-02T16:00:00Z'));
      expect(first.map((e) => e.dedupe_key)).toEqual([`reminder:${ids.caseId}:documents_due_221g:2026-03-04:30`]);
      // Later that day and the next: the same reminder is not written again.
      expect(await recordReminders(store.db, at('2026-02-02T20:00:00Z'))).toEqual([]);
      expect(await recordReminders(store.db, at('2026-02-03T12:00:00Z'))).toEqual([]);
      await recordReminders(store.db, at('2026-02-25T03:00:00Z'));
      await recordReminders(store.db, at('2026-03-03T03:00:00Z'));
      await recordReminders(store.db, at('2026-03-03T04:00:00Z'));
      const rows = await deliveries(store);
      expect(rows.map((r) => r.dedupe_key.split(':').at(-1))).toEqual(['30', '7', '1']);
      expect(rows.every((r) => Number(r.channel_id) === ids.all)).toBe(true);
      expect(rows[0]?.hold_reason).toBe('quiet hours');
      expect(Number(rows[0]?.next_attempt_at)).toBe(at('2026-02-02T23:00:00Z'));
      expect(rows[1]?.hold_reason).toBeNull();
      const events = await store.db.selectFrom('events').selectAll().where('kind', '=', 'reminder').execute();
      const c = {
        id: ids.caseId,
        label: null,
        group_name: null,
        case_number: 'AA00123456',
        app_type: 'NIV',
        location: 'BEJ',
      };
      const n = renderEvent(
        { ...events[1]!, id: Number(events[1]!.id), case_id: ids.caseId, at: Number(events[1]!.at) },
        c,
        null,
      );
      expect(n.title).toContain('221(g) documents due: 2026-03-04 (in 7 days)');
      expect(n.text).toContain('Source: INA 203(e)');
      expect(n.text).not.toContain('AA00123456');
    });

    it('tells the owner of an open F1 case at Beijing about a wave there, once, on opted-in channels only', async () => {
      store = await open();
      const ids = await setup(store);
      // 90 days of 1 F1 clearance a day at BEJ, then 7 on 2025-06-10 (the test day).
      const clearances = generateClearances({
        seed: 3,
        groups: [{ post: 'BEJ', visaClass: 'F1', rate: 1 }],
        start: '2025-03-12',
        days: 91,
        waves: [{ group: 0, day: 90, size: 7 }],
      });
      const timelines: Timeline[] = clearances.map((c, i) => ({
        source: 'checkee',
        sourceKey: `k${i}`,
        // Imports write the class as people do; the detector groups F-1 with F1.
        visaClass: i % 2 ? 'F-1' : 'f1',
        entry: 'new',
        route: null,
        post: 'BEJ',
        startDate: new Date(Date.parse(c.date) - c.waitDays * 86_400_000).toISOString().slice(0, 10),
        outcome: 'cleared',
        outcomeDate: c.date,
        events: [],
      }));
      await upsertTimelines(store.db, timelines);
      const now = at('2025-06-10T20:00:00Z');
      const r = await recordWaveNotices(store.db, now);
      expect(r.waves.some((w) => w.post === 'BEJ' && w.visaClass === 'F1' && w.date === '2025-06-10')).toBe(true);
      expect(r.events).toHaveLength(1);
      const message = (JSON.parse(r.events[0]!.detail_json!) as { message: string }).message;
      expect(message).toMatch(
        /^\d+ F1 cases at Beijing, China that had waited \d+–\d+ days cleared on 2025-06-10; yours has waited 98\.$/,
      );
      expect((await recordWaveNotices(store.db, now + 3_600_000)).events).toEqual([]);
      const rows = (await deliveries(store)).filter((d) => d.kind === 'clearance_wave');
      expect(rows.map((d) => Number(d.channel_id))).toEqual([ids.all]);
      expect(await recentWaveNotices(store.db, ids.caseId, now)).toEqual([{ date: '2025-06-10', message }]);
    });
  });
}
