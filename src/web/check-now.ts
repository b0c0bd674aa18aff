import { CaptchaSolverError } from '../captcha/solver.js';
import { randomToken } from './accounts.js';

/**
 * "Check now" from the browser. With an automatic captcha solver the check simply runs. Without one,
 * the person is the solver: the check starts, pauses at the captcha, the page shows that image
 * (fetched through our server, tied to this user) and the typed answer resumes the check.
 */

/** The shape of src/captcha's solvers, restated so the web layer depends on the contract only. */
export interface Solver {
  readonly name: string;
  solve(png: Buffer, ctx: { attempt: number; mime?: string }): Promise<string>;
}

export interface CheckResult {
  outcome: string;
  message: string;
  /** Number of change events recorded. */
  events: number;
}

export interface CaseChecker {
  /** True when checks can solve captchas without a person. */
  readonly automatic: boolean;
  check(caseId: number, solver?: Solver): Promise<CheckResult>;
}

/** The person did not answer (gone, cancelled): the client sees a solver that gave no answer. */
export class PersonCaptchaError extends CaptchaSolverError {
  override name = 'PersonCaptchaError';
}

interface Waiting {
  /** The captcha image as CEAC served it (JPEG, PNG or GIF), and its type. */
  png: Buffer;
  mime: string;
  attempt: number;
  answer: (code: string) => void;
  fail: (err: Error) => void;
}

export interface PendingCheck {
  id: string;
  userId: number;
  caseId: number;
  createdAt: number;
  /** Set while the check waits for the person. */
  waiting: Waiting | null;
  result: Promise<CheckResult>;
  done: CheckResult | null;
  error: Error | null;
  /** Resolves when the check needs the person or has finished, whichever comes first. */
  next(): Promise<void>;
}

const TIMEOUT_MS = 5 * 60_000;

export class PersonChecks {
  private readonly pending = new Map<string, PendingCheck>();

  constructor(private readonly now: () => number = Date.now) {}

  start(checker: CaseChecker, userId: number, caseId: number): PendingCheck {
    this.sweep();
    let wake: () => void = () => {};
    const nextSignal = () => new Promise<void>((r) => (wake = r));
    let signal = nextSignal();
    const p: PendingCheck = {
      id: randomToken(18),
      userId,
      caseId,
      createdAt: this.now(),
      waiting: null,
      done: null,
      error: null,
      result: Promise.resolve({ outcome: 'pending', message: '', events: 0 }),
      next: () => signal,
    };
    const solver: Solver = {
      name: 'person',
      solve: (png, ctx) =>
        new Promise<string>((resolve, reject) => {
          const timer = setTimeout(() => {
            p.waiting = null;
            reject(new PersonCaptchaError('nobody typed the captcha within 5 minutes'));
          }, TIMEOUT_MS);
          timer.unref();
          p.waiting = {
            png,
            mime: ctx.mime?.startsWith('image/') ? ctx.mime : 'image/png',
            attempt: ctx.attempt,
            answer: (code) => {
              clearTimeout(timer);
              p.waiting = null;
              signal = nextSignal();
              resolve(code);
            },
            fail: (err) => {
              clearTimeout(timer);
              p.waiting = null;
              reject(err);
            },
          };
          wake();
        }),
    };
    p.result = checker.check(caseId, solver).then(
      (r) => {
        p.done = r;
        wake();
        return r;
      },
      (err: unknown) => {
        p.error = err instanceof Error ? err : new Error(String(err));
        wake();
        throw err;
      },
    );
    p.result.catch(() => {});
    this.pending.set(p.id, p);
    return p;
  }

  /** The check this person has pending on this case, if any (a second press re-shows its captcha). */
  forCase(userId: number, caseId: number): PendingCheck | undefined {
    this.sweep();
    for (const p of this.pending.values()) if (p.userId === userId && p.caseId === caseId) return p;
    return undefined;
  }

  /** The pending check with this id, only for its own user and case. */
  get(id: string, userId: number, caseId: number): PendingCheck | undefined {
    const p = this.pending.get(id);
    return p && p.userId === userId && p.caseId === caseId ? p : undefined;
  }

  finish(id: string): void {
    const p = this.pending.get(id);
    p?.waiting?.fail(new PersonCaptchaError('the check was abandoned'));
    this.pending.delete(id);
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, p] of this.pending) if (now - p.createdAt > TIMEOUT_MS * 2) this.finish(id);
  }

  /** Cancels every waiting check (shutdown). */
  closeAll(): void {
    for (const id of [...this.pending.keys()]) this.finish(id);
  }
}
