import type { Command } from 'commander';

import { loadConfig } from '../config.js';
import { createLogger } from '../log.js';
import { startQueue, startWorker } from '../tracker/queue.js';
import type { CheckReport } from '../tracker/tracker.js';
import { tr } from './i18n.js';
import { action, printJson, UsageError } from './runtime.js';
import { describeReport, openCliRuntime, positive, storeErrors, withEnglishReason } from './shared.js';

/**
 * `ceac worker`: scale-out mode. Runs checks from the pg-boss queue in the PostgreSQL database of
 * DATABASE_URL; start any number, on any machines. Each worker also enqueues due cases and delivers
 * pending notifications. The request budget is held in the database, so it binds all of them
 * together. SIGTERM/SIGINT stop taking jobs and let the checks in progress finish.
 */

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
            throw new UsageError(tr('cli.worker.needsPostgres'));
          }
          const concurrency = positive(flags.concurrency, '--concurrency');
          const enqueueEvery = Number(flags.enqueueEvery);
          if (!Number.isFinite(enqueueEvery) || enqueueEvery < 0)
            throw new UsageError(tr('cli.worker.badEnqueueEvery'));
          const expireAfter = positive(flags.expireAfter, '--expire-after');
          const logger = createLogger({ level: config.LOG_LEVEL, name: 'worker', base: { pid: process.pid } });
          const t = await openCliRuntime({
            checks: { ...(flags.captcha !== undefined && { captcha: flags.captcha }), required: true },
            logger,
            poolSize: concurrency + 3,
            notify: flags.notify,
            reconcileTimelines: true,
          });
          const boss = await storeErrors(() =>
            startQueue({
              databaseUrl: config.DATABASE_URL!,
              expireInSeconds: expireAfter,
              maintenanceIntervalSeconds: Math.min(60, Math.max(1, Math.floor(expireAfter / 3))),
            }),
          );
          boss.on('error', (err) => logger.error({ err }, 'job queue error'));
          const notifications = t.dispatcher;
          const onReport = (r: CheckReport) => {
            if (r.events.length > 0) notifications?.wake();
            if (flags.json) process.stdout.write(JSON.stringify(withEnglishReason(r)) + '\n');
            else
              process.stdout.write(
                `${tr('cli.case.title', { id: r.caseId })}: ${describeReport(r).split('\n').join('\n  ')}\n`,
              );
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
          await t.close();
          if (flags.json) printJson({ stopped: true });
        },
      ),
    );
}
