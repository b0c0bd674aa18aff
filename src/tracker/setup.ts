import type { Logger } from 'pino';

import type { Config } from '../config.js';
import { createLogger } from '../log.js';
import { openConfiguredStore, type OpenedStore } from '../store/open.js';
import { databaseBudget, type RequestBudget } from './budget.js';
import type { CheckFn } from './outcome.js';
import { withTimelineSync } from './timeline-sync.js';
import { createTracker, type Interpret, type OnEvents, type Tracker, type TrackerOptions } from './tracker.js';

/**
 * Puts the tracker together from the configuration: the store, the sealer, the site budget held in
 * the database (so it binds every process), the CEAC client with its captcha solver, and the decoder.
 * The CEAC client and the decoder are loaded only when a check is about to run.
 */
export interface Tracking extends OpenedStore {
  config: Config;
  logger: Logger;
  budget: RequestBudget;
  /** The tracker; throws if the tracking was opened without a checker. */
  tracker(): Tracker;
}

export interface TrackingOptions {
  /** Captcha solver spec for checks (`prompt`, `command:…`, `onnx:…`); defaults to CEAC_CAPTCHA. */
  captcha?: string;
  /** Load the CEAC client (and solver) now: for commands that check. */
  needsChecker?: boolean;
  onEvents?: OnEvents;
  logger?: Logger;
  poolSize?: number;
  tracker?: Partial<TrackerOptions>;
}

/** CEAC's requests per check (form page, captcha image, submit): what the schedule budgets for. */
export const REQUESTS_PER_CHECK = 3;

export async function openTracking(config: Config, options: TrackingOptions = {}): Promise<Tracking> {
  const opened = await openConfiguredStore(config, {
    ...(options.poolSize !== undefined && { poolSize: options.poolSize }),
  });
  const logger = options.logger ?? createLogger({ level: config.LOG_LEVEL, name: 'tracker' });
  const budget = databaseBudget(opened.store, {
    site: new URL(config.CEAC_BASE_URL).host,
    intervalMs: config.CEAC_REQUEST_INTERVAL_MS,
  });
  let tracker: Tracker | undefined;
  try {
    if (options.needsChecker) {
      const { check, interpret } = await loadChecker(config, budget, options.captcha ?? config.CEAC_CAPTCHA);
      tracker = createTracker({
        store: opened.store,
        sealer: opened.sealer,
        check,
        interpret,
        logger,
        failingAfterMs: config.CHECK_FAILING_AFTER_MIN * 60_000,
        budget: { requestIntervalMs: config.CEAC_REQUEST_INTERVAL_MS, requestsPerCheck: REQUESTS_PER_CHECK },
        // Every check keeps the case's shared timeline in step, after the caller's hook (the outbox).
        onEvents: withTimelineSync({ next: options.onEvents }),
        ...options.tracker,
      });
    }
  } catch (err) {
    await opened.close();
    throw err;
  }
  return {
    ...opened,
    config,
    logger,
    budget,
    tracker() {
      if (!tracker) throw new Error('internal: tracking was opened without a checker');
      return tracker;
    },
  };
}

export class CheckerSetupError extends Error {
  override name = 'CheckerSetupError';
}

async function loadChecker(
  config: Config,
  budget: RequestBudget,
  captcha: string | undefined,
): Promise<{ check: CheckFn; interpret: Interpret }> {
  if (!captcha) {
    throw new CheckerSetupError(
      'background checks need a captcha solver: pass --captcha prompt|command:<program>|onnx:<model> or set CEAC_CAPTCHA',
    );
  }
  const [{ createCeacClient, CeacSetupError }, { solverFromSpec }, { interpret }] = await Promise.all([
    import('../ceac/index.js'),
    import('../captcha/index.js'),
    import('../decode/index.js'),
  ]);
  let solver;
  try {
    solver = await solverFromSpec(captcha);
  } catch (err) {
    throw new CheckerSetupError((err as Error).message);
  }
  let client;
  try {
    client = createCeacClient({
      transport: config.CEAC_TRANSPORT,
      browser: config.CEAC_BROWSER,
      dataDir: config.CEAC_WATCH_DATA,
      baseUrl: config.CEAC_BASE_URL,
      userAgent: config.CEAC_USER_AGENT,
      solver,
      budget,
      timeoutMs: config.CEAC_REQUEST_TIMEOUT_MS,
    });
  } catch (err) {
    if (err instanceof CeacSetupError) throw new CheckerSetupError(err.message);
    throw err;
  }
  return { check: (query) => client.check(query), interpret };
}
