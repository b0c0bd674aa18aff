import type { CaptchaSolver } from '../captcha/solver.js';
import type { RequestBudget } from '../ceac/budget.js';
import { CeacClient, type CheckProgress } from '../ceac/client.js';
import type { Config } from '../config.js';

/**
 * The one place that builds a CEAC client from the configuration. Every check goes through it: the
 * scheduled checks of `watch`, `worker` and `serve`, `case check`, `ceac check` and the web's
 * "check now". A transport choice (plain HTTP or a browser) belongs here and nowhere else.
 */

/** The settings a client reads (a whole Config fits). */
export type CeacSettings = Pick<Config, 'CEAC_BASE_URL'> &
  Partial<Pick<Config, 'CEAC_USER_AGENT' | 'CEAC_REQUEST_TIMEOUT_MS'>>;

export interface CeacParts {
  solver: CaptchaSolver;
  /** The site budget every request waits on. */
  budget: RequestBudget;
  /** Captcha rounds per check (the client's default when absent). */
  maxCaptchaTries?: number;
  onProgress?: (p: CheckProgress) => void;
}

/** What the rest of the program uses of a client. */
export type CeacChecker = Pick<CeacClient, 'check' | 'close'>;

/**
 * CEAC requests per check with the plain-HTTP client (form page, captcha image, async postback):
 * what the schedule budgets for. A transport with another count says so here.
 */
export const REQUESTS_PER_CHECK = 3;

export function createCeacClient(config: CeacSettings, parts: CeacParts): CeacChecker {
  return new CeacClient({
    baseUrl: config.CEAC_BASE_URL,
    ...(config.CEAC_USER_AGENT !== undefined && { userAgent: config.CEAC_USER_AGENT }),
    ...(config.CEAC_REQUEST_TIMEOUT_MS !== undefined && { timeoutMs: config.CEAC_REQUEST_TIMEOUT_MS }),
    solver: parts.solver,
    budget: parts.budget,
    ...(parts.maxCaptchaTries !== undefined && { maxCaptchaTries: parts.maxCaptchaTries }),
    ...(parts.onProgress && { onProgress: parts.onProgress }),
  });
}
