import type { Generated } from 'kysely';

/** A person with an account on the web app. The e-mail is sealed; `email_lookup` finds it by a keyed hash. */
export interface UsersTable {
  id: Generated<number>;
  /** HMAC-SHA256 of the normalised e-mail (hex) under the instance key: unique, reveals nothing. */
  email_lookup: string;
  email_sealed: string;
  /** argon2id PHC string. */
  password_hash: string;
  created_at: number;
  /** The language the person chose on the web (en, zh-CN, es); null: not chosen, the browser decides. */
  language: string | null;
}

/** A signed-in browser. The cookie holds a random token; only its SHA-256 is stored. */
export interface SessionsTable {
  token_hash: string;
  user_id: number;
  /** Per-session CSRF token echoed by every form. */
  csrf_token: string;
  created_at: number;
  expires_at: number;
  last_seen_at: number;
}

/** A bearer token for the JSON API; only its SHA-256 is stored, the prefix is kept for display. */
export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: number;
  last_used_at: number | null;
}

/** A one-time password-reset link sent by e-mail. */
export interface PasswordResetsTable {
  token_hash: string;
  user_id: number;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

/** A per-account secret iCalendar feed (/calendar/<token>.ics); only the token's SHA-256 is stored. */
export interface CalendarFeedsTable {
  user_id: number;
  token_hash: string;
  created_at: number;
  last_used_at: number | null;
}

export interface AccountTables {
  calendar_feeds: CalendarFeedsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  password_resets: PasswordResetsTable;
}
