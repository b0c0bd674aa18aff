import { raw } from 'hono/html';

import { clearanceChart } from '../../stats/clearance-chart.js';
import type { Wave } from '../../stats/waves.js';
import { t } from '../language.js';
import type { RecentClearancesView, RecentGroupView } from '../recent-clearances.js';
import { MIN_GROUP, postLabel } from '../waiting-times.js';

/**
 * The /stats "recent clearances" view: what cleared this week for the filter's post and visa class (the list
 * checkee readers keep by hand), and the daily clearances of the last 90 days with the wave days marked on the
 * time axis and listed in words below the chart (a mark in an SVG alone reaches no screen reader).
 */

/** "F1 at Beijing, China (BEJ)", "every visa class at …", in the reader's language. */
export function groupName(g: { post: string | null; visaClass: string | null }): string {
  if (g.post && g.visaClass) return t('waves.group.pair', { visaClass: g.visaClass, post: postLabel(g.post) });
  if (g.post) return t('waves.group.post', { post: postLabel(g.post) });
  if (g.visaClass) return t('waves.group.class', { visaClass: g.visaClass });
  return t('waves.group.all');
}

const oneDecimal = (x: number) => Math.round(x * 10) / 10;

function GroupTable(p: { g: RecentGroupView; index: number }) {
  const caption = `rc-caption-${String(p.index)}`;
  return (
    <div class="sw-scroll" tabindex={0} role="region" aria-labelledby={caption}>
      <table class="sw-table rc-table">
        <caption id={caption}>{t('waves.recent.groupCaption', { group: groupName(p.g), count: p.g.count })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('waves.recent.colDate')}</th>
            <th scope="col">{t('waves.recent.colWait')}</th>
          </tr>
        </thead>
        <tbody>
          {p.g.rows.map((r) => (
            <tr>
              <th scope="row">
                <time datetime={r.date}>{r.date}</time>
                {r.wave ? <span class="rc-wave"> {t('waves.recent.waveDay')}</span> : null}
              </th>
              <td>{t('waves.recent.waitDays', { days: r.waitDays })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function WaveItem(p: { w: Wave }) {
  const w = p.w;
  const values = { count: w.count, group: groupName(w), expected: oneDecimal(w.expected) };
  return (
    <li>
      <time datetime={w.date}>{w.date}</time>:{' '}
      {/* Waits are told only for a wave of at least MIN_GROUP cases, like every figure on this page. */}
      {w.count >= MIN_GROUP
        ? t('waves.list.itemWaits', { ...values, min: w.minWait, max: w.maxWait })
        : t('waves.list.item', values)}
    </li>
  );
}

export function RecentClearances(p: { view: RecentClearancesView; otherFilters: boolean }) {
  const v = p.view;
  const group = groupName(v);
  const chart = v.chart;
  const waveDates = [...new Set(v.waves.map((w) => w.date))];
  return (
    <>
      <section class="card" aria-labelledby="rc-heading">
        <h2 id="rc-heading">{t('waves.recent.heading')}</h2>
        <p>{t('waves.recent.intro', { group, from: v.from, to: v.to })}</p>
        {p.otherFilters ? <p class="small muted">{t('waves.recent.otherFilters')}</p> : null}
        {v.total === 0 ? (
          <p class="rc-summary">{t('waves.recent.none')}</p>
        ) : v.waits === null ? (
          <p class="rc-summary">{t('waves.recent.few', { min: MIN_GROUP })}</p>
        ) : (
          <p class="rc-summary">
            <strong>
              {t('waves.recent.summary', {
                count: v.total,
                min: v.waits.min,
                max: v.waits.max,
                median: v.waits.median,
              })}
            </strong>
          </p>
        )}
        {v.groups.map((g, i) => (
          <GroupTable g={g} index={i} />
        ))}
        {v.unlisted > 0 && v.waits !== null ? (
          <p class="small muted">{t('waves.recent.unlisted', { count: v.unlisted, min: MIN_GROUP })}</p>
        ) : null}
        {v.groups.length ? <p class="small muted">{t('waves.recent.privacy')}</p> : null}
      </section>
      <section class="card" aria-labelledby="rc-chart-heading">
        <h2 id="rc-chart-heading">{t('waves.chart.heading')}</h2>
        <p class="small">{t('waves.chart.intro', { from: chart.from, to: chart.to })}</p>
        {chart.total >= MIN_GROUP && chart.busiest ? (
          <figure class="sw-chart">
            {raw(
              clearanceChart(
                { from: chart.from, to: chart.to, counts: chart.counts, waveDates },
                { xLabel: t('waves.chart.xLabel'), yLabel: t('waves.chart.yLabel') },
                {
                  id: 'clearances',
                  width: 480,
                  height: 220,
                  title: t('waves.chart.title', { from: chart.from, to: chart.to, group }),
                  description: t('waves.chart.desc', {
                    total: chart.total,
                    busiest: chart.busiest.date,
                    count: chart.busiest.count,
                    waves: waveDates.length,
                  }),
                },
              ),
            )}
            <figcaption class="small muted">{t('waves.chart.caption')}</figcaption>
          </figure>
        ) : (
          <p class="muted">{t('waves.chart.few', { min: MIN_GROUP, from: chart.from, to: chart.to })}</p>
        )}
        <h3 id="rc-waves">{t('waves.list.heading')}</h3>
        {v.waves.length ? (
          <>
            <ul class="rc-waves" aria-labelledby="rc-waves">
              {v.waves.map((w) => (
                <WaveItem w={w} />
              ))}
            </ul>
            <p class="small muted">{t('waves.list.promise')}</p>
          </>
        ) : (
          <p>{t('waves.list.none', { group })}</p>
        )}
        <p class="small muted">{t('waves.list.what')}</p>
      </section>
    </>
  );
}
