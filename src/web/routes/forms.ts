import { type Language, LANGUAGES } from '../../i18n/languages.js';
import type { AppContext } from '../context.js';
import { clientKey } from '../context.js';
import { languageLink, pageLanguage, t } from '../language.js';
import type { PageFrame } from '../pages/layout.js';
import type { RateDecision, RateRule } from '../rate-limit.js';

export async function formFields(c: AppContext): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v;
  return out;
}

export function frame(c: AppContext, title: string, section?: PageFrame['section']): PageFrame {
  const languageLinks = Object.fromEntries(LANGUAGES.map((l) => [l, languageLink(c, l)])) as Record<Language, string>;
  return {
    title,
    user: c.var.user,
    csrf: c.var.csrf,
    section,
    demoInbox: c.var.services.demoInbox,
    language: pageLanguage(c),
    languageLinks,
  };
}

/**
 * Counts one attempt under the rule `name`, by the caller's address unless another key is given
 * (e.g. `user:<id>` for limits per account); returns the seconds to wait when over, else null.
 */
export async function overLimit(
  c: AppContext,
  name: string,
  rule: RateRule,
  key: string = clientKey(c),
): Promise<number | null> {
  return waitFor(c, await c.var.services.limiter.hit(name, key, rule));
}

/** Like overLimit, without counting: for limits that count only failures (see countFailure). */
export async function alreadyOverLimit(
  c: AppContext,
  name: string,
  rule: RateRule,
  key: string,
): Promise<number | null> {
  return waitFor(c, await c.var.services.limiter.peek(name, key, rule));
}

/** Counts one failure under the rule `name` (checked with alreadyOverLimit). */
export async function countFailure(c: AppContext, name: string, rule: RateRule, key: string): Promise<void> {
  await c.var.services.limiter.hit(name, key, rule);
}

function waitFor(c: AppContext, d: RateDecision): number | null {
  if (d.allowed) return null;
  c.header('Retry-After', String(d.retryAfter));
  return d.retryAfter;
}

/** "45 seconds", "3 minutes", in the page's language. */
export function waitText(seconds: number): string {
  return seconds < 90
    ? t('web.count.seconds', { seconds })
    : t('web.count.minutes', { minutes: Math.ceil(seconds / 60) });
}

/** Only same-site relative paths are followed after sign-in, or linked from a page (no open redirect). */
export function safeNext(next: string | undefined, fallback = '/cases'): string {
  return next && /^\/(?![/\\])/.test(next) && !/[\\\s]/.test(next) ? next : fallback;
}
