import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from 'kysely';
import { PostgresAdapter } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

/**
 * Which database a migration runs on, asked of Kysely's adapter so migrations need no config. (A
 * probing query would abort PostgreSQL's migration transaction when it fails.)
 */
export function dialectOf(db: Kysely<unknown>): Promise<DialectName> {
  return Promise.resolve(db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite');
}

/** An auto-incrementing integer primary key on either database. */
export function idColumn<T extends string>(
  table: CreateTableBuilder<T>,
  dialect: DialectName,
  name = 'id',
): CreateTableBuilder<T> {
  return dialect === 'postgres'
    ? table.addColumn(name, 'bigserial', (c: ColumnDefinitionBuilder) => c.primaryKey())
    : table.addColumn(name, 'integer', (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement());
}

/** Epoch-millisecond columns: bigint on PostgreSQL (integer is 64-bit on SQLite already). */
export const TIME = 'bigint' as const;
