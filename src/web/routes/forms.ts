import type { InputError } from '../../errors.js';
import type { MessageKey } from '../../i18n/catalog.js';
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

/** The label of each field of the data model (InputError.fields), as the forms name it. */
const FIELD_LABELS: Readonly<Record<string, MessageKey>> = {
  app: 'web.field.app',
  caseNumber: 'web.field.caseNumber',
  location: 'web.field.location',
  passport: 'web.field.passport',
  surname: 'web.field.surname',
  label: 'web.field.label',
  group: 'web.field.group',
  'context.route': 'web.field.route',
  'context.visaClass': 'web.field.visaClass',
  'context.entry': 'web.field.entry',
  'context.slip': 'web.field.slip',
  'context.officer': 'web.field.officer',
  'context.passport': 'web.field.passportKept',
  'context.interviewDate': 'web.field.interviewDate',
};

/** A field of the data model in the page's words ("passport number"); its own name when the forms have none. */
export function fieldLabel(field: string): string {
  const key = FIELD_LABELS[field];
  return key ? t(key) : field;
}

/**
 * An input error in the words of the page: "passport number: …; consulate: …". The labels are in the page's
 * language; each problem is the domain's own sentence (English: FieldProblem has no catalogue message yet).
 */
export function describeFields(err: InputError): string {
  return err.fields.map((f) => `${fieldLabel(f.field)}${t('web.field.separator')}${f.problem}`).join('; ');
}

/** Only same-site relative paths are followed after sign-in, or linked from a page (no open redirect). */
export function safeNext(next: string | undefined, fallback = '/cases'): string {
  return next && /^\/(?![/\\])/.test(next) && !/[\\\s]/.test(next) ? next : fallback;
}
