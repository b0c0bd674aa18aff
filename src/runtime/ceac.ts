import type { CaptchaSolver } from '../captcha/solver.js';
import type { RequestBudget } from '../ceac/budget.js';
import type { CheckProgress } from '../ceac/client.js';
import { type CeacChecker, createCeacClient as createClientForTransport } from '../ceac/create.js';
import type { Config } from '../config.js';

/**
 * The one place that builds a CEAC client from the configuration. Every check goes through it: the
 * scheduled checks of `watch`, `worker` and `serve`, `case check`, `ceac check` and the web's
 * "check now". The transport (plain HTTP, a system Chromium, or HTTP first and the browser after a
 * Cloudflare challenge) is chosen here from CEAC_TRANSPORT and CEAC_BROWSER, and nowhere else.
 */

/** The settings a client reads (a whole Config fits). */
export type CeacSettings = Pick<Config, 'CEAC_BASE_URL'> &
  Partial<
    Pick<Config, 'CEAC_USER_AGENT' | 'CEAC_REQUEST_TIMEOUT_MS' | 'CEAC_TRANSPORT' | 'CEAC_BROWSER' | 'CEAC_WATCH_DATA'>
  >;

export interface CeacParts {
  solver: CaptchaSolver;
  /** The site budget every request waits on. */
  budget: RequestBudget;
  /** Captcha rounds per check (the client's default when absent). */
  maxCaptchaTries?: number;
  onProgress?: (p: CheckProgress) => void;
}

export type { CeacChecker };

/**
 * CEAC requests per check that the schedule budgets for. A check on a fresh session costs three
 * (form page, captcha image, postback); the client keeps the fresh form of each whole-page answer
 * for the next check, so a steady stream of checks costs about 2.2 (`npm run bench`, check bench).
 * The budget keeps the cautious figure: a first check, a retry or a restart costs three.
 */
export const REQUESTS_PER_CHECK = 3;

/** Builds the client; throws CeacSetupError (a SetupError) when the settings ask for a browser that is not here. */
export function createCeacClient(config: CeacSettings, parts: CeacParts): CeacChecker {
  return createClientForTransport({
    baseUrl: config.CEAC_BASE_URL,
    transport: config.CEAC_TRANSPORT ?? 'auto',
    browser: config.CEAC_BROWSER,
    dataDir: config.CEAC_WATCH_DATA ?? '.',
    ...(config.CEAC_USER_AGENT !== undefined && { userAgent: config.CEAC_USER_AGENT }),
    ...(config.CEAC_REQUEST_TIMEOUT_MS !== undefined && { timeoutMs: config.CEAC_REQUEST_TIMEOUT_MS }),
    solver: parts.solver,
    budget: parts.budget,
    ...(parts.maxCaptchaTries !== undefined && { maxCaptchaTries: parts.maxCaptchaTries }),
    ...(parts.onProgress && { onProgress: parts.onProgress }),
  });
}
