import type { Kysely } from 'kysely';

// Frozen. Check attempts are pruned by age (every check adds one); this index makes that cheap.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('check_attempts_at').on('check_attempts').column('at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('check_attempts_at').execute();
}
