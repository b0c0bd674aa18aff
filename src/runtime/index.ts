import type { CaptchaSolver } from '../captcha/solver.js';
import type { Config } from '../config.js';
import { SetupError } from '../errors.js';
import { createLogger, type Logger } from '../log.js';
import type { Dispatcher, DispatcherOptions } from '../notify/dispatcher.js';
import { enqueueDeliveries } from '../notify/outbox.js';
import type { Store } from '../store/db.js';
import { type MigratedStore, openConfiguredStore, type OpenedStore, openMigratedStore } from '../store/open.js';
import { databaseBudget, type RequestBudget } from '../tracker/budget.js';
import { reconcileWatchedTimelines, withTimelineSync } from '../tracker/timeline-sync.js';
import type { OnEvents, Tracker, TrackerOptions } from '../tracker/tracker.js';
import type { Tracking } from './tracking.js';

export { type CeacChecker, type CeacSettings, createCeacClient, REQUESTS_PER_CHECK } from './ceac.js';
export { createTracking, type OwnTracker, type Tracking, type TrackingParts } from './tracking.js';

/**
 * The composition root: every command and the web app get their parts here, from the configuration,
 * and give them back with one close(). What a command does not ask for is not built (nor loaded).
 */

/** What every runtime is opened with. */
interface BaseOptions {
  /** Default: a logger at LOG_LEVEL named `loggerName`. */
  logger?: Logger;
  loggerName?: string;
  poolSize?: number;
}

/**
 * A runtime without the sealing key, for commands that touch nothing sealed (`stats`, `import`,
 * `predict`): the key is neither loaded nor, when there is none yet, created.
 */
export interface StoreRuntimeOptions extends BaseOptions {
  sealing: false;
}

export interface RuntimeOptions extends BaseOptions {
  /** The default: load the sealing key (creating the key file when there is none) and check it opens the data. */
  sealing?: true;
  /**
   * Checks run from this process. `captcha` is the solver of scheduled checks: a spec (`command:…`,
   * `onnx:…`, `prompt`; default CEAC_CAPTCHA), a solver, or null for none (a person answers each
   * captcha through trackerWith). `required` makes a missing solver a setup error.
   */
  checks?: { captcha?: string | CaptchaSolver | null; required?: boolean };
  /**
   * Start the notification dispatcher (it delivers what the outbox holds until close) and the hourly
   * notices (deadline reminders and clearance waves; idempotent, so every process may run them).
   */
  notify?: boolean;
  /** Where links in notifications point when PUBLIC_URL is unset (e.g. the address `serve` listens on). */
  publicUrl?: string;
  /** Keep shared timelines in step with consent changed elsewhere: at open, then every minute. */
  reconcileTimelines?: boolean;
  /** Told when a shared timeline changed (e.g. to drop cached statistics). */
  onTimelinesChanged?: (store: Store) => void;
  /** Test hooks for the trackers (clock, lease). */
  tracker?: Partial<TrackerOptions>;
}

/** The store, migrated, with the configuration and a logger: all a runtime opened without sealing has. */
export interface StoreRuntime extends MigratedStore {
  config: Config;
  logger: Logger;
}

export interface Runtime extends OpenedStore, StoreRuntime {
  /** The site budget, held in the database so that it binds every process. */
  budget: RequestBudget;
  /** What every check writes with its events, in their transaction: the outbox, then shared timelines. */
  onEvents: OnEvents;
  /** How this process delivers notifications (also for a one-off dispatcher, e.g. a test message). */
  dispatcherOptions: DispatcherOptions;
  /** The running dispatcher, when opened with `notify`. */
  dispatcher: Dispatcher | null;
  /** The trackers, when opened with `checks`. */
  tracking: Tracking | null;
  /** The tracker of scheduled checks; throws when there is none. */
  tracker(): Tracker;
  close(): Promise<void>;
}

/** A problem in how checks were set up (no captcha solver, a bad solver spec): the caller's to fix. */
export class CheckerSetupError extends SetupError {
  override name = 'CheckerSetupError';
  override readonly code = 'checker_setup';
}

export const RECONCILE_EVERY_MS = 60_000;

const loggerFor = (config: Config, options: BaseOptions): Logger =>
  options.logger ?? createLogger({ level: config.LOG_LEVEL, name: options.loggerName ?? 'tracker' });

export async function openRuntime(config: Config, options: StoreRuntimeOptions): Promise<StoreRuntime>;
export async function openRuntime(config: Config, options?: RuntimeOptions): Promise<Runtime>;
export async function openRuntime(
  config: Config,
  options: RuntimeOptions | StoreRuntimeOptions = {},
): Promise<Runtime | StoreRuntime> {
  const poolSize = { ...(options.poolSize !== undefined && { poolSize: options.poolSize }) };
  if (options.sealing === false) {
    const opened = await openMigratedStore(config, poolSize);
    return { ...opened, config, logger: loggerFor(config, options) };
  }
  const opened = await openConfiguredStore(config, poolSize);
  const closers: (() => Promise<void> | void)[] = [() => opened.close()];
  const close = async () => {
    for (const fn of closers.splice(0).reverse()) await Promise.resolve(fn()).catch(() => undefined);
  };
  try {
    const logger = loggerFor(config, options);
    const { store, sealer } = opened;
    const budget = databaseBudget(store, {
      site: new URL(config.CEAC_BASE_URL).host,
      intervalMs: config.CEAC_REQUEST_INTERVAL_MS,
    });
    const onEvents = withTimelineSync({
      next: async (trx, events) => {
        await enqueueDeliveries(trx, events);
      },
      onChange: () => options.onTimelinesChanged?.(store),
    });
    const dispatcherOptions: DispatcherOptions = {
      store,
      sealer,
      logger,
      allowPrivateTargets: config.CEAC_WATCH_ALLOW_PRIVATE_TARGETS,
      smtpUrl: config.SMTP_URL,
      mailFrom: config.MAIL_FROM,
      publicUrl: config.PUBLIC_URL ?? options.publicUrl,
    };

    let tracking: Tracking | null = null;
    if (options.checks) {
      const solver = await solverFor(
        options.checks.captcha === undefined ? config.CEAC_CAPTCHA : options.checks.captcha,
      );
      if (!solver && options.checks.required) {
        throw new CheckerSetupError(
          'background checks need a captcha solver: pass --captcha prompt|command:<program>|onnx:<model> or set CEAC_CAPTCHA',
        );
      }
      const { createTracking } = await import('./tracking.js');
      const t = createTracking(config, {
        store,
        sealer,
        logger,
        budget,
        onEvents,
        solver,
        ...(options.tracker && { tracker: options.tracker }),
      });
      tracking = t;
      closers.push(() => t.close());
    }

    let dispatcher: Dispatcher | null = null;
    if (options.notify) {
      const { createDispatcher } = await import('../notify/dispatcher.js');
      const { startNoticeLoop } = await import('../notify/notice-loop.js');
      const d = createDispatcher(dispatcherOptions);
      d.start();
      dispatcher = d;
      closers.push(() => d.stop());
      const notices = startNoticeLoop({ store, logger, wake: () => d.wake() });
      closers.push(() => notices.stop());
    }

    if (options.reconcileTimelines) {
      const reconcile = () =>
        reconcileWatchedTimelines(store.db)
          .then((r) => {
            if (r.removed || r.stored) options.onTimelinesChanged?.(store);
          })
          .catch((err: unknown) =>
            logger.warn({ err: { message: (err as Error).message } }, 'shared timelines reconcile failed'),
          );
      await reconcile();
      const timer = setInterval(() => void reconcile(), RECONCILE_EVERY_MS).unref();
      closers.push(() => clearInterval(timer));
    }

    return {
      ...opened,
      config,
      logger,
      budget,
      onEvents,
      dispatcherOptions,
      dispatcher,
      tracking,
      tracker() {
        if (!tracking?.background) throw new Error('internal: the runtime was opened without scheduled checks');
        return tracking.background;
      },
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

/** A solver from its spec (loaded only when checks run); the spec's own problem as a setup error. */
async function solverFor(spec: string | CaptchaSolver | null | undefined): Promise<CaptchaSolver | null> {
  if (spec === null || spec === undefined || spec === '') return null;
  if (typeof spec !== 'string') return spec;
  const { solverFromSpec } = await import('../captcha/spec.js');
  try {
    return await solverFromSpec(spec);
  } catch (err) {
    throw new CheckerSetupError((err as Error).message);
  }
}
