import type { Kysely } from 'kysely';

import { TIME } from './util.js';

// Frozen.
// - rate_limits: the counters of the web rate limits, shared by every web process on PostgreSQL
//   (rate-limiter-flexible's own layout: key, points, expire in epoch ms). Unused on SQLite (one
//   process, counters in memory), created on both so that the schema is the same.
// - key_check: one row that proves which sealing key this database was written with (a value sealed
//   with it), so that a start with another key is refused before anything is read or written.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'varchar(255)', (c) => c.primaryKey())
    .addColumn('points', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expire', TIME)
    .execute();
  await db.schema
    .createTable('key_check')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('sealed', 'text', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('key_check').execute();
  await db.schema.dropTable('rate_limits').execute();
}
