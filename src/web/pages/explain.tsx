import type { Child } from 'hono/jsx';

import type { DecodeContext, ExplainResult, Finality } from '../../knowledge/types.js';
import { ExplainHowLong, type ExplainWait } from './how-long.js';
import type { PageFrame } from './layout.js';
import { Alert, CsrfField, FieldError, Layout, LocationList } from './layout.js';

export const FINALITY_LABEL: Record<Finality, string> = {
  in_progress: 'In progress',
  final_positive: 'Final: good news',
  final_negative: 'Final: refused',
  uncertain: 'Not final yet',
};

export function StatusBadge(p: { finality: Finality; label: string }) {
  return <span class={`badge ${p.finality}`}>{p.label}</span>;
}

const isUrl = (s: string) => /^https?:\/\//.test(s);

/** How sure we are of the reading, in words that fit the status (Approved is not "the end", nor a worry). */
export function confidenceText(finality: Finality, pct: number): string {
  switch (finality) {
    case 'final_positive':
      return `We are ${pct}% sure this is the final, good outcome.`;
    case 'final_negative':
      return `We are ${pct}% sure this is a final refusal.`;
    case 'uncertain':
      return `We are ${pct}% sure this is not final yet.`;
    case 'in_progress':
      return `We are ${pct}% sure this is a step on the way, not the final decision.`;
  }
}

const words = (s: string) =>
  new Set(
    s
      .toLowerCase()
      .replace(/[^a-z0-9() ]+/g, ' ')
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
  return (
    <section
      class="card answer"
      id="answer"
      aria-labelledby="answer-h"
      {...(p.focus && { tabindex: -1, autofocus: true, 'data-focus': '' })}
    >
      <p>
        <StatusBadge finality={i.finality} label={o.status ?? FINALITY_LABEL[i.finality]} />{' '}
        <span class="muted small">{FINALITY_LABEL[i.finality]}</span>
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
        {pct}%
      </progress>
      {steps.length ? (
        <>
          <Sub>What to do now</Sub>
          <ul class="clean">
            {steps.map((s) => (
              <li>{s}</li>
            ))}
          </ul>
        </>
      ) : null}
      {i.watchFor.length ? (
        <>
          <Sub>What to watch for</Sub>
          <ul class="clean">
            {i.watchFor.map((s) => (
              <li>{s}</li>
            ))}
          </ul>
        </>
      ) : null}
      {o.status || o.caseCreated || o.caseLastUpdated || o.post ? (
        <>
          <Sub>What the page showed</Sub>
          <dl class="facts">
            {o.status ? (
              <>
                <dt>Status</dt>
                <dd>{o.status}</dd>
              </>
            ) : null}
            {o.caseCreated ? (
              <>
                <dt>Case created</dt>
                <dd>{o.caseCreated}</dd>
              </>
            ) : null}
            {o.caseLastUpdated ? (
              <>
                <dt>Last updated</dt>
                <dd>{o.caseLastUpdated}</dd>
              </>
            ) : null}
            {o.post ? (
              <>
                <dt>Post</dt>
                <dd>{o.post}</dd>
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
          <summary class="small">Where this comes from</summary>
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
        {[['', 'Not sure'] as [string, string], ...p.options].map(([v, label]) => (
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
      <summary>Tell us more for a sharper answer (optional)</summary>
      <Choice
        name="route"
        legend="How did you apply?"
        value={p.context.route}
        options={[
          ['dropbox', 'Dropbox (no interview)'],
          ['interview', 'Interview'],
        ]}
      />
      <Choice
        name="officer"
        legend="What did the officer say?"
        value={p.context.officer}
        options={[
          ['approved', '“Approved”'],
          ['221g', 'Gave me a 221(g) slip'],
          ['refused', '“Refused” / 214(b)'],
          ['none', 'Nothing'],
        ]}
      />
      <Choice
        name="slip"
        legend="Did you get a 221(g) slip? What colour?"
        value={p.context.slip}
        options={[
          ['white', 'White'],
          ['pink', 'Pink'],
          ['yellow', 'Yellow'],
          ['blue', 'Blue'],
          ['green', 'Green'],
          ['other', 'Other'],
        ]}
      />
      <Choice
        name="passport"
        legend="Where is your passport?"
        value={p.context.passport}
        options={[
          ['kept', 'The consulate kept it'],
          ['returned', 'I have it back'],
        ]}
      />
      <label for="since">
        Since when has the page shown this status? <span class="hint">Optional, as a date.</span>
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
      <h1>What does my visa status mean?</h1>
      {p.result ? null : (
        <p class="lead">
          Paste what the CEAC status page shows. We explain it in plain words, say how final it is, and what to do next.
          No account needed.
        </p>
      )}
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
          Your status{' '}
          <span class="hint" id="text-hint">
            Copy everything from the status word to the end of the paragraph — or just the status word, like “Refused”.
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
                Visa class <span class="hint">e.g. F1, H1B, B1/B2: to say how long similar cases waited.</span>
              </label>
              <input id="visa" name="visa" type="text" value={p.visa ?? ''} autocomplete="off" />
            </div>
            <div>
              <label for="post">
                Embassy or consulate <span class="hint">A city or CEAC code, e.g. Mumbai or BMB.</span>
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
          <button type="submit">Explain</button>
        </div>
      </form>
      {!p.frame.user ? (
        <section class="card">
          <h2>Want to know the moment it changes?</h2>
          <p>
            <a href="/signup">Create a free account</a> and add your case: we check it for you, keep its whole history,
            and tell you by e-mail or message when anything moves.
          </p>
        </section>
      ) : null}
    </Layout>
  );
}
