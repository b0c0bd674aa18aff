import PgBoss from 'pg-boss';
import type { Logger } from 'pino';

import { CaseNotFoundError } from '../store/cases.js';
import type { CheckReport, Tracker } from './tracker.js';

/**
 * Scale-out mode: checks are pg-boss jobs in the PostgreSQL database, run by any number of
 * `ceac worker` processes. Every worker also enqueues due cases: claiming is atomic
 * (`FOR UPDATE SKIP LOCKED` plus a lease on `next_check_at`), so workers never enqueue the same case
 * twice, and the queue's `stately` policy keeps at most one waiting job per case.
 *
 * Crash safety: a worker killed mid-check leaves its job active; pg-boss expires it and retries it,
 * and the case's lease expires too. Either way the check runs again, and recording is idempotent
 * (a retried check finds its observation already recorded and writes no second event).
 */
export const CHECK_QUEUE = 'ceac-check';

export interface CheckJob {
  caseId: number;
}

export interface QueueOptions {
  databaseUrl: string;
  /** Seconds before an active job of a vanished worker is retried. */
  expireInSeconds?: number;
  /** How often pg-boss supervises (expires) jobs. */
  maintenanceIntervalSeconds?: number;
}

export async function startQueue(options: QueueOptions): Promise<PgBoss> {
  // Workers started together on a fresh database race to install pg-boss's schema and the queue;
  // the loser sees a deadlock or a duplicate key. Both are harmless: wait a moment and try again.
  for (let attempt = 1; ; attempt++) {
    const boss = new PgBoss({
      connectionString: options.databaseUrl,
      max: 4,
      maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
    });
    boss.on('error', () => undefined); // reported by the caller's own listener once started
    try {
      await boss.start();
      await boss.createQueue(CHECK_QUEUE, {
        name: CHECK_QUEUE,
        policy: 'stately',
        retryLimit: 5,
        retryDelay: 5,
        retryBackoff: true,
        expireInSeconds: options.expireInSeconds ?? 15 * 60,
      });
      return boss;
    } catch (err) {
      await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
      const code = (err as { code?: string }).code;
      const racing =
        code === '40P01' ||
        code === '23505' ||
        code === '42P07' ||
        /deadlock|duplicate key|already exists/.test(String(err));
      if (!racing || attempt >= 6) throw err;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 400 * attempt));
    }
  }
}

export interface WorkerOptions {
  boss: PgBoss;
  tracker: Tracker;
  logger?: Logger;
  /** Checks in progress at once in this process. */
  concurrency?: number;
  /** How often this worker enqueues due cases; 0 = never (another process does). */
  enqueueEveryMs?: number;
  batch?: number;
  pollingIntervalSeconds?: number;
  onReport?: (report: CheckReport) => void;
}

export interface WorkerHandle {
  /** Enqueues due cases once; returns how many were enqueued. */
  enqueueDue(): Promise<number>;
  /** Graceful stop: no new jobs; the checks in progress finish (up to `timeoutMs`). */
  stop(timeoutMs?: number): Promise<void>;
}

export async function enqueueDue(boss: PgBoss, tracker: Tracker, batch: number): Promise<number> {
  const ids = await tracker.claimDue(batch);
  if (ids.length === 0) return 0;
  await boss.insert(ids.map((caseId) => ({ name: CHECK_QUEUE, data: { caseId }, singletonKey: String(caseId) })));
  return ids.length;
}

export async function startWorker(options: WorkerOptions): Promise<WorkerHandle> {
  const { boss, tracker, logger } = options;
  const batch = options.batch ?? 100;
  const enqueueEveryMs = options.enqueueEveryMs ?? 5000;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let enqueuing: Promise<unknown> = Promise.resolve();

  let prunedAt = -Infinity;
  const enqueue = async (): Promise<number> => {
    if (Date.now() - prunedAt >= 3_600_000) {
      prunedAt = Date.now();
      await tracker.pruneAttempts();
    }
    let total = 0;
    // Keep claiming while full batches come back, so a backlog is queued in one go.
    for (;;) {
      const n = await enqueueDue(boss, tracker, batch);
      total += n;
      if (n < batch || stopping) return total;
    }
  };
  const tick = () => {
    enqueuing = enqueue()
      .catch((err: unknown) => logger?.error({ err }, 'could not enqueue due cases'))
      .finally(() => {
        if (!stopping) timer = setTimeout(tick, enqueueEveryMs);
      });
  };
  if (enqueueEveryMs > 0) tick();

  const concurrency = Math.max(1, options.concurrency ?? 1);
  for (let i = 0; i < concurrency; i++) {
    // pg-boss waits a polling interval after every fetch, even one that found work; a worker that
    // just finished a job asks for the next one at once instead (notifyWorker skips that wait).
    const self: { id?: string } = {};
    self.id = await boss.work<CheckJob>(
      CHECK_QUEUE,
      { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 },
      async (jobs) => {
        for (const job of jobs) {
          const report = await tracker.checkCase(job.data.caseId).catch((err: unknown) => {
            if (err instanceof CaseNotFoundError) return null; // removed since it was queued: nothing to do
            throw err;
          });
          if (report) options.onReport?.(report);
        }
        if (self.id && !stopping) boss.notifyWorker(self.id);
      },
    );
  }

  return {
    enqueueDue: enqueue,
    async stop(timeoutMs = 60_000) {
      stopping = true;
      if (timer) clearTimeout(timer);
      await enqueuing;
      await boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
    },
  };
}
