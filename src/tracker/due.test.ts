import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';

import { openTestPostgres, openTestSqlite, TEST_DATABASE_URL } from '../store/testing.js';
import { selectDue } from './tracker.js';

if (!TEST_DATABASE_URL) console.warn('due-pick plan: PostgreSQL test skipped — set TEST_DATABASE_URL to run it');

describe('picking due cases uses the next_check_at index', () => {
  it('on SQLite: EXPLAIN QUERY PLAN searches the index and never scans cases', async () => {
    const store = await openTestSqlite();
    try {
      const q = selectDue(store.db, 1_000, 50).compile();
      // EXPLAIN through sql.raw takes no parameters: inline them.
      let i = 0;
      const inlined = q.sql.replace(/\?/g, () => String(q.parameters[i++]));
      const rows = (await sql.raw<{ detail: string }>(`explain query plan ${inlined}`).execute(store.db)).rows;
      const details = rows.map((r) => r.detail).join(' | ');
      expect(details).toMatch(/SEARCH cases USING (COVERING )?INDEX cases_next_check_at \(next_check_at<\?\)/);
      expect(details).not.toMatch(/SCAN cases/);
      expect(details).not.toMatch(/TEMP B-TREE/); // ordered by the index, no sort
    } finally {
      await store.close();
    }
  });

  it.skipIf(!TEST_DATABASE_URL)(
    'on PostgreSQL with 50,000 cases: EXPLAIN shows an index scan, no sequential scan',
    async () => {
      const store = await openTestPostgres();
      try {
        await sql`insert into cases (app_type, case_number, identity_hash, created_at, updated_at, next_check_at, owner_id)
        select 'NIV', 'AA' || g, 'h' || g, 0, 0, 1000000 + g * 1000, g from generate_series(1, 50000) g`.execute(
          store.db,
        );
        await sql`analyze cases`.execute(store.db);
        const q = selectDue(store.db, 1_000_000 + 60_000, 50).compile();
        const rows = (
          await sql
            .raw<{ 'QUERY PLAN': string }>(
              `explain ${q.sql.replace(/\$(\d+)/g, (_m, i: string) => String(q.parameters[Number(i) - 1]))}`,
            )
            .execute(store.db)
        ).rows;
        const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
        expect(plan).toMatch(/Index (Only )?Scan using cases_next_check_at/);
        expect(plan).not.toMatch(/Seq Scan/);
      } finally {
        await store.close();
      }
    },
  );
});
