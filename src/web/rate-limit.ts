import { CompiledQuery } from 'kysely';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
} from 'rate-limiter-flexible';

import type { Store } from '../store/db.js';

/**
 * Fixed-window rate limits through rate-limiter-flexible: one limiter per rule, so each window lives
 * for its own length. On PostgreSQL the counters live in the database (table `rate_limits`), so
 * several web processes share one quota; on SQLite (one process) they live in memory.
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

/** The table the PostgreSQL limiter keeps its counters in (created by the 2026-11-29T11-00 migration). */
export const RATE_LIMIT_TABLE = 'rate_limits';

export class RateLimiter {
  private readonly limiters = new Map<string, RateLimiterAbstract>();

  constructor(private readonly store: Store | null = null) {}

  private limiter(name: string, rule: RateRule): RateLimiterAbstract {
    const id = `${name}/${rule.limit}/${rule.windowMs}`;
    let l = this.limiters.get(id);
    if (!l) {
      const options = {
        keyPrefix: name,
        points: rule.limit,
        duration: Math.max(1, Math.ceil(rule.windowMs / 1000)),
      };
      l =
        this.store?.dialect === 'postgres'
          ? new RateLimiterPostgres({
              ...options,
              storeClient: kyselyClient(this.store),
              storeType: 'client',
              tableName: RATE_LIMIT_TABLE,
              tableCreated: true,
              clearExpiredByTimeout: true,
            })
          : new RateLimiterMemory(options);
      this.limiters.set(id, l);
    }
    return l;
  }

  /** Counts one attempt against `key` under the rule `name`. */
  async hit(name: string, key: string, rule: RateRule): Promise<RateDecision> {
    try {
      return decision(await this.limiter(name, rule).consume(key), rule, true);
    } catch (err) {
      if (err instanceof RateLimiterRes) return decision(err, rule, false);
      throw err;
    }
  }

  /** Whether `key` is over the rule now, without counting anything (for limits on failures only). */
  async peek(name: string, key: string, rule: RateRule): Promise<RateDecision> {
    const res = await this.limiter(name, rule).get(key);
    // The memory store may still hold a window that has just ended (it drops them on a timer).
    if (!res || res.msBeforeNext <= 0) return { allowed: true, remaining: rule.limit, retryAfter: 0 };
    return decision(res, rule, res.consumedPoints < rule.limit);
  }
}

function decision(res: RateLimiterRes, rule: RateRule, allowed: boolean): RateDecision {
  return {
    allowed,
    remaining: Math.max(0, rule.limit - res.consumedPoints),
    retryAfter: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
  };
}

/** The small part of a pg client the limiter uses, served through our Kysely pool. */
function kyselyClient(store: Store) {
  return {
    async query(q: { text: string; values?: unknown[] }) {
      const r = await store.db.executeQuery(CompiledQuery.raw(q.text, q.values ?? []));
      return { rows: r.rows, rowCount: r.rows.length || Number(r.numAffectedRows ?? 0) };
    },
  };
}

export interface RateRules {
  /** Failed sign-ins, per account and per client address (successes are not counted). */
  signIn: RateRule;
  signUp: RateRule;
  reset: RateRule;
  explain: RateRule;
  checkNow: RateRule;
  /** Timelines shared through the web form (saving, and reading a pasted post). */
  shareTimeline: RateRule;
  /** Test messages through a notification channel, per account (page and API together). */
  channelTest: RateRule;
}

export const DEFAULT_RATE_RULES: RateRules = {
  signIn: { limit: 10, windowMs: 15 * 60_000 },
  signUp: { limit: 5, windowMs: 60 * 60_000 },
  reset: { limit: 5, windowMs: 60 * 60_000 },
  explain: { limit: 60, windowMs: 60_000 },
  checkNow: { limit: 6, windowMs: 10 * 60_000 },
  shareTimeline: { limit: 30, windowMs: 60 * 60_000 },
  channelTest: { limit: 10, windowMs: 10 * 60_000 },
};
