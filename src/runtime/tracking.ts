import type { CaptchaSolver } from '../captcha/solver.js';
import type { RequestBudget } from '../ceac/budget.js';
import type { Config } from '../config.js';
import { interpret } from '../decode/index.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/db.js';
import type { Sealer } from '../store/seal.js';
import { CheckAbandoned } from '../tracker/outcome.js';
import { createTracker, type OnEvents, type Tracker, type TrackerOptions } from '../tracker/tracker.js';
import { type CeacChecker, type CeacSettings, createCeacClient, REQUESTS_PER_CHECK } from './ceac.js';

/** The settings the trackers read (a whole Config fits). */
export type TrackingSettings = CeacSettings &
  Pick<Config, 'CEAC_REQUEST_INTERVAL_MS'> &
  Partial<Pick<Config, 'CHECK_FAILING_AFTER_MIN'>>;

export interface TrackingParts {
  store: Store;
  sealer: Sealer;
  logger: Logger;
  /** The site budget shared by every check. */
  budget: RequestBudget;
  /** Written in the transaction that records a check's events (the outbox, shared timelines). */
  onEvents?: OnEvents;
  /** The solver of scheduled checks; null when only a person can answer captchas. */
  solver: CaptchaSolver | null;
  /** Test hooks (clock, lease time). */
  tracker?: Partial<TrackerOptions>;
}

/** A tracker over a CEAC client of its own; close() closes that client. */
export interface OwnTracker {
  tracker: Tracker;
  close(): Promise<void>;
}

export interface Tracking {
  /** The tracker of scheduled checks, over one shared client; null without an automatic solver. */
  background: Tracker | null;
  /** The store the trackers write to. */
  store: Store;
  /**
   * A tracker over a client of its own (a person's captcha waits block no one else). When `abandoned`
   * says so after a failed check (the person cancelled or walked away), nothing is recorded: the
   * check throws CheckAbandoned instead.
   */
  trackerWith(solver: CaptchaSolver, options?: { maxCaptchaTries?: number; abandoned?: () => boolean }): OwnTracker;
  close(): Promise<void>;
}

/** Puts trackers together: one CEAC client per solver, the decoder, the schedule's budget. */
export function createTracking(config: TrackingSettings, parts: TrackingParts): Tracking {
  const trackerOver = (client: CeacChecker, abandoned?: () => boolean): Tracker =>
    createTracker({
      store: parts.store,
      sealer: parts.sealer,
      check: async (query) => {
        const outcome = await client.check(query);
        if (outcome.kind !== 'ok' && abandoned?.()) throw new CheckAbandoned('the person did not answer the captcha');
        return outcome;
      },
      interpret,
      logger: parts.logger,
      ...(config.CHECK_FAILING_AFTER_MIN !== undefined && {
        failingAfterMs: config.CHECK_FAILING_AFTER_MIN * 60_000,
      }),
      budget: { requestIntervalMs: config.CEAC_REQUEST_INTERVAL_MS, requestsPerCheck: REQUESTS_PER_CHECK },
      ...(parts.onEvents && { onEvents: parts.onEvents }),
      ...parts.tracker,
    });
  const clientFor = (solver: CaptchaSolver, maxCaptchaTries?: number) =>
    createCeacClient(config, {
      solver,
      budget: parts.budget,
      ...(maxCaptchaTries !== undefined && { maxCaptchaTries }),
    });
  const shared = parts.solver ? clientFor(parts.solver) : null;
  return {
    background: shared ? trackerOver(shared) : null,
    store: parts.store,
    trackerWith(solver, options = {}) {
      const client = clientFor(solver, options.maxCaptchaTries);
      return { tracker: trackerOver(client, options.abandoned), close: () => client.close() };
    },
    async close() {
      await shared?.close();
    },
  };
}
