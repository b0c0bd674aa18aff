import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';

import type { Database as SqliteDatabase, Statement as SqliteStatement } from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';

import type { Database } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Where the data lives, for messages: the SQLite file path or the PostgreSQL URL without credentials. */
  location: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… selects PostgreSQL; otherwise SQLite. */
  databaseUrl?: string | undefined;
  /** Directory for the SQLite file (created if missing). */
  dataDir?: string;
  /** An explicit SQLite file (":memory:" for tests). Wins over dataDir. */
  sqliteFile?: string;
  /** PostgreSQL pool size. */
  poolSize?: number;
}

/** Opens SQLite (default, WAL mode) or PostgreSQL behind one Kysely instance. */
export async function openStore(options: OpenOptions): Promise<Store> {
  if (options.databaseUrl && /^postgres(ql)?:\/\//.test(options.databaseUrl)) {
    const pg = await import('pg');
    // int8 (COUNT(*), bigint epoch-ms columns) would otherwise arrive as strings.
    pg.default.types.setTypeParser(pg.default.types.builtins.INT8, (v: string) => Number(v));
    const pool = new pg.default.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle connection that dies (server restart, admin termination) is replaced by the pool on next
    // use; without a listener its 'error' event would crash the process.
    pool.on('error', () => undefined);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', location: redactUrl(options.databaseUrl), close: () => db.destroy() };
  }
  const { default: SQLite } = await import('better-sqlite3');
  let file = options.sqliteFile;
  if (!file) {
    const dir = options.dataDir ?? '.';
    makePrivateDir(dir);
    file = join(dir, 'ceac-watch.sqlite');
  }
  // The database holds case numbers, labels, histories and session tokens: readable by its owner
  // only, and so are the -wal and -shm files SQLite creates beside it (they take the file's mode).
  if (file !== ':memory:') closeToOthers(file);
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  if (file !== ':memory:') for (const f of [file, `${file}-wal`, `${file}-shm`]) tightenIfPresent(f);
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', location: file, close: () => db.destroy() };
}

/**
 * Kysely prepares every statement anew; compiling SQL was a sixth of the tracker's time per check.
 * The same few statements run over and over, so prepared statements are kept (bounded, oldest out).
 * better-sqlite3 statements are reusable: Kysely runs each to completion before the next.
 */
function withStatementCache(sqlite: SqliteDatabase, max = 256) {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (stmt) {
        cache.delete(sql);
      } else {
        stmt = sqlite.prepare(sql);
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, stmt);
      return stmt;
    },
  };
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

/** Creates the data directory (and missing parents) readable by its owner only (whatever the umask). */
export function makePrivateDir(dir: string): void {
  const created = mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (created !== undefined) chmodSync(dir, 0o700);
}

/** Creates `file` empty with mode 0600 if missing (so SQLite never creates it 0644), and tightens it. */
function closeToOthers(file: string): void {
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
}

function tightenIfPresent(file: string): void {
  try {
    chmodSync(file, 0o600);
  } catch {
    // Not there (yet): SQLite creates it with the database file's mode.
  }
}

/** Network errors of a connection attempt, and PostgreSQL's "who are you" and "no such database" answers. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ETIMEDOUT']);
const PG_UNREACHABLE = /^(28...|3D000)$/; // invalid authorization (28xxx), database does not exist (3D000)

/** True when the configured database cannot be reached or entered (by the error's code, never its text). */
export function isUnreachableDatabase(err: unknown): boolean {
  if (err instanceof AggregateError) return err.errors.some(isUnreachableDatabase);
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (UNREACHABLE_CODES.has(code) || PG_UNREACHABLE.test(code));
}
