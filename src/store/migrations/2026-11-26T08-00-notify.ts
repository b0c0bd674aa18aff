import type { Kysely } from 'kysely';
import { sql } from 'kysely';

import { dialectOf, idColumn, TIME } from './util.js';

// Frozen: change the notification schema with a new migration.
export async function up(db: Kysely<unknown>): Promise<void> {
  const dialect = await dialectOf(db);
  const ref = dialect === 'postgres' ? 'bigint' : 'integer';

  await idColumn(db.schema.createTable('notify_channels'), dialect)
    .addColumn('owner_id', ref)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('url_sealed', 'text', (c) => c.notNull())
    .addColumn('url_masked', 'text', (c) => c.notNull())
    .addColumn('events_json', 'text', (c) => c.notNull())
    .addColumn('quiet_start', 'text')
    .addColumn('quiet_end', 'text')
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('digest', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('digest_at', 'text', (c) => c.notNull().defaultTo('09:00'))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .execute();
  // One name per owner (null owner = the local user, hence the coalesce).
  await sql`create unique index notify_channels_owner_name on notify_channels ((coalesce(owner_id, 0)), name)`.execute(
    db,
  );

  await idColumn(db.schema.createTable('notify_deliveries'), dialect)
    .addColumn('event_id', ref, (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('channel_id', ref, (c) => c.notNull().references('notify_channels.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('digest', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', TIME, (c) => c.notNull())
    .addColumn('hold_reason', 'text')
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', TIME)
    .addColumn('last_error', 'text')
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('sent_at', TIME)
    .addUniqueConstraint('notify_deliveries_event_channel', ['event_id', 'channel_id'])
    .execute();
  // The dispatcher picks due rows by (status, next_attempt_at); expired leases by (status, lease_until).
  await db.schema
    .createIndex('notify_deliveries_due')
    .on('notify_deliveries')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('notify_deliveries_channel')
    .on('notify_deliveries')
    .columns(['channel_id', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notify_deliveries').execute();
  await db.schema.dropTable('notify_channels').execute();
}
