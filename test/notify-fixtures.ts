import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Kysely } from 'kysely';

import { enqueueDeliveries } from '../src/notify/index.js';
import type { Database } from '../src/store/schema.js';
import type { Sealer } from '../src/store/seal.js';
import type { EventKind, EventRow } from '../src/store/tables/cases.js';

/** Test data for notifications: a case with personal data (that must never show up) and its events. */
export const CASE_NUMBER = 'AA0098765432';
export const PASSPORT = 'X98765432';
export const SURNAME = 'Oyelaran';

export async function insertCase(
  db: Kysely<Database>,
  sealer: Sealer,
  ownerId: number | null = null,
  label = 'Mum',
): Promise<number> {
  const now = Date.now();
  const row = await db
    .insertInto('cases')
    .values({
      owner_id: ownerId,
      label,
      group_name: 'family',
      app_type: 'NIV',
      location: 'LND',
      case_number: CASE_NUMBER,
      passport_sealed: sealer.seal(PASSPORT),
      surname_sealed: sealer.seal(SURNAME),
      identity_hash: sealer.keyedHash(`NIV|${CASE_NUMBER}|${Math.random()}`),
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

const observation = (status: string, lastUpdated: string) => ({
  status,
  caseNumber: null,
  caseCreated: '2026-09-01',
  caseLastUpdated: lastUpdated,
  post: 'U.S. Embassy London',
  message: `Your case ${CASE_NUMBER} is being processed.`,
});

/** Inserts events the way the tracker does — and the outbox rows in the same transaction. */
export async function recordEvents(
  db: Kysely<Database>,
  caseId: number,
  kinds: EventKind[],
  options: { now?: number; fail?: boolean } = {},
): Promise<EventRow[]> {
  return db.transaction().execute(async (trx) => {
    const at = options.now ?? Date.now();
    const inserted = await trx
      .insertInto('events')
      .values(
        kinds.map((kind) => ({
          case_id: caseId,
          kind,
          at,
          from_json: kind.startsWith('check_') ? null : JSON.stringify(observation('Refused', '2026-11-20')),
          to_json: kind.startsWith('check_')
            ? null
            : JSON.stringify(observation('Administrative Processing', '2026-11-25')),
          interpretation_json: kind.startsWith('check_')
            ? null
            : JSON.stringify({
                state: 'administrative_processing',
                variant: 'administrative_processing',
                finality: 'in_progress',
                confidence: 0.9,
                headline: 'Your case is in administrative processing',
                meaning: 'The consulate is doing further checks before deciding.',
                nextSteps: ['Wait; most cases clear within 60 days.', 'Send any documents the consulate asked for.'],
                watchFor: [],
                sources: [],
                notes: [],
              }),
          detail_json: kind.startsWith('check_')
            ? JSON.stringify({ outcome: 'timeout', message: 'CEAC did not answer', failures: 6 })
            : null,
          observation_id: null,
          dedupe_key: `${caseId}:${kind}:${Math.random()}`,
          created_at: at,
        })),
      )
      .returningAll()
      .execute();
    await enqueueDeliveries(trx, inserted, options.now);
    if (options.fail) throw new Error('rolled back on purpose');
    return inserted;
  });
}

/**
 * Builds dist/ when it is missing or older than the notify sources: tests that run the dispatcher in
 * a child process (to SIGKILL it) or run the CLI use the compiled code, as a user would.
 */
export function ensureBuilt(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const newest = (dir: string): number =>
    Math.max(
      0,
      ...readdirSync(dir, { withFileTypes: true }).map((e) =>
        e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs,
      ),
    );
  const built = join(root, 'dist/notify/index.js');
  const cli = join(root, 'dist/cli/notify.js');
  const stale =
    !existsSync(built) ||
    !existsSync(cli) ||
    Math.min(statSync(built).mtimeMs, statSync(cli).mtimeMs) <
      Math.max(newest(join(root, 'src/notify')), statSync(join(root, 'src/cli/notify.ts')).mtimeMs);
  if (!stale) return;
  // tsc writes its output even when another part of the tree has type errors; we only need ours.
  spawnSync(
    process.execPath,
    [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')],
    { stdio: 'ignore' },
  );
  if (!existsSync(built)) throw new Error('npm run build did not produce dist/notify/index.js');
}
