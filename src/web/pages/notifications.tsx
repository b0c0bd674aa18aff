import type { ChannelView, EventKind } from '../../notify/index.js';
import { EVENT_KINDS } from '../../notify/index.js';
import type { FieldErrors } from './auth.js';
import type { PageFrame } from './layout.js';
import { Alert, CsrfField, FieldError, Layout } from './layout.js';

export const EVENT_LABELS: Record<EventKind, string> = {
  first_seen: 'First status seen (when a case is added)',
  status_changed: 'The status changed',
  text_changed: 'The explanation text changed',
  last_updated_changed: '“Case Last Updated” moved',
  check_failing: 'Checks keep failing (once, after a while)',
  check_recovered: 'Checks work again',
  reminder: 'Deadline reminders (30, 7 and 1 days before)',
  clearance_wave: 'Clearance waves: many cases of your post and visa class cleared on one day',
};

export interface ChannelFormValues {
  url: string;
  name: string;
  events: EventKind[];
  quietStart: string;
  quietEnd: string;
  timeZone: string;
}

export function NotificationsPage(p: {
  frame: PageFrame;
  channels: ChannelView[];
  values: ChannelFormValues;
  errors: FieldErrors;
  notice?: { kind: 'ok' | 'bad'; text: string } | undefined;
  secret?: string | null | undefined;
}) {
  return (
    <Layout {...p.frame}>
      <h1>Notifications</h1>
      <p class="lead">Where we tell you when one of your cases changes: e-mail, a webhook, ntfy or Telegram.</p>
      {p.notice ? <Alert kind={p.notice.kind}>{p.notice.text}</Alert> : null}
      {p.secret ? (
        <Alert kind="ok">
          <p>
            Your webhook has a signing secret. Copy it now: it will not be shown again. Each request carries a signature
            made with it.
          </p>
          <p class="token mono">{p.secret}</p>
        </Alert>
      ) : null}
      <section aria-labelledby="chan-h">
        <h2 id="chan-h">Your channels</h2>
        {p.channels.length === 0 ? (
          <p class="muted">No channels yet: add one below.</p>
        ) : (
          <ul class="cases">
            {p.channels.map((ch) => (
              <li class="card">
                <p>
                  <strong>{ch.name}</strong> <span class="badge in_progress">{ch.kind}</span>
                </p>
                <p class="mono small">{ch.url}</p>
                <p class="small">
                  {/* eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- a kind stored by another version may have no label */}
                  Sends: {ch.events.map((e) => EVENT_LABELS[e]?.toLowerCase() ?? e).join('; ')}
                  {ch.quiet ? ` · quiet ${ch.quiet} (${ch.timeZone})` : ''}
                </p>
                <p class="small muted">
                  {ch.deliveries.sent} sent, {ch.deliveries.pending} waiting, {ch.deliveries.failed} failed
                  {ch.lastError ? ` · last error: ${ch.lastError}` : ''}
                </p>
                <div class="actions">
                  <form method="post" action={`/notifications/${ch.id}/test`}>
                    <CsrfField token={p.frame.csrf} />
                    <button class="secondary" type="submit" aria-label={`Send test to ${ch.name}`}>
                      Send test
                    </button>
                  </form>
                  <form method="post" action={`/notifications/${ch.id}/delete`}>
                    <CsrfField token={p.frame.csrf} />
                    <button class="secondary" type="submit" aria-label={`Remove ${ch.name}`}>
                      Remove
                    </button>
                  </form>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="card" aria-labelledby="add-h">
        <h2 id="add-h">Add a channel</h2>
        {p.errors.form ? <Alert kind="bad">{p.errors.form}</Alert> : null}
        <form method="post" action="/notifications" novalidate>
          <CsrfField token={p.frame.csrf} />
          <label for="url">
            Where to send{' '}
            <span class="hint" id="url-hint">
              For example <code>mailto:///?to=you@example.com</code>, <code>json://example.com/hook</code> (webhook;{' '}
              <code>jsons://</code> for HTTPS), <code>ntfys://ntfy.sh/my-topic</code> or{' '}
              <code>tgram://BOT_TOKEN/CHAT_ID</code>.
            </span>
          </label>
          <input
            id="url"
            name="url"
            type="text"
            value={p.values.url}
            required
            autocomplete="off"
            spellcheck={false}
            aria-invalid={p.errors.url ? 'true' : undefined}
            aria-describedby={p.errors.url ? 'url-hint url-error' : 'url-hint'}
          />
          <FieldError id="url-error" message={p.errors.url} />
          <label for="name">
            Name <span class="hint">Optional, e.g. “my phone”.</span>
          </label>
          <input
            id="name"
            name="name"
            type="text"
            value={p.values.name}
            maxlength={64}
            aria-describedby={p.errors.name ? 'name-error' : undefined}
          />
          <FieldError id="name-error" message={p.errors.name} />
          <fieldset>
            <legend>Tell me when</legend>
            {EVENT_KINDS.map((k) => (
              <label class="check">
                <input type="checkbox" name="events" value={k} checked={p.values.events.includes(k)} />{' '}
                <span>{EVENT_LABELS[k]}</span>
              </label>
            ))}
            <FieldError id="events-error" message={p.errors.events} />
          </fieldset>
          <fieldset>
            <legend>Quiet hours (optional)</legend>
            <p class="hint">Messages that arrive then wait until the quiet hours end.</p>
            <div class="grid2">
              <div>
                <label for="quietStart">From</label>
                <input id="quietStart" name="quietStart" type="time" value={p.values.quietStart} />
              </div>
              <div>
                <label for="quietEnd">Until</label>
                <input id="quietEnd" name="quietEnd" type="time" value={p.values.quietEnd} />
              </div>
            </div>
            <label for="timeZone">
              Your time zone <span class="hint">For example Asia/Kolkata or Europe/Berlin.</span>
            </label>
            <input
              id="timeZone"
              name="timeZone"
              type="text"
              value={p.values.timeZone}
              aria-describedby={p.errors.timeZone || p.errors.quiet ? 'tz-error' : undefined}
            />
            <FieldError id="tz-error" message={p.errors.timeZone ?? p.errors.quiet} />
          </fieldset>
          <div class="actions">
            <button type="submit">Add channel</button>
          </div>
        </form>
      </section>
    </Layout>
  );
}
