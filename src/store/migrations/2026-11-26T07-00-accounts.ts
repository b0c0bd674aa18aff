import type { Kysely } from 'kysely';

import { dialectOf, idColumn, TIME } from './util.js';

// Frozen: change the accounts schema with a new migration.
export async function up(db: Kysely<unknown>): Promise<void> {
  const dialect = await dialectOf(db);
  const ref = dialect === 'postgres' ? 'bigint' : 'integer';
  await idColumn(db.schema.createTable('users'), dialect)
    .addColumn('email_lookup', 'text', (c) => c.notNull().unique())
    .addColumn('email_sealed', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', ref, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('expires_at', TIME, (c) => c.notNull())
    .addColumn('last_seen_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
  await idColumn(db.schema.createTable('api_tokens'), dialect)
    .addColumn('user_id', ref, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('last_used_at', TIME)
    .execute();
  await db.schema.createIndex('api_tokens_user').on('api_tokens').column('user_id').execute();
  await db.schema
    .createTable('password_resets')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', ref, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('expires_at', TIME, (c) => c.notNull())
    .addColumn('used_at', TIME)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['password_resets', 'api_tokens', 'sessions', 'users'])
    await db.schema.dropTable(t).ifExists().execute();
}
