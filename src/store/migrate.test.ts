import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';

import { migrateToLatest } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';
import { openTestPostgres, openTestSqlite, TEST_DATABASE_URL, type TestStore } from './testing.js';

if (!TEST_DATABASE_URL) console.warn('store migrations: PostgreSQL tests skipped — set TEST_DATABASE_URL to run them');

const databases: [string, () => Promise<TestStore>, boolean][] = [
  ['sqlite', () => openTestSqlite(), false],
  ['postgres', () => openTestPostgres(), !TEST_DATABASE_URL],
];

describe.each(databases)('migrations on %s', (_name, open, skip) => {
  it.skipIf(skip)('apply every migration once, then nothing on a second run', async () => {
    const store = await open();
    try {
      expect(await migrateToLatest(store)).toEqual([]);
      const tables = await store.db.introspection.getTables();
      const names = tables.map((t) => t.name);
      for (const t of ['cases', 'observations', 'events', 'check_attempts', 'request_budget'])
        expect(names).toContain(t);
      expect(Object.keys(MIGRATIONS)).toEqual([...Object.keys(MIGRATIONS)].sort());
    } finally {
      await store.close();
    }
  });

  it.skipIf(skip)(
    'refuses a second case with the same identity for the same owner, allows it for another',
    async () => {
      const store = await open();
      try {
        const row = {
          owner_id: null,
          app_type: 'NIV' as const,
          case_number: 'AA0020AKAX',
          identity_hash: 'h1',
          context_json: '{}',
          created_at: 1,
          updated_at: 1,
        };
        await store.db.insertInto('cases').values(row).execute();
        await expect(store.db.insertInto('cases').values(row).execute()).rejects.toThrow(/unique|UNIQUE/);
        await store.db
          .insertInto('cases')
          .values({ ...row, owner_id: 7 })
          .execute();
        const n = await store.db
          .selectFrom('cases')
          .select(sql<number>`count(*)`.as('n'))
          .executeTakeFirstOrThrow();
        expect(Number(n.n)).toBe(2);
      } finally {
        await store.close();
      }
    },
  );
});
