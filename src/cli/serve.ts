import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Command } from 'commander';

import type { CaptchaSolver } from '../captcha/solver.js';
import { type Config, loadConfig } from '../config.js';
import type { RunningSimulator } from '../simulator/index.js';
import type { InProcessChecker } from '../web/checker.js';
import { tr } from './i18n.js';
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
    .option('--host <host>', 'address to listen on (default HOST or 0.0.0.0; 127.0.0.1 with --demo)')
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
            throw new UsageError(tr('cli.serve.badPort', { given: flags.port }));
          config = { ...config, PORT: port };
        }
        if (flags.host !== undefined) config = { ...config, HOST: flags.host };
        // The demo allows private notification targets for everyone: only this machine may reach it,
        // unless the host is given explicitly (--host, or HOST in the environment).
        else if (flags.demo && !process.env.HOST) config = { ...config, HOST: '127.0.0.1' };
        const speed = Number(flags.speed);
        if (!(speed > 0)) throw new UsageError(tr('cli.serve.badSpeed', { given: flags.speed }));
        await serve(config, { demo: Boolean(flags.demo), speed });
      }),
    );
}

async function serve(base: Config, opts: { demo: boolean; speed: number }): Promise<void> {
  const paint = painter(process.stderr);
  const [{ serve: listen }, { createWebApp }, { smtpMailer }, { openRuntime, CheckerSetupError }, { statsServiceFor }] =
    await Promise.all([
      import('@hono/node-server'),
      import('../web/app.js'),
      import('../web/mailer.js'),
      import('../runtime/index.js'),
      import('../web/waiting-times.js'),
    ]);
  const cleanups: (() => Promise<void> | void)[] = [];
  const cleanup = async () => {
    for (const fn of cleanups.reverse()) await Promise.resolve(fn()).catch(() => undefined);
  };
  let config = base;
  try {
    let sim: RunningSimulator | null = null;
    const DEMO_CODE = 'DEMO42';
    if (opts.demo) {
      const { startSimulator } = await import('../simulator/index.js');
      const started = await startSimulator({ port: 0, speed: opts.speed, captchaCode: DEMO_CODE, debugCaptcha: true });
      sim = started;
      cleanups.push(() => started.close());
      const dir = await mkdtemp(join(tmpdir(), 'ceac-watch-demo-'));
      cleanups.push(() => rm(dir, { recursive: true, force: true }));
      // The demo never touches the real site or the real data: its own folder, database and key; its
      // notifications go to a webhook on this very server.
      config = {
        ...config,
        CEAC_WATCH_DATA: dir,
        DATABASE_URL: undefined,
        CEAC_BASE_URL: started.url,
        CEAC_REQUEST_INTERVAL_MS: 50,
        CEAC_WATCH_SECRET: undefined,
        CEAC_WATCH_ALLOW_PRIVATE_TARGETS: true,
      };
    }
    // On SQLite the checks run in this process (scheduled ones when a solver needs no person); on
    // PostgreSQL they are left to `ceac worker`.
    const onSqlite = !config.DATABASE_URL;
    const automatic: CaptchaSolver | string | null = opts.demo
      ? { name: 'demo', solve: () => Promise.resolve(DEMO_CODE) }
      : config.CEAC_CAPTCHA && config.CEAC_CAPTCHA !== 'prompt'
        ? config.CEAC_CAPTCHA
        : null;
    const runtime = await openRuntime(config, {
      loggerName: 'web',
      ...(onSqlite && { checks: { captcha: automatic } }),
      notify: true,
      // Links in notifications: PUBLIC_URL, else this server's own address (never a request's Host header).
      ...(config.PORT !== 0 && { publicUrl: linkUrl(config.HOST, config.PORT) }),
      reconcileTimelines: true,
      onTimelinesChanged: (store) => statsServiceFor(store).invalidate(),
    }).catch((err: unknown) => {
      throw err instanceof CheckerSetupError ? new UsageError(`CEAC_CAPTCHA: ${err.message}`) : err;
    });
    cleanups.push(() => runtime.close());
    const { logger, store, sealer } = runtime;
    const dispatcher = runtime.dispatcher!;
    if (runtime.migrated.length) logger.info({ migrations: runtime.migrated }, 'database migrated');

    let checker: InProcessChecker | null = null;
    const stop = new AbortController();
    let loop: Promise<unknown> = Promise.resolve();
    // Scheduled checks start once the server listens (and, in the demo, once its inbox channel exists).
    let startLoop: (() => void) | null = null;
    let note = '';
    if (runtime.tracking) {
      const { createInProcessChecker } = await import('../web/checker.js');
      checker = createInProcessChecker(runtime.tracking);
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
          }).catch((err: unknown) => logger.error({ err: { message: (err as Error).message } }, 'watch loop stopped'));
        };
      } else {
        note = tr('cli.serve.noSolver');
      }
    } else {
      note = tr('cli.serve.postgresMode');
    }

    // Links in mail and notifications: PUBLIC_URL, else the address this server listens on (known
    // once it listens; with a fixed port, already now). Never a request's Host header.
    let listenUrl: string | null = config.PORT === 0 ? null : linkUrl(config.HOST, config.PORT);
    const inbox = opts.demo ? new (await import('../web/demo-inbox.js')).DemoInbox() : null;
    const demoInboxRoutes = opts.demo ? (await import('../web/demo-inbox.js')).demoInboxRoutes : null;
    const { app, services } = createWebApp({
      ...(inbox &&
        demoInboxRoutes && {
          extend: (web, _api, services) => {
            services.demoInbox = true;
            web.route('/', demoInboxRoutes(inbox));
          },
        }),
      store,
      sealer,
      logger,
      mailer: smtpMailer(config.SMTP_URL, config.MAIL_FROM),
      publicUrl: config.PUBLIC_URL ?? null,
      listenUrl: () => listenUrl,
      trustProxy: config.CEAC_WATCH_TRUST_PROXY,
      proxyHops: config.CEAC_WATCH_PROXY_HOPS,
      checker,
      notify: {
        allowPrivateTargets: config.CEAC_WATCH_ALLOW_PRIVATE_TARGETS,
        dispatcher,
        dispatcherOptions: runtime.dispatcherOptions,
      },
      // A new case gets its first check at once rather than at the loop's next wake-up.
      onCaseAdded: (id) => {
        if (checker?.automatic)
          void checker
            .check(id)
            .catch((err: unknown) => logger.warn({ err: { message: (err as Error).message } }, 'first check failed'));
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
      const seeded = await seedDemoTimelines(store.db, new Date().toISOString().slice(0, 10));
      statsServiceFor(store).invalidate();
      const stopDue = keepDemoCasesDue(services.cases, demo.userId, 5_000);
      cleanups.push(stopDue);
      demoLogin = tr('cli.serve.demoLogin', {
        email: DEMO_EMAIL,
        password: DEMO_PASSWORD,
        cases: demo.caseIds.length,
        url: sim.url,
        speed: opts.speed,
      });
      demoLogin += `\n${tr('cli.serve.demoTimelines', { count: seeded.inserted + seeded.updated + seeded.unchanged })}`;
    }

    const server = await new Promise<ReturnType<typeof listen>>((resolve, reject) => {
      const s = listen({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, () => resolve(s));
      s.once('error', (err: NodeJS.ErrnoException) =>
        reject(
          err.code === 'EADDRINUSE'
            ? new CommandFailure(tr('cli.serve.portInUse', { port: String(config.PORT) }))
            : err,
        ),
      );
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    listenUrl = linkUrl(config.HOST, port);
    if (opts.demo && demoUserId !== null) {
      // The demo's notifications land in its own inbox page (a webhook to this very server).
      const notify = await import('../notify/index.js');
      await notify
        .addChannel(
          store.db,
          sealer,
          demoUserId,
          `json://127.0.0.1:${String(port)}/api/demo/inbox`,
          { name: 'demo inbox', events: [...notify.EVENT_KINDS] },
          { allowPrivateTargets: true },
        )
        .catch((err: unknown) =>
          logger.warn({ err: { message: (err as Error).message } }, 'demo inbox channel not added'),
        );
      demoLogin += `\n${tr('cli.serve.demoInbox', { url: `http://localhost:${String(port)}/demo/inbox` })}`;
      // The hourly pass of reminders and wave notices ran before the demo had cases, a pool and this channel;
      // in the demo it runs every few seconds, so that the held case's reminder and its wave notice (which needs
      // the case's first check: only open cases are told) arrive in the first minute. Idempotent: never twice.
      const notices = notify.startNoticeLoop({ store, logger, wake: () => dispatcher.wake(), everyMs: 5_000 });
      cleanups.push(() => notices.stop());
    }
    startLoop?.();
    process.stdout.write(`${tr('cli.serve.running', { url: paint('bold', `${listenUrl}/`) })}\n`);
    if (demoLogin) process.stdout.write(`${demoLogin}\n`);
    if (note) process.stderr.write(`${paint('yellow', tr('cli.note'))} ${note}\n`);
    process.stderr.write(`${tr('cli.serve.data', { location: store.location })}\n`);

    await new Promise<void>((resolve) => {
      const onSignal = () => resolve();
      process.once('SIGTERM', onSignal);
      process.once('SIGINT', onSignal);
    });
    process.stderr.write(`${tr('cli.serve.stopping')}\n`);
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
  process.stderr.write(`${tr('cli.serve.stopped')}\n`);
}

/** The server's own address as a link base (links in mail and notifications when PUBLIC_URL is unset). */
function linkUrl(listenHost: string, port: number): string {
  const host = listenHost === '0.0.0.0' || listenHost === '::' ? 'localhost' : listenHost;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}
