import type { Kysely } from 'kysely';

/**
 * Frozen. `notify_channels.language`: the language a channel's messages are written in (en, zh-CN, es) when it was
 * chosen for the channel itself (`ceac notify add --lang`); null: the owning account's language, else English.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('notify_channels').addColumn('language', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('notify_channels').dropColumn('language').execute();
}
