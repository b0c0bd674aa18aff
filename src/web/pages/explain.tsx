import type { Child } from 'hono/jsx';

import type { MessageKey } from '../../i18n/catalog.js';
import type { DecodeContext, ExplainResult, Finality } from '../../knowledge/types.js';
import { pageLanguage, t } from '../language.js';
import { calendarDate, percent } from '../local-format.js';
import { ExplainHowLong, type ExplainWait } from './how-long.js';
import type { PageFrame } from './layout.js';
import { Alert, CsrfField, FieldError, Layout, LocationList } from './layout.js';

const FINALITY_KEY: Record<Finality, MessageKey> = {
  in_progress: 'web.explain.finality.inProgress',
  final_positive: 'web.explain.finality.finalPositive',
  final_negative: 'web.explain.finality.finalNegative',
  uncertain: 'web.explain.finality.uncertain',
};

/** How final a reading is, in the page's language. */
export const finalityLabel = (f: Finality): string => t(FINALITY_KEY[f]);

/** `english`: the label is CEAC's own status word, shown verbatim and marked as English for screen readers. */
export function StatusBadge(p: { finality: Finality; label: string; english?: boolean }) {
  return (
    <span class={`badge ${p.finality}`} lang={p.english ? 'en' : undefined}>
      {p.label}
    </span>
  );
}

const isUrl = (s: string) => /^https?:\/\//.test(s);

/** How sure we are of the reading, in words that fit the status (Approved is not "the end", nor a worry). */
export function confidenceText(finality: Finality, pct: number): string {
  const share = pct / 100;
  switch (finality) {
    case 'final_positive':
      return t('web.explain.confidence.finalPositive', { share });
    case 'final_negative':
      return t('web.explain.confidence.finalNegative', { share });
    case 'uncertain':
      return t('web.explain.confidence.uncertain', { share });
    case 'in_progress':
      return t('web.explain.confidence.inProgress', { share });
  }
}

const words = (s: string) =>
  new Set(
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}() ]+/gu, ' ')
      .split(' ')
      .filter((w) => w.length > 3),
  );

/** Drops a bullet that says nearly what an earlier one said (most of its words already there). */
export function distinctSteps(steps: readonly string[]): string[] {
  const kept: { text: string; w: Set<string> }[] = [];
  for (const text of steps) {
    const w = words(text);
    const same = kept.some((k) => {
      let shared = 0;
      for (const x of w) if (k.w.has(x)) shared++;
      return w.size > 0 && shared / Math.min(w.size, k.w.size || 1) >= 0.7;
    });
    if (!same) kept.push({ text, w });
  }
  return kept.map((k) => k.text);
}

/** The decoded answer, laid out for a worried reader: the headline first, then what to do. */
export function Answer(p: {
  result: ExplainResult;
  headingLevel?: 2 | 3;
  /** The "how long" line, right under the headline. */
  underHeadline?: Child;
  /** Anything that must be read before the meaning (e.g. the check state). */
  before?: Child;
  /** Takes the focus when the page opens (the answer someone just asked for). */
  focus?: boolean;
}) {
  const { observation: o, interpretation: i } = p.result;
  const pct = Math.round(i.confidence * 100);
  const H = p.headingLevel === 3 ? 'h3' : 'h2';
  const Sub = p.headingLevel === 3 ? 'h4' : 'h3';
  const steps = distinctSteps(i.nextSteps);
  const english = pageLanguage() === 'en';
  return (
    <section
      class="card answer"
      id="answer"
      aria-labelledby="answer-h"
      {...(p.focus && { tabindex: -1, autofocus: true, 'data-focus': '' })}
    >
      <p>
        <StatusBadge finality={i.finality} label={o.status ?? finalityLabel(i.finality)} english={o.status !== null} />{' '}
        <span class="muted small">{finalityLabel(i.finality)}</span>
      </p>
      <H id="answer-h" class="headline">
        {i.headline}
      </H>
      {p.underHeadline}
      {p.before}
      <p>{i.meaning}</p>
      <p class="small muted" id="confidence-label">
        {confidenceText(i.finality, pct)}
      </p>
      <progress class="meter" max={100} value={pct} aria-labelledby="confidence-label">
        {percent(pct / 100)}
      </progress>
      {steps.length ? (
        <>
          <Sub>{t('web.explain.answer.nextSteps')}</Sub>
          <ul class="clean">
            {steps.map((s) => (
              <li>{s}</li>
            ))}
          </ul>
        </>
      ) : null}
      {i.watchFor.length ? (
        <>
          <Sub>{t('web.explain.answer.watchFor')}</Sub>
          <ul class="clean">
            {i.watchFor.map((s) => (
              <li>{s}</li>
            ))}
          </ul>
        </>
      ) : null}
      {o.status || o.message || o.caseCreated || o.caseLastUpdated || o.post ? (
        <>
          <Sub>{t('web.explain.answer.pageShowed')}</Sub>
          {/* CEAC's own words, verbatim and in English whatever the page's language: they are what counts. */}
          {(o.status || o.message) && !english ? (
            <p class="small muted" id="ceac-english">
              {t('web.explain.answer.ceacEnglish')}
            </p>
          ) : null}
          {o.message ? (
            <blockquote class="ceac-text" lang="en" aria-describedby={english ? undefined : 'ceac-english'}>
              {o.message}
            </blockquote>
          ) : null}
          <dl class="facts">
            {o.status ? (
              <>
                <dt>{t('web.explain.answer.status')}</dt>
                <dd lang="en">{o.status}</dd>
              </>
            ) : null}
            {o.caseCreated ? (
              <>
                <dt>{t('web.explain.answer.caseCreated')}</dt>
                <dd>
                  <time datetime={o.caseCreated}>{calendarDate(o.caseCreated)}</time>
                </dd>
              </>
            ) : null}
            {o.caseLastUpdated ? (
              <>
                <dt>{t('web.explain.answer.lastUpdated')}</dt>
                <dd>
                  <time datetime={o.caseLastUpdated}>{calendarDate(o.caseLastUpdated)}</time>
                </dd>
              </>
            ) : null}
            {o.post ? (
              <>
                <dt>{t('web.explain.answer.post')}</dt>
                <dd lang="en">{o.post}</dd>
              </>
            ) : null}
          </dl>
        </>
      ) : null}
      {i.notes.length ? (
        <Alert kind="info">
          {i.notes.map((n) => (
            <p>{n}</p>
          ))}
        </Alert>
      ) : null}
      {i.sources.length ? (
        <details>
          <summary class="small">{t('web.explain.answer.sources')}</summary>
          <ul class="clean small">
            {i.sources.map((s) => (
              <li>
                {isUrl(s) ? (
                  <a href={s} rel="noopener noreferrer">
                    {s}
                  </a>
                ) : (
                  s
                )}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

function Choice(p: {
  name: keyof DecodeContext;
  legend: string;
  options: [string, string][];
  value: string | undefined;
}) {
  return (
    <fieldset>
      <legend>{p.legend}</legend>
      <div class="choices">
        {[['', t('web.explain.context.notSure')] as [string, string], ...p.options].map(([v, label]) => (
          <label>
            <input type="radio" name={p.name} value={v} checked={(p.value ?? '') === v} /> {label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function ContextQuestions(p: { context: DecodeContext; open?: boolean; children?: Child }) {
  return (
    <details open={p.open}>
      <summary>{t('web.explain.context.summary')}</summary>
      <Choice
        name="route"
        legend={t('web.explain.context.route')}
        value={p.context.route}
        options={[
          ['dropbox', t('web.explain.context.route.dropbox')],
          ['interview', t('web.explain.context.route.interview')],
        ]}
      />
      <Choice
        name="officer"
        legend={t('web.explain.context.officer')}
        value={p.context.officer}
        options={[
          ['approved', t('web.explain.context.officer.approved')],
          ['221g', t('web.explain.context.officer.221g')],
          ['refused', t('web.explain.context.officer.refused')],
          ['none', t('web.explain.context.officer.none')],
        ]}
      />
      <Choice
        name="slip"
        legend={t('web.explain.context.slip')}
        value={p.context.slip}
        options={[
          ['white', t('web.explain.context.slip.white')],
          ['pink', t('web.explain.context.slip.pink')],
          ['yellow', t('web.explain.context.slip.yellow')],
          ['blue', t('web.explain.context.slip.blue')],
          ['green', t('web.explain.context.slip.green')],
          ['other', t('web.explain.context.slip.other')],
        ]}
      />
      <Choice
        name="passport"
        legend={t('web.explain.context.passport')}
        value={p.context.passport}
        options={[
          ['kept', t('web.explain.context.passport.kept')],
          ['returned', t('web.explain.context.passport.returned')],
        ]}
      />
      <label for="since">
        {t('web.explain.context.since')} <span class="hint">{t('web.explain.context.sinceHint')}</span>
      </label>
      <input id="since" name="since" type="date" value={p.context.since ?? ''} />
      {p.children}
    </details>
  );
}

export function HomePage(p: {
  frame: PageFrame;
  text: string;
  context: DecodeContext;
  result: ExplainResult | null;
  error?: string | undefined;
  /** Visa class and post as typed (for "how long"). */
  visa?: string;
  post?: string;
  wait?: ExplainWait | null;
}) {
  const open = Object.keys(p.context).length > 0 || Boolean(p.visa) || Boolean(p.post);
  return (
    <Layout {...p.frame}>
      <h1>{t('web.explain.title')}</h1>
      {p.result ? null : <p class="lead">{t('web.explain.lead')}</p>}
      {/* The answer comes first (in the first screen, no scrolling needed), then the form to ask again. */}
      <div id="result" aria-live="polite">
        {p.result ? (
          <Answer result={p.result} focus underHeadline={p.wait ? <ExplainHowLong w={p.wait} /> : undefined} />
        ) : null}
      </div>
      {/* The answer (or the mistake) takes the focus with autofocus, which also scrolls it into view without any
      script; a fragment in the action would stop the browser from honouring autofocus. */}
      <form method="post" action="/" class="card" novalidate>
        <CsrfField token={p.frame.csrf} />
        <label for="text">
          {t('web.explain.form.text')}{' '}
          <span class="hint" id="text-hint">
            {t('web.explain.form.textHint')}
          </span>
        </label>
        <textarea
          id="text"
          name="text"
          required
          aria-describedby={p.error ? 'text-hint text-error' : 'text-hint'}
          aria-invalid={p.error ? 'true' : undefined}
          {...(p.error && { autofocus: true, 'data-focus': '' })}
        >
          {p.text}
        </textarea>
        <FieldError id="text-error" message={p.error} />
        <ContextQuestions context={p.context} open={open}>
          <div class="grid2">
            <div>
              <label for="visa">
                {t('web.explain.form.visa')} <span class="hint">{t('web.explain.form.visaHint')}</span>
              </label>
              <input id="visa" name="visa" type="text" value={p.visa ?? ''} autocomplete="off" />
            </div>
            <div>
              <label for="post">
                {t('web.explain.form.post')} <span class="hint">{t('web.explain.form.postHint')}</span>
              </label>
              <input
                id="post"
                name="post"
                type="text"
                value={p.post ?? ''}
                list="explain-locations"
                autocomplete="off"
              />
              <LocationList id="explain-locations" />
            </div>
          </div>
        </ContextQuestions>
        <div class="actions">
          <button type="submit">{t('web.explain.form.submit')}</button>
        </div>
      </form>
      {!p.frame.user ? (
        <section class="card">
          <h2>{t('web.explain.pitch.title')}</h2>
          <p>
            <a href="/signup">{t('web.explain.pitch.link')}</a> {t('web.explain.pitch.rest')}
          </p>
        </section>
      ) : null}
    </Layout>
  );
}
