import { EVENT_KINDS, type EventKind } from '../../timelines/model.js';
import type { PageFrame } from './layout.js';
import { Alert, CsrfField, FieldError, Layout, LocationList } from './layout.js';

export const EVENT_LABELS: Record<EventKind, string> = {
  submitted: 'Documents or passport dropped off',
  interview: 'Interview',
  case_created: 'Case created',
  status: 'Status changed',
  last_updated: '“Case Last Updated” moved',
  slip_221g: '221(g) slip given',
  documents_requested: 'Documents requested',
  documents_submitted: 'Documents sent',
  passport_returned: 'Passport returned',
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
  return c >= 0.8 ? 'sure' : c >= 0.5 ? 'fairly sure' : 'unsure: please check';
}

function EventRows(p: { events: EventRowValues[]; errors: TimelineErrors }) {
  const rows = [...p.events, ...Array.from({ length: SPARE_ROWS }, (): EventRowValues => ({ date: '', kind: '' }))];
  return (
    <fieldset class="tl-events">
      <legend>What happened, and when</legend>
      <p class="hint">One line per event. Leave a date empty to drop its line.</p>
      <input type="hidden" name="rows" value={String(rows.length)} />
      <ol>
        {rows.map((e, i) => {
          const err = p.errors[`events.${i}`];
          return (
            <li class={e.confidence !== undefined && e.confidence < 0.5 ? 'tl-unsure' : undefined}>
              <div class="tl-row">
                <div>
                  <label for={`tl-ed-${i}`}>Date {i + 1}</label>
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
                  <label for={`tl-ek-${i}`}>Event {i + 1}</label>
                  <select id={`tl-ek-${i}`} name={`event_kind_${i}`}>
                    <option value="" selected={!e.kind}>
                      Choose…
                    </option>
                    {EVENT_KINDS.map((k) => (
                      <option value={k} selected={e.kind === k}>
                        {EVENT_LABELS[k]}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              {e.confidence !== undefined ? (
                <p class="small tl-read">
                  <span class={`tl-conf ${e.confidence >= 0.8 ? 'hi' : e.confidence >= 0.5 ? 'mid' : 'lo'}`}>
                    {Math.round(e.confidence * 100)}% — {confidenceWord(e.confidence)}
                  </span>{' '}
                  {e.status ? `status ${e.status.replace(/_/g, ' ')}, ` : ''}read from <q>{e.text ?? ''}</q>
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
      <h2 id="tl-form-title">{p.extracted ? 'Check what we read, then save' : 'Type your timeline'}</h2>
      {p.extracted ? (
        <p>
          We read these events from your text. Correct anything we got wrong — especially lines marked unsure — then
          save. Nothing is saved until you press the button.
        </p>
      ) : null}
      <CsrfField token={p.csrf} />
      <div class="sw-grid">
        <TextField id="visaClass" label="Visa class" hint="e.g. F1, H1B, B1/B2" value={v.visaClass} errors={e} />
        <TextField
          id="post"
          label="Embassy or consulate"
          hint="City or CEAC code"
          value={v.post}
          errors={e}
          list="tl-locations"
        />
        <Choice
          id="entry"
          label="New visa or renewal"
          value={v.entry}
          errors={e}
          options={[
            ['', 'Not sure'],
            ['new', 'New'],
            ['renewal', 'Renewal'],
          ]}
        />
        <Choice
          id="route"
          label="How you applied"
          value={v.route}
          errors={e}
          options={[
            ['', 'Not sure'],
            ['dropbox', 'Dropbox'],
            ['interview', 'Interview'],
          ]}
        />
        <TextField
          id="startDate"
          label="Wait started"
          hint="The 221(g) or refusal date"
          type="date"
          value={v.startDate}
          errors={e}
        />
        <Choice
          id="outcome"
          label="Outcome"
          value={v.outcome}
          errors={e}
          options={[
            ['pending', 'Still waiting'],
            ['issued', 'Issued or cleared'],
            ['refused', 'Refused'],
          ]}
        />
        <TextField
          id="outcomeDate"
          label="Outcome date"
          hint="The decision date; while waiting, the last day you checked"
          type="date"
          value={v.outcomeDate}
          errors={e}
        />
      </div>
      <LocationList id="tl-locations" />
      <EventRows events={v.events} errors={e} />
      <label for="tl-note">
        Note for others{' '}
        <span class="hint" id="tl-note-hint">
          Optional, shown to others as you write it. Leave out your name, case number and anything that identifies you.
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
        <button type="submit">Save timeline</button>
        <a href="/timelines/new">Start over</a>
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
      <h2 id="tl-paste-title">Paste a timeline you wrote</h2>
      <p class="small">
        For example: “Oct 14 – submitted, Oct 17 – case created, Oct 21 – refused, Oct 27 – passport back with 221g
        (white), Nov 01 – issued”. We read the dates and events and show them to you before anything is saved.
      </p>
      <CsrfField token={p.csrf} />
      <label for="tl-text">Your timeline</label>
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
        Written on{' '}
        <span class="hint" id="tl-posted-hint">
          Dates without a year are read as the latest such date up to this day.
        </span>
      </label>
      <input id="tl-posted" name="posted" type="date" value={p.posted} aria-describedby="tl-posted-hint" />
      <div class="actions">
        <button type="submit">Read my timeline</button>
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
        <h1>Share your timeline</h1>
        <p class="lead">
          Add how your wait went to the waiting-time statistics. Only the dates, visa class, consulate and outcome are
          kept — never your name, case number or passport.
        </p>
        {p.notice ? <Alert kind="ok">{p.notice}</Alert> : null}
        {hasErrors ? (
          <Alert kind="bad">
            {p.errors.form ?? 'The timeline was not saved: see the messages next to the fields.'}
          </Alert>
        ) : null}
        {p.extracted ? null : <PasteForm csrf={p.frame.csrf} {...p.paste} />}
        <TimelineForm csrf={p.frame.csrf} values={p.values} errors={p.errors} extracted={p.extracted} />
      </div>
    </Layout>
  );
}
