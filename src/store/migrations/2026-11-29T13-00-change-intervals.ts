import type { Kysely } from 'kysely';

import { dialectOf, idColumn, TIME } from './util.js';

// Frozen: the learned schedule's data (src/store/tables/schedule.ts). Change it with a new migration.
export async function up(db: Kysely<unknown>): Promise<void> {
  const dialect = await dialectOf(db);
  await idColumn(db.schema.createTable('change_intervals'), dialect)
    .addColumn('location', 'text')
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('from_at', TIME, (c) => c.notNull())
    .addColumn('to_at', TIME, (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('change_intervals').execute();
}
