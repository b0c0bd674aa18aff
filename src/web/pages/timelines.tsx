import type { MessageKey } from '../../i18n/catalog.js';
import { EVENT_KINDS, type EventKind } from '../../timelines/model.js';
import { t } from '../language.js';
import { localNumber } from '../local-time.js';
import type { PageFrame } from './layout.js';
import { Alert, CsrfField, FieldError, Layout, LocationList } from './layout.js';

export const EVENT_LABELS: Readonly<Record<EventKind, MessageKey>> = {
  submitted: 'cases.timeline.event.submitted',
  interview: 'cases.timeline.event.interview',
  case_created: 'cases.timeline.event.caseCreated',
  status: 'cases.timeline.event.status',
  last_updated: 'cases.timeline.event.lastUpdated',
  slip_221g: 'cases.timeline.event.slip',
  documents_requested: 'cases.timeline.event.documentsRequested',
  documents_submitted: 'cases.timeline.event.documentsSubmitted',
  passport_returned: 'cases.timeline.event.passportReturned',
};

export interface EventRowValues {
  date: string;
  kind: string;
  /** 0..1 when the row was read from a pasted post. */
  confidence?: number | undefined;
  /** The words it was read from. */
  text?: string | undefined;
  /** For a status change read from a post: the state it read (shown; the form keeps the kind). */
  status?: string | undefined;
}

export interface TimelineFormValues {
  visaClass: string;
  entry: string;
  route: string;
  post: string;
  startDate: string;
  outcome: string;
  outcomeDate: string;
  note: string;
  events: EventRowValues[];
}

export const EMPTY_TIMELINE_FORM: TimelineFormValues = {
  visaClass: '',
  entry: '',
  route: '',
  post: '',
  startDate: '',
  outcome: 'pending',
  outcomeDate: '',
  note: '',
  events: [],
};

/** Blank event rows offered below the filled ones (the form works without JavaScript). */
export const SPARE_ROWS = 3;

export type TimelineErrors = Record<string, string | undefined>;

function described(id: string, errors: TimelineErrors, hint: boolean) {
  return [hint ? `tl-${id}-hint` : '', errors[id] ? `tl-${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function TextField(p: {
  id: keyof TimelineFormValues;
  label: string;
  hint?: string;
  value: string;
  errors: TimelineErrors;
  type?: string;
  list?: string;
}) {
  return (
    <div class="sw-field">
      <label for={`tl-${p.id}`}>
        {p.label}{' '}
        {p.hint ? (
          <span class="hint" id={`tl-${p.id}-hint`}>
            {p.hint}
          </span>
        ) : null}
      </label>
      <input
        id={`tl-${p.id}`}
        name={p.id}
        type={p.type ?? 'text'}
        value={p.value}
        list={p.list}
        autocomplete="off"
        aria-invalid={p.errors[p.id] ? 'true' : undefined}
        aria-describedby={described(p.id, p.errors, Boolean(p.hint))}
      />
      <FieldError id={`tl-${p.id}-error`} message={p.errors[p.id]} />
    </div>
  );
}

function Choice(p: {
  id: keyof TimelineFormValues;
  label: string;
  value: string;
  options: [string, string][];
  errors: TimelineErrors;
}) {
  return (
    <div class="sw-field">
      <label for={`tl-${p.id}`}>{p.label}</label>
      <select
        id={`tl-${p.id}`}
        name={p.id}
        aria-invalid={p.errors[p.id] ? 'true' : undefined}
        aria-describedby={described(p.id, p.errors, false)}
      >
        {p.options.map(([v, l]) => (
          <option value={v} selected={p.value === v}>
            {l}
          </option>
        ))}
      </select>
      <FieldError id={`tl-${p.id}-error`} message={p.errors[p.id]} />
    </div>
  );
}

function confidenceWord(c: number): string {
  return c >= 0.8 ? t('cases.timeline.sure') : c >= 0.5 ? t('cases.timeline.fairlySure') : t('cases.timeline.unsure');
}

function EventRows(p: { events: EventRowValues[]; errors: TimelineErrors }) {
  const rows = [...p.events, ...Array.from({ length: SPARE_ROWS }, (): EventRowValues => ({ date: '', kind: '' }))];
  return (
    <fieldset class="tl-events">
      <legend>{t('cases.timeline.events')}</legend>
      <p class="hint">{t('cases.timeline.eventsHint')}</p>
      <input type="hidden" name="rows" value={String(rows.length)} />
      <ol>
        {rows.map((e, i) => {
          const err = p.errors[`events.${i}`];
          return (
            <li class={e.confidence !== undefined && e.confidence < 0.5 ? 'tl-unsure' : undefined}>
              <div class="tl-row">
                <div>
                  <label for={`tl-ed-${i}`}>{t('cases.timeline.date', { n: i + 1 })}</label>
                  <input
                    id={`tl-ed-${i}`}
                    name={`event_date_${i}`}
                    type="date"
                    value={e.date}
                    aria-invalid={err ? 'true' : undefined}
                    aria-describedby={err ? `tl-ev-${i}-error` : undefined}
                  />
                </div>
                <div>
                  <label for={`tl-ek-${i}`}>{t('cases.timeline.event', { n: i + 1 })}</label>
                  <select id={`tl-ek-${i}`} name={`event_kind_${i}`}>
                    <option value="" selected={!e.kind}>
                      {t('cases.timeline.choose')}
                    </option>
                    {EVENT_KINDS.map((k) => (
                      <option value={k} selected={e.kind === k}>
                        {t(EVENT_LABELS[k])}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              {e.confidence !== undefined ? (
                <p class="small tl-read">
                  <span class={`tl-conf ${e.confidence >= 0.8 ? 'hi' : e.confidence >= 0.5 ? 'mid' : 'lo'}`}>
                    {t('cases.timeline.confidence', {
                      pct: localNumber(Math.round(e.confidence * 100)),
                      word: confidenceWord(e.confidence),
                    })}
                  </span>{' '}
                  {e.status ? (
                    <>
                      {t('cases.timeline.readStatus')} <span lang="en">{e.status.replace(/_/g, ' ')}</span>,{' '}
                    </>
                  ) : null}
                  {t('cases.timeline.readFrom')} <q>{e.text ?? ''}</q>
                  <input type="hidden" name={`event_conf_${i}`} value={String(e.confidence)} />
                  <input type="hidden" name={`event_text_${i}`} value={e.text ?? ''} />
                </p>
              ) : null}
              <FieldError id={`tl-ev-${i}-error`} message={err} />
            </li>
          );
        })}
      </ol>
    </fieldset>
  );
}

export function TimelineForm(p: {
  csrf: string;
  values: TimelineFormValues;
  errors: TimelineErrors;
  extracted: boolean;
}) {
  const v = p.values;
  const e = p.errors;
  return (
    <form method="post" action="/timelines" class="card tl-form" novalidate aria-labelledby="tl-form-title">
      <h2 id="tl-form-title">{p.extracted ? t('cases.timeline.checkTitle') : t('cases.timeline.typeTitle')}</h2>
      {p.extracted ? <p>{t('cases.timeline.checkLead')}</p> : null}
      <CsrfField token={p.csrf} />
      <div class="sw-grid">
        <TextField
          id="visaClass"
          label={t('cases.form.visaClass')}
          hint={t('cases.form.visaClassHint')}
          value={v.visaClass}
          errors={e}
        />
        <TextField
          id="post"
          label={t('cases.form.location')}
          hint={t('cases.timeline.postHint')}
          value={v.post}
          errors={e}
          list="tl-locations"
        />
        <Choice
          id="entry"
          label={t('cases.form.entry')}
          value={v.entry}
          errors={e}
          options={[
            ['', t('cases.form.notSure')],
            ['new', t('cases.form.entryNew')],
            ['renewal', t('cases.form.entryRenewal')],
          ]}
        />
        <Choice
          id="route"
          label={t('cases.form.route')}
          value={v.route}
          errors={e}
          options={[
            ['', t('cases.form.notSure')],
            ['dropbox', t('cases.timeline.dropbox')],
            ['interview', t('cases.form.routeInterview')],
          ]}
        />
        <TextField
          id="startDate"
          label={t('cases.timeline.start')}
          hint={t('cases.timeline.startHint')}
          type="date"
          value={v.startDate}
          errors={e}
        />
        <Choice
          id="outcome"
          label={t('cases.timeline.outcome')}
          value={v.outcome}
          errors={e}
          options={[
            ['pending', t('cases.timeline.pending')],
            ['issued', t('cases.timeline.issued')],
            ['refused', t('cases.timeline.refused')],
          ]}
        />
        <TextField
          id="outcomeDate"
          label={t('cases.timeline.outcomeDate')}
          hint={t('cases.timeline.outcomeDateHint')}
          type="date"
          value={v.outcomeDate}
          errors={e}
        />
      </div>
      <LocationList id="tl-locations" />
      <EventRows events={v.events} errors={e} />
      <label for="tl-note">
        {t('cases.timeline.note')}{' '}
        <span class="hint" id="tl-note-hint">
          {t('cases.timeline.noteHint')}
        </span>
      </label>
      <textarea
        id="tl-note"
        name="note"
        maxlength={2000}
        aria-describedby={described('note', e, true)}
        aria-invalid={e.note ? 'true' : undefined}
      >
        {v.note}
      </textarea>
      <FieldError id="tl-note-error" message={e.note} />
      <div class="actions">
        <button type="submit">{t('cases.timeline.save')}</button>
        <a href="/timelines/new">{t('cases.timeline.startOver')}</a>
      </div>
    </form>
  );
}

export function PasteForm(p: { csrf: string; text: string; posted: string; error?: string | undefined }) {
  return (
    <form
      method="post"
      action="/timelines/new/extract"
      class="card tl-paste"
      novalidate
      aria-labelledby="tl-paste-title"
    >
      <h2 id="tl-paste-title">{t('cases.timeline.pasteTitle')}</h2>
      <p class="small">
        {t('cases.timeline.pasteExampleBefore')}{' '}
        <q class="example" lang="en">
          Oct 14 – submitted, Oct 17 – case created, Oct 21 – refused, Oct 27 – passport back with 221g (white), Nov 01
          – issued
        </q>
        {t('cases.timeline.pasteExampleAfter')}
      </p>
      <CsrfField token={p.csrf} />
      <label for="tl-text">{t('cases.timeline.text')}</label>
      <textarea
        id="tl-text"
        name="text"
        maxlength={20000}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={p.error ? 'tl-text-error' : undefined}
      >
        {p.text}
      </textarea>
      <FieldError id="tl-text-error" message={p.error} />
      <label for="tl-posted">
        {t('cases.timeline.posted')}{' '}
        <span class="hint" id="tl-posted-hint">
          {t('cases.timeline.postedHint')}
        </span>
      </label>
      <input id="tl-posted" name="posted" type="date" value={p.posted} aria-describedby="tl-posted-hint" />
      <div class="actions">
        <button type="submit">{t('cases.timeline.read')}</button>
      </div>
    </form>
  );
}

export function NewTimelinePage(p: {
  frame: PageFrame;
  values: TimelineFormValues;
  errors: TimelineErrors;
  extracted: boolean;
  paste: { text: string; posted: string; error?: string | undefined };
  notice?: string | undefined;
}) {
  const hasErrors = Object.keys(p.errors).length > 0;
  return (
    <Layout {...p.frame}>
      <div class="sw tl">
        <h1>{t('cases.timeline.heading')}</h1>
        <p class="lead">{t('cases.timeline.lead')}</p>
        {p.notice ? <Alert kind="ok">{p.notice}</Alert> : null}
        {hasErrors ? <Alert kind="bad">{p.errors.form ?? t('cases.timeline.notSaved')}</Alert> : null}
        {p.extracted ? null : <PasteForm csrf={p.frame.csrf} {...p.paste} />}
        <TimelineForm csrf={p.frame.csrf} values={p.values} errors={p.errors} extracted={p.extracted} />
      </div>
    </Layout>
  );
}
