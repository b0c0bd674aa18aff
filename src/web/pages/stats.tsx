import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';

import type { MonthlyTable } from '../../stats/monthly.js';
import type { StatsReport } from '../../stats/report.js';
import type { StatsFormValues } from '../stats-filter.js';
import { ciText, MIN_GROUP, type StatsView, type SurvivalRow } from '../waiting-times.js';
import type { PageFrame } from './layout.js';
import { Alert, FieldError, Layout, LocationList } from './layout.js';

const pct = (p: number | null | undefined) => (p === null || p === undefined ? '–' : `${Math.round(p * 100)}%`);
const sentence = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}${/[.!?]$/.test(s) ? '' : '.'}`;

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
    <form method="get" action="/stats" class="card sw-filters" aria-label="Which cases to compare">
      <div class="sw-grid">
        <Field id="visa" label="Visa class" hint="e.g. F1, H1B, B1/B2" errors={e}>
          {text('visa', {}, true)}
        </Field>
        <Field id="post" label="Embassy or consulate" hint="City or CEAC code, e.g. Beijing or BEJ" errors={e}>
          {text('post', { list: 'sw-locations' }, true)}
        </Field>
      </div>
      {/* The rarer filters stay folded on a phone, so the first figure is near the top; open when in use. */}
      <details
        open={Boolean(v.entry || v.route || v.from || v.to || (v.ci && v.ci !== 'log') || Object.keys(e).length)}
      >
        <summary>More filters</summary>
        <div class="sw-grid">
          <Field id="entry" label="New visa or renewal" errors={e}>
            <Select
              id="entry"
              value={v.entry}
              errors={e}
              options={[
                ['', 'Either'],
                ['new', 'New'],
                ['renewal', 'Renewal'],
              ]}
            />
          </Field>
          <Field id="route" label="How they applied" errors={e}>
            <Select
              id="route"
              value={v.route}
              errors={e}
              options={[
                ['', 'Either'],
                ['dropbox', 'Dropbox'],
                ['interview', 'Interview'],
              ]}
            />
          </Field>
          <Field id="from" label="Wait started from" hint="Month, YYYY-MM" errors={e}>
            {text('from', { placeholder: '2025-01', inputmode: 'numeric' }, true)}
          </Field>
          <Field id="to" label="Wait started up to" hint="Month, YYYY-MM" errors={e}>
            {text('to', { placeholder: '2025-12', inputmode: 'numeric' }, true)}
          </Field>
        </div>
        <details>
          <summary class="small">Interval type (for statisticians)</summary>
          <Field id="ci" label="Interval type" hint="log is what R's survfit uses" errors={e}>
            <Select
              id="ci"
              value={v.ci}
              errors={e}
              options={[
                ['log', 'log (default)'],
                ['log-log', 'log-log'],
                ['plain', 'plain'],
              ]}
            />
          </Field>
        </details>
      </details>
      <LocationList id="sw-locations" />
      <div class="actions">
        <button type="submit">Show waiting times</button>
        <a href="/stats">Clear filters</a>
      </div>
    </form>
  );
}

function SurvivalTable(p: { rows: SurvivalRow[]; level: number }) {
  return (
    <div class="sw-scroll" tabindex={0} role="region" aria-labelledby="sw-still-caption">
      <table class="sw-table">
        <caption id="sw-still-caption">Share still waiting after a number of days</caption>
        <thead>
          <tr>
            <th scope="col">After</th>
            <th scope="col">Still waiting</th>
            <th scope="col">We are {Math.round(p.level * 100)}% sure it is between</th>
            <th scope="col">Cases followed longer</th>
          </tr>
        </thead>
        <tbody>
          {p.rows.map((r) => (
            <tr>
              <th scope="row">{r.days} days</th>
              <td>{pct(r.survival)}</td>
              <td>
                {pct(r.low)} and {pct(r.high)}
              </td>
              <td>{r.nRisk}</td>
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
        <caption id="sw-each-caption">Share decided each way by a number of days</caption>
        <thead>
          <tr>
            <th scope="col">By</th>
            <th scope="col">Cleared or issued</th>
            <th scope="col">Refused</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([d, o]) => (
            <tr>
              <th scope="row">{d} days</th>
              <td>
                {o
                  ? `${pct(o.issued.p)} (${pct(o.issued.low)}–${pct(o.issued.high)})`
                  : 'not known (no case followed that long)'}
              </td>
              <td>{o ? `${pct(o.refused.p)} (${pct(o.refused.low)}–${pct(o.refused.high)})` : 'not known'}</td>
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
            <caption id="sw-month-caption">Cases by the month their wait started</caption>
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col">Cases</th>
                <th scope="col">Cleared</th>
                <th scope="col">Refused</th>
                <th scope="col">Pending</th>
                <th scope="col">Median wait</th>
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
                      ? 'not reached'
                      : `${r.median.days} days ${ciText(p.level, r.median.low, r.median.high)}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="muted">No month has {MIN_GROUP} or more cases.</p>
      )}
      {m.hiddenMonths > 0 ? (
        <p class="small muted">
          {m.hiddenMonths} month{m.hiddenMonths === 1 ? ' is' : 's are'} left out because{' '}
          {m.hiddenMonths === 1 ? 'it holds' : 'each holds'} fewer than {MIN_GROUP} cases.
        </p>
      ) : null}
    </>
  );
}

/** Shown whenever the pool holds generated demo timelines (`npm run demo`), so none passes for a real case. */
export function DemoDataNote(p: { count: number }) {
  return (
    <Alert kind="info">
      <strong>Demo data.</strong> These figures come from {p.count.toLocaleString('en')} timelines generated for the
      demo to show how this page works. They are not real cases: read nothing about real waiting times into them.
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
  return (
    <Layout {...p.frame}>
      <div class="sw">
        <h1>Waiting times</h1>
        <p class="lead">
          How long administrative processing (221(g)) took for people like you. Cases still waiting count too, as “at
          least this long”, so the long waits are not hidden the way averages of finished cases hide them.
        </p>
        {p.demoTimelines ? <DemoDataNote count={p.demoTimelines} /> : null}
        <StatsFilterForm values={p.values} errors={p.errors} />
        {Object.keys(p.errors).length ? (
          <Alert kind="bad">Some filters need fixing: see the messages next to them.</Alert>
        ) : null}
        {v?.kind === 'too_small' ? (
          <Alert kind="info">
            <strong>
              Fewer than {MIN_GROUP} cases match {p.label}.
            </strong>{' '}
            We never show a group that small: a handful of cases gives no honest estimate, and could point to the people
            in it. Widen the filters — leave out the months, the route or the post.
          </Alert>
        ) : null}
        {v?.kind === 'ok' ? (
          <>
            <section class="card" aria-labelledby="sw-reading">
              <h2 id="sw-reading">What the figures say</h2>
              <p class="small muted">For {p.label}.</p>
              {v.reading.map((s) => (
                <p>{s}</p>
              ))}
              {v.report.warnings.length ? (
                <ul class="sw-warnings">
                  {v.report.warnings.map((w) => (
                    <li>{sentence(w)}</li>
                  ))}
                </ul>
              ) : null}
            </section>
            <section class="card" aria-labelledby="sw-curve">
              <h2 id="sw-curve">How long people waited</h2>
              <figure class="sw-chart">
                {raw(v.survivalSvg)}
                <figcaption class="small muted">
                  The line is the share of cases still waiting after each number of days; the shaded band is its{' '}
                  {Math.round(v.report.level * 100)}% interval; small ticks are cases last seen still waiting; the
                  dashed lines mark the median.
                </figcaption>
              </figure>
              <SurvivalTable rows={v.survivalRows} level={v.report.level} />
            </section>
            <section class="card" aria-labelledby="sw-outcomes">
              <h2 id="sw-outcomes">Cleared or refused</h2>
              <figure class="sw-chart">
                {raw(v.incidenceSvg)}
                <figcaption class="small muted">
                  The solid line is the share cleared or issued by each day, the dashed line the share refused, each
                  with its band.
                </figcaption>
              </figure>
              <OutcomeTable report={v.report} />
            </section>
            <section class="card" aria-labelledby="sw-months">
              <h2 id="sw-months">By start month</h2>
              <MonthlyRows monthly={v.monthly} level={v.report.level} />
            </section>
          </>
        ) : null}
        {p.recent}
        <section aria-labelledby="sw-how">
          <h2 id="sw-how">How these figures are made</h2>
          <p class="small">
            From anonymous timelines: cases whose owners chose to share them, timelines typed in by hand, and imports of
            public trackers. A wait starts at the 221(g) or refusal date and ends at the decision. Cases still waiting
            count up to the day they were last known to be waiting (a case nobody updated for a long time counts up to
            its last update). The curve is a Kaplan–Meier estimate with Greenwood intervals, the same as R's survival
            package; cleared-versus-refused shares are Aalen–Johansen estimates. Groups of fewer than {MIN_GROUP} cases
            are never shown.
          </p>
          <p class="small">
            <a href="/timelines/new">Add your own timeline</a> to make these figures better for the next person.
          </p>
        </section>
      </div>
    </Layout>
  );
}
