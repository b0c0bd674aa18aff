import type { CaptchaSolver } from '../captcha/solver.js';
import type { Tracking } from '../runtime/index.js';
import { CheckAbandoned } from '../tracker/outcome.js';
import type { Tracker } from '../tracker/tracker.js';
import { type CaseChecker, type CheckResult, PersonCaptchaError } from './check-now.js';

export interface InProcessChecker extends CaseChecker {
  /** The tracker for scheduled checks, when an automatic solver exists. */
  readonly background: Tracker | null;
}

/** A person gets three tries at reading the picture; a program the client's default. */
const PERSON_CAPTCHA_TRIES = 3;

/**
 * Checks cases from the web process: the runtime's trackers (one transaction per check, events,
 * outbox), over a CEAC client whose captcha solver is either automatic or the person at the page.
 * A person's check gets a client of its own so that its captcha waits block no one else.
 */
export function createInProcessChecker(
  tracking: Pick<Tracking, 'background' | 'trackerWith' | 'store'>,
): InProcessChecker {
  const { background } = tracking;
  const summarise = (r: Awaited<ReturnType<Tracker['checkCase']>>): CheckResult => ({
    outcome: r.outcome,
    message: r.message,
    events: r.events.length,
  });
  const inFlight = new Map<number, Promise<CheckResult>>();

  async function run(caseId: number, solver: CaptchaSolver | undefined): Promise<CheckResult> {
    if (!solver) {
      if (!background) throw new Error('internal: no captcha solver for this check');
      // Out of the due list while this check runs (the tracker's claim), so the loop does not check it too.
      await background.claimCase(caseId);
      return summarise(await background.checkCase(caseId));
    }
    // A person who cancels or walks away from the captcha is not a failed check: nothing is recorded.
    let gaveUp = false;
    const person: CaptchaSolver = {
      name: solver.name,
      solve: (image, ctx) =>
        solver.solve(image, ctx).catch((err: unknown) => {
          if (err instanceof PersonCaptchaError) gaveUp = true;
          throw err;
        }),
    };
    const own = tracking.trackerWith(person, { maxCaptchaTries: PERSON_CAPTCHA_TRIES, abandoned: () => gaveUp });
    const before = await tracking.store.db
      .selectFrom('cases')
      .select('next_check_at')
      .where('id', '=', caseId)
      .executeTakeFirst();
    try {
      await own.tracker.claimCase(caseId);
      return summarise(await own.tracker.checkCase(caseId));
    } catch (err) {
      if (!(err instanceof CheckAbandoned)) throw err;
      // Nothing was recorded: the case keeps the schedule it had before this check claimed it.
      await tracking.store.db
        .updateTable('cases')
        .set({ next_check_at: before?.next_check_at ?? null })
        .where('id', '=', caseId)
        .execute();
      return { outcome: 'cancelled', message: 'The check was cancelled before CEAC was asked.', events: 0 };
    } finally {
      await own.close();
    }
  }

  return {
    automatic: background !== null,
    background,
    check(caseId, solver) {
      // A second press while the case is being checked waits for that check instead of starting another.
      const running = inFlight.get(caseId);
      if (running) return running;
      const p = run(caseId, solver).finally(() => inFlight.delete(caseId));
      inFlight.set(caseId, p);
      return p;
    },
  };
}
