import { join } from 'node:path';

import type { CaptchaSolver } from '../captcha/solver.js';
import { SetupError } from '../errors.js';
import { msg } from '../i18n/catalog.js';
import { english } from '../i18n/translator.js';
import { BrowserCeacClient } from './browser.js';
import { findBrowser } from './browser-path.js';
import type { RequestBudget } from './budget.js';
import { CeacClient, type CheckProgress } from './client.js';
import type { CheckOutcome } from './outcome.js';
import type { CaseQuery } from './query.js';

export const TRANSPORTS = ['http', 'browser', 'auto'] as const;
export type Transport = (typeof TRANSPORTS)[number];

/** What checks a case: the HTTP client, the browser, or both (auto). */
export interface CeacChecker {
  readonly transport: Transport;
  check(query: CaseQuery): Promise<CheckOutcome>;
  close(): Promise<void>;
}

export interface CeacClientSettings {
  baseUrl: string;
  solver: CaptchaSolver;
  /** http, browser or auto (HTTP first, the browser after a challenge). */
  transport: Transport;
  /** CEAC_BROWSER: the Chromium or Chrome to drive; looked up when absent. */
  browser?: string | undefined;
  /** The data directory: the browser's profile (and its clearance cookie) lives under it. */
  dataDir: string;
  userAgent?: string;
  budget?: RequestBudget;
  timeoutMs?: number;
  maxCaptchaTries?: number;
  onProgress?: (p: CheckProgress) => void;
  /** auto: how long the browser is used for the site after a challenge (default 30 min). */
  browserStickyMs?: number;
}

/** The settings ask for something this machine does not have (e.g. a browser). */
export class CeacSetupError extends SetupError {
  override name = 'CeacSetupError';
  override readonly code: string = 'ceac_setup';
}

function browserClient(s: CeacClientSettings, executablePath: string): BrowserCeacClient {
  return new BrowserCeacClient({
    baseUrl: s.baseUrl,
    solver: s.solver,
    executablePath,
    profileDir: join(s.dataDir, 'browser-profile'),
    ...(s.userAgent && { userAgent: s.userAgent }),
    ...(s.budget && { budget: s.budget }),
    ...(s.timeoutMs && { timeoutMs: s.timeoutMs }),
    ...(s.maxCaptchaTries && { maxCaptchaTries: s.maxCaptchaTries }),
    ...(s.onProgress && { onProgress: s.onProgress }),
  });
}

/**
 * The one place a CEAC client is built from settings (config or flags). `http` never starts a
 * browser and reports a challenge as the outcome `challenge`; `browser` checks through system
 * Chromium; `auto` checks over HTTP and, after a challenge, through the browser when one is found,
 * staying with it for the site for a while.
 */
export function createCeacClient(s: CeacClientSettings): CeacChecker {
  const env = { ...process.env, CEAC_BROWSER: s.browser ?? process.env.CEAC_BROWSER };
  const http = () =>
    new CeacClient({
      baseUrl: s.baseUrl,
      solver: s.solver,
      ...(s.userAgent && { userAgent: s.userAgent }),
      ...(s.budget && { budget: s.budget }),
      ...(s.timeoutMs && { timeoutMs: s.timeoutMs }),
      ...(s.maxCaptchaTries && { maxCaptchaTries: s.maxCaptchaTries }),
      ...(s.onProgress && { onProgress: s.onProgress }),
    });
  if (s.transport === 'http') {
    const client = http();
    return { transport: 'http', check: (q) => client.check(q), close: () => client.close() };
  }
  const found = findBrowser(env);
  if (s.transport === 'browser') {
    if (!found.path)
      throw new CeacSetupError(
        `--transport browser needs Chromium or Chrome: ${found.reason}. Install Chromium or set CEAC_BROWSER`,
      );
    const client = browserClient(s, found.path);
    return { transport: 'browser', check: (q) => client.check(q), close: () => client.close() };
  }
  return new AutoChecker(http(), found.path ? () => browserClient(s, found.path) : null, found.reason, s);
}

class AutoChecker implements CeacChecker {
  readonly transport = 'auto';
  private browser: BrowserCeacClient | null = null;
  private browserUntil = 0;

  constructor(
    private readonly http: CeacClient,
    private readonly makeBrowser: (() => BrowserCeacClient) | null,
    private readonly missing: string | undefined,
    private readonly s: CeacClientSettings,
  ) {}

  async check(q: CaseQuery): Promise<CheckOutcome> {
    if (this.makeBrowser && Date.now() < this.browserUntil) return this.viaBrowser(q);
    const first = await this.http.check(q);
    if (first.kind !== 'challenge') return first;
    if (!this.makeBrowser) {
      const words = msg('ceac.outcome.noBrowser', {
        outcome: first.words ?? first.message,
        missing: this.missing ?? msg('ceac.outcome.noBrowserFound'),
      });
      return { ...first, message: english(words), words };
    }
    this.browserUntil = Date.now() + (this.s.browserStickyMs ?? 30 * 60_000);
    const second = await this.viaBrowser(q);
    return {
      ...second,
      attempts: first.attempts + second.attempts,
      requests: first.requests + second.requests,
      durationMs: first.durationMs + second.durationMs,
    };
  }

  private viaBrowser(q: CaseQuery): Promise<CheckOutcome> {
    this.browser ??= this.makeBrowser!();
    return this.browser.check(q);
  }

  async close(): Promise<void> {
    await this.http.close();
    await this.browser?.close();
  }
}
