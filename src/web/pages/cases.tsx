import type { Child } from 'hono/jsx';

import type { DeadlineKind } from '../../knowledge/deadlines.js';
import { LOCATIONS } from '../../knowledge/locations.js';
import type { Interpretation, Observation } from '../../knowledge/types.js';
import type { CaseView } from '../../store/cases.js';
import type { ChangeTimesSummary } from '../../tracker/change-times-summary.js';
import type { TimelineEntry } from '../cases-data.js';
import { pageLanguage, t } from '../language.js';
import { localAgo, localDateTime, localDay } from '../local-time.js';
import type { ReadingWords } from '../reading-words.js';
import type { FieldErrors } from './auth.js';
import { CaseAhead, DEADLINE_TITLE_KEYS } from './case-ahead.js';
import { Answer, StatusBadge } from './explain.js';
import { type CaseWaitOutlook, daysText, HowLongLine } from './how-long.js';
import type { PageFrame } from './layout.js';
import { Alert, CsrfField, FieldError, Layout, LocationList } from './layout.js';
import { LearnedScheduleFact } from './learned-schedule.js';
import { PeopleLikeYou } from './people-like-you.js';

export interface CaseReading {
  observation: Observation;
  interpretation: Interpretation | null;
  at: number;
}

export const caseTitle = (c: CaseView) => c.label || t('cases.title.case', { number: c.caseNumber });

function Badge(p: { c: CaseView; reading: CaseReading | undefined }) {
  const i = p.reading?.interpretation;
  if (!p.reading) return <span class="badge uncertain">{t('cases.badge.notChecked')}</span>;
  // CEAC's own status word, as CEAC shows it (English in every language).
  const status = p.reading.observation.status;
  return (
    <span lang={status ? 'en' : undefined}>
      <StatusBadge finality={i?.finality ?? 'in_progress'} label={status ?? t('cases.badge.noStatus')} />
    </span>
  );
}

/** Outcomes that mean CEAC has no case with the details given: the owner must edit them. */
export const DETAILS_REJECTED: readonly string[] = ['case_not_found', 'invalid_case_number'];
/** Outcomes that mean CEAC refuses this server's network, whatever the case. */
export const NETWORK_REFUSED: readonly string[] = ['blocked', 'challenge'];

/** A failed check in plain words (never the outcome code). */
export function failureText(outcome: string | null): string {
  switch (outcome) {
    case 'case_not_found':
    case 'invalid_case_number':
      return t('cases.failure.notFound');
    case 'blocked':
    case 'challenge':
      return t('cases.failure.blocked');
    case 'captcha_rejected':
      return t('cases.failure.captcha');
    case 'maintenance':
      return t('cases.failure.maintenance');
    case 'timeout':
      return t('cases.failure.timeout');
    case 'layout_changed':
      return t('cases.failure.layout');
    case 'wrong_case':
      return t('cases.failure.wrongCase');
    default:
      return t('cases.failure.unreachable');
  }
}

function CheckLine(p: { c: CaseView; now: number; automatic: boolean }) {
  const { c, now } = p;
  const rejected = c.detailsRejectedAt !== null;
  const parts = [
    c.lastSuccessAt ? t('cases.check.lastChecked', { ago: localAgo(c.lastSuccessAt, now) }) : t('cases.check.notYet'),
    c.failures > 0 && !rejected ? t('cases.check.failed', { count: c.failures }) : '',
    rejected
      ? t('cases.check.waitDetails')
      : !c.watching
        ? t('cases.check.paused')
        : !p.automatic
          ? t('cases.check.manual')
          : c.nextCheckAt
            ? c.nextCheckAt <= now
              ? t('cases.check.nextNow')
              : t('cases.check.next', { when: localAgo(c.nextCheckAt, now) })
            : '',
  ];
  return <span class="small muted">{parts.filter(Boolean).join(' · ')}</span>;
}

export function CasesPage(p: {
  frame: PageFrame;
  automatic: boolean;
  cases: CaseView[];
  readings: Map<number, CaseReading>;
  /** Each reading's words in the page's language (a case without one shows the stored words). */
  words?: Map<number, ReadingWords>;
  now: number;
  welcome: boolean;
  notice?: string | undefined;
}) {
  const groups = new Map<string, CaseView[]>();
  for (const c of p.cases) {
    const g = c.group ?? '';
    groups.set(g, [...(groups.get(g) ?? []), c]);
  }
  const ordered = [...groups].sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
  return (
    <Layout {...p.frame}>
      <h1>{t('cases.heading')}</h1>
      {p.welcome ? <Alert kind="ok">{t('cases.list.welcome')}</Alert> : null}
      {p.notice ? <Alert kind="ok">{p.notice}</Alert> : null}
      <p>
        <a class="button" href="/cases/new">
          {t('cases.list.add')}
        </a>
      </p>
      {p.cases.length === 0 ? (
        <p class="muted">{t('cases.list.empty')}</p>
      ) : (
        ordered.map(([group, cases]) => (
          <section aria-label={group || t('cases.list.cases')}>
            {ordered.length > 1 || group ? <h2>{group || t('cases.list.otherCases')}</h2> : null}
            <ul class="cases">
              {cases.map((c) => {
                const r = p.readings.get(c.id);
                const w = p.words?.get(c.id);
                return (
                  <li>
                    <a class="case" href={`/cases/${c.id}`}>
                      <strong>{caseTitle(c)}</strong>
                      <Badge c={c} reading={r} />
                      {c.detailsRejectedAt !== null ? (
                        <span>{t('cases.list.detailsRejected')}</span>
                      ) : r?.interpretation ? (
                        <span lang={w && w.language !== p.frame.language ? w.language : undefined}>
                          {(w?.interpretation ?? r.interpretation).headline}
                        </span>
                      ) : (
                        <span>{t('cases.list.notChecked')}</span>
                      )}
                      <span></span>
                      <CheckLine c={c} now={p.now} automatic={p.automatic} />
                    </a>
                  </li>
                );
              })}
            </ul>
          </section>
        ))
      )}
    </Layout>
  );
}

export interface CaseFormValues {
  app: string;
  location: string;
  caseNumber: string;
  passport: string;
  surname: string;
  label: string;
  group: string;
  route: string;
  visaClass: string;
  entry: string;
  interviewDate: string;
  slip: string;
  /** YYYY-MM-DD on the 221(g) slip. */
  slipDate: string;
  /** YYYY-MM-DD the last documents asked for were handed in. */
  documentsDate: string;
  officer: string;
  passportKept: string;
  share: boolean;
}

export const EMPTY_CASE_FORM: CaseFormValues = {
  app: 'NIV',
  location: '',
  caseNumber: '',
  passport: '',
  surname: '',
  label: '',
  group: '',
  route: '',
  visaClass: '',
  entry: '',
  interviewDate: '',
  slip: '',
  slipDate: '',
  documentsDate: '',
  officer: '',
  passportKept: '',
  share: false,
};

function Input(p: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  errors?: FieldErrors;
  type?: string;
  autocomplete?: string;
  list?: string;
  required?: boolean;
  max?: string;
}) {
  const err = p.errors?.[p.id];
  const described = [p.hint ? `${p.id}-hint` : '', err ? `${p.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <>
      <label for={p.id}>
        {p.label}{' '}
        {p.hint ? (
          <span class="hint" id={`${p.id}-hint`}>
            {p.hint}
          </span>
        ) : null}
      </label>
      <input
        id={p.id}
        name={p.id}
        type={p.type ?? 'text'}
        value={p.value}
        autocomplete={p.autocomplete ?? 'off'}
        list={p.list}
        max={p.max}
        required={p.required}
        aria-invalid={err ? 'true' : undefined}
        aria-describedby={described}
      />
      <FieldError id={`${p.id}-error`} message={err} />
    </>
  );
}

export function CaseFormPage(p: {
  frame: PageFrame;
  mode: 'new' | 'edit';
  caseId?: number;
  values: CaseFormValues;
  errors: FieldErrors;
  maskedPassport?: string;
  /** Today (YYYY-MM-DD): the latest date the past dates of the form can take. */
  today?: string;
}) {
  const v = p.values;
  const editing = p.mode === 'edit';
  const notSure = t('cases.form.notSure');
  return (
    <Layout {...p.frame}>
      <h1>{editing ? t('cases.form.editTitle') : t('cases.form.addTitle')}</h1>
      <p class="lead">{t('cases.form.lead')}</p>
      {p.errors.form ? <Alert kind="bad">{p.errors.form}</Alert> : null}
      <form method="post" action={editing ? `/cases/${p.caseId}/edit` : '/cases'} class="card" novalidate>
        <CsrfField token={p.frame.csrf} />
        {editing ? null : (
          <fieldset>
            <legend>{t('cases.form.appType')}</legend>
            <div class="choices">
              <label>
                <input type="radio" name="app" value="NIV" checked={v.app !== 'IV'} /> {t('cases.form.niv')}
              </label>
              <label>
                <input type="radio" name="app" value="IV" checked={v.app === 'IV'} /> {t('cases.form.iv')}
              </label>
            </div>
            <FieldError id="app-error" message={p.errors.app} />
          </fieldset>
        )}
        <Input
          id="location"
          label={t('cases.form.location')}
          hint={t('cases.form.locationHint')}
          value={v.location}
          errors={p.errors}
          list="locations"
        />
        <LocationList id="locations" />
        {editing ? null : (
          <Input
            id="caseNumber"
            label={t('cases.form.caseNumber')}
            hint={t('cases.form.caseNumberHint')}
            value={v.caseNumber}
            errors={p.errors}
            required
          />
        )}
        <Input
          id="passport"
          label={t('cases.form.passport')}
          hint={
            editing
              ? t('cases.form.passportNow', { masked: p.maskedPassport ?? t('cases.form.notSet') })
              : t('cases.form.neededNiv')
          }
          value={editing ? '' : v.passport}
          errors={p.errors}
        />
        <Input
          id="surname"
          label={t('cases.form.surname')}
          hint={editing ? t('cases.form.keepIt') : t('cases.form.neededNiv')}
          value={editing ? '' : v.surname}
          errors={p.errors}
          autocomplete="family-name"
        />
        <div class="grid2">
          <div>
            <Input
              id="label"
              label={t('cases.form.label')}
              hint={t('cases.form.labelHint')}
              value={v.label}
              errors={p.errors}
            />
          </div>
          <div>
            <Input
              id="group"
              label={t('cases.form.group')}
              hint={t('cases.form.groupHint')}
              value={v.group}
              errors={p.errors}
            />
          </div>
        </div>
        <fieldset>
          <legend>{t('cases.form.route')}</legend>
          <div class="choices">
            {[
              ['', notSure],
              ['dropbox', t('cases.form.routeDropbox')],
              ['interview', t('cases.form.routeInterview')],
            ].map(([val, l]) => (
              <label>
                <input type="radio" name="route" value={val} checked={v.route === val} /> {l}
              </label>
            ))}
          </div>
        </fieldset>
        <div class="grid2">
          <div>
            <Input
              id="visaClass"
              label={t('cases.form.visaClass')}
              hint={t('cases.form.visaClassHint')}
              value={v.visaClass}
              errors={p.errors}
            />
          </div>
          <div>
            <label for="entry">{t('cases.form.entry')}</label>
            <select id="entry" name="entry">
              {[
                ['', notSure],
                ['new', t('cases.form.entryNew')],
                ['renewal', t('cases.form.entryRenewal')],
              ].map(([val, l]) => (
                <option value={val} selected={v.entry === val}>
                  {l}
                </option>
              ))}
            </select>
          </div>
        </div>
        <Input
          id="interviewDate"
          label={t('cases.form.interviewDate')}
          type="date"
          value={v.interviewDate}
          errors={p.errors}
        />
        <div class="grid2">
          <div>
            <label for="officer">{t('cases.form.officer')}</label>
            <select id="officer" name="officer">
              {[
                ['', notSure],
                ['approved', t('cases.form.officerApproved')],
                ['221g', t('cases.form.officer221g')],
                ['refused', t('cases.form.officerRefused')],
                ['none', t('cases.form.officerNothing')],
              ].map(([val, l]) => (
                <option value={val} selected={v.officer === val}>
                  {l}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="slip">{t('cases.form.slip')}</label>
            <select id="slip" name="slip">
              {[
                ['', t('cases.form.slipNone')],
                ['white', t('cases.form.slipWhite')],
                ['pink', t('cases.form.slipPink')],
                ['yellow', t('cases.form.slipYellow')],
                ['blue', t('cases.form.slipBlue')],
                ['green', t('cases.form.slipGreen')],
                ['other', t('cases.form.slipOther')],
              ].map(([val, l]) => (
                <option value={val} selected={v.slip === val}>
                  {l}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div class="grid2">
          <div>
            <Input
              id="slipDate"
              label={t('cases.form.slipDate')}
              hint={t('cases.form.slipDateHint')}
              type="date"
              max={p.today}
              value={v.slipDate}
              errors={p.errors}
            />
          </div>
          <div>
            <Input
              id="documentsDate"
              label={t('cases.form.documentsDate')}
              hint={t('cases.form.documentsDateHint')}
              type="date"
              max={p.today}
              value={v.documentsDate}
              errors={p.errors}
            />
          </div>
        </div>
        <label for="passportKept">{t('cases.form.passportKept')}</label>
        <select id="passportKept" name="passportKept">
          {[
            ['', notSure],
            ['kept', t('cases.form.passportKeptKept')],
            ['returned', t('cases.form.passportKeptReturned')],
          ].map(([val, l]) => (
            <option value={val} selected={v.passportKept === val}>
              {l}
            </option>
          ))}
        </select>
        <label class="check">
          <input type="checkbox" name="share" value="yes" checked={v.share} />
          <span>
            {t('cases.form.share')} <span class="hint">{t('cases.form.shareHint')}</span>
          </span>
        </label>
        <div class="actions">
          <button type="submit">{editing ? t('cases.form.save') : t('cases.form.addButton')}</button>
          <a href={editing ? `/cases/${p.caseId}` : '/cases'}>{t('cases.form.cancel')}</a>
        </div>
      </form>
    </Layout>
  );
}

/** CEAC's own words (a status, a label of its page): shown as CEAC shows them, in English, and marked so. */
function Ceac(p: { text: string }) {
  return <span lang="en">{p.text}</span>;
}

/** A CEAC status of an event, or "no status" in the page's words. */
function StatusOf(p: { o: Observation | null }) {
  return p.o?.status ? <Ceac text={p.o.status} /> : <>{t('cases.history.noStatus')}</>;
}

function describe(
  e: TimelineEntry,
  words: ReadingWords | undefined,
): { title: Child; body?: Child; bodyLang?: string | undefined; cls: string } {
  const headline = (words?.interpretation ?? e.interpretation)?.headline;
  const headlineLang = words && words.language !== pageLanguage() ? words.language : undefined;
  switch (e.kind) {
    case 'first_seen':
      return {
        title: (
          <>
            {t('cases.history.firstCheck')} <StatusOf o={e.to} />
          </>
        ),
        body: headline,
        bodyLang: headlineLang,
        cls: 'status',
      };
    case 'status_changed':
      return {
        title: (
          <>
            {t('cases.history.statusChanged')} <StatusOf o={e.from} /> → <StatusOf o={e.to} />
          </>
        ),
        body: headline,
        bodyLang: headlineLang,
        cls: 'status',
      };
    case 'text_changed':
      return {
        title: e.to?.status
          ? t('cases.history.textChanged', { status: e.to.status })
          : t('cases.history.textChangedNoStatus'),
        body: headline,
        bodyLang: headlineLang,
        cls: '',
      };
    case 'last_updated_changed':
      return {
        title: t('cases.history.lastUpdated', {
          date: e.to?.caseLastUpdated ? localDay(e.to.caseLastUpdated) : '?',
        }),
        body: t('cases.history.lastUpdatedBody'),
        cls: '',
      };
    case 'check_failing':
      if (DETAILS_REJECTED.includes(e.detail?.outcome ?? ''))
        return {
          title: t('cases.failure.notFound'),
          body: t('cases.history.waitDetails'),
          cls: 'failed',
        };
      return {
        title: t('cases.history.failing'),
        body: t('cases.history.failingBody', { why: failureText(e.detail?.outcome ?? null) }),
        cls: 'failed',
      };
    case 'check_recovered':
      return { title: t('cases.history.recovered'), cls: '' };
    case 'reminder': {
      const d = e.detail;
      const kind = d?.kind as DeadlineKind | undefined;
      // The reminder said the deadline, its date and how far it was: said again here in the page's words.
      if (kind && kind in DEADLINE_TITLE_KEYS && d?.date)
        return {
          title: t('cases.history.reminder'),
          body: t('cases.history.reminderBody', {
            title: t(DEADLINE_TITLE_KEYS[kind]),
            date: localDay(d.date),
            days: d.daysBefore ?? 0,
          }),
          cls: '',
        };
      return { title: t('cases.history.reminder'), body: d?.message, bodyLang: englishUnlessEn(), cls: '' };
    }
    case 'clearance_wave':
      // The wave notice is written once, in English (src/notify/clearance-waves.ts).
      return { title: t('cases.history.wave'), body: e.detail?.message, bodyLang: englishUnlessEn(), cls: '' };
    default:
      return { title: t('cases.history.other'), cls: '' };
  }
}

const englishUnlessEn = () => (pageLanguage() === 'en' ? undefined : 'en');

export function Timeline(p: { entries: TimelineEntry[]; words?: Map<number, ReadingWords> | undefined }) {
  if (p.entries.length === 0) return <p class="muted">{t('cases.history.empty')}</p>;
  return (
    <ol class="timeline" reversed>
      {p.entries.map((e) => {
        const d = describe(e, p.words?.get(e.id));
        return (
          <li class={d.cls}>
            <time datetime={new Date(e.at).toISOString()}>{localDateTime(e.at)}</time>
            <strong>{d.title}</strong>
            {d.body ? (
              <p class="small" lang={d.bodyLang}>
                {d.body}
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

/** What the check state of a case is, for the one place on the page that says it. */
function CheckState(p: { c: CaseView; automatic: boolean; hasReading: boolean }) {
  const { c } = p;
  if (c.detailsRejectedAt !== null)
    return (
      <div class="alert bad" role="alert" id="details-rejected">
        <p>
          <strong>{t('cases.state.rejected')}</strong> {t('cases.state.rejectedCompare')}
        </p>
        <p>
          <a href={`/cases/${c.id}/edit`}>{t('cases.state.editDetails')}</a> {t('cases.state.rejectedWait')}
        </p>
      </div>
    );
  if (NETWORK_REFUSED.includes(c.lastOutcome ?? ''))
    return (
      <div class="alert info" role="status" id="network-refused">
        <p>
          <strong>{t('cases.state.blocked')}</strong> {t('cases.state.blockedNotYou')}
        </p>
        <p>
          {t('cases.state.blockedFixBefore')} <code>CEAC_BROWSER</code> {t('cases.state.blockedFixAfter')}
        </p>
      </div>
    );
  if (p.hasReading) return null;
  if (c.lastAttemptAt)
    return (
      <p>
        {t('cases.state.lastFailed', { why: failureText(c.lastOutcome) })}{' '}
        {p.automatic ? t('cases.state.retryAuto') : t('cases.state.retryManual')}
      </p>
    );
  return p.automatic ? (
    <p>
      {t('cases.state.firstOnItsWay')}{' '}
      <span class="js-only" hidden>
        {t('cases.state.updatesItself')}
      </span>
    </p>
  ) : (
    <p>{t('cases.state.pressCheck')}</p>
  );
}

export function CasePage(p: {
  frame: PageFrame;
  c: CaseView;
  reading: CaseReading | undefined;
  /** The reading's words in the page's language (when the page is not in English). */
  readingWords?: ReadingWords | undefined;
  entries: TimelineEntry[];
  /** Each history entry's reading in the page's language, by event id. */
  entryWords?: Map<number, ReadingWords> | undefined;
  nextBefore: number | null;
  now: number;
  maskedPassport: string;
  /** Whether checks run on their own (an automatic captcha solver, or workers). */
  automatic: boolean;
  /** The wait and how long it may take (computed once; shown under the status and in "People like you"). */
  outlook: CaseWaitOutlook;
  /** Whether the owner has a notification channel (a warning when not). */
  hasChannel: boolean;
  notice?: string | undefined;
  error?: string | undefined;
  /** The live stream's fingerprint of what this page shows (null on older pages of the history). */
  version?: string | null;
  learnedSchedule?: ChangeTimesSummary | undefined;
}) {
  const { c } = p;
  const hasReading = Boolean(p.reading?.interpretation);
  const checkState = <CheckState c={c} automatic={p.automatic} hasReading={hasReading} />;
  const interpretation = p.readingWords?.interpretation ?? p.reading?.interpretation;
  // A reading that could not be put faithfully into the page's language is shown as recorded, in English.
  const answerLang =
    p.reading?.interpretation && (p.readingWords?.language ?? 'en') !== p.frame.language
      ? (p.readingWords?.language ?? 'en')
      : undefined;

  // The page's sections, in the order a worried reader needs them: the status and how long first, then
  // checks, what people like you saw, the history and the details. New sections slot in here.
  const status =
    p.reading && interpretation ? (
      <div>
        {answerLang ? <p class="small muted">{t('cases.reading.english')}</p> : null}
        <Answer
          result={{ observation: p.reading.observation, interpretation }}
          underHeadline={<HowLongLine o={p.outlook} id="how-long" />}
          before={checkState}
        />
      </div>
    ) : (
      <section class="card">
        <p>
          <span class="badge uncertain">
            {c.detailsRejectedAt !== null ? t('cases.badge.noCaseFound') : t('cases.badge.notChecked')}
          </span>
        </p>
        {checkState}
      </section>
    );
  const checks = (
    <section class="card" aria-labelledby="checks-h">
      <h2 id="checks-h">{t('cases.checks.heading')}</h2>
      <p>
        <CheckLine c={c} now={p.now} automatic={p.automatic} />
      </p>
      {!p.automatic ? (
        <p class="small muted">
          {t('cases.checks.manualBefore')} <code>CEAC_CAPTCHA</code> {t('cases.checks.manualAfter')}
        </p>
      ) : null}
      {c.failingSince && c.detailsRejectedAt === null && !NETWORK_REFUSED.includes(c.lastOutcome ?? '') ? (
        <Alert kind="bad">
          {t('cases.checks.failingSince', { since: localDateTime(c.failingSince), why: failureText(c.lastOutcome) })}
        </Alert>
      ) : null}
      {!p.hasChannel ? (
        <p class="alert info" id="no-channel">
          {t('cases.checks.noChannel')} <a href="/notifications">{t('cases.checks.setUpChannel')}</a>
        </p>
      ) : null}
      <form method="post" action={`/cases/${c.id}/check`} class="actions">
        <CsrfField token={p.frame.csrf} />
        <button type="submit">{t('cases.checks.checkNow')}</button>
        <span class="small muted" id="live-note"></span>
      </form>
    </section>
  );
  const history = (
    <section class="card" aria-labelledby="history-h">
      <h2 id="history-h">{t('cases.history.heading')}</h2>
      <Timeline entries={p.entries} words={p.entryWords} />
      {p.nextBefore ? (
        <p>
          <a href={`/cases/${c.id}?before=${p.nextBefore}`}>{t('cases.history.older')}</a>
        </p>
      ) : null}
    </section>
  );
  const route = c.context.route;
  const details = (
    <section class="card" aria-labelledby="details-h">
      <h2 id="details-h">{t('cases.details.heading')}</h2>
      <dl class="facts">
        <dt>{t('cases.details.caseNumber')}</dt>
        <dd class="mono">{c.caseNumber}</dd>
        <dt>{t('cases.details.type')}</dt>
        <dd>{c.app === 'NIV' ? t('cases.details.niv') : t('cases.details.iv')}</dd>
        {c.location ? (
          <>
            <dt>{t('cases.details.consulate')}</dt>
            <dd>{LOCATIONS.find((l) => l.code === c.location)?.displayName ?? c.location}</dd>
          </>
        ) : null}
        <dt>{t('cases.details.passport')}</dt>
        <dd class="mono">{p.maskedPassport}</dd>
        {c.context.visaClass ? (
          <>
            <dt>{t('cases.details.visaClass')}</dt>
            <dd>{c.context.visaClass}</dd>
          </>
        ) : null}
        {route ? (
          <>
            <dt>{t('cases.details.route')}</dt>
            <dd>{route === 'dropbox' ? t('cases.details.routeDropbox') : t('cases.details.routeInterview')}</dd>
          </>
        ) : null}
        {c.context.interviewDate ? (
          <>
            <dt>{route === 'dropbox' ? t('cases.details.dropOff') : t('cases.details.interview')}</dt>
            <dd>{localDay(c.context.interviewDate)}</dd>
          </>
        ) : null}
        {c.context.slipDate ? (
          <>
            <dt>{t('cases.details.slipDate')}</dt>
            <dd>{localDay(c.context.slipDate)}</dd>
          </>
        ) : null}
        {c.context.documentsDate ? (
          <>
            <dt>{t('cases.details.documentsDate')}</dt>
            <dd>{localDay(c.context.documentsDate)}</dd>
          </>
        ) : null}
        <dt>{t('cases.details.shared')}</dt>
        <dd>{c.shareTimeline ? t('cases.details.yes') : t('cases.details.no')}</dd>
        <LearnedScheduleFact summary={p.learnedSchedule} />
      </dl>
      <div class="actions">
        <a class="button secondary" href={`/cases/${c.id}/edit`}>
          {t('cases.details.edit')}
        </a>
        <form method="post" action={`/cases/${c.id}/watching`}>
          <CsrfField token={p.frame.csrf} />
          <input type="hidden" name="watching" value={c.watching ? 'no' : 'yes'} />
          <button class="secondary" type="submit">
            {c.watching ? t('cases.details.pause') : t('cases.details.resume')}
          </button>
        </form>
      </div>
      <details>
        <summary>{t('cases.details.remove')}</summary>
        <form method="post" action={`/cases/${c.id}/delete`}>
          <CsrfField token={p.frame.csrf} />
          <p>{t('cases.details.removeWarning')}</p>
          <button class="danger" type="submit">
            {t('cases.details.removeButton')}
          </button>
        </form>
      </details>
    </section>
  );
  // Everything a check can change is in the live region (the script swaps it when the case changes).
  const live = [status, checks, history, <PeopleLikeYou o={p.outlook} />];
  // Dates ahead (deadlines, clearance waves) and the details do not change with a check.
  const after = [<CaseAhead c={c} now={p.now} />, details];

  return (
    <Layout {...p.frame}>
      <p class="small">
        <a href="/cases">← {t('cases.heading')}</a>
      </p>
      <h1>{caseTitle(c)}</h1>
      {p.notice ? <Alert kind="ok">{p.notice}</Alert> : null}
      {p.error ? <Alert kind="bad">{p.error}</Alert> : null}
      <div
        id="live"
        data-live-src={`/cases/${c.id}/events${p.version ? `?v=${encodeURIComponent(p.version)}` : ''}`}
        aria-live="polite"
      >
        {live}
      </div>
      {after}
    </Layout>
  );
}

export { daysText };
