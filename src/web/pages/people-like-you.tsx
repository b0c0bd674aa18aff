import { raw } from 'hono/html';

import type { CaseOutlook } from '../waiting-times.js';
import { type CaseWaitOutlook, daysText, HowLongLine } from './how-long.js';

const pct = (p: number | null) => (p === null ? null : `${Math.round(p * 100)}%`);

/** "(we are 95% sure: between 12 and 30 days)", saying plainly when an end is not known yet. */
function plainInterval(level: number, low: number | null, high: number | null): string {
  if (low === null && high === null) return '';
  const l = low === null ? 'not known' : String(low);
  const h = high === null ? 'not known yet' : String(high);
  return ` (we are ${Math.round(level * 100)}% sure: between ${l} and ${h} more days)`;
}

export function OutlookSection(p: {
  outlook: CaseOutlook;
  waited: number;
  startedBy?: string;
  demoTimelines?: number;
}) {
  const { prediction: pr, chartSvg } = p.outlook;
  const level = 0.95;
  const m = pr.medianRemaining;
  return (
    <section class="card sw sw-like" aria-labelledby="sw-like">
      <h2 id="sw-like">People like you</h2>
      <p>
        Your case has waited <strong>{daysText(p.waited)}</strong>
        {p.startedBy ? `, counted from ${p.startedBy}` : ''}. Of {pr.groupLabel}, <strong>{pr.comparable}</strong> cases
        were still waiting after that long; this is what happened to them next.
      </p>
      {p.demoTimelines ? (
        <p class="alert info" role="status">
          <strong>Demo data.</strong> The comparable cases come from {p.demoTimelines.toLocaleString('en')} timelines
          generated for the demo, not from real people.
        </p>
      ) : null}
      <figure class="sw-chart">{raw(chartSvg)}</figure>
      <div class="sw-scroll" tabindex={0} role="region" aria-labelledby="sw-like-caption">
        <table class="sw-table">
          <caption id="sw-like-caption">Chance of a decision, either way, from today</caption>
          <thead>
            <tr>
              <th scope="col">Within</th>
              <th scope="col">Chance</th>
              <th scope="col">We are 95% sure it is between</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(pr.within).map(([h, ch]) => (
              <tr>
                <th scope="row">{h} more days</th>
                <td>{pct(ch.p) ?? 'not known'}</td>
                <td>
                  {ch.p === null
                    ? 'no case was followed that long'
                    : `${pct(ch.low) ?? 'not known'} and ${pct(ch.high) ?? 'not known'}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        {m.days !== null
          ? `Half of them were decided within ${daysText(m.days)} more${plainInterval(level, m.low, m.high)}.`
          : 'Fewer than half of them have been decided so far, so the typical remaining wait is not known yet.'}
      </p>
      {pr.notes.length ? (
        <ul class="sw-warnings small">
          {pr.notes.map((n) => (
            <li>{`${n.charAt(0).toUpperCase()}${n.slice(1)}.`}</li>
          ))}
        </ul>
      ) : null}
      <p class="small muted">
        From anonymous shared timelines, not from the consulate. Every case is different: this says what happened to
        others, not what will happen to yours.{' '}
        <a
          href={`/stats?visa=${encodeURIComponent(pr.group.visaClass)}${pr.group.post ? `&post=${encodeURIComponent(pr.group.post)}` : ''}${pr.group.entry ? `&entry=${pr.group.entry}` : ''}`}
        >
          See all waiting times for this group
        </a>
        .
      </p>
    </section>
  );
}

/**
 * The case page's "people like you" section: while the case waits in 221(g)/administrative processing,
 * has a visa class, and at least 5 comparable cases exist. Otherwise it says why it is not there.
 */
export function PeopleLikeYou(p: { o: CaseWaitOutlook }) {
  const { o } = p;
  if (o.kind === 'not_waiting') return null;
  if (o.kind === 'ok')
    return (
      <OutlookSection
        outlook={o.outlook}
        waited={o.wait.days}
        startedBy={o.wait.startedBy}
        demoTimelines={o.demoTimelines}
      />
    );
  return (
    <section class="card sw sw-like" aria-labelledby="sw-like">
      <h2 id="sw-like">People like you</h2>
      <HowLongLine o={o} />
    </section>
  );
}
