import { CookieJar } from 'tough-cookie';
import { Agent, type Dispatcher, errors as undiciErrors, request } from 'undici';

import { AppError } from '../errors.js';
import type { RequestBudget } from './budget.js';

export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  url: string;
}

/** A request that got no HTTP answer: too slow, or the connection failed. */
export class TransportFailure extends AppError {
  override name = 'TransportFailure';
  override readonly code = 'transport';
  constructor(
    readonly reason: 'timeout' | 'network',
    message: string,
  ) {
    super(message);
  }
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

function isTimeout(err: unknown): boolean {
  const e = err as { name?: string; code?: string; cause?: unknown } | null | undefined;
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return true;
  if (e?.code && TIMEOUT_CODES.has(e.code)) return true;
  if (err instanceof undiciErrors.HeadersTimeoutError || err instanceof undiciErrors.BodyTimeoutError) return true;
  return e?.cause ? isTimeout(e.cause) : false;
}

export function createAgent(timeoutMs: number): Agent {
  return new Agent({
    keepAliveTimeout: 10_000,
    connections: 64,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    connect: { timeout: timeoutMs },
  });
}

/**
 * One browser-like session with the site: its own cookie jar (the ASP.NET session), the shared
 * keep-alive pool, the request budget before every request, and a deadline on each.
 */
export class HttpSession {
  readonly jar = new CookieJar();
  requests = 0;

  constructor(
    private readonly dispatcher: Dispatcher,
    private readonly userAgent: string,
    private readonly timeoutMs: number,
    private readonly budget: RequestBudget,
  ) {}

  async send(
    method: 'GET' | 'POST',
    url: string,
    extra: { headers?: Record<string, string>; body?: string } = {},
  ): Promise<HttpAnswer> {
    let current = url;
    for (let hop = 0; ; hop++) {
      await this.budget.acquire();
      this.requests++;
      const cookie = await this.jar.getCookieString(current);
      const headers: Record<string, string> = {
        'user-agent': this.userAgent,
        accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8',
        'accept-language': 'en-US,en;q=0.9',
        ...extra.headers,
      };
      if (cookie) headers.cookie = cookie;
      let res: Dispatcher.ResponseData;
      let body: Buffer;
      // A deadline we clear when the answer is in, not AbortSignal.timeout(): that one's timer and
      // signal live on for the whole timeout after the request ended (about 1 KB each, thousands at
      // a time when checks run back to back), growing the old generation for nothing.
      const deadline = new AbortController();
      const timer = setTimeout(
        () => deadline.abort(new DOMException(`no answer within ${this.timeoutMs} ms`, 'TimeoutError')),
        this.timeoutMs,
      );
      try {
        res = await request(current, {
          method,
          headers,
          body: method === 'POST' ? extra.body : undefined,
          dispatcher: this.dispatcher,
          signal: deadline.signal,
        });
        body = Buffer.from(await res.body.arrayBuffer());
      } catch (err) {
        if (isTimeout(err)) throw new TransportFailure('timeout', `no answer within ${this.timeoutMs} ms`);
        throw new TransportFailure('network', (err as Error).message);
      } finally {
        clearTimeout(timer);
      }
      const flat: Record<string, string> = {};
      for (const [k, v] of Object.entries(res.headers))
        if (v !== undefined) flat[k] = Array.isArray(v) ? v.join(', ') : v;
      const setCookie = res.headers['set-cookie'];
      for (const c of setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie]) {
        await this.jar.setCookie(c, current, { ignoreError: true });
      }
      const location = flat.location;
      if (method === 'GET' && res.statusCode >= 300 && res.statusCode < 400 && location && hop < 3) {
        current = new URL(location, current).toString();
        continue;
      }
      return { status: res.statusCode, headers: flat, body, url: current };
    }
  }
}
