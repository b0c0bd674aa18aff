import { NotEnoughDataError } from '../../stats/predict.js';
import type { CaseView } from '../../store/cases.js';
import { dayNumber } from '../../timelines/model.js';
import { watchedTimeline } from '../../timelines/watched.js';
import { canonicalVisaClass, localDate, watchedCaseOf } from '../../tracker/timeline-sync.js';
import type { WebServices } from '../context.js';
import { type CaseOutlook, statsServiceFor } from '../waiting-times.js';

/** States in which a case is waiting on administrative processing, so a prediction means something. */
export const WAITING_STATES: readonly string[] = ['refused', 'administrative_processing'];

/** How long the person has waited, counted from something they lived, and which thing that is. */
export interface LivedWait {
  /** YYYY-MM-DD the wait started. */
  from: string;
  days: number;
  /** What `from` is, in words: "your interview", "your drop-off", "the day CEAC first showed Refused". */
  startedBy: string;
}

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
/** "12 Jan 2027" for a YYYY-MM-DD date (a calendar day, so no time zone shift). */
export const longDate = (iso: string) => DATE.format(Date.parse(`${iso}T00:00:00Z`));
const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
export const daysText = (d: number) => `${d} day${d === 1 ? '' : 's'}`;

/**
 * The wait as the person lived it: from the interview or drop-off date they gave, else from the day
 * CEAC's own dates (or our first check) show the case entered Refused / Administrative Processing,
 * else from when this status began. Always in whole days, at the post's date.
 */
export async function livedWait(services: WebServices, c: CaseView, now: number): Promise<LivedWait | null> {
  const today = localDate(now, c.location);
  const span = (from: string, startedBy: string): LivedWait | null => {
    const a = dayNumber(from);
    const b = dayNumber(today);
    return a === null || b === null ? null : { from, days: Math.max(0, b - a), startedBy };
  };
  if (c.context.interviewDate && c.context.interviewDate <= today)
    return span(c.context.interviewDate, c.context.route === 'dropbox' ? 'your drop-off' : 'your interview');
  const seen = await watchedCaseOf(services.store.db, c.id);
  const start = seen ? watchedTimeline({ ...seen.watched, lastChecked: today })?.startDate : undefined;
  if (start) return span(start, 'the day CEAC first showed the case refused or in processing');
  if (c.stateSince) return span(localDate(c.stateSince, c.location), 'the first check that saw this status');
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
      reason: 'To compare with similar cases we need the visa class.',
      fix: { href: `/cases/${c.id}/edit`, label: 'Add the visa class' },
    };
  if (!wait) return { kind: 'none', wait, reason: 'We do not know yet when the wait started.' };
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
        reason: `Not enough similar cases to say: fewer than 5 shared ${visaClass} cases were still waiting after ${daysText(wait.days)}.`,
      };
    return { kind: 'ok', wait, outlook, today: localDate(now, c.location), demoTimelines: await stats.demoTimelines() };
  } catch (err) {
    if (err instanceof NotEnoughDataError) return { kind: 'none', wait, reason: 'Not enough similar cases to say.' };
    services.logger.error(
      { err: { name: (err as Error).name, message: (err as Error).message }, caseId: c.id },
      'waiting times could not be computed',
    );
    return { kind: 'none', wait, reason: 'The waiting times could not be computed just now.' };
  }
}

/** "between 3 Jan and 2 Feb 2027", or what is known of it. */
function between(today: string, low: number | null, high: number | null): string {
  if (low === null && high === null) return '';
  const l = low === null ? 'an unknown date' : longDate(addDays(today, low));
  const h = high === null ? 'a date not known yet' : longDate(addDays(today, high));
  return ` (we are 95% sure: between ${l} and ${h})`;
}

/** The one "how long" line under the status: dates, not statistics jargon, with a link to the detail. */
export function HowLongLine(p: { o: CaseWaitOutlook; detailHref?: string; id?: string }) {
  const { o } = p;
  if (o.kind === 'not_waiting') return null;
  const waited = o.wait ? (
    <>
      Waiting <strong>{daysText(o.wait.days)}</strong>, counted from {o.wait.startedBy} ({longDate(o.wait.from)}).{' '}
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
            <a href={o.fix.href}>{o.fix.label}</a>.
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
          Half of similar cases were decided by <strong>{longDate(addDays(o.today, m.days))}</strong>
          {between(o.today, m.low, m.high)}
          {n.days !== null ? (
            <>
              ; 9 in 10 by <strong>{longDate(addDays(o.today, n.days))}</strong>
            </>
          ) : (
            '; when 9 in 10 are decided is not known yet'
          )}
          .
        </>
      ) : (
        'Fewer than half of similar cases that waited this long have been decided so far, so a date cannot be given yet.'
      )}{' '}
      <a href={p.detailHref ?? '#sw-like'}>How we know</a>
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
        reason: `Not enough similar cases to say how long: fewer than 5 shared ${q.visaClass} cases${waited ? ` were still waiting after ${daysText(waited)}` : ' match'}.`,
      };
    return { kind: 'ok', outlook, waited, today: q.today, href };
  } catch (err) {
    services.logger.error(
      { err: { name: (err as Error).name, message: (err as Error).message } },
      'waiting times failed',
    );
    return { kind: 'none', href, reason: 'The waiting times could not be computed just now.' };
  }
}

/** The explain result's "how long" line: dates when we know when the wait began, else days. */
export function ExplainHowLong(p: { w: ExplainWait }) {
  const { w } = p;
  if (w.kind === 'none')
    return (
      <p class="howlong" id="how-long">
        <span class="muted">{w.reason}</span> <a href={w.href}>See the waiting times</a>
      </p>
    );
  const pr = w.outlook.prediction;
  const m = pr.medianRemaining;
  const n = pr.ninetyRemaining;
  const group = pr.groupLabel;
  if (w.waited !== null)
    return (
      <p class="howlong" id="how-long">
        Waiting <strong>{daysText(w.waited)}</strong> since the date you gave. Of {group} cases that waited as long,{' '}
        {m.days !== null ? (
          <>
            half were decided by <strong>{longDate(addDays(w.today, m.days))}</strong>
            {between(w.today, m.low, m.high)}
            {n.days !== null ? (
              <>
                ; 9 in 10 by <strong>{longDate(addDays(w.today, n.days))}</strong>
              </>
            ) : null}
            .
          </>
        ) : (
          'fewer than half have been decided so far.'
        )}{' '}
        <a href={w.href}>See the waiting times</a>
      </p>
    );
  return (
    <p class="howlong" id="how-long">
      Of {group} cases,{' '}
      {m.days !== null ? (
        <>
          half were decided within <strong>{daysText(m.days)}</strong>
          {m.low !== null || m.high !== null
            ? ` (we are 95% sure: between ${m.low ?? 'not known'} and ${m.high ?? 'not known yet'} days)`
            : ''}
          {n.days !== null ? (
            <>
              ; 9 in 10 within <strong>{daysText(n.days)}</strong>
            </>
          ) : null}
          , counted from the 221(g) refusal or interview.
        </>
      ) : (
        'fewer than half have been decided so far.'
      )}{' '}
      Give the date your status began for dates. <a href={w.href}>See the waiting times</a>
    </p>
  );
}
