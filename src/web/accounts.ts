import { createHash, randomBytes } from 'node:crypto';

import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';
import type { Kysely } from 'kysely';

import { AppError } from '../errors.js';
import { type Msg, msg } from '../i18n/catalog.js';
import { type Language, matchLanguage } from '../i18n/languages.js';
import { english } from '../i18n/translator.js';
import type { Database } from '../store/schema.js';
import type { Sealer } from '../store/seal.js';
import { hasControlCharacters } from '../store/text.js';

/**
 * Accounts, sessions, API tokens and password resets. Secrets handed to people (session cookies,
 * API tokens, reset links) are random 32-byte strings; the database keeps only their SHA-256, so a
 * copy of the database lets nobody sign in.
 */

export const SESSION_TTL_MS = 30 * 24 * 3600_000;
export const RESET_TTL_MS = 3600_000;
export const MIN_PASSWORD = 10;

export interface User {
  id: number;
  email: string;
  createdAt: number;
  /** The language they chose (pages, e-mails, notifications); null until they choose one. */
  language: Language | null;
}

export interface SessionInfo {
  user: User;
  csrfToken: string;
  tokenHash: string;
}

export class AccountError extends AppError {
  override name = 'AccountError';
  override readonly code = 'account';
  /** The message as a catalogue entry, for pages in the reader's language (`message` is its English). */
  readonly words: Msg;
  readonly field: string | undefined;
  constructor(words: Msg, field?: string) {
    super(english(words));
    this.words = words;
    this.field = field;
  }
}

/** Sign-up with an address that has an account: the page answers as for a new one (no account discovery). */
export class EmailTakenError extends AccountError {
  override name = 'EmailTakenError';
  constructor() {
    super(msg('web.auth.error.emailTaken'), 'email');
  }
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateEmail(email: string): Msg | null {
  const e = normaliseEmail(email);
  if (!e) return msg('web.auth.error.emailMissing');
  if (e.length > 254 || !EMAIL.test(e)) return msg('web.auth.error.emailInvalid');
  return null;
}

export function validatePassword(password: string): Msg | null {
  if (password.length < MIN_PASSWORD) return msg('web.auth.error.passwordShort', { min: MIN_PASSWORD });
  if (password.length > 512) return msg('web.auth.error.passwordLong', { max: 512 });
  return null;
}

// argon2id with modest memory: sign-in must stay quick on a 2-core machine shared with the tracker.
const ARGON = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export class Accounts {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly sealer: Sealer,
    private readonly now: () => number = Date.now,
  ) {}

  private lookup(email: string): string {
    return this.sealer.keyedHash(`email:${normaliseEmail(email)}`);
  }

  async createUser(email: string, password: string): Promise<User> {
    const emailProblem = validateEmail(email);
    if (emailProblem) throw new AccountError(emailProblem, 'email');
    const passwordProblem = validatePassword(password);
    if (passwordProblem) throw new AccountError(passwordProblem, 'password');
    const lookup = this.lookup(email);
    // Hashed first, whether or not the address is taken: the answer takes as long either way.
    const passwordHash = await argon2Hash(password, ARGON);
    const existing = await this.db
      .selectFrom('users')
      .select('id')
      .where('email_lookup', '=', lookup)
      .executeTakeFirst();
    if (existing) throw new EmailTakenError();
    const createdAt = this.now();
    const row = await this.db
      .insertInto('users')
      .values({
        email_lookup: lookup,
        email_sealed: this.sealer.seal(normaliseEmail(email)),
        password_hash: passwordHash,
        created_at: createdAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: Number(row.id), email: normaliseEmail(email), createdAt, language: null };
  }

  /** The user for these credentials, or null; the same work is done whether or not the e-mail exists. */
  async verifyCredentials(email: string, password: string): Promise<User | null> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where('email_lookup', '=', this.lookup(email))
      .executeTakeFirst();
    const hash = row?.password_hash ?? DUMMY_HASH;
    const ok = await argon2Verify(await hash, password).catch(() => false);
    if (!row || !ok) return null;
    return this.toUser(row);
  }

  async findByEmail(email: string): Promise<User | null> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where('email_lookup', '=', this.lookup(email))
      .executeTakeFirst();
    return row ? this.toUser(row) : null;
  }

  async getUser(id: number): Promise<User | null> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? this.toUser(row) : null;
  }

  /** Remembers the language a person chose, for their pages on any device and for what we send them. */
  async setLanguage(userId: number, language: Language): Promise<void> {
    await this.db.updateTable('users').set({ language }).where('id', '=', userId).execute();
  }

  async changePassword(userId: number, current: string, next: string): Promise<void> {
    const row = await this.db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirst();
    if (!row || !(await argon2Verify(row.password_hash, current).catch(() => false))) {
      throw new AccountError(msg('web.auth.error.currentWrong'), 'current');
    }
    await this.setPassword(userId, next);
  }

  /** A new password revokes every API token too: a token made by whoever knew the old one must not outlive it. */
  private async setPassword(userId: number, next: string): Promise<void> {
    const problem = validatePassword(next);
    if (problem) throw new AccountError(problem, 'password');
    const hash = await argon2Hash(next, ARGON);
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ password_hash: hash }).where('id', '=', userId).execute();
      await trx.deleteFrom('api_tokens').where('user_id', '=', userId).execute();
    });
  }

  /** Deletes the account; sessions, tokens and resets go with it (foreign keys cascade). */
  async deleteUser(userId: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
      await trx.deleteFrom('api_tokens').where('user_id', '=', userId).execute();
      await trx.deleteFrom('password_resets').where('user_id', '=', userId).execute();
      await trx.deleteFrom('users').where('id', '=', userId).execute();
    });
  }

  // --- sessions -------------------------------------------------------------------------------

  /** Starts a session; returns the cookie value (never stored). */
  async createSession(userId: number): Promise<{ token: string; csrfToken: string }> {
    const token = randomToken();
    const csrfToken = randomToken(24);
    const now = this.now();
    await this.db
      .insertInto('sessions')
      .values({
        token_hash: sha256(token),
        user_id: userId,
        csrf_token: csrfToken,
        created_at: now,
        expires_at: now + SESSION_TTL_MS,
        last_seen_at: now,
      })
      .execute();
    return { token, csrfToken };
  }

  async resolveSession(token: string): Promise<SessionInfo | null> {
    const tokenHash = sha256(token);
    const row = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select([
        'users.id',
        'users.email_sealed',
        'users.created_at',
        'users.language',
        'sessions.csrf_token',
        'sessions.expires_at',
        'sessions.last_seen_at',
      ])
      .where('sessions.token_hash', '=', tokenHash)
      .executeTakeFirst();
    const now = this.now();
    if (!row || Number(row.expires_at) <= now) return null;
    // Touch at most once an hour: a write per page view would cost more than it tells.
    if (now - Number(row.last_seen_at) > 3600_000) {
      await this.db
        .updateTable('sessions')
        .set({ last_seen_at: now, expires_at: now + SESSION_TTL_MS })
        .where('token_hash', '=', tokenHash)
        .execute();
    }
    return { user: this.toUser(row), csrfToken: row.csrf_token, tokenHash };
  }

  async endSession(token: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('token_hash', '=', sha256(token)).execute();
  }

  async endOtherSessions(userId: number, keepTokenHash: string | null): Promise<void> {
    let q = this.db.deleteFrom('sessions').where('user_id', '=', userId);
    if (keepTokenHash) q = q.where('token_hash', '!=', keepTokenHash);
    await q.execute();
  }

  // --- API tokens -----------------------------------------------------------------------------

  async createApiToken(userId: number, name: string): Promise<{ id: number; token: string; prefix: string }> {
    const clean = name.trim();
    if (!clean) throw new AccountError(msg('web.auth.error.tokenNameMissing'), 'name');
    if (hasControlCharacters(clean)) throw new AccountError(msg('web.auth.error.tokenNameControl'), 'name');
    if (clean.length > 80) throw new AccountError(msg('web.auth.error.tokenNameLong', { max: 80 }), 'name');
    const token = `cw_${randomToken()}`;
    const prefix = token.slice(0, 9);
    const row = await this.db
      .insertInto('api_tokens')
      .values({
        user_id: userId,
        name: clean,
        token_hash: sha256(token),
        prefix,
        created_at: this.now(),
        last_used_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: Number(row.id), token, prefix };
  }

  async listApiTokens(userId: number) {
    const rows = await this.db
      .selectFrom('api_tokens')
      .select(['id', 'name', 'prefix', 'created_at', 'last_used_at'])
      .where('user_id', '=', userId)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: Number(r.id),
      name: r.name,
      prefix: r.prefix,
      createdAt: Number(r.created_at),
      lastUsedAt: r.last_used_at === null ? null : Number(r.last_used_at),
    }));
  }

  async revokeApiToken(userId: number, id: number): Promise<boolean> {
    const r = await this.db
      .deleteFrom('api_tokens')
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async resolveApiToken(token: string): Promise<User | null> {
    const tokenHash = sha256(token);
    const row = await this.db
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .select(['users.id', 'users.email_sealed', 'users.created_at', 'users.language', 'api_tokens.last_used_at'])
      .where('api_tokens.token_hash', '=', tokenHash)
      .executeTakeFirst();
    if (!row) return null;
    const now = this.now();
    if (row.last_used_at === null || now - Number(row.last_used_at) > 60_000) {
      await this.db.updateTable('api_tokens').set({ last_used_at: now }).where('token_hash', '=', tokenHash).execute();
    }
    return this.toUser(row);
  }

  // --- password resets ------------------------------------------------------------------------

  /** A reset token for this e-mail, or null when no account has it (the caller says the same either way). */
  async startReset(email: string): Promise<{ user: User; token: string } | null> {
    const user = await this.findByEmail(email);
    if (!user) return null;
    const token = randomToken();
    const now = this.now();
    await this.db
      .insertInto('password_resets')
      .values({
        token_hash: sha256(token),
        user_id: user.id,
        created_at: now,
        expires_at: now + RESET_TTL_MS,
        used_at: null,
      })
      .execute();
    return { user, token };
  }

  async isResetValid(token: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('password_resets')
      .selectAll()
      .where('token_hash', '=', sha256(token))
      .executeTakeFirst();
    return Boolean(row && row.used_at === null && Number(row.expires_at) > this.now());
  }

  /** Sets the new password and signs out every session of that user. */
  async finishReset(token: string, password: string): Promise<User> {
    const row = await this.db
      .selectFrom('password_resets')
      .selectAll()
      .where('token_hash', '=', sha256(token))
      .executeTakeFirst();
    if (!row || row.used_at !== null || Number(row.expires_at) <= this.now()) {
      throw new AccountError(msg('web.auth.error.resetExpired'), 'token');
    }
    await this.setPassword(Number(row.user_id), password);
    await this.db
      .updateTable('password_resets')
      .set({ used_at: this.now() })
      .where('token_hash', '=', row.token_hash)
      .execute();
    await this.endOtherSessions(Number(row.user_id), null);
    const user = await this.getUser(Number(row.user_id));
    if (!user) throw new AccountError(msg('web.auth.error.accountGone'), 'token');
    return user;
  }

  /** The e-mail is unsealed only when a page asks for it: most requests only need the id. */
  private toUser(row: { id: number; email_sealed: string; created_at: number; language: string | null }): User {
    const sealer = this.sealer;
    let email: string | undefined;
    return {
      id: Number(row.id),
      createdAt: Number(row.created_at),
      language: matchLanguage(row.language ?? undefined) ?? null,
      get email() {
        return (email ??= sealer.unseal(row.email_sealed));
      },
    };
  }
}

// Verifying against a fixed hash when the e-mail is unknown keeps sign-in time the same either way.
const DUMMY_HASH = argon2Hash('not-a-real-password-' + randomToken(), ARGON);
