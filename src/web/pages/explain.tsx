import type { DecodeContext, ExplainResult, Finality } from '../../knowledge/types.js';
import type { PageFrame } from './layout.js';
import { Alert, CsrfField, FieldError, Layout } from './layout.js';

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

/** The decoded answer, laid out for a worried reader: the headline first, then what to do. */
export function Answer(p: { result: ExplainResult; headingLevel?: 2 | 3 }) {
  const { observation: o, interpretation: i } = p.result;
  const pct = Math.round(i.confidence * 100);
  const H = p.headingLevel === 3 ? 'h3' : 'h2';
  const Sub = p.headingLevel === 3 ? 'h4' : 'h3';
  return (
    <section class="card answer" aria-labelledby="answer-h">
      <p>
        <StatusBadge finality={i.finality} label={o.status ?? FINALITY_LABEL[i.finality]} />{' '}
        <span class="muted small">{FINALITY_LABEL[i.finality]}</span>
      </p>
      <H id="answer-h" class="headline">
        {i.headline}
      </H>
      <p>{i.meaning}</p>
      <p class="small muted" id="confidence-label">
        How sure we are that this is{' '}
        {i.finality === 'in_progress' || i.finality === 'uncertain' ? 'not the end' : 'the end'}: {pct}%
      </p>
      <progress class="meter" max={100} value={pct} aria-labelledby="confidence-label">
        {pct}%
      </progress>
      {i.nextSteps.length ? (
        <>
          <Sub>What to do now</Sub>
          <ul class="clean">
            {i.nextSteps.map((s) => (
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

export function ContextQuestions(p: { context: DecodeContext; open?: boolean }) {
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
    </details>
  );
}

export function HomePage(p: {
  frame: PageFrame;
  text: string;
  context: DecodeContext;
  result: ExplainResult | null;
  error?: string | undefined;
}) {
  return (
    <Layout {...p.frame}>
      <h1>What does my visa status mean?</h1>
      <p class="lead">
        Paste what the CEAC status page shows. We explain it in plain words, say how final it is, and what to do next.
        No account needed.
      </p>
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
        >
          {p.text}
        </textarea>
        <FieldError id="text-error" message={p.error} />
        <ContextQuestions context={p.context} open={Object.keys(p.context).length > 0} />
        <div class="actions">
          <button type="submit">Explain</button>
        </div>
      </form>
      <div id="result" aria-live="polite">
        {p.result ? <Answer result={p.result} /> : null}
      </div>
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
