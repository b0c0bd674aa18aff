import { raw } from 'hono/html';

import { t } from '../language.js';
import { count, percent } from '../local-format.js';
import type { CaseOutlook } from '../waiting-times.js';
import { type CaseWaitOutlook, daysText, groupText, HowLongLine, type WaitStart, waitStartText } from './how-long.js';
import { Rich } from './rich.js';

const pct = (p: number | null) => (p === null ? null : percent(p));

/** "(we are 95% sure: between 12 and 30 more days)", saying plainly when an end is not known yet. */
function plainInterval(level: number, low: number | null, high: number | null): string {
  if (low === null && high === null) return '';
  return t('web.like.interval', {
    level,
    low: low ?? t('web.howLong.notKnown'),
    high: high ?? t('web.howLong.notKnownYet'),
  });
}

export function OutlookSection(p: {
  outlook: CaseOutlook;
  waited: number;
  startedBy?: WaitStart;
  demoTimelines?: number;
}) {
  const { prediction: pr, chartSvg } = p.outlook;
  const level = 0.95;
  const m = pr.medianRemaining;
  // The prediction's notes, from its facts: the narrower groups that had too few cases, the unknown horizons.
  const notes = pr.tried.map((tried) =>
    t('web.like.note.broader', {
      group: groupText(tried.group),
      comparable: tried.comparable,
      days: daysText(p.waited),
    }),
  );
  if (pr.within['90']?.p === null) notes.push(t('web.like.note.horizon'));
  return (
    <section class="card sw sw-like" aria-labelledby="sw-like">
      <h2 id="sw-like">{t('web.like.title')}</h2>
      <p>
        <Rich
          k={p.startedBy ? 'web.like.waitedFrom' : 'web.like.waited'}
          values={{
            start: p.startedBy ? waitStartText(p.startedBy) : '',
            group: groupText(pr.group),
            comparable: pr.comparable,
          }}
          parts={{
            days: <strong>{daysText(p.waited)}</strong>,
            cases: <strong>{t('web.like.cases', { comparable: pr.comparable })}</strong>,
          }}
        />
      </p>
      {p.demoTimelines ? (
        <p class="alert info" role="status">
          <strong>{t('web.stats.demo.label')}</strong>{' '}
          {t('web.like.demo', { timelines: p.demoTimelines, count: count(p.demoTimelines) })}
        </p>
      ) : null}
      <figure class="sw-chart">{raw(chartSvg)}</figure>
      <div class="sw-scroll" tabindex={0} role="region" aria-labelledby="sw-like-caption">
        <table class="sw-table">
          <caption id="sw-like-caption">{t('web.like.table.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('web.like.table.within')}</th>
              <th scope="col">{t('web.like.table.chance')}</th>
              <th scope="col">{t('web.stats.table.sure', { level })}</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(pr.within).map(([h, ch]) => (
              <tr>
                <th scope="row">{t('web.like.table.moreDays', { days: Number(h) })}</th>
                <td>{pct(ch.p) ?? t('web.howLong.notKnown')}</td>
                <td>
                  {ch.p === null
                    ? t('web.like.table.notFollowed')
                    : t('web.stats.table.range', {
                        low: pct(ch.low) ?? t('web.howLong.notKnown'),
                        high: pct(ch.high) ?? t('web.howLong.notKnown'),
                      })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        {m.days !== null
          ? t('web.like.halfWithin', { days: daysText(m.days), interval: plainInterval(level, m.low, m.high) })
          : t('web.like.halfNotYet')}
      </p>
      {notes.length ? (
        <ul class="sw-warnings small">
          {notes.map((n) => (
            <li>{n}</li>
          ))}
        </ul>
      ) : null}
      <p class="small muted">
        {t('web.like.source')}{' '}
        <a
          href={`/stats?visa=${encodeURIComponent(pr.group.visaClass)}${pr.group.post ? `&post=${encodeURIComponent(pr.group.post)}` : ''}${pr.group.entry ? `&entry=${pr.group.entry}` : ''}`}
        >
          {t('web.like.seeAll')}
        </a>
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
      <h2 id="sw-like">{t('web.like.title')}</h2>
      <HowLongLine o={o} />
    </section>
  );
}
