import type { MessageKey } from '../../i18n/catalog.js';
import { NotEnoughDataError } from '../../stats/predict.js';
import type { CaseView } from '../../store/cases.js';
import { dayNumber } from '../../timelines/model.js';
import { watchedTimeline } from '../../timelines/watched.js';
import { canonicalVisaClass, localDate, watchedCaseOf } from '../../tracker/timeline-sync.js';
import type { WebServices } from '../context.js';
import { t } from '../language.js';
import { calendarDate } from '../local-format.js';
import { type CaseOutlook, groupText, statsServiceFor } from '../waiting-times.js';
import { Rich } from './rich.js';

export { groupText };

/** States in which a case is waiting on administrative processing, so a prediction means something. */
export const WAITING_STATES: readonly string[] = ['refused', 'administrative_processing'];

/** How long the person has waited, counted from something they lived, and which thing that is. */
export interface LivedWait {
  /** YYYY-MM-DD the wait started. */
  from: string;
  days: number;
  /** What `from` is: the interview, the drop-off, the day CEAC first showed the case refused, our first check. */
  startedBy: WaitStart;
}

export type WaitStart = 'interview' | 'dropoff' | 'firstShown' | 'firstCheck';
const WAIT_START: Record<WaitStart, MessageKey> = {
  interview: 'web.howLong.start.interview',
  dropoff: 'web.howLong.start.dropoff',
  firstShown: 'web.howLong.start.firstShown',
  firstCheck: 'web.howLong.start.firstCheck',
};
/** What a wait is counted from, in the page's words ("your interview"). */
export const waitStartText = (s: WaitStart): string => t(WAIT_START[s]);

/** "12 Jan 2027" for a YYYY-MM-DD date, in the page's language (a calendar day, so no time zone shift). */
export const longDate = calendarDate;
const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** "3 days", "3 天", "3 días". */
export const daysText = (d: number) => t('web.count.days', { days: d });

/**
 * The wait as the person lived it: from the interview or drop-off date they gave, else from the day
 * CEAC's own dates (or our first check) show the case entered Refused / Administrative Processing,
 * else from when this status began. Always in whole days, at the post's date.
 */
export async function livedWait(services: WebServices, c: CaseView, now: number): Promise<LivedWait | null> {
  const today = localDate(now, c.location);
  const span = (from: string, startedBy: WaitStart): LivedWait | null => {
    const a = dayNumber(from);
    const b = dayNumber(today);
    return a === null || b === null ? null : { from, days: Math.max(0, b - a), startedBy };
  };
  if (c.context.interviewDate && c.context.interviewDate <= today)
    return span(c.context.interviewDate, c.context.route === 'dropbox' ? 'dropoff' : 'interview');
  const seen = await watchedCaseOf(services.store.db, c.id);
  const start = seen ? watchedTimeline({ ...seen.watched, lastChecked: today })?.startDate : undefined;
  if (start) return span(start, 'firstShown');
  if (c.stateSince) return span(localDate(c.stateSince, c.location), 'firstCheck');
  return null;
}

/** What the case page can say about how long: the estimate, or why there is none. */
export type CaseWaitOutlook =
  | { kind: 'ok'; wait: LivedWait; outlook: CaseOutlook; today: string; demoTimelines: number }
  | { kind: 'none'; wait: LivedWait | null; reason: string; fix?: { href: string; label: string } | undefined }
  /** The case is not waiting on processing (not checked yet, or another status): nothing to say. */
  | { kind: 'not_waiting' };

export async function caseWaitOutlook(services: WebServices, c: CaseView, now: number): Promise<CaseWaitOutlook> {
  if (!c.state || !WAITING_STATES.includes(c.state)) return { kind: 'not_waiting' };
  const wait = await livedWait(services, c, now);
  const visaClass = canonicalVisaClass(c.context.visaClass);
  if (!visaClass)
    return {
      kind: 'none',
      wait,
      reason: t('web.howLong.needVisa'),
      fix: { href: `/cases/${c.id}/edit`, label: t('web.howLong.addVisa') },
    };
  if (!wait) return { kind: 'none', wait, reason: t('web.howLong.noStart') };
  const stats = statsServiceFor(services.store);
  try {
    const outlook = await stats.outlook(
      { visaClass, post: c.location ?? undefined, entry: c.context.entry },
      wait.days,
    );
    if (!outlook)
      return {
        kind: 'none',
        wait,
        reason: t('web.howLong.tooFewAfter', { min: 5, visa: visaClass, waited: daysText(wait.days) }),
      };
    return { kind: 'ok', wait, outlook, today: localDate(now, c.location), demoTimelines: await stats.demoTimelines() };
  } catch (err) {
    if (err instanceof NotEnoughDataError) return { kind: 'none', wait, reason: t('web.howLong.tooFew') };
    services.logger.error(
      { err: { name: (err as Error).name, message: (err as Error).message }, caseId: c.id },
      'waiting times could not be computed',
    );
    return { kind: 'none', wait, reason: t('web.howLong.failed') };
  }
}

/** "between 3 Jan and 2 Feb 2027", or what is known of it. */
function between(today: string, low: number | null, high: number | null): string {
  if (low === null && high === null) return '';
  const l = low === null ? t('web.howLong.unknownDate') : longDate(addDays(today, low));
  const h = high === null ? t('web.howLong.dateNotKnownYet') : longDate(addDays(today, high));
  return t('web.howLong.betweenDates', { level: 0.95, low: l, high: h });
}

/** The one "how long" line under the status: dates, not statistics jargon, with a link to the detail. */
export function HowLongLine(p: { o: CaseWaitOutlook; detailHref?: string; id?: string }) {
  const { o } = p;
  if (o.kind === 'not_waiting') return null;
  const waited = o.wait ? (
    <>
      <Rich
        k="web.howLong.waited"
        values={{ start: waitStartText(o.wait.startedBy), date: longDate(o.wait.from) }}
        parts={{ days: <strong>{daysText(o.wait.days)}</strong> }}
      />{' '}
    </>
  ) : null;
  if (o.kind === 'none')
    return (
      <p class="howlong" id={p.id}>
        {waited}
        <span class="muted">{o.reason}</span>
        {o.fix ? (
          <>
            {' '}
            <a href={o.fix.href}>{o.fix.label}</a>
          </>
        ) : null}
      </p>
    );
  const { prediction: pr } = o.outlook;
  const m = pr.medianRemaining;
  const n = pr.ninetyRemaining;
  return (
    <p class="howlong" id={p.id}>
      {waited}
      {m.days !== null ? (
        <>
          <Rich
            k="web.howLong.halfBy"
            values={{ between: between(o.today, m.low, m.high) }}
            parts={{ date: <strong>{longDate(addDays(o.today, m.days))}</strong> }}
          />{' '}
          {n.days !== null ? (
            <Rich k="web.howLong.ninetyBy" parts={{ date: <strong>{longDate(addDays(o.today, n.days))}</strong> }} />
          ) : (
            t('web.howLong.ninetyUnknown')
          )}
        </>
      ) : (
        t('web.howLong.halfNotYet')
      )}{' '}
      <a href={p.detailHref ?? '#sw-like'}>{t('web.howLong.howWeKnow')}</a>
    </p>
  );
}

/** The explain page's "how long", for a visa class (and post) the person gave. */
export type ExplainWait =
  | { kind: 'ok'; outlook: CaseOutlook; waited: number | null; today: string; href: string }
  | { kind: 'none'; reason: string; href: string };

export async function explainWait(
  services: WebServices,
  q: { visaClass: string; post?: string | undefined; since?: string | undefined; today: string },
): Promise<ExplainWait> {
  const href = `/stats?visa=${encodeURIComponent(q.visaClass)}${q.post ? `&post=${encodeURIComponent(q.post)}` : ''}`;
  const a = q.since ? dayNumber(q.since) : null;
  const b = dayNumber(q.today);
  const waited = a !== null && b !== null && a <= b ? b - a : null;
  try {
    const outlook = await statsServiceFor(services.store).outlook(
      { visaClass: q.visaClass, post: q.post },
      waited ?? 0,
    );
    if (!outlook)
      return {
        kind: 'none',
        href,
        reason: waited
          ? t('web.howLong.tooFewAfter', { min: 5, visa: q.visaClass, waited: daysText(waited) })
          : t('web.howLong.tooFewMatch', { min: 5, visa: q.visaClass }),
      };
    return { kind: 'ok', outlook, waited, today: q.today, href };
  } catch (err) {
    services.logger.error(
      { err: { name: (err as Error).name, message: (err as Error).message } },
      'waiting times failed',
    );
    return { kind: 'none', href, reason: t('web.howLong.failed') };
  }
}

/** The explain result's "how long" line: dates when we know when the wait began, else days. */
export function ExplainHowLong(p: { w: ExplainWait }) {
  const { w } = p;
  const link = <a href={w.href}>{t('web.howLong.seeWaitingTimes')}</a>;
  if (w.kind === 'none')
    return (
      <p class="howlong" id="how-long">
        <span class="muted">{w.reason}</span> {link}
      </p>
    );
  const pr = w.outlook.prediction;
  const m = pr.medianRemaining;
  const n = pr.ninetyRemaining;
  const group = groupText(pr.group);
  if (w.waited !== null)
    return (
      <p class="howlong" id="how-long">
        <Rich k="web.howLong.waitedSince" parts={{ days: <strong>{daysText(w.waited)}</strong> }} />{' '}
        {m.days !== null ? (
          <>
            <Rich
              k="web.howLong.asLongHalfBy"
              values={{ group, between: between(w.today, m.low, m.high) }}
              parts={{ date: <strong>{longDate(addDays(w.today, m.days))}</strong> }}
            />
            {n.days !== null ? (
              <>
                {' '}
                <Rich
                  k="web.howLong.ninetyBy"
                  parts={{ date: <strong>{longDate(addDays(w.today, n.days))}</strong> }}
                />
              </>
            ) : null}
          </>
        ) : (
          t('web.howLong.asLongHalfNotYet', { group })
        )}{' '}
        {link}
      </p>
    );
  return (
    <p class="howlong" id="how-long">
      {m.days !== null ? (
        <>
          <Rich
            k="web.howLong.halfWithin"
            values={{
              group,
              interval:
                m.low !== null || m.high !== null
                  ? t('web.howLong.betweenDays', {
                      level: 0.95,
                      low: m.low ?? t('web.howLong.notKnown'),
                      high: m.high ?? t('web.howLong.notKnownYet'),
                    })
                  : '',
            }}
            parts={{ days: <strong>{daysText(m.days)}</strong> }}
          />
          {n.days !== null ? (
            <>
              {' '}
              <Rich k="web.howLong.ninetyWithin" parts={{ days: <strong>{daysText(n.days)}</strong> }} />
            </>
          ) : null}{' '}
          {t('web.howLong.countedFrom')}
        </>
      ) : (
        t('web.howLong.halfNotYetOf', { group })
      )}{' '}
      {t('web.howLong.giveDate')} {link}
    </p>
  );
}
