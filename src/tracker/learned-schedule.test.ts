import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { interpret } from '../decode/index.js';
import { loadTranslator } from '../i18n/translator.js';
import { createCaseRepository } from '../store/cases.js';
import { openStore, type Store } from '../store/db.js';
import { createSealer } from '../store/seal.js';
import { openTestPostgres, openTestSqlite, TEST_DATABASE_URL } from '../store/testing.js';
import { hourOfWeek } from './change-times.js';
import { summarizeChangeTimes } from './change-times-summary.js';
import { createChangeTimeLearner } from './learned-schedule.js';
import type { CheckFn } from './outcome.js';
import { createTracker } from './tracker.js';

if (!TEST_DATABASE_URL) console.warn('learned schedule: PostgreSQL tests skipped — set TEST_DATABASE_URL to run them');

/** The learned schedule over a real database and the real decoder; CEAC is a scripted answer (the site is external). */
const dir = mkdtempSync(join(tmpdir(), 'ceac-learned-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Db {
  store: Store;
  /** Opens the same database again, as a restarted process would. */
  reopen(): Promise<Store>;
  close(): Promise<void>;
}

const databases: [string, () => Promise<Db>, boolean][] = [
  [
    'sqlite',
    async () => {
      const file = join(dir, `${randomBytes(4).toString('hex')}.sqlite`);
      const store = await openTestSqlite(file);
      return { store, reopen: () => openStore({ sqliteFile: file }), close: () => store.close() };
    },
    false,
  ],
  [
    'postgres',
    async () => {
      const store = await openTestPostgres();
      return {
        store,
        reopen: () => openStore({ databaseUrl: store.url ?? '' }),
        close: () => store.close(),
      };
    },
    !TEST_DATABASE_URL,
  ],
];

const H = 3_600_000;
// Monday 2026-11-23 00:00 in Beijing (UTC+8) = Sunday 16:00 UTC.
const MON_BEIJING = Date.UTC(2026, 10, 22, 16, 0);

function scripted(statuses: () => string): CheckFn {
  return async (q) => ({
    kind: 'ok',
    observation: {
      status: statuses(),
      caseNumber: q.id,
      caseCreated: '2026-01-02',
      caseLastUpdated: '2026-02-03',
      post: null,
      message: 'Your case is undergoing necessary administrative processing.',
    },
    applicationName: null,
    message: 'ok',
    attempts: 1,
    durationMs: 1,
    requests: 3,
  });
}

describe.each(databases)('the learned schedule on %s', (_name, open, skip) => {
  it.skipIf(skip)(
    'stores each change as the interval since the last check that saw the old answer, and keeps it across a restart',
    async () => {
      const db = await open();
      try {
        const sealer = createSealer(randomBytes(32));
        const repo = createCaseRepository(db.store, sealer);
        const c = await repo.add({
          app: 'NIV',
          location: 'BEJ',
          caseNumber: 'AA00LEARN1',
          passport: 'Z1234567',
          surname: 'DOE',
        });
        let clock = MON_BEIJING + 14 * H; // Monday 14:00 Beijing
        let status = 'Administrative Processing';
        const tracker = createTracker({
          store: db.store,
          sealer,
          check: scripted(() => status),
          interpret,
          now: () => clock,
          random: () => 0.5,
          changeTimes: createChangeTimeLearner({ refreshMs: 0, now: () => clock }),
        });
        await tracker.checkCase(c.id); // the first answer: nothing to compare with
        clock += H;
        await tracker.checkCase(c.id); // the same answer at 15:00
        clock += H / 2;
        status = 'Issued';
        await tracker.checkCase(c.id); // a new answer at 15:30: the change lies in 15:00–15:30
        clock += H;
        await tracker.checkCase(c.id); // the same again: no new interval
        const rows = await db.store.db.selectFrom('change_intervals').selectAll().execute();
        expect(rows).toHaveLength(1);
        expect(rows[0]).toMatchObject({ location: 'BEJ', time_zone: 'Asia/Shanghai' });
        expect(Number(rows[0]?.from_at)).toBe(MON_BEIJING + 15 * H);
        expect(Number(rows[0]?.to_at)).toBe(MON_BEIJING + 15.5 * H);

        // More changes at this post, all seen in 14:00–18:00 Beijing time on weekdays.
        const more = Array.from({ length: 36 }, (_, i) => {
          const day = i % 5;
          const start = MON_BEIJING + (7 * (1 + Math.floor(i / 5)) * 24 + day * 24 + 14 + (i % 4)) * H;
          return {
            location: 'BEJ',
            time_zone: 'Asia/Shanghai',
            from_at: start,
            to_at: start + H / 2,
            created_at: start,
          };
        });
        await db.store.db.insertInto('change_intervals').values(more).execute();

        // A restarted process: a new connection to the same database and a new learner read what was learned.
        const again = await db.reopen();
        try {
          const est = await createChangeTimeLearner().estimate(again.db, 'BEJ', 'Asia/Shanghai');
          expect(est.n).toBe(37);
          const summary = summarizeChangeTimes(est, 'Beijing');
          expect(summary.learning).toBe(false);
          expect(summary.from).toBe('14:00');
          expect(summary.to).toBe('18:00');
          expect(summary.text).toMatch(
            /^checks concentrate on 14:00–18:00 Beijing time \(\d+% of checks\), when an estimated \d+% of this post's changes happen \(n = 37\)$/,
          );
          // And a restarted tracker places the next check of a case at that post by what it learned.
          clock = MON_BEIJING + 7 * 7 * 24 * H + 9 * H; // a Monday, 09:00 Beijing
          const restarted = createTracker({
            store: again,
            sealer,
            check: scripted(() => 'Administrative Processing'),
            interpret,
            now: () => clock,
            random: () => 0.5,
          });
          const report = await restarted.checkCase(c.id);
          expect(report.scheduleReason).toBe('learned_spread');
          const at = report.nextCheckAt ?? 0;
          // Checks thin out before the learned window: the next one comes later than under a flat week.
          expect(at - clock).toBeGreaterThan(H);
          expect(hourOfWeek(at, 'Asia/Shanghai') % 24).toBeLessThanOrEqual(18);
        } finally {
          await again.close();
        }
      } finally {
        await db.close();
      }
    },
  );
});

describe('the sentence when little is known', () => {
  it('says it is still learning, with the count', async () => {
    const store = await openTestSqlite();
    try {
      const est = await createChangeTimeLearner().estimate(store.db, 'BEJ', 'Asia/Shanghai');
      const summary = summarizeChangeTimes(est, 'Beijing');
      expect(summary.text).toBe(
        "still learning when this post's changes happen (n = 0); meanwhile checks follow the 0 changes seen at all posts",
      );
      // The same sentence in the reader's language, from the same numbers.
      const zh = await loadTranslator('zh-CN');
      expect(zh(summary.words)).toBe(
        '还在了解这个使领馆的状态通常何时变化（n = 0）；在此之前，查询时间参照所有使领馆已观察到的 0 次变化',
      );
    } finally {
      await store.close();
    }
  });
});
