import { LOCATIONS } from '../../knowledge/locations.js';
import type { Interpretation, Observation } from '../../knowledge/types.js';
import type { CaseView } from '../../store/cases.js';
import type { ChangeTimesSummary } from '../../tracker/change-times-summary.js';
import type { TimelineEntry } from '../cases-data.js';
import { ago, dateTime } from '../format.js';
import type { FieldErrors } from './auth.js';
import { CaseAhead } from './case-ahead.js';
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

export const caseTitle = (c: CaseView) => c.label || `Case ${c.caseNumber}`;

function Badge(p: { c: CaseView; reading: CaseReading | undefined }) {
  const i = p.reading?.interpretation;
  if (!p.reading) return <span class="badge uncertain">Not checked yet</span>;
  return <StatusBadge finality={i?.finality ?? 'in_progress'} label={p.reading.observation.status ?? 'No status'} />;
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
      return 'CEAC found no case with these details';
    case 'blocked':
    case 'challenge':
      return 'CEAC is refusing automatic checks from this network';
    case 'captcha_rejected':
      return 'CEAC did not accept the code typed from its picture';
    case 'maintenance':
      return 'CEAC was down for maintenance';
    case 'timeout':
      return 'CEAC did not answer in time';
    case 'layout_changed':
      return 'CEAC answered with a page we do not recognise';
    case 'wrong_case':
      return 'CEAC answered about a different case, so the answer was set aside';
    default:
      return 'CEAC could not be reached';
  }
}

function CheckLine(p: { c: CaseView; now: number; automatic: boolean }) {
  const { c, now } = p;
  const rejected = c.detailsRejectedAt !== null;
  return (
    <span class="small muted">
      {c.lastSuccessAt ? `Last checked ${ago(c.lastSuccessAt, now)}` : 'Not checked yet'}
      {c.failures > 0 && !rejected ? ` · last ${c.failures} check${c.failures === 1 ? '' : 's'} failed` : ''}
      {rejected
        ? ' · checks wait for you to correct the details'
        : !c.watching
          ? ' · paused'
          : !p.automatic
            ? ' · checked when you press Check now'
            : c.nextCheckAt
              ? ` · next check ${c.nextCheckAt <= now ? 'now' : ago(c.nextCheckAt, now)}`
              : ''}
    </span>
  );
}

export function CasesPage(p: {
  frame: PageFrame;
  automatic: boolean;
  cases: CaseView[];
  readings: Map<number, CaseReading>;
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
      <h1>My cases</h1>
      {p.welcome ? <Alert kind="ok">Your account is ready. Add your case and we will check it for you.</Alert> : null}
      {p.notice ? <Alert kind="ok">{p.notice}</Alert> : null}
      <p>
        <a class="button" href="/cases/new">
          Add a case
        </a>
      </p>
      {p.cases.length === 0 ? (
        <p class="muted">You are not watching any case yet.</p>
      ) : (
        ordered.map(([group, cases]) => (
          <section aria-label={group || 'Cases'}>
            {ordered.length > 1 || group ? <h2>{group || 'Other cases'}</h2> : null}
            <ul class="cases">
              {cases.map((c) => {
                const r = p.readings.get(c.id);
                return (
                  <li>
                    <a class="case" href={`/cases/${c.id}`}>
                      <strong>{caseTitle(c)}</strong>
                      <Badge c={c} reading={r} />
                      <span>
                        {c.detailsRejectedAt !== null
                          ? 'CEAC found no case with these details: open it to correct them.'
                          : (r?.interpretation?.headline ?? 'Not checked yet.')}
                      </span>
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
}) {
  const v = p.values;
  const editing = p.mode === 'edit';
  return (
    <Layout {...p.frame}>
      <h1>{editing ? 'Edit case' : 'Add a case'}</h1>
      <p class="lead">
        Enter the details exactly as on your CEAC confirmation page. We keep your passport number and surname encrypted
        and show them only masked.
      </p>
      {p.errors.form ? <Alert kind="bad">{p.errors.form}</Alert> : null}
      <form method="post" action={editing ? `/cases/${p.caseId}/edit` : '/cases'} class="card" novalidate>
        <CsrfField token={p.frame.csrf} />
        {editing ? null : (
          <fieldset>
            <legend>Type of visa application</legend>
            <div class="choices">
              <label>
                <input type="radio" name="app" value="NIV" checked={v.app !== 'IV'} /> Nonimmigrant (visitor, student,
                work…)
              </label>
              <label>
                <input type="radio" name="app" value="IV" checked={v.app === 'IV'} /> Immigrant (green card)
              </label>
            </div>
            <FieldError id="app-error" message={p.errors.app} />
          </fieldset>
        )}
        <Input
          id="location"
          label="Embassy or consulate"
          hint="Type the city or its CEAC code, e.g. Mumbai or BMB. Not needed for immigrant cases."
          value={v.location}
          errors={p.errors}
          list="locations"
        />
        <LocationList id="locations" />
        {editing ? null : (
          <Input
            id="caseNumber"
            label="Case number"
            hint="On your DS-160 confirmation or the immigrant case letter, e.g. AA0012AB34."
            value={v.caseNumber}
            errors={p.errors}
            required
          />
        )}
        <Input
          id="passport"
          label="Passport number"
          hint={
            editing ? `Now ${p.maskedPassport ?? 'not set'}. Leave empty to keep it.` : 'Needed for nonimmigrant cases.'
          }
          value={editing ? '' : v.passport}
          errors={p.errors}
        />
        <Input
          id="surname"
          label="Surname (first five letters are enough)"
          hint={editing ? 'Leave empty to keep it.' : 'Needed for nonimmigrant cases.'}
          value={editing ? '' : v.surname}
          errors={p.errors}
          autocomplete="family-name"
        />
        <div class="grid2">
          <div>
            <Input
              id="label"
              label="Name for this case"
              hint="Only you see it, e.g. “Mum’s B2”."
              value={v.label}
              errors={p.errors}
            />
          </div>
          <div>
            <Input
              id="group"
              label="Group"
              hint="Family or group, to list cases together."
              value={v.group}
              errors={p.errors}
            />
          </div>
        </div>
        <fieldset>
          <legend>How did you apply?</legend>
          <div class="choices">
            {[
              ['', 'Not sure'],
              ['dropbox', 'Dropbox (no interview)'],
              ['interview', 'Interview'],
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
              label="Visa class"
              hint="e.g. F1, H1B, B1-B2."
              value={v.visaClass}
              errors={p.errors}
            />
          </div>
          <div>
            <label for="entry">New visa or renewal?</label>
            <select id="entry" name="entry">
              {[
                ['', 'Not sure'],
                ['new', 'New'],
                ['renewal', 'Renewal'],
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
          label="Interview or dropbox date"
          type="date"
          value={v.interviewDate}
          errors={p.errors}
        />
        <div class="grid2">
          <div>
            <label for="officer">What did the officer say?</label>
            <select id="officer" name="officer">
              {[
                ['', 'Not sure'],
                ['approved', '“Approved”'],
                ['221g', 'Gave me a 221(g) slip'],
                ['refused', '“Refused” / 214(b)'],
                ['none', 'Nothing'],
              ].map(([val, l]) => (
                <option value={val} selected={v.officer === val}>
                  {l}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="slip">221(g) slip colour</label>
            <select id="slip" name="slip">
              {[
                ['', 'No slip / not sure'],
                ['white', 'White'],
                ['pink', 'Pink'],
                ['yellow', 'Yellow'],
                ['blue', 'Blue'],
                ['green', 'Green'],
                ['other', 'Other'],
              ].map(([val, l]) => (
                <option value={val} selected={v.slip === val}>
                  {l}
                </option>
              ))}
            </select>
          </div>
        </div>
        <label for="passportKept">Where is the passport?</label>
        <select id="passportKept" name="passportKept">
          {[
            ['', 'Not sure'],
            ['kept', 'The consulate kept it'],
            ['returned', 'I have it back'],
          ].map(([val, l]) => (
            <option value={val} selected={v.passportKept === val}>
              {l}
            </option>
          ))}
        </select>
        <label class="check">
          <input type="checkbox" name="share" value="yes" checked={v.share} />
          <span>
            Add this case’s anonymous timeline to the waiting-time statistics.{' '}
            <span class="hint">
              Only dates, visa class, consulate and statuses are shared — never your case number, passport or name.
            </span>
          </span>
        </label>
        <div class="actions">
          <button type="submit">{editing ? 'Save changes' : 'Add case'}</button>
          <a href={editing ? `/cases/${p.caseId}` : '/cases'}>Cancel</a>
        </div>
      </form>
    </Layout>
  );
}

function describe(e: TimelineEntry): { title: string; body?: string | undefined; cls: string } {
  const headline = e.interpretation?.headline;
  switch (e.kind) {
    case 'first_seen':
      return { title: `First check: ${e.to?.status ?? 'no status'}`, body: headline, cls: 'status' };
    case 'status_changed':
      return {
        title: `Status changed: ${e.from?.status ?? 'no status'} → ${e.to?.status ?? 'no status'}`,
        body: headline,
        cls: 'status',
      };
    case 'text_changed':
      return {
        title: `The explanation text changed (status still ${e.to?.status ?? 'the same'})`,
        body: headline,
        cls: '',
      };
    case 'last_updated_changed':
      return {
        title: `“Case Last Updated” moved to ${e.to?.caseLastUpdated ?? '?'} (status unchanged)`,
        body: 'Someone touched the case. It often moves before a decision, but not always.',
        cls: '',
      };
    case 'check_failing':
      if (DETAILS_REJECTED.includes(e.detail?.outcome ?? ''))
        return {
          title: 'CEAC found no case with these details',
          body: 'Checks wait until the details are corrected.',
          cls: 'failed',
        };
      return {
        title: 'Checks started failing',
        body: `${failureText(e.detail?.outcome ?? null)}. This is about reaching CEAC, not a change of your case.`,
        cls: 'failed',
      };
    case 'check_recovered':
      return { title: 'Checks work again', cls: '' };
    case 'reminder':
      return { title: 'Reminder sent', body: e.detail?.message, cls: '' };
    case 'clearance_wave':
      return { title: 'Clearance wave at your post', body: e.detail?.message, cls: '' };
    default:
      return { title: 'Something was recorded', cls: '' };
  }
}

export function Timeline(p: { entries: TimelineEntry[] }) {
  if (p.entries.length === 0) return <p class="muted">Nothing recorded yet. The first check fills this in.</p>;
  return (
    <ol class="timeline" reversed>
      {p.entries.map((e) => {
        const d = describe(e);
        return (
          <li class={d.cls}>
            <time datetime={new Date(e.at).toISOString()}>{dateTime(e.at)}</time>
            <strong>{d.title}</strong>
            {d.body ? <p class="small">{d.body}</p> : null}
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
          <strong>CEAC found no case with these details.</strong> Compare the case number, the embassy or consulate, the
          passport number and the surname with your confirmation page.
        </p>
        <p>
          <a href={`/cases/${c.id}/edit`}>Edit the details</a>. Automatic checks wait until you change them.
        </p>
      </div>
    );
  if (NETWORK_REFUSED.includes(c.lastOutcome ?? ''))
    return (
      <div class="alert info" role="status" id="network-refused">
        <p>
          <strong>CEAC is refusing automatic checks from this network.</strong> This says nothing about your case.
        </p>
        <p>
          Whoever runs this ceac-watch can fix it: install Chromium (or point <code>CEAC_BROWSER</code> at one) so that
          checks go through a real browser, or run ceac-watch from a home internet connection.
        </p>
      </div>
    );
  if (p.hasReading) return null;
  if (c.lastAttemptAt)
    return (
      <p>
        The last check did not get an answer: {failureText(c.lastOutcome)}. Nothing about your case changed.{' '}
        {p.automatic ? 'We will try again on our own.' : 'Press Check now to try again.'}
      </p>
    );
  return p.automatic ? (
    <p>
      The first check is on its way.{' '}
      <span class="js-only" hidden>
        This page updates by itself.
      </span>
    </p>
  ) : (
    <p>Press Check now and type the code CEAC shows: we read the status for you.</p>
  );
}

export function CasePage(p: {
  frame: PageFrame;
  c: CaseView;
  reading: CaseReading | undefined;
  entries: TimelineEntry[];
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

  // The page's sections, in the order a worried reader needs them: the status and how long first, then
  // checks, what people like you saw, the history and the details. New sections slot in here.
  const status = p.reading?.interpretation ? (
    <Answer
      result={{ observation: p.reading.observation, interpretation: p.reading.interpretation }}
      underHeadline={<HowLongLine o={p.outlook} id="how-long" />}
      before={checkState}
    />
  ) : (
    <section class="card">
      <p>
        <span class="badge uncertain">{c.detailsRejectedAt !== null ? 'No case found' : 'Not checked yet'}</span>
      </p>
      {checkState}
    </section>
  );
  const checks = (
    <section class="card" aria-labelledby="checks-h">
      <h2 id="checks-h">Checks</h2>
      <p>
        <CheckLine c={c} now={p.now} automatic={p.automatic} />
      </p>
      {!p.automatic ? (
        <p class="small muted">
          This server has no automatic captcha reader, so checks happen when you press Check now. Automatic checks start
          when whoever runs it sets <code>CEAC_CAPTCHA</code> (see the README).
        </p>
      ) : null}
      {c.failingSince && c.detailsRejectedAt === null && !NETWORK_REFUSED.includes(c.lastOutcome ?? '') ? (
        <Alert kind="bad">
          Checks have failed since {dateTime(c.failingSince)} ({failureText(c.lastOutcome)}). That is about reaching
          CEAC, not a change of your case.
        </Alert>
      ) : null}
      {!p.hasChannel ? (
        <p class="alert info" id="no-channel">
          You will not hear about changes: you have no notification channel yet. <a href="/notifications">Set one up</a>
          .
        </p>
      ) : null}
      <form method="post" action={`/cases/${c.id}/check`} class="actions">
        <CsrfField token={p.frame.csrf} />
        <button type="submit">Check now</button>
        <span class="small muted" id="live-note"></span>
      </form>
    </section>
  );
  const history = (
    <section class="card" aria-labelledby="history-h">
      <h2 id="history-h">History</h2>
      <Timeline entries={p.entries} />
      {p.nextBefore ? (
        <p>
          <a href={`/cases/${c.id}?before=${p.nextBefore}`}>Show older entries</a>
        </p>
      ) : null}
    </section>
  );
  const details = (
    <section class="card" aria-labelledby="details-h">
      <h2 id="details-h">Details</h2>
      <dl class="facts">
        <dt>Case number</dt>
        <dd class="mono">{c.caseNumber}</dd>
        <dt>Type</dt>
        <dd>{c.app === 'NIV' ? 'Nonimmigrant' : 'Immigrant'}</dd>
        {c.location ? (
          <>
            <dt>Consulate</dt>
            <dd>{LOCATIONS.find((l) => l.code === c.location)?.displayName ?? c.location}</dd>
          </>
        ) : null}
        <dt>Passport</dt>
        <dd class="mono">{p.maskedPassport}</dd>
        {c.context.visaClass ? (
          <>
            <dt>Visa class</dt>
            <dd>{c.context.visaClass}</dd>
          </>
        ) : null}
        {c.context.route ? (
          <>
            <dt>Applied by</dt>
            <dd>{c.context.route}</dd>
          </>
        ) : null}
        {c.context.interviewDate ? (
          <>
            <dt>{c.context.route === 'dropbox' ? 'Drop-off' : 'Interview'}</dt>
            <dd>{c.context.interviewDate}</dd>
          </>
        ) : null}
        <dt>Shared anonymously</dt>
        <dd>{c.shareTimeline ? 'yes' : 'no'}</dd>
        <LearnedScheduleFact summary={p.learnedSchedule} />
      </dl>
      <div class="actions">
        <a class="button secondary" href={`/cases/${c.id}/edit`}>
          Edit
        </a>
        <form method="post" action={`/cases/${c.id}/watching`}>
          <CsrfField token={p.frame.csrf} />
          <input type="hidden" name="watching" value={c.watching ? 'no' : 'yes'} />
          <button class="secondary" type="submit">
            {c.watching ? 'Pause checks' : 'Resume checks'}
          </button>
        </form>
      </div>
      <details>
        <summary>Remove this case</summary>
        <form method="post" action={`/cases/${c.id}/delete`}>
          <CsrfField token={p.frame.csrf} />
          <p>This deletes the case and its whole history. Notifications for it stop.</p>
          <button class="danger" type="submit">
            Remove case
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
        <a href="/cases">← My cases</a>
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
