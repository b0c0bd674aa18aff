import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Command } from 'commander';

import type { CaptchaSolver } from '../captcha/solver.js';
import { type Config, loadConfig } from '../config.js';
import type { RunningSimulator } from '../simulator/index.js';
import type { InProcessChecker } from '../web/checker.js';
import { action, CommandFailure, painter, UsageError } from './runtime.js';

/**
 * `ceac serve`: migrate, then serve the web app. On SQLite the tracker runs in this process (checks
 * on schedule when a captcha solver is configured; "check now" always); on PostgreSQL the checks are
 * left to `ceac worker`. `--demo` points everything at the built-in simulator with a fast clock.
 * SIGTERM/SIGINT stop taking requests, let checks in progress finish, and close the database.
 */
export function register(program: Command): void {
  program
    .command('serve')
    .description('run the web app and the tracker (http://localhost:8080 by default)')
    .option('-p, --port <port>', 'port to listen on (default PORT or 8080)')
    .option('--host <host>', 'address to listen on (default HOST or 0.0.0.0)')
    .option(
      '--demo',
      'demo mode: built-in simulator, accelerated clock, a demo account with cases (data in a temporary folder)',
    )
    .option('--speed <n>', 'demo only: simulated seconds per real second', '2880')
    .action(
      action(async (flags: { port?: string; host?: string; demo?: boolean; speed: string }) => {
        let config: Config = loadConfig();
        if (flags.port !== undefined) {
          const port = Number(flags.port);
          if (!Number.isInteger(port) || port < 0 || port > 65535)
            throw new UsageError(`--port must be a whole number from 0 to 65535, not "${flags.port}"`);
          config = { ...config, PORT: port };
        }
        if (flags.host !== undefined) config = { ...config, HOST: flags.host };
        const speed = Number(flags.speed);
        if (!(speed > 0)) throw new UsageError(`--speed must be a positive number, not "${flags.speed}"`);
        await serve(config, { demo: Boolean(flags.demo), speed });
      }),
    );
}

async function serve(base: Config, opts: { demo: boolean; speed: number }): Promise<void> {
  const paint = painter(process.stderr);
  const [{ serve: listen }, { createWebApp }, { smtpMailer }, { openConfiguredStore }, { createLogger }] =
    await Promise.all([
      import('@hono/node-server'),
      import('../web/app.js'),
      import('../web/mailer.js'),
      import('../store/open.js'),
      import('../log.js'),
    ]);
  const cleanups: (() => Promise<void> | void)[] = [];
  const cleanup = async () => {
    for (const fn of cleanups.reverse()) await Promise.resolve(fn()).catch(() => undefined);
  };
  let config = base;
  const logger = createLogger({ level: config.LOG_LEVEL, name: 'web' });
  try {
    let sim: RunningSimulator | null = null;
    const DEMO_CODE = 'DEMO42';
    if (opts.demo) {
      const { startSimulator } = await import('../simulator/index.js');
      sim = await startSimulator({ port: 0, speed: opts.speed, captchaCode: DEMO_CODE, debugCaptcha: true });
      cleanups.push(() => sim!.close());
      const dir = await mkdtemp(join(tmpdir(), 'ceac-watch-demo-'));
      cleanups.push(() => rm(dir, { recursive: true, force: true }));
      // The demo never touches the real site or the real data: its own folder, database and key.
      config = {
        ...config,
        CEAC_WATCH_DATA: dir,
        DATABASE_URL: undefined,
        CEAC_BASE_URL: sim.url,
        CEAC_REQUEST_INTERVAL_MS: 50,
        CEAC_WATCH_SECRET: undefined,
      };
    }
    const opened = await openConfiguredStore(config);
    cleanups.push(() => opened.close());
    if (opened.migrated.length) logger.info({ migrations: opened.migrated }, 'database migrated');

    // Notifications: events write the outbox in their own transaction; this dispatcher delivers it
    // (with workers on PostgreSQL, several dispatchers share the outbox through leases).
    const notify = await import('../notify/index.js');
    const allowPrivateTargets = config.CEAC_WATCH_ALLOW_PRIVATE_TARGETS || opts.demo;
    const dispatcher = notify.createDispatcher({
      store: opened.store,
      sealer: opened.sealer,
      logger,
      allowPrivateTargets,
      smtpUrl: config.SMTP_URL,
      mailFrom: config.MAIL_FROM,
      publicUrl: config.PUBLIC_URL,
    });
    dispatcher.start();
    cleanups.push(() => dispatcher.stop());

    const [{ reconcileWatchedTimelines, withTimelineSync }, { statsServiceFor }] = await Promise.all([
      import('../tracker/timeline-sync.js'),
      import('../web/waiting-times.js'),
    ]);
    // Shared timelines of cases whose consent changed outside this process (CLI edits, removals).
    const reconcileTimelines = () =>
      reconcileWatchedTimelines(opened.store.db)
        .then((r) => (r.removed || r.stored ? statsServiceFor(opened.store).invalidate() : undefined))
        .catch((err: unknown) =>
          logger.warn(
            { err: { message: err instanceof Error ? err.message : String(err) } },
            'shared timelines reconcile failed',
          ),
        );
    await reconcileTimelines();
    const reconcileTimer = setInterval(() => void reconcileTimelines(), 60_000).unref();
    cleanups.push(() => clearInterval(reconcileTimer));

    const onSqlite = opened.store.dialect === 'sqlite';
    let checker: InProcessChecker | null = null;
    const stop = new AbortController();
    let loop: Promise<unknown> = Promise.resolve();
    // Scheduled checks start once the server listens (and, in the demo, once its inbox channel exists).
    let startLoop: (() => void) | null = null;
    let note = '';
    if (onSqlite) {
      const [{ createInProcessChecker }, { databaseBudget }, { solverFromSpec }] = await Promise.all([
        import('../web/checker.js'),
        import('../tracker/budget.js'),
        import('../captcha/index.js'),
      ]);
      let automatic: CaptchaSolver | null = null;
      if (opts.demo) automatic = { name: 'demo', solve: () => Promise.resolve(DEMO_CODE) };
      else if (config.CEAC_CAPTCHA && config.CEAC_CAPTCHA !== 'prompt') {
        try {
          automatic = await solverFromSpec(config.CEAC_CAPTCHA);
        } catch (err) {
          throw new UsageError(`CEAC_CAPTCHA: ${(err as Error).message}`);
        }
      }
      checker = createInProcessChecker({
        store: opened.store,
        sealer: opened.sealer,
        logger,
        baseUrl: config.CEAC_BASE_URL,
        userAgent: config.CEAC_USER_AGENT,
        timeoutMs: config.CEAC_REQUEST_TIMEOUT_MS,
        budget: databaseBudget(opened.store, {
          site: new URL(config.CEAC_BASE_URL).host,
          intervalMs: config.CEAC_REQUEST_INTERVAL_MS,
        }),
        requestIntervalMs: config.CEAC_REQUEST_INTERVAL_MS,
        failingAfterMs: config.CHECK_FAILING_AFTER_MIN * 60_000,
        automatic,
        // The outbox, then the shared timelines, in the transaction that recorded the events.
        onEvents: withTimelineSync({
          next: (trx, events) => notify.enqueueDeliveries(trx, events).then(() => undefined),
          onChange: () => statsServiceFor(opened.store).invalidate(),
        }),
      });
      cleanups.push(() => checker!.close());
      if (checker.background) {
        const { runWatchLoop } = await import('../tracker/loop.js');
        const tracker = checker.background;
        startLoop = () => {
          loop = runWatchLoop({
            tracker,
            signal: stop.signal,
            idleMaxMs: opts.demo ? 2_000 : 30_000,
            // The events' transaction has committed by now: deliver at once rather than at the next poll.
            onReport: (r) => {
              if (r.events.length > 0) dispatcher.wake();
            },
          }).catch((err: unknown) =>
            logger.error({ err: { message: err instanceof Error ? err.message : String(err) } }, 'watch loop stopped'),
          );
        };
      } else {
        note =
          'No automatic captcha solver (CEAC_CAPTCHA=command:… or onnx:…): cases are checked when someone presses "Check now" and types the captcha.';
      }
    } else {
      note = 'PostgreSQL mode: run `ceac worker` processes to check cases.';
    }

    const inbox = opts.demo ? new (await import('../web/demo-inbox.js')).DemoInbox() : null;
    const demoInboxRoutes = opts.demo ? (await import('../web/demo-inbox.js')).demoInboxRoutes : null;
    const { app, services } = createWebApp({
      ...(inbox && demoInboxRoutes && { extend: (web) => void web.route('/', demoInboxRoutes(inbox)) }),
      store: opened.store,
      sealer: opened.sealer,
      logger,
      mailer: smtpMailer(config.SMTP_URL, config.MAIL_FROM),
      publicUrl: config.PUBLIC_URL ?? null,
      trustProxy: config.CEAC_WATCH_TRUST_PROXY,
      checker,
      notify: { allowPrivateTargets, dispatcher, smtpUrl: config.SMTP_URL, mailFrom: config.MAIL_FROM },
      // A new case gets its first check at once rather than at the loop's next wake-up.
      onCaseAdded: (id) => {
        if (checker?.automatic)
          void checker
            .check(id)
            .catch((err: unknown) =>
              logger.warn({ err: { message: err instanceof Error ? err.message : String(err) } }, 'first check failed'),
            );
      },
    });
    cleanups.push(() => services.personChecks.closeAll());

    let demoLogin = '';
    let demoUserId: number | null = null;
    if (opts.demo && sim) {
      const { createDemoAccount, keepDemoCasesDue, DEMO_EMAIL, DEMO_PASSWORD } = await import('../web/demo.js');
      const demo = await createDemoAccount(services.accounts, services.cases, sim);
      demoUserId = demo.userId;
      // Generated waiting times (marked demo:, and said so on the pages) so /stats has something to show.
      const { seedDemoTimelines } = await import('../web/demo-timelines.js');
      const seeded = await seedDemoTimelines(opened.store.db, new Date().toISOString().slice(0, 10));
      statsServiceFor(opened.store).invalidate();
      const stopDue = keepDemoCasesDue(services.cases, demo.userId, 5_000);
      cleanups.push(stopDue);
      demoLogin = `demo login: ${DEMO_EMAIL} / ${DEMO_PASSWORD} (${demo.caseIds.length} cases; simulator at ${sim.url}, ${opts.speed}× speed)`;
      demoLogin += `\nwaiting times at /stats come from ${seeded.inserted + seeded.updated + seeded.unchanged} generated demo timelines, not real cases`;
    }

    const server = await new Promise<ReturnType<typeof listen>>((resolve, reject) => {
      const s = listen({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, () => resolve(s));
      s.once('error', (err: NodeJS.ErrnoException) =>
        reject(
          err.code === 'EADDRINUSE'
            ? new CommandFailure(
                `port ${config.PORT} is already in use: stop the other program or pick another with --port`,
              )
            : err,
        ),
      );
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    if (opts.demo && demoUserId !== null) {
      // The demo's notifications land in its own inbox page (a webhook to this very server).
      await notify
        .addChannel(
          opened.store.db,
          opened.sealer,
          demoUserId,
          `json://127.0.0.1:${port}/api/demo/inbox`,
          { name: 'demo inbox', events: [...notify.EVENT_KINDS] },
          { allowPrivateTargets: true },
        )
        .catch((err: unknown) =>
          logger.warn(
            { err: { message: err instanceof Error ? err.message : String(err) } },
            'demo inbox channel not added',
          ),
        );
      demoLogin += `\nnotifications of the demo cases land at http://localhost:${port}/demo/inbox`;
    }
    const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
    startLoop?.();
    process.stdout.write(`ceac-watch is running at ${paint('bold', `http://${host}:${port}/`)}\n`);
    if (demoLogin) process.stdout.write(`${demoLogin}\n`);
    if (note) process.stderr.write(`${paint('yellow', 'note:')} ${note}\n`);
    process.stderr.write(`data: ${opened.store.location} (Ctrl-C to stop)\n`);

    await new Promise<void>((resolve) => {
      const onSignal = () => resolve();
      process.once('SIGTERM', onSignal);
      process.once('SIGINT', onSignal);
    });
    process.stderr.write('stopping: finishing checks in progress…\n');
    stop.abort();
    services.personChecks.closeAll();
    // Open live-update streams would hold the server open: close connections once requests finish.
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
      setTimeout(
        () => (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.(),
        2_000,
      ).unref();
    });
    await loop;
  } finally {
    await cleanup();
  }
  process.stderr.write('stopped\n');
}
