import type { CaptchaSolver } from '../captcha/solver.js';
import type { RequestBudget } from '../ceac/budget.js';
import { CeacClient } from '../ceac/index.js';
import { interpret } from '../decode/index.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/db.js';
import type { Sealer } from '../store/seal.js';
import { CheckAbandoned } from '../tracker/outcome.js';
import { createTracker, type OnEvents, type Tracker } from '../tracker/tracker.js';
import { type CaseChecker, type CheckResult, PersonCaptchaError } from './check-now.js';

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
    new CeacClient({
      baseUrl: o.baseUrl,
      ...(o.userAgent && { userAgent: o.userAgent }),
      solver,
      budget: o.budget,
      ...(o.timeoutMs && { timeoutMs: o.timeoutMs }),
      // A person gets three tries at reading the picture; a program the client's default.
      ...(person && { maxCaptchaTries: 3 }),
    });
  const trackerFor = (client: CeacClient, abandoned?: () => boolean): Tracker =>
    createTracker({
      store: o.store,
      sealer: o.sealer,
      // A person who cancels or walks away from the captcha is not a failed check: nothing is recorded.
      check: async (q) => {
        const r = await client.check(q);
        if (r.kind !== 'ok' && abandoned?.()) throw new CheckAbandoned('the person did not answer the captcha');
        return r;
      },
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
  // Returns the time it replaced, so that a check that ends with nothing recorded can put it back.
  const lease = async (caseId: number): Promise<number | null> => {
    const before = await o.store.db
      .selectFrom('cases')
      .select('next_check_at')
      .where('id', '=', caseId)
      .executeTakeFirst();
    await o.store.db
      .updateTable('cases')
      .set({ next_check_at: Date.now() + 10 * 60_000 })
      .where('id', '=', caseId)
      .where('watching', '=', 1)
      .where('next_check_at', 'is not', null)
      .execute();
    return before?.next_check_at ?? null;
  };

  async function run(caseId: number, solver: CaptchaSolver | undefined): Promise<CheckResult> {
    const previous = await lease(caseId);
    if (!solver) {
      if (!background) throw new Error('internal: no captcha solver for this check');
      return summarise(await background.checkCase(caseId));
    }
    let gaveUp = false;
    const person: CaptchaSolver = {
      name: solver.name,
      solve: (png, ctx) =>
        solver.solve(png, ctx).catch((err: unknown) => {
          if (err instanceof PersonCaptchaError) gaveUp = true;
          throw err;
        }),
    };
    const client = clientFor(person, true);
    try {
      return summarise(await trackerFor(client, () => gaveUp).checkCase(caseId));
    } catch (err) {
      if (!(err instanceof CheckAbandoned)) throw err;
      await o.store.db.updateTable('cases').set({ next_check_at: previous }).where('id', '=', caseId).execute();
      return { outcome: 'cancelled', message: 'The check was cancelled before CEAC was asked.', events: 0 };
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
