/**
 * Fixed-window rate limits kept in memory: enough for one server process (the SQLite setup); with
 * several web processes behind a balancer each enforces its own window, which still bounds abuse.
 */
export interface RateRule {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
}

export interface RateDecision {
  allowed: boolean;
  remaining: number;
  /** Seconds until the window resets, for Retry-After. */
  retryAfter: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private lastSweep = 0;

  constructor(private readonly now: () => number = Date.now) {}

  hit(key: string, rule: RateRule): RateDecision {
    const now = this.now();
    this.sweep(now, rule.windowMs);
    let w = this.windows.get(key);
    if (!w || now - w.start >= rule.windowMs) {
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    w.count++;
    const retryAfter = Math.max(1, Math.ceil((w.start + rule.windowMs - now) / 1000));
    return { allowed: w.count <= rule.limit, remaining: Math.max(0, rule.limit - w.count), retryAfter };
  }

  // Drops expired windows now and then so that a flood of distinct keys cannot grow the map forever.
  private sweep(now: number, windowMs: number): void {
    if (now - this.lastSweep < windowMs) return;
    this.lastSweep = now;
    for (const [k, w] of this.windows) if (now - w.start >= windowMs * 2) this.windows.delete(k);
  }
}

export interface RateRules {
  signIn: RateRule;
  signUp: RateRule;
  reset: RateRule;
  explain: RateRule;
  checkNow: RateRule;
  /** Timelines shared through the web form (saving, and reading a pasted post). */
  shareTimeline: RateRule;
}

export const DEFAULT_RATE_RULES: RateRules = {
  signIn: { limit: 10, windowMs: 15 * 60_000 },
  signUp: { limit: 5, windowMs: 60 * 60_000 },
  reset: { limit: 5, windowMs: 60 * 60_000 },
  explain: { limit: 60, windowMs: 60_000 },
  checkNow: { limit: 6, windowMs: 10 * 60_000 },
  shareTimeline: { limit: 30, windowMs: 60 * 60_000 },
};
