import type { Kysely } from 'kysely';

/**
 * Frozen. `users.language`: the language a person chose on the web (en, zh-CN, es), so that their pages, e-mails
 * and notifications speak it on any device. Null until they choose; then the browser's Accept-Language decides.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('language', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('language').execute();
}
