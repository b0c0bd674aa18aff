import type { Context } from 'hono';

import type { Language } from '../i18n/languages.js';
import type { Translator } from '../i18n/translator.js';
import type { Observation } from '../knowledge/types.js';
import type { Logger } from '../log.js';
import type { Dispatcher, DispatcherOptions } from '../notify/index.js';
import type { CaseRepository } from '../store/cases.js';
import type { Store } from '../store/db.js';
import type { Sealer } from '../store/seal.js';
import type { CheckReport } from '../tracker/tracker.js';
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
  /** The public base URL (PUBLIC_URL), when configured. */
  publicUrl: string | null;
  /**
   * The base of links in e-mails (no trailing slash): PUBLIC_URL, else the address this server
   * listens on. Never taken from the request (a Host header is the client's to write).
   */
  linkBase: () => string;
  /** Take the client address for rate limits from X-Forwarded-For (only behind a proxy you run). */
  trustProxy: boolean;
  /** How many proxies of the operator's append to X-Forwarded-For (the client is that many from the right). */
  proxyHops: number;
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
  /**
   * Records an observation the person made on CEAC themselves (POST /api/v1/observations) through
   * the tracker's own recording: change detection, events, outbox, shared timeline, schedule.
   */
  recordObservation: (caseId: number, observation: Observation) => Promise<CheckReport>;
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
    /** The language this response speaks (see language.ts) and its words. */
    language: Language;
    t: Translator;
  };
};

export type AppContext = Context<AppEnv>;

/**
 * The caller's address for rate limits: the socket's, unless the operator trusts a proxy header.
 * Then it is the address the operator's last proxy appended (`proxyHops` from the right): whatever
 * is further left was written by the client and proves nothing.
 */
export function clientKey(c: AppContext): string {
  const { trustProxy, proxyHops } = c.var.services;
  if (trustProxy) {
    const hops = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const forwarded = hops[hops.length - proxyHops];
    if (forwarded) return forwarded;
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}
