import type { Command } from 'commander';

import { runWatchLoop } from '../tracker/loop.js';
import type { CheckReport } from '../tracker/tracker.js';
import { tr } from './i18n.js';
import { action, CommandFailure, printJson } from './runtime.js';
import { describeReport, openCliRuntime, positive, withEnglishReason } from './shared.js';

/**
 * `ceac watch`: the embedded tracker. Checks due cases on their schedule (one process, SQLite or
 * PostgreSQL) and delivers the notifications their events queue. `--once` checks every due case once
 * and exits (for cron and tests). SIGINT/SIGTERM finish the checks in progress, then exit.
 */
export function register(program: Command): void {
  program
    .command('watch')
    .description('check due cases on their schedule and send notifications')
    .option('--once', 'check every due case once, then exit (for cron)')
    .option('--captcha <solver>', 'captcha solver: command:<program> | onnx:<model> | prompt (default CEAC_CAPTCHA)')
    .option('--batch <n>', 'cases claimed per round', '20')
    .option('--concurrency <n>', 'checks in flight at once (the site budget still spaces requests)', '1')
    .option('--no-notify', 'record events but do not deliver notifications from this process')
    .option('--json', 'print one JSON line per check, then a summary')
    .action(
      action(
        async (flags: {
          once?: boolean;
          captcha?: string;
          batch: string;
          concurrency: string;
          notify: boolean;
          json?: boolean;
        }) => {
          const batch = positive(flags.batch, '--batch');
          const concurrency = positive(flags.concurrency, '--concurrency');
          const t = await openCliRuntime({
            checks: { ...(flags.captcha !== undefined && { captcha: flags.captcha }), required: true },
            notify: flags.notify,
            reconcileTimelines: true,
          });
          const stop = new AbortController();
          const notifications = t.dispatcher;
          const onSignal = () => stop.abort();
          process.once('SIGINT', onSignal);
          process.once('SIGTERM', onSignal);
          const onReport = (r: CheckReport) => {
            if (r.events.length > 0) notifications?.wake();
            if (flags.json) process.stdout.write(JSON.stringify(withEnglishReason(r)) + '\n');
            else
              process.stdout.write(
                `${tr('cli.case.title', { id: r.caseId })}: ${describeReport(r).split('\n').join('\n  ')}\n`,
              );
          };
          try {
            if (!flags.once && !flags.json)
              process.stderr.write(tr('cli.watch.watching', { location: t.store.location }) + '\n');
            const total = await runWatchLoop({
              tracker: t.tracker(),
              signal: stop.signal,
              batch,
              concurrency,
              once: Boolean(flags.once),
              onReport,
            });
            if (notifications) await notifications.runDue();
            if (flags.json) printJson({ summary: total });
            else
              process.stderr.write(
                tr('cli.watch.summary', {
                  picked: total.picked,
                  ok: total.ok,
                  failed: total.failed,
                  events: total.events,
                }) + '\n',
              );
            if (flags.once && total.failed > 0 && total.ok === 0)
              throw new CommandFailure(tr('cli.watch.allFailed', { failed: total.failed }));
          } finally {
            process.off('SIGINT', onSignal);
            process.off('SIGTERM', onSignal);
            await t.close();
          }
        },
      ),
    );
}
