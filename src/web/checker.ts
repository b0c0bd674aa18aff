import type { CaptchaSolver } from '../captcha/solver.js';
import type { Tracking } from '../runtime/index.js';
import type { Tracker } from '../tracker/tracker.js';
import type { CaseChecker, CheckResult } from './check-now.js';

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
export function createInProcessChecker(tracking: Pick<Tracking, 'background' | 'trackerWith'>): InProcessChecker {
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
    const own = tracking.trackerWith(solver, { maxCaptchaTries: PERSON_CAPTCHA_TRIES });
    try {
      await own.tracker.claimCase(caseId);
      return summarise(await own.tracker.checkCase(caseId));
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
