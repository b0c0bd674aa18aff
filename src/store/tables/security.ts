/** The counters of the web rate limits on PostgreSQL (rate-limiter-flexible's layout; see web/rate-limit.ts). */
export interface RateLimitsTable {
  key: string;
  points: number;
  /** Epoch ms when the window ends. */
  expire: number | null;
}

/** One row (id 1): a fixed text sealed with the key this database was written with (see store/key-check.ts). */
export interface KeyCheckTable {
  id: number;
  sealed: string;
  created_at: number;
}

export interface SecurityTables {
  rate_limits: RateLimitsTable;
  key_check: KeyCheckTable;
}
