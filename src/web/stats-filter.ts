/**
 * The /stats filter form, read from GET parameters: every value checked, each problem said in the
 * words of the page next to its field. Posts are found the way the case form finds them ("Mumbai",
 * "BMB", "INDIA, MUMBAI").
 */
import type { GroupFilter } from '../stats/cache.js';
import type { CiType } from '../stats/confidence.js';
import { canonicalVisaClass } from '../tracker/timeline-sync.js';
import { t, translator } from './language.js';
import { resolveLocation } from './routes/case-form.js';
import { CI_TYPES } from './waiting-times.js';

export interface StatsFormValues {
  visa: string;
  post: string;
  entry: string;
  route: string;
  from: string;
  to: string;
  ci: string;
}

export const EMPTY_STATS_FORM: StatsFormValues = {
  visa: '',
  post: '',
  entry: '',
  route: '',
  from: '',
  to: '',
  ci: 'log',
};

export type StatsFilterResult =
  | { ok: true; values: StatsFormValues; filter: GroupFilter; ciType: CiType }
  | { ok: false; values: StatsFormValues; errors: Partial<Record<keyof StatsFormValues, string>> };

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const VISA = /^[A-Z]{1,2}-?\d{0,2}[A-Z]?(\/B2)?$/;

export function parseStatsFilter(query: Record<string, string | undefined>): StatsFilterResult {
  const s = (k: keyof StatsFormValues) => (query[k] ?? '').trim().slice(0, 100);
  const values: StatsFormValues = {
    visa: s('visa'),
    post: s('post'),
    entry: s('entry'),
    route: s('route'),
    from: s('from'),
    to: s('to'),
    ci: s('ci') || 'log',
  };
  const errors: Partial<Record<keyof StatsFormValues, string>> = {};
  const filter: GroupFilter = {};
  if (values.visa) {
    const visa = canonicalVisaClass(values.visa)!;
    if (VISA.test(visa)) filter.visaClass = visa;
    else errors.visa = t('web.stats.error.visa', { value: values.visa });
  }
  if (values.post) {
    const r = resolveLocation(values.post, translator());
    if ('error' in r) errors.post = r.error;
    else filter.post = r.code;
  }
  if (values.entry) {
    if (values.entry === 'new' || values.entry === 'renewal') filter.entry = values.entry;
    else errors.entry = t('web.stats.error.entry');
  }
  if (values.route) {
    if (values.route === 'dropbox' || values.route === 'interview') filter.route = values.route;
    else errors.route = t('web.stats.error.route');
  }
  for (const k of ['from', 'to'] as const) {
    if (!values[k]) continue;
    if (MONTH.test(values[k])) filter[k] = values[k];
    else errors[k] = t('web.stats.error.month', { value: values[k] });
  }
  if (filter.from && filter.to && filter.from > filter.to)
    errors.to = t('web.stats.error.order', { from: filter.from, to: filter.to });
  if (!(CI_TYPES as readonly string[]).includes(values.ci)) errors.ci = t('web.stats.error.ci');
  if (Object.keys(errors).length) return { ok: false, values, errors };
  return { ok: true, values, filter, ciType: values.ci as CiType };
}

/** The same filter as a query string (for links), without empty fields. */
export function statsQueryString(v: StatsFormValues): string {
  const p = new URLSearchParams();
  for (const [k, val] of Object.entries(v) as [string, string][])
    if (val && !(k === 'ci' && val === 'log')) p.set(k, val);
  const s = p.toString();
  return s ? `?${s}` : '';
}
