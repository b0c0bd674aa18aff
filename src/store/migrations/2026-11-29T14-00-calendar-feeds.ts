import type { Kysely } from 'kysely';

import { dialectOf, TIME } from './util.js';

// Frozen. One secret calendar feed per account (/calendar/<token>.ics): only the token's SHA-256 is kept, so the
// database alone cannot be used to read anyone's feed; revoking deletes the row.
export async function up(db: Kysely<unknown>): Promise<void> {
  const dialect = await dialectOf(db);
  const ref = dialect === 'postgres' ? 'bigint' : 'integer';
  await db.schema
    .createTable('calendar_feeds')
    .addColumn('user_id', ref, (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('last_used_at', TIME)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('calendar_feeds').execute();
}
