import { afterEach, describe, expect, it } from 'vitest';

import { openTestPostgres, openTestSqlite, TEST_DATABASE_URL, type TestStore } from '../store/testing.js';
import { importCheckee } from './checkee.js';
import type { Timeline } from './model.js';
import {
  countTimelines,
  listTimelines,
  loadDurations,
  loadMonthly,
  removeWatchedTimeline,
  upsertTimelines,
  upsertWatchedTimeline,
} from './repository.js';

if (!TEST_DATABASE_URL)
  console.warn('timelines repository: PostgreSQL tests skipped — set TEST_DATABASE_URL to run them');

const HEADER = 'nickname,visa_type,visa_entry,consulate,status,check_date,complete_date';
const EXPORT_1 = [
  HEADER,
  'a,F1,New,BeiJing,Clear,2026-01-01,2026-01-21',
  'b,F1,New,BeiJing,Pending,2026-01-05,0000-00-00',
  'c,F1,Renewal,BeiJing,Reject,2026-01-06,2026-01-16',
  'd,H1B,New,ShangHai,Pending,2026-02-01,0000-00-00',
].join('\n');
// A later export: b was cleared, d is still pending, e is new.
const EXPORT_2 = [
  HEADER,
  'a,F1,New,BeiJing,Clear,2026-01-01,2026-01-21',
  'b,F1,New,BeiJing,Clear,2026-01-05,2026-03-01',
  'd,H1B,New,ShangHai,Pending,2026-02-01,0000-00-00',
  'e,F1,New,GuangZhou,Clear,2026-02-10,2026-02-12',
].join('\n');

const watched: Omit<Timeline, 'source' | 'sourceKey'> = {
  visaClass: 'F1',
  entry: 'renewal',
  route: 'dropbox',
  post: 'BEJ',
  startDate: '2026-02-01',
  outcome: 'pending',
  outcomeDate: '2026-02-20',
  events: [{ date: '2026-02-01', kind: 'status', status: 'refused' }],
};

const backends: [string, () => Promise<TestStore>, boolean][] = [
  ['sqlite', () => openTestSqlite(), false],
  ['postgres', () => openTestPostgres(), !TEST_DATABASE_URL],
];

for (const [name, open, skip] of backends) {
  describe.skipIf(skip)(`timelines repository on ${name}`, () => {
    let store: TestStore | undefined;
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    it('imports, recognises duplicates on re-import, and updates pending cases from a newer export', async () => {
      store = await open();
      const first = await upsertTimelines(store.db, importCheckee(EXPORT_1, { asOf: '2026-02-15' }).timelines);
      expect(first).toEqual({ inserted: 4, updated: 0, unchanged: 0 });
      const again = await upsertTimelines(store.db, importCheckee(EXPORT_1, { asOf: '2026-02-15' }).timelines);
      expect(again).toEqual({ inserted: 0, updated: 0, unchanged: 4 });
      const later = await upsertTimelines(store.db, importCheckee(EXPORT_2, { asOf: '2026-03-10' }).timelines);
      // b decided; d still pending but known pending for longer; a unchanged; e new.
      expect(later).toEqual({ inserted: 1, updated: 2, unchanged: 1 });
      // An older export never overwrites newer news.
      const stale = await upsertTimelines(store.db, importCheckee(EXPORT_1, { asOf: '2026-02-15' }).timelines);
      expect(stale).toEqual({ inserted: 0, updated: 0, unchanged: 4 });
      const f1 = await listTimelines(store.db, { visaClass: 'f1', post: 'BEJ' });
      expect(f1.map((t) => [t.outcome, t.outcomeDate])).toEqual([
        ['cleared', '2026-01-21'],
        ['cleared', '2026-03-01'],
        ['refused', '2026-01-16'],
      ]);
      const d = await loadDurations(store.db, { visaClass: 'H1B' });
      expect([...d.days]).toEqual([37]); // 2026-02-01 -> censored at the 2026-03-10 export
      expect([...d.cause]).toEqual([0]);
    });

    it('two imports of the same export at once store each case once, without an error', async () => {
      store = await open();
      const batch = importCheckee(EXPORT_1, { asOf: '2026-02-15' }).timelines;
      const [a, b] = await Promise.all([upsertTimelines(store.db, batch), upsertTimelines(store.db, batch)]);
      expect(a.inserted + b.inserted).toBe(4);
      expect(a.unchanged + b.unchanged).toBe(4);
      expect(await countTimelines(store.db)).toBe(4);
    });

    it('filters by class, post, entry, route and start month', async () => {
      store = await open();
      await upsertTimelines(store.db, importCheckee(EXPORT_2, { asOf: '2026-03-10' }).timelines);
      await upsertWatchedTimeline(store.db, 'case-1', watched);
      expect(await countTimelines(store.db)).toBe(5);
      expect(await countTimelines(store.db, { visaClass: 'F1', entry: 'new' })).toBe(3);
      expect(await countTimelines(store.db, { route: 'dropbox' })).toBe(1);
      expect(await countTimelines(store.db, { from: '2026-02', to: '2026-02' })).toBe(3);
      expect(await countTimelines(store.db, { to: '2026-01' })).toBe(2);
      const monthly = await loadMonthly(store.db, { post: 'BEJ' });
      expect(monthly.map((m) => m.month).sort()).toEqual(['2026-01', '2026-01', '2026-02']);
    });

    it('keeps a watched case in step, stores only a hash of its key, and withdraws it', async () => {
      store = await open();
      expect(await upsertWatchedTimeline(store.db, 'AA00123456', watched)).toBe('inserted');
      expect(await upsertWatchedTimeline(store.db, 'AA00123456', watched)).toBe('unchanged');
      const issued = { ...watched, outcome: 'issued' as const, outcomeDate: '2026-03-02' };
      expect(await upsertWatchedTimeline(store.db, 'AA00123456', issued)).toBe('updated');
      const rows = await store.db.selectFrom('timelines').selectAll().execute();
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows)).not.toContain('AA00123456');
      expect(rows[0]!.wait_days).toBe(29);
      expect(await removeWatchedTimeline(store.db, 'AA00123456')).toBe(true);
      expect(await countTimelines(store.db)).toBe(0);
    });

    it('refuses an invalid timeline with a clear message', async () => {
      store = await open();
      await expect(
        upsertTimelines(store.db, [{ ...watched, source: 'manual', sourceKey: 'k', outcomeDate: '2026-01-01' }]),
      ).rejects.toThrow(/outcome date 2026-01-01 is before the start 2026-02-01/);
    });
  });
}
