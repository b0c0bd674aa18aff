import type { Kysely } from 'kysely';

import { dialectOf, idColumn, TIME } from './util.js';

// Frozen: change the timelines schema with a new migration.
export async function up(db: Kysely<unknown>): Promise<void> {
  const dialect = await dialectOf(db);
  await idColumn(db.schema.createTable('timelines'), dialect)
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_key', 'text', (c) => c.notNull())
    .addColumn('visa_class', 'text')
    .addColumn('entry', 'text')
    .addColumn('route', 'text')
    .addColumn('post', 'text')
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('start_month', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('outcome_date', 'text', (c) => c.notNull())
    .addColumn('wait_days', 'integer', (c) => c.notNull())
    .addColumn('events_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('note', 'text')
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('timelines_source_key')
    .on('timelines')
    .columns(['source', 'source_key'])
    .unique()
    .execute();
  // The group queries filter on class, then post, then entry; months narrow further.
  await db.schema
    .createIndex('timelines_group')
    .on('timelines')
    .columns(['visa_class', 'post', 'entry', 'start_month'])
    .execute();
  await db.schema.createIndex('timelines_post').on('timelines').columns(['post', 'start_month']).execute();
  await db.schema.createIndex('timelines_month').on('timelines').column('start_month').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('timelines').execute();
}
