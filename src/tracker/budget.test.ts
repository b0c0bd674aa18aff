import { describe, expect, it } from 'vitest';

import { openTestPostgres, openTestSqlite, TEST_DATABASE_URL, type TestStore } from '../store/testing.js';
import { databaseBudget, reserveSlot } from './budget.js';

if (!TEST_DATABASE_URL) console.warn('request budget: PostgreSQL tests skipped — set TEST_DATABASE_URL to run them');

const databases: [string, () => Promise<TestStore>, boolean][] = [
  ['sqlite', () => openTestSqlite(), false],
  ['postgres', () => openTestPostgres({ poolSize: 8 }), !TEST_DATABASE_URL],
];

describe.each(databases)('request budget on %s', (_name, open, skip) => {
  it.skipIf(skip)('hands out distinct slots at least one interval apart, even to concurrent callers', async () => {
    const store = await open();
    try {
      const slots = await Promise.all(Array.from({ length: 40 }, () => reserveSlot(store, 'ceac', 500, 10_000)));
      const sorted = [...slots].sort((a, b) => a - b);
      expect(sorted[0]).toBe(10_000);
      for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBe(500);
      // Later, once the queue has drained, a caller gets "now" again, not a slot in the past.
      expect(await reserveSlot(store, 'ceac', 500, 1_000_000)).toBe(1_000_000);
      // Sites have separate budgets.
      expect(await reserveSlot(store, 'other', 500, 10_000)).toBe(10_000);
    } finally {
      await store.close();
    }
  });

  it.skipIf(skip)('acquire() waits for its slot', async () => {
    const store = await open();
    try {
      let clock = 5_000;
      const waits: number[] = [];
      const budget = databaseBudget(store, {
        site: 'ceac',
        intervalMs: 2_000,
        now: () => clock,
        sleep: async (ms) => {
          waits.push(ms);
        },
      });
      await budget.acquire();
      await budget.acquire();
      await budget.acquire();
      clock += 10_000;
      await budget.acquire();
      expect(waits).toEqual([2_000, 4_000]);
    } finally {
      await store.close();
    }
  });
});
