import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';

import type { MonthlyTable } from '../../stats/monthly.js';
import { type ReportCaveat, reportCaveats, type StatsReport } from '../../stats/report.js';
import { t } from '../language.js';
import { count, percent } from '../local-format.js';
import type { StatsFormValues } from '../stats-filter.js';
import { MIN_GROUP, type StatsView, type SurvivalRow } from '../waiting-times.js';
import { daysText } from './how-long.js';
import type { PageFrame } from './layout.js';
import { Alert, FieldError, Layout, LocationList } from './layout.js';
import { Rich } from './rich.js';

/** A share as a percentage in the page's language ("45%", "45 %"); a dash when unknown. */
const pct = (p: number | null | undefined) => (p === null || p === undefined ? '–' : percent(p));

/** " (we are 95% sure: between 19 and 28)", saying plainly when an end is not known yet; '' when nothing is known. */
function ciText(level: number, low: number | string | null, high: number | string | null): string {
  if (low === null && high === null) return '';
  return t('web.stats.ci', {
    level,
    low: low ?? t('web.howLong.notKnown'),
    high: high ?? t('web.howLong.notKnownYet'),
  });
}

/** What may be wrong with a group's figures, in the page's words. */
function caveatText(c: ReportCaveat): string {
  switch (c.kind) {
    case 'only_finished':
      return t('web.stats.caveat.onlyFinished');
    case 'few_pending':
      return t('web.stats.caveat.fewPending', { censored: c.censored, n: c.n, share: percent(c.censored / c.n) });
    case 'no_refusals':
      return t('web.stats.caveat.noRefusals');
    case 'median_not_reached':
      return t('web.stats.caveat.medianNotReached');
    case 'small_group':
      return t('web.stats.caveat.smallGroup', { n: c.n });
  }
}

/** The figures in sentences a worried applicant can read. */
export function plainReading(r: StatsReport): string[] {
  const out: string[] = [];
  out.push(
    t('web.stats.reading.count', {
      n: r.n,
      decided: r.issued + r.refused,
      issued: r.issued,
      refused: r.refused,
      censored: r.censored,
    }),
  );
  const m = r.median;
  if (m.days !== null)
    out.push(t('web.stats.reading.half', { days: daysText(m.days), interval: ciText(r.level, m.low, m.high) }));
  else out.push(t('web.stats.reading.halfNotYet', { longest: daysText(r.curve.at(-1)?.t ?? 0) }));
  const q1 = r.quartiles['25'];
  const q3 = r.quartiles['75'];
  if (q1.days !== null && q3.days !== null)
    out.push(t('web.stats.reading.quarters', { q1: daysText(q1.days), q3: daysText(q3.days) }));
  else if (q1.days !== null) out.push(t('web.stats.reading.quarterOnly', { q1: daysText(q1.days) }));
  for (const d of ['30', '90']) {
    const s = r.survivalAt[d];
    if (s?.survival != null)
      out.push(
        t('web.stats.reading.stillWaiting', {
          days: Number(d),
          share: pct(s.survival),
          interval: ciText(r.level, s.low === null ? null : pct(s.low), s.high === null ? null : pct(s.high)),
        }),
      );
  }
  const by = r.outcomesBy['90'];
  if (by) out.push(t('web.stats.reading.by90', { issued: pct(by.issued.p), refused: pct(by.refused.p) }));
  return out;
}

type Errors = Partial<Record<keyof StatsFormValues, string>>;

function Field(p: { id: keyof StatsFormValues; label: string; hint?: string; errors: Errors; children: unknown }) {
  return (
    <div class="sw-field">
      <label for={`sw-${p.id}`}>
        {p.label}{' '}
        {p.hint ? (
          <span class="hint" id={`sw-${p.id}-hint`}>
            {p.hint}
          </span>
        ) : null}
      </label>
      {p.children}
      <FieldError id={`sw-${p.id}-error`} message={p.errors[p.id]} />
    </div>
  );
}

const described = (id: string, errors: Errors, hint = false) =>
  [hint ? `sw-${id}-hint` : '', errors[id as keyof StatsFormValues] ? `sw-${id}-error` : '']
    .filter(Boolean)
    .join(' ') || undefined;

function Select(p: { id: keyof StatsFormValues; value: string; options: [string, string][]; errors: Errors }) {
  return (
    <select
      id={`sw-${p.id}`}
      name={p.id}
      aria-invalid={p.errors[p.id] ? 'true' : undefined}
      aria-describedby={described(p.id, p.errors)}
    >
      {p.options.map(([v, l]) => (
        <option value={v} selected={p.value === v}>
          {l}
        </option>
      ))}
    </select>
  );
}

export function StatsFilterForm(p: { values: StatsFormValues; errors: Errors }) {
  const v = p.values;
  const e = p.errors;
  const text = (id: keyof StatsFormValues, extra: Record<string, string> = {}, hint = false) => (
    <input
      id={`sw-${id}`}
      name={id}
      type="text"
      value={v[id]}
      autocomplete="off"
      aria-invalid={e[id] ? 'true' : undefined}
      aria-describedby={described(id, e, hint)}
      {...extra}
    />
  );
  return (
    <form method="get" action="/stats" class="card sw-filters" aria-label={t('web.stats.form.label')}>
      <div class="sw-grid">
        <Field id="visa" label={t('web.explain.form.visa')} hint={t('web.stats.form.visaHint')} errors={e}>
          {text('visa', {}, true)}
        </Field>
        <Field id="post" label={t('web.explain.form.post')} hint={t('web.stats.form.postHint')} errors={e}>
          {text('post', { list: 'sw-locations' }, true)}
        </Field>
      </div>
      {/* The rarer filters stay folded on a phone, so the first figure is near the top; open when in use. */}
      <details
        open={Boolean(v.entry || v.route || v.from || v.to || (v.ci && v.ci !== 'log') || Object.keys(e).length)}
      >
        <summary>{t('web.stats.form.more')}</summary>
        <div class="sw-grid">
          <Field id="entry" label={t('web.stats.form.entry')} errors={e}>
            <Select
              id="entry"
              value={v.entry}
              errors={e}
              options={[
                ['', t('web.stats.form.either')],
                ['new', t('web.stats.form.entry.new')],
                ['renewal', t('web.stats.form.entry.renewal')],
              ]}
            />
          </Field>
          <Field id="route" label={t('web.stats.form.route')} errors={e}>
            <Select
              id="route"
              value={v.route}
              errors={e}
              options={[
                ['', t('web.stats.form.either')],
                ['dropbox', t('web.stats.form.route.dropbox')],
                ['interview', t('web.stats.form.route.interview')],
              ]}
            />
          </Field>
          <Field id="from" label={t('web.stats.form.from')} hint={t('web.stats.form.monthHint')} errors={e}>
            {text('from', { placeholder: '2025-01', inputmode: 'numeric' }, true)}
          </Field>
          <Field id="to" label={t('web.stats.form.to')} hint={t('web.stats.form.monthHint')} errors={e}>
            {text('to', { placeholder: '2025-12', inputmode: 'numeric' }, true)}
          </Field>
        </div>
        <details>
          <summary class="small">{t('web.stats.form.ciSummary')}</summary>
          <Field id="ci" label={t('web.stats.form.ci')} hint={t('web.stats.form.ciHint')} errors={e}>
            <Select
              id="ci"
              value={v.ci}
              errors={e}
              options={[
                ['log', t('web.stats.form.ci.log')],
                ['log-log', t('web.stats.form.ci.logLog')],
                ['plain', t('web.stats.form.ci.plain')],
              ]}
            />
          </Field>
        </details>
      </details>
      <LocationList id="sw-locations" />
      <div class="actions">
        <button type="submit">{t('web.stats.form.submit')}</button>
        <a href="/stats">{t('web.stats.form.clear')}</a>
      </div>
    </form>
  );
}

function SurvivalTable(p: { rows: SurvivalRow[]; level: number }) {
  return (
    <div class="sw-scroll" tabindex={0} role="region" aria-labelledby="sw-still-caption">
      <table class="sw-table">
        <caption id="sw-still-caption">{t('web.stats.still.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('web.stats.still.after')}</th>
            <th scope="col">{t('web.stats.still.waiting')}</th>
            <th scope="col">{t('web.stats.table.sure', { level: p.level })}</th>
            <th scope="col">{t('web.stats.still.followed')}</th>
          </tr>
        </thead>
        <tbody>
          {p.rows.map((r) => (
            <tr>
              <th scope="row">{daysText(r.days)}</th>
              <td>{pct(r.survival)}</td>
              <td>{t('web.stats.table.range', { low: pct(r.low), high: pct(r.high) })}</td>
              <td>{count(r.nRisk)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function OutcomeTable(p: { report: StatsReport }) {
  const rows = Object.entries(p.report.outcomesBy);
  return (
    <div class="sw-scroll" tabindex={0} role="region" aria-labelledby="sw-each-caption">
      <table class="sw-table">
        <caption id="sw-each-caption">{t('web.stats.each.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('web.stats.each.by')}</th>
            <th scope="col">{t('web.stats.each.cleared')}</th>
            <th scope="col">{t('web.stats.each.refused')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([d, o]) => (
            <tr>
              <th scope="row">{daysText(Number(d))}</th>
              <td>
                {o
                  ? `${pct(o.issued.p)} (${pct(o.issued.low)}–${pct(o.issued.high)})`
                  : t('web.stats.each.notFollowed')}
              </td>
              <td>
                {o ? `${pct(o.refused.p)} (${pct(o.refused.low)}–${pct(o.refused.high)})` : t('web.howLong.notKnown')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MonthlyRows(p: { monthly: MonthlyTable; level: number }) {
  const m = p.monthly;
  return (
    <>
      {m.rows.length ? (
        <div class="sw-scroll" tabindex={0} role="region" aria-labelledby="sw-month-caption">
          <table class="sw-table sw-monthly">
            <caption id="sw-month-caption">{t('web.stats.month.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('web.stats.month.month')}</th>
                <th scope="col">{t('web.stats.month.cases')}</th>
                <th scope="col">{t('web.stats.month.cleared')}</th>
                <th scope="col">{t('web.stats.month.refused')}</th>
                <th scope="col">{t('web.stats.month.pending')}</th>
                <th scope="col">{t('web.stats.month.median')}</th>
              </tr>
            </thead>
            <tbody>
              {m.rows.map((r) => (
                <tr>
                  <th scope="row">{r.month}</th>
                  <td>{r.n}</td>
                  <td>{r.cleared}</td>
                  <td>{r.refused}</td>
                  <td>{r.pending}</td>
                  <td>
                    {r.median.days === null
                      ? t('web.stats.month.notReached')
                      : `${daysText(r.median.days)}${ciText(p.level, r.median.low, r.median.high)}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="muted">{t('web.stats.month.none', { min: MIN_GROUP })}</p>
      )}
      {m.hiddenMonths > 0 ? (
        <p class="small muted">{t('web.stats.month.hidden', { months: m.hiddenMonths, min: MIN_GROUP })}</p>
      ) : null}
    </>
  );
}

/** Shown whenever the pool holds generated demo timelines (`npm run demo`), so none passes for a real case. */
export function DemoDataNote(p: { count: number }) {
  return (
    <Alert kind="info">
      <strong>{t('web.stats.demo.label')}</strong> {t('web.stats.demo', { timelines: p.count, count: count(p.count) })}
    </Alert>
  );
}

export function StatsPage(p: {
  frame: PageFrame;
  values: StatsFormValues;
  errors: Errors;
  label: string;
  view: StatsView | null;
  demoTimelines?: number;
  /** The recent-clearances view (pages/recent-clearances.tsx), after the figures. */
  recent?: Child;
}) {
  const v = p.view;
  const r = v?.kind === 'ok' ? v.report : null;
  const caveats = r ? reportCaveats(r.n, r.censored, r.refused, r.curve.at(-1)?.survival) : [];
  return (
    <Layout {...p.frame}>
      <div class="sw">
        <h1>{t('web.layout.waiting')}</h1>
        <p class="lead">{t('web.stats.lead')}</p>
        {p.demoTimelines ? <DemoDataNote count={p.demoTimelines} /> : null}
        <StatsFilterForm values={p.values} errors={p.errors} />
        {Object.keys(p.errors).length ? <Alert kind="bad">{t('web.stats.fixFilters')}</Alert> : null}
        {v?.kind === 'too_small' ? (
          <Alert kind="info">
            <strong>{t('web.stats.tooSmall', { min: MIN_GROUP, label: p.label })}</strong> {t('web.stats.tooSmallWhy')}
          </Alert>
        ) : null}
        {v?.kind === 'ok' ? (
          <>
            <section class="card" aria-labelledby="sw-reading">
              <h2 id="sw-reading">{t('web.stats.reading.title')}</h2>
              <p class="small muted">{t('web.stats.reading.for', { label: p.label })}</p>
              {plainReading(v.report).map((s) => (
                <p>{s}</p>
              ))}
              {caveats.length ? (
                <ul class="sw-warnings">
                  {caveats.map((c) => (
                    <li>{caveatText(c)}</li>
                  ))}
                </ul>
              ) : null}
            </section>
            <section class="card" aria-labelledby="sw-curve">
              <h2 id="sw-curve">{t('web.stats.curve.title')}</h2>
              <figure class="sw-chart">
                {raw(v.survivalSvg)}
                <figcaption class="small muted">{t('web.stats.curve.caption', { level: v.report.level })}</figcaption>
              </figure>
              <SurvivalTable rows={v.survivalRows} level={v.report.level} />
            </section>
            <section class="card" aria-labelledby="sw-outcomes">
              <h2 id="sw-outcomes">{t('web.stats.outcomes.title')}</h2>
              <figure class="sw-chart">
                {raw(v.incidenceSvg)}
                <figcaption class="small muted">{t('web.stats.outcomes.caption')}</figcaption>
              </figure>
              <OutcomeTable report={v.report} />
            </section>
            <section class="card" aria-labelledby="sw-months">
              <h2 id="sw-months">{t('web.stats.month.title')}</h2>
              <MonthlyRows monthly={v.monthly} level={v.report.level} />
            </section>
          </>
        ) : null}
        {p.recent}
        <section aria-labelledby="sw-how">
          <h2 id="sw-how">{t('web.stats.how.title')}</h2>
          <p class="small">{t('web.stats.how.text', { min: MIN_GROUP })}</p>
          <p class="small">
            <Rich k="web.stats.how.add" parts={{ link: <a href="/timelines/new">{t('web.stats.how.addLink')}</a> }} />
          </p>
        </section>
      </div>
    </Layout>
  );
}
