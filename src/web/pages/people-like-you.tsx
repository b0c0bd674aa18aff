import { getContext } from 'hono/context-storage';
import { raw } from 'hono/html';

import type { CaseView } from '../../store/cases.js';
import { dayNumber } from '../../timelines/model.js';
import { watchedTimeline } from '../../timelines/watched.js';
import { canonicalVisaClass, localDate, watchedCaseOf } from '../../tracker/timeline-sync.js';
import type { AppEnv } from '../context.js';
import { type CaseOutlook, ciText, statsServiceFor } from '../waiting-times.js';

/** States in which a case is waiting on administrative processing, so a prediction means something. */
export const WAITING_STATES: readonly string[] = ['refused', 'administrative_processing'];

const pct = (p: number | null) => (p === null ? null : `${Math.round(p * 100)}%`);

/** Whole days this case has waited: from the first Refused/Administrative Processing seen, at the post's date. */
export async function daysWaited(
  db: Parameters<typeof watchedCaseOf>[0],
  c: CaseView,
  now: number,
): Promise<number | null> {
  const seen = await watchedCaseOf(db, c.id);
  const start = seen
    ? watchedTimeline({ ...seen.watched, lastChecked: localDate(now, c.location) })?.startDate
    : undefined;
  const from = start ?? (c.stateSince ? localDate(c.stateSince, c.location) : null);
  if (!from) return null;
  const a = dayNumber(from);
  const b = dayNumber(localDate(now, c.location));
  return a === null || b === null ? null : Math.max(0, b - a);
}

export function OutlookSection(p: { outlook: CaseOutlook; waited: number; demoTimelines?: number }) {
  const { prediction: pr, chartSvg } = p.outlook;
  const level = 0.95;
  const m = pr.medianRemaining;
  return (
    <section class="card sw sw-like" aria-labelledby="sw-like">
      <h2 id="sw-like">People like you</h2>
      <p>
        Your case has waited <strong>{p.waited} days</strong>. Of {pr.groupLabel}, <strong>{pr.comparable}</strong>{' '}
        cases were still waiting after that long; this is what happened to them next.
      </p>
      {p.demoTimelines ? (
        <p class="alert info" role="status">
          <strong>Demo data.</strong> The comparable cases come from {p.demoTimelines.toLocaleString('en')} timelines
          generated for the demo, not from real people.
        </p>
      ) : null}
      <figure class="sw-chart">{raw(chartSvg)}</figure>
      <div class="sw-scroll">
        <table class="sw-table">
          <caption>Chance of a decision, either way, from today</caption>
          <thead>
            <tr>
              <th scope="col">Within</th>
              <th scope="col">Chance</th>
              <th scope="col">95% interval</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(pr.within).map(([h, ch]) => (
              <tr>
                <th scope="row">{h} more days</th>
                <td>{pct(ch.p) ?? 'not known'}</td>
                <td>
                  {ch.p === null ? 'no case was followed that long' : `${pct(ch.low) ?? '?'}–${pct(ch.high) ?? '?'}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        {m.days !== null
          ? `Half of them were decided within ${m.days} more days ${ciText(level, m.low, m.high)}`.trimEnd() + '.'
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
 * The case page's "people like you" section: shown only while the case waits in 221(g)/administrative
 * processing, it has a visa class, and at least 5 comparable cases exist. Reads the store through
 * the request context (hono/context-storage), so the case page needs nothing new passed to it.
 */
export async function PeopleLikeYou(p: { c: CaseView; now: number }) {
  const { c } = p;
  if (!c.state || !WAITING_STATES.includes(c.state) || !c.context.visaClass) return null;
  let services;
  try {
    services = getContext<AppEnv>().var.services;
  } catch {
    return null;
  }
  try {
    const waited = await daysWaited(services.store.db, c, p.now);
    if (waited === null) return null;
    const stats = statsServiceFor(services.store);
    const outlook = await stats.outlook(
      { visaClass: canonicalVisaClass(c.context.visaClass)!, post: c.location ?? undefined, entry: c.context.entry },
      waited,
    );

    /* eslint-disable @typescript-eslint/return-await -- a JSX node renders later; awaiting it here catches nothing */
    return outlook ? (
      <OutlookSection outlook={outlook} waited={waited} demoTimelines={await stats.demoTimelines()} />
    ) : null;
    /* eslint-enable @typescript-eslint/return-await */
  } catch (err) {
    // The statistics are an extra: the case page stands without them.
    services.logger.error(
      { err: { name: (err as Error).name, message: (err as Error).message }, caseId: c.id },
      'people like you could not be computed',
    );
    return null;
  }
}
