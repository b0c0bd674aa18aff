import { timingSafeEqual } from 'node:crypto';

import type { MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

import { AppError } from '../errors.js';
import { randomToken, SESSION_TTL_MS } from './accounts.js';
import type { AppContext, AppEnv } from './context.js';

export const SESSION_COOKIE = 'cw_session';
export const CSRF_COOKIE = 'cw_csrf';

export function isSecureRequest(c: AppContext): boolean {
  const pub = c.var.services.publicUrl;
  if (pub) return pub.startsWith('https:');
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}

export function cookieOptions(c: AppContext, maxAgeMs: number) {
  return {
    httpOnly: true,
    sameSite: 'Lax' as const,
    secure: isSecureRequest(c),
    path: '/',
    maxAge: Math.floor(maxAgeMs / 1000),
  };
}

/**
 * Works out who is asking: a session cookie (pages and API) or a bearer token (API). Anonymous
 * visitors get a random CSRF cookie so that their forms (explain, sign in) are protected too.
 */
export function identify(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { accounts } = c.var.services;
    c.set('user', null);
    c.set('session', null);
    c.set('auth', 'none');
    const bearer = c.req.header('authorization');
    if (bearer && c.req.path.startsWith('/api/')) {
      const m = /^Bearer\s+(\S+)$/i.exec(bearer);
      const user = m?.[1] ? await accounts.resolveApiToken(m[1]) : null;
      if (user) {
        c.set('user', user);
        c.set('auth', 'token');
      }
      c.set('csrf', '');
      return next();
    }
    const token = getCookie(c, SESSION_COOKIE);
    const session = token ? await accounts.resolveSession(token) : null;
    if (session) {
      c.set('user', session.user);
      c.set('session', session);
      c.set('auth', 'session');
      c.set('csrf', session.csrfToken);
    } else if (c.req.path.startsWith('/api/')) {
      // Anonymous API calls change nothing (only explain and locations are open): no CSRF cookie needed.
      c.set('csrf', '');
    } else {
      if (token) deleteCookie(c, SESSION_COOKIE, { path: '/' });
      let csrf = getCookie(c, CSRF_COOKIE);
      if (!csrf || csrf.length < 20) {
        csrf = randomToken(24);
        setCookie(c, CSRF_COOKIE, csrf, cookieOptions(c, 24 * 3600_000));
      }
      c.set('csrf', csrf);
    }
    return next();
  };
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

export class CsrfRejected extends AppError {
  override name = 'CsrfRejected';
  override readonly code = 'csrf';
}

/**
 * Every state-changing request from a browser must carry the token of its page: `_csrf` in a form,
 * or the `X-CSRF-Token` header for the API called with a session cookie. Bearer-token API calls are
 * exempt (a browser never attaches one by itself).
 */
export function requireCsrf(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') return next();
    if (c.var.auth === 'token') return next();
    const isApi = c.req.path.startsWith('/api/');
    // The public explain endpoint changes nothing and needs no account: any client may call it.
    if (isApi && c.var.auth === 'none') return next();
    let sent: string | undefined;
    if (isApi) sent = c.req.header('x-csrf-token');
    else {
      const type = c.req.header('content-type') ?? '';
      if (type.includes('application/x-www-form-urlencoded') || type.includes('multipart/form-data')) {
        const body = await c.req.parseBody();
        const v = body['_csrf'];
        sent = typeof v === 'string' ? v : undefined;
      }
    }
    if (!sent || !safeEqual(sent, c.var.csrf)) throw new CsrfRejected('csrf');
    return next();
  };
}

export function startSessionCookie(c: AppContext, token: string): void {
  setCookie(c, SESSION_COOKIE, token, cookieOptions(c, SESSION_TTL_MS));
}

export function clearSessionCookie(c: AppContext): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isSecureRequest(c) });
}
