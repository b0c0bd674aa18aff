import type { AppContext } from '../context.js';
import { clientKey } from '../context.js';
import type { PageFrame } from '../pages/layout.js';
import type { RateRule } from '../rate-limit.js';

export async function formFields(c: AppContext): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v;
  return out;
}

export function frame(c: AppContext, title: string, section?: PageFrame['section']): PageFrame {
  return { title, user: c.var.user, csrf: c.var.csrf, section, demoInbox: c.var.services.demoInbox };
}

/** Counts one attempt; returns the seconds to wait when over the limit, else null. */
export function overLimit(c: AppContext, name: string, rule: RateRule, extraKey = ''): number | null {
  const d = c.var.services.limiter.hit(`${name}:${clientKey(c)}${extraKey}`, rule);
  if (d.allowed) return null;
  c.header('Retry-After', String(d.retryAfter));
  return d.retryAfter;
}

export function waitText(seconds: number): string {
  return seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}

/** Only same-site relative paths are followed after sign-in (no open redirect). */
export function safeNext(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/cases';
}
