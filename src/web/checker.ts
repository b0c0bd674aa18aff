import type { CaptchaSolver } from '../captcha/solver.js';
import type { RequestBudget } from '../ceac/budget.js';
import { type CeacChecker, createCeacClient, type Transport } from '../ceac/index.js';
import { interpret } from '../decode/index.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/db.js';
import type { Sealer } from '../store/seal.js';
import { createTracker, type OnEvents, type Tracker } from '../tracker/tracker.js';
import type { CaseChecker, CheckResult } from './check-now.js';

export interface CheckerOptions {
  store: Store;
  sealer: Sealer;
  logger: Logger;
  baseUrl: string;
  userAgent?: string;
  timeoutMs?: number;
  /** The site budget shared with every other check (held in the database). */
  budget: RequestBudget;
  requestIntervalMs: number;
  failingAfterMs?: number;
  onEvents?: OnEvents;
  /** A solver that needs no person (command:, onnx:), or null when only people can answer. */
  automatic: CaptchaSolver | null;
  /** CEAC_TRANSPORT, CEAC_BROWSER and the data directory (the browser's profile); plain HTTP without one. */
  transport?: Transport;
  browser?: string | undefined;
  dataDir?: string;
}

export interface InProcessChecker extends CaseChecker {
  /** The tracker for scheduled checks, when an automatic solver exists. */
  readonly background: Tracker | null;
  close(): Promise<void>;
}

/**
 * Checks cases from the web process: the same tracker as `ceac watch` (one transaction per check,
 * events, outbox), over a CEAC client whose captcha solver is either automatic or the person at
 * the page. A person's check gets a client of its own so that its captcha waits block no one else.
 */
export function createInProcessChecker(o: CheckerOptions): InProcessChecker {
  const clientFor = (solver: CaptchaSolver, person: boolean) =>
    createCeacClient({
      transport: o.dataDir ? (o.transport ?? 'auto') : 'http',
      browser: o.browser,
      dataDir: o.dataDir ?? '',
      baseUrl: o.baseUrl,
      ...(o.userAgent && { userAgent: o.userAgent }),
      solver,
      budget: o.budget,
      ...(o.timeoutMs && { timeoutMs: o.timeoutMs }),
      // A person gets three tries at reading the picture; a program the client's default.
      ...(person && { maxCaptchaTries: 3 }),
    });
  const trackerFor = (client: CeacChecker): Tracker =>
    createTracker({
      store: o.store,
      sealer: o.sealer,
      check: (q) => client.check(q),
      interpret,
      logger: o.logger,
      ...(o.failingAfterMs && { failingAfterMs: o.failingAfterMs }),
      budget: { requestIntervalMs: o.requestIntervalMs, requestsPerCheck: 3 },
      ...(o.onEvents && { onEvents: o.onEvents }),
    });
  const shared = o.automatic ? clientFor(o.automatic, false) : null;
  const background = shared ? trackerFor(shared) : null;

  const summarise = (r: Awaited<ReturnType<Tracker['checkCase']>>): CheckResult => ({
    outcome: r.outcome,
    message: r.message,
    events: r.events.length,
  });
  const inFlight = new Map<number, Promise<CheckResult>>();

  // Takes the case out of the due list while this check runs (as the watch loop's claim does), so the
  // loop does not check it a second time meanwhile; recording the check sets the real next time.
  const lease = (caseId: number) =>
    o.store.db
      .updateTable('cases')
      .set({ next_check_at: Date.now() + 10 * 60_000 })
      .where('id', '=', caseId)
      .where('watching', '=', 1)
      .execute();

  async function run(caseId: number, solver: CaptchaSolver | undefined): Promise<CheckResult> {
    await lease(caseId);
    if (!solver) {
      if (!background) throw new Error('internal: no captcha solver for this check');
      return summarise(await background.checkCase(caseId));
    }
    const client = clientFor(solver, true);
    try {
      return summarise(await trackerFor(client).checkCase(caseId));
    } finally {
      await client.close();
    }
  }

  return {
    automatic: Boolean(o.automatic),
    background,
    check(caseId, solver) {
      // A second press while the case is being checked waits for that check instead of starting another.
      const running = inFlight.get(caseId);
      if (running) return running;
      const p = run(caseId, solver).finally(() => inFlight.delete(caseId));
      inFlight.set(caseId, p);
      return p;
    },
    async close() {
      await shared?.close();
    },
  };
}
