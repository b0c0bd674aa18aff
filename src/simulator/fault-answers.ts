import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { ClearanceIssuer } from './challenge.js';
import { type FaultKind, type FaultSpec, type RequestKind, rollFault } from './faults.js';
import {
  ajaxDelta,
  blockedPage,
  challengePage,
  CHANGED_LAYOUT_PAGE,
  CHANGED_LAYOUT_PANEL,
  MAINTENANCE_PAGE,
  SERVER_ERROR_PAGE,
} from './pages.js';
import { token } from './sessions.js';

export function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'private', ...headers });
  res.end(body);
}

function rayId(): string {
  return `${randomBytes(8).toString('hex')}-IAD`;
}

/** Cloudflare's JavaScript challenge: 403, `cf-mitigated: challenge`, "Just a moment...". */
export function sendChallenge(res: ServerResponse, issuer: ClearanceIssuer): void {
  const ray = rayId();
  send(res, 403, 'text/html; charset=UTF-8', challengePage(issuer.issue(), ray), {
    server: 'cloudflare',
    'cf-ray': ray,
    'cf-mitigated': 'challenge',
    'cache-control': 'private, max-age=0, no-store, no-cache, must-revalidate',
  });
}

export interface FaultContext {
  faults(): FaultSpec;
  random: () => number;
  count(key: string): void;
  /** How long a `timeout` holds the answer back. */
  slowMs: number;
  /** Timers to clear on close. */
  pending: Set<NodeJS.Timeout>;
}

/**
 * Rolls the faults that apply to this kind of request and answers for the ones that replace the
 * answer. Returns the fault (the caller stops unless it is `captcha` or `wrongcase`, which change
 * a postback's answer rather than replace it), or null.
 */
export function applyFault(
  ctx: FaultContext,
  req: IncomingMessage,
  res: ServerResponse,
  kind: RequestKind,
): FaultKind | null {
  const fault = rollFault(ctx.faults(), kind, ctx.random);
  if (!fault) return null;
  ctx.count(`fault_${fault}`);
  switch (fault) {
    case 'blocked':
      send(res, 403, 'text/html; charset=UTF-8', blockedPage(`${token(6)}-IAD`), {
        server: 'cloudflare',
        'cf-ray': rayId(),
      });
      return fault;
    case 'drop':
      req.socket.destroy();
      return fault;
    case 'timeout': {
      const timer = setTimeout(() => {
        ctx.pending.delete(timer);
        if (!res.writableEnded && !req.socket.destroyed) send(res, 503, 'text/html; charset=utf-8', SERVER_ERROR_PAGE);
      }, ctx.slowMs);
      ctx.pending.add(timer);
      return fault;
    }
    case '5xx':
      send(res, 503, 'text/html; charset=utf-8', SERVER_ERROR_PAGE);
      return fault;
    case 'maintenance':
      send(res, 200, 'text/html; charset=utf-8', MAINTENANCE_PAGE);
      return fault;
    case 'layout':
      if (kind === 'post') send(res, 200, 'text/plain; charset=utf-8', ajaxDelta(CHANGED_LAYOUT_PANEL, {}));
      else send(res, 200, 'text/html; charset=utf-8', CHANGED_LAYOUT_PAGE);
      return fault;
    default:
      return fault;
  }
}
