import type { Command } from 'commander';
import type { Transaction } from 'kysely';

import { loadConfig } from '../config.js';
import { createLogger } from '../log.js';
import type { Database } from '../store/schema.js';
import type { EventRow } from '../store/tables/cases.js';
import { startQueue, startWorker } from '../tracker/queue.js';
import type { Tracking } from '../tracker/setup.js';
import type { CheckReport, OnEvents } from '../tracker/tracker.js';
import { describeReport, openCliTracking, storeErrors } from './case.js';
import { action, printJson, UsageError } from './runtime.js';
import { positive } from './watch.js';

/**
 * `ceac worker`: scale-out mode. Runs checks from the pg-boss queue in the PostgreSQL database of
 * DATABASE_URL; start any number, on any machines. Each worker also enqueues due cases and delivers
 * pending notifications. The request budget is held in the database, so it binds all of them
 * together. SIGTERM/SIGINT stop taking jobs and let the checks in progress finish.
 */

/**
 * What every check that records events must also write, in the same transaction: the notification
 * outbox rows (openTracking adds the shared timeline of a consenting case after them).
 */
export async function eventHooks(): Promise<OnEvents> {
  const notify = await import('../notify/index.js');
  return async (trx: Transaction<Database>, events: EventRow[]) => {
    await notify.enqueueDeliveries(trx, events);
  };
}

/**
 * Shared timelines whose consent changed outside a check (edits, removals, while no tracker ran):
 * set right at start and then every minute, as long as the process runs. Idempotent, so every
 * worker may run it.
 */
export async function keepTimelinesReconciled(t: Tracking, signal: AbortSignal): Promise<void> {
  const { reconcileWatchedTimelines } = await import('../tracker/timeline-sync.js');
  const run = () =>
    reconcileWatchedTimelines(t.store.db).catch((err: unknown) =>
      t.logger.warn(
        { err: { message: err instanceof Error ? err.message : String(err) } },
        'shared timelines reconcile failed',
      ),
    );
  await run();
  const timer = setInterval(() => void run(), 60_000);
  timer.unref();
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
}

/** The notification dispatcher, for processes that deliver what the outbox holds. */
export interface Notifications {
  /** Delivers what is due now (for `watch --once`). */
  flush(): Promise<void>;
  /** Called after a check that recorded events (its transaction has committed): deliver now, not at the next poll. */
  wake(): void;
  stop(): Promise<void>;
}

export async function startNotifications(t: Tracking): Promise<Notifications> {
  const notify = await import('../notify/index.js');
  const config = t.config;
  const dispatcher = notify.createDispatcher({
    store: t.store,
    sealer: t.sealer,
    logger: t.logger,
    allowPrivateTargets: config.CEAC_WATCH_ALLOW_PRIVATE_TARGETS,
    smtpUrl: config.SMTP_URL,
    mailFrom: config.MAIL_FROM,
    publicUrl: config.PUBLIC_URL,
  });
  dispatcher.start();
  return {
    async flush() {
      await dispatcher.runDue();
    },
    wake: () => dispatcher.wake(),
    stop: () => dispatcher.stop(),
  };
}

export function register(program: Command): void {
  program
    .command('worker')
    .description('run checks from the PostgreSQL job queue (scale-out mode; needs DATABASE_URL)')
    .option('--captcha <solver>', 'captcha solver: command:<program> | onnx:<model> (default CEAC_CAPTCHA)')
    .option('--concurrency <n>', 'checks in flight at once in this worker', '2')
    .option('--enqueue-every <seconds>', 'how often this worker enqueues due cases (0 = never)', '5')
    .option('--expire-after <seconds>', 'retry a job whose worker vanished after this long', '900')
    .option('--no-notify', 'do not deliver notifications from this worker')
    .option('--json', 'print one JSON line per check')
    .action(
      action(
        async (flags: {
          captcha?: string;
          concurrency: string;
          enqueueEvery: string;
          expireAfter: string;
          notify: boolean;
          json?: boolean;
        }) => {
          const config = await storeErrors(() => Promise.resolve(loadConfig()));
          if (!config.DATABASE_URL) {
            throw new UsageError(
              '`ceac worker` runs jobs from PostgreSQL: set DATABASE_URL=postgres://… (with SQLite, use `ceac watch`)',
            );
          }
          const concurrency = positive(flags.concurrency, '--concurrency');
          const enqueueEvery = Number(flags.enqueueEvery);
          if (!Number.isFinite(enqueueEvery) || enqueueEvery < 0)
            throw new UsageError('--enqueue-every must be 0 or more seconds');
          const expireAfter = positive(flags.expireAfter, '--expire-after');
          const logger = createLogger({ level: config.LOG_LEVEL, name: 'worker', base: { pid: process.pid } });
          const t = await openCliTracking({
            needsChecker: true,
            logger,
            poolSize: concurrency + 3,
            onEvents: await eventHooks(),
            ...(flags.captcha !== undefined && { captcha: flags.captcha }),
          });
          const boss = await storeErrors(() =>
            startQueue({
              databaseUrl: config.DATABASE_URL!,
              expireInSeconds: expireAfter,
              maintenanceIntervalSeconds: Math.min(60, Math.max(1, Math.floor(expireAfter / 3))),
            }),
          );
          boss.on('error', (err) => logger.error({ err }, 'job queue error'));
          const stopTimelines = new AbortController();
          await keepTimelinesReconciled(t, stopTimelines.signal);
          const notifications = flags.notify ? await startNotifications(t) : undefined;
          const onReport = (r: CheckReport) => {
            if (r.events.length > 0) notifications?.wake();
            if (flags.json) process.stdout.write(JSON.stringify(r) + '\n');
            else process.stdout.write(`case ${r.caseId}: ${describeReport(r).split('\n').join('\n  ')}\n`);
          };
          const worker = await startWorker({
            boss,
            tracker: t.tracker(),
            logger,
            concurrency,
            enqueueEveryMs: enqueueEvery * 1000,
            onReport,
          });
          logger.info({ concurrency }, 'worker started');
          await new Promise<void>((resolve) => {
            process.once('SIGTERM', () => resolve());
            process.once('SIGINT', () => resolve());
          });
          logger.info('draining: finishing the checks in progress');
          await worker.stop();
          await notifications?.stop();
          await t.close();
          if (flags.json) printJson({ stopped: true });
        },
      ),
    );
}
