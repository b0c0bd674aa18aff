import type { Context } from 'hono';

import type { Logger } from '../log.js';
import type { Dispatcher, DispatcherOptions } from '../notify/index.js';
import type { CaseRepository } from '../store/cases.js';
import type { Store } from '../store/db.js';
import type { Sealer } from '../store/seal.js';
import type { Accounts, SessionInfo, User } from './accounts.js';
import type { CaseChecker, PersonChecks } from './check-now.js';
import type { PageCache } from './page-cache.js';
import type { RateLimiter, RateRules } from './rate-limit.js';

/** Sends a plain-text mail (password resets). Absent when no SMTP is configured. */
export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

/** Everything the web app needs from the outside, built once by `createWebApp`. */
export interface WebServices {
  store: Store;
  sealer: Sealer;
  accounts: Accounts;
  logger: Logger;
  mailer: Mailer | null;
  limiter: RateLimiter;
  rules: RateRules;
  /** The public base URL (for links in e-mails); else derived from the request. */
  publicUrl: string | null;
  /** Take the client address for rate limits from X-Forwarded-For (only behind a proxy you run). */
  trustProxy: boolean;
  now: () => number;
  cases: CaseRepository;
  /** Rendered pages that did not change, with the CSRF token filled in per request. */
  pages: PageCache;
  /** Runs a check now (SQLite mode, in-process tracker); null when workers do the checks. */
  checker: CaseChecker | null;
  personChecks: PersonChecks;
  notify: {
    allowPrivateTargets: boolean;
    /** The running dispatcher (reuses its connections for test messages), when this process has one. */
    dispatcher: Dispatcher | null;
    dispatcherOptions: DispatcherOptions;
  };
  /** Set by the demo (`ceac serve --demo`): pages link its inbox of sent notifications. */
  demoInbox?: boolean | undefined;
  /** Told when a case is added, so an in-process tracker can check it at once. */
  onCaseAdded?: ((caseId: number) => void) | undefined;
}

export type AppEnv = {
  Variables: {
    services: WebServices;
    /** The signed-in person (session cookie or API token), or null. */
    user: User | null;
    session: SessionInfo | null;
    /** How this request authenticated: decides whether CSRF applies to the API. */
    auth: 'session' | 'token' | 'none';
    /** The CSRF token forms on this page must echo. */
    csrf: string;
  };
};

export type AppContext = Context<AppEnv>;

/** The caller's address for rate limits: the socket's, unless the operator trusts a proxy header. */
export function clientKey(c: AppContext): string {
  const forwarded = c.var.services.trustProxy ? c.req.header('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
  if (forwarded) return forwarded;
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}
