import type { Kysely } from 'kysely';
import { sql } from 'kysely';

import { dialectOf, idColumn, TIME } from './util.js';

// Frozen: change the cases schema with a new migration.
export async function up(db: Kysely<unknown>): Promise<void> {
  const dialect = await dialectOf(db);
  const ref = dialect === 'postgres' ? 'bigint' : 'integer';

  await idColumn(db.schema.createTable('cases'), dialect)
    .addColumn('owner_id', ref)
    .addColumn('label', 'text')
    .addColumn('group_name', 'text')
    .addColumn('app_type', 'text', (c) => c.notNull())
    .addColumn('location', 'text')
    .addColumn('case_number', 'text', (c) => c.notNull())
    .addColumn('passport_sealed', 'text')
    .addColumn('surname_sealed', 'text')
    .addColumn('identity_hash', 'text', (c) => c.notNull())
    .addColumn('context_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('share_timeline', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('watching', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('next_check_at', TIME)
    .addColumn('schedule_reason', 'text')
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_attempt_at', TIME)
    .addColumn('last_success_at', TIME)
    .addColumn('last_outcome', 'text')
    .addColumn('failing_since', TIME)
    .addColumn('failing_reported', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('state', 'text')
    .addColumn('variant', 'text')
    .addColumn('state_since', TIME)
    .addColumn('last_observation_id', ref)
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .execute();
  // Due cases are picked with `next_check_at <= now ORDER BY next_check_at`: this index serves both.
  await db.schema.createIndex('cases_next_check_at').on('cases').column('next_check_at').execute();
  await db.schema.createIndex('cases_owner').on('cases').columns(['owner_id', 'id']).execute();
  // One case per owner (null owner = the local user, hence the coalesce).
  await sql`create unique index cases_owner_identity on cases ((coalesce(owner_id, 0)), identity_hash)`.execute(db);

  await idColumn(db.schema.createTable('observations'), dialect)
    .addColumn('case_id', ref, (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('status', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('variant', 'text', (c) => c.notNull())
    .addColumn('case_created', 'text')
    .addColumn('case_last_updated', 'text')
    .addColumn('post', 'text')
    .addColumn('message', 'text')
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('first_seen_at', TIME, (c) => c.notNull())
    .addColumn('last_seen_at', TIME, (c) => c.notNull())
    .addColumn('seen_count', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('observations_case').on('observations').columns(['case_id', 'id']).execute();

  await idColumn(db.schema.createTable('events'), dialect)
    .addColumn('case_id', ref, (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', TIME, (c) => c.notNull())
    .addColumn('from_json', 'text')
    .addColumn('to_json', 'text')
    .addColumn('interpretation_json', 'text')
    .addColumn('detail_json', 'text')
    .addColumn('observation_id', ref)
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_case').on('events').columns(['case_id', 'id']).execute();

  await idColumn(db.schema.createTable('check_attempts'), dialect)
    .addColumn('case_id', ref, (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('at', TIME, (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('requests', 'integer', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('body_sealed', 'text')
    .addColumn('observation_id', ref)
    .execute();
  await db.schema.createIndex('check_attempts_case').on('check_attempts').columns(['case_id', 'id']).execute();

  await db.schema
    .createTable('request_budget')
    .addColumn('site', 'text', (c) => c.primaryKey())
    .addColumn('next_at', TIME, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['request_budget', 'check_attempts', 'events', 'observations', 'cases']) {
    await db.schema.dropTable(table).execute();
  }
}
