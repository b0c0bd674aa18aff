import type { Child } from 'hono/jsx';

import type { MessageKey } from '../../i18n/catalog.js';
import type { ChannelView, EventKind } from '../../notify/index.js';
import { EVENT_KINDS } from '../../notify/index.js';
import {
  type ChannelFormValues,
  type FieldProblem,
  firstProblem,
  type FormField,
  type FormProblems,
  TIME_ZONES,
} from '../channel-form.js';
import { t } from '../language.js';
import type { PageFrame } from './layout.js';
import { Alert, CsrfField, FieldError, Layout } from './layout.js';

export function eventLabel(kind: EventKind): string {
  // A kind stored by another version may have no words of ours: its name then.
  return (EVENT_KINDS as readonly string[]).includes(kind) ? t(`channels.event.${kind}` as MessageKey) : kind;
}

/**
 * A catalogue message with some of its values as elements (code, names not to translate): the words are translated
 * whole, with a marker where each element goes, then cut at the markers.
 */
function withParts(key: MessageKey, parts: Record<string, Child>): Child[] {
  const marks = Object.fromEntries(Object.keys(parts).map((k) => [k, `\u0001${k}\u0001`]));
  return t(key, marks)
    .split('\u0001')
    .map((piece, i) => (i % 2 === 1 ? (parts[piece] ?? piece) : piece));
}

/** Product names (Telegram, ntfy) and IANA zone names are the same in every language. */
function Name(p: { children: string }) {
  return <span translate="no">{p.children}</span>;
}

function kindLabel(kind: string) {
  if (kind === 'email') return t('channels.email.legend');
  if (kind === 'webhook') return t('channels.webhook.legend');
  return <Name>{kind}</Name>;
}

function problemText(p: FieldProblem | undefined): string | undefined {
  if (!p) return undefined;
  return 'key' in p ? t(p.key, p.values) : p.text;
}

/** The default zone's origin, said under the picker: a post, UTC for want of better, or the browser (script). */
export interface ZoneDefault {
  /** Whether the script may replace the value with the browser's zone (not after the person chose one). */
  fromBrowser: boolean;
  post: string | null;
}

/** Attributes that tie an input to its hint and error, and give the first error the focus. */
function fieldAttrs(field: FormField, problems: FormProblems, hint?: string) {
  const error = problems[field] ? `${field}-error` : undefined;
  const describedBy = [hint, error].filter(Boolean).join(' ');
  const focus = firstProblem(problems) === field;
  return {
    ...(describedBy && { 'aria-describedby': describedBy }),
    ...(error && { 'aria-invalid': 'true' as const }),
    ...(focus && { autofocus: true, 'data-focus': '' }),
  };
}

function TextField(p: {
  field: FormField;
  label: string;
  hint?: Child;
  value: string;
  problems: FormProblems;
  type?: 'text' | 'url';
  inputmode?: 'numeric' | 'url';
}) {
  const hintId = p.hint ? `${p.field}-hint` : undefined;
  return (
    <>
      <label for={p.field}>
        {p.label}{' '}
        {p.hint ? (
          <span class="hint" id={hintId}>
            {p.hint}
          </span>
        ) : null}
      </label>
      <input
        id={p.field}
        name={p.field}
        type={p.type ?? 'text'}
        value={p.value}
        autocomplete="off"
        spellcheck={false}
        {...(p.inputmode && { inputmode: p.inputmode })}
        {...fieldAttrs(p.field, p.problems, hintId)}
      />
      <FieldError id={`${p.field}-error`} message={problemText(p.problems[p.field])} />
    </>
  );
}

function ChannelItem(p: { ch: ChannelView; csrf: string }) {
  const { ch } = p;
  return (
    <li class="card">
      <p>
        <strong>{ch.name}</strong> <span class="badge in_progress">{kindLabel(ch.kind)}</span>
      </p>
      <p class="mono small" translate="no">
        {ch.url}
      </p>
      <p class="small">
        {t('channels.list.sends', { events: ch.events.map(eventLabel).join('; ') })}
        {ch.quiet ? ` · ${t('channels.list.quiet', { hours: ch.quiet, zone: ch.timeZone })}` : ''}
      </p>
      <p class="small muted">
        {t('channels.list.counts', {
          sent: ch.deliveries.sent,
          pending: ch.deliveries.pending,
          failed: ch.deliveries.failed,
        })}
        {ch.lastError ? ` · ${t('channels.list.lastError', { error: ch.lastError })}` : ''}
      </p>
      <div class="actions">
        <form method="post" action={`/notifications/${ch.id}/test`}>
          <CsrfField token={p.csrf} />
          <button class="secondary" type="submit" aria-label={t('channels.list.testLabel', { name: ch.name })}>
            {t('channels.list.test')}
          </button>
        </form>
        {/* A page that asks first, so that it works without script and a slip of the finger removes nothing. */}
        <a
          class="button secondary"
          href={`/notifications/${ch.id}/delete`}
          aria-label={t('channels.list.removeLabel', { name: ch.name })}
        >
          {t('channels.list.remove')}
        </a>
      </div>
    </li>
  );
}

export function NotificationsPage(p: {
  frame: PageFrame;
  channels: ChannelView[];
  values: ChannelFormValues;
  problems: FormProblems;
  accountEmail: string;
  emailAvailable: boolean;
  zoneDefault: ZoneDefault;
  notice?: { kind: 'ok' | 'bad'; text: string } | undefined;
  secrets?: string[] | undefined;
}) {
  const { values: v, problems } = p;
  const expertOpen = Boolean(v.url) || problems.url !== undefined;
  return (
    <Layout {...p.frame}>
      <h1>{t('channels.heading')}</h1>
      <p class="lead">{t('channels.lead')}</p>
      {p.notice ? <Alert kind={p.notice.kind}>{p.notice.text}</Alert> : null}
      {p.secrets?.map((secret) => (
        <Alert kind="ok">
          <p>{t('channels.secret')}</p>
          <p class="token mono">{secret}</p>
        </Alert>
      ))}
      <section aria-labelledby="chan-h">
        <h2 id="chan-h">{t('channels.list.heading')}</h2>
        {p.channels.length === 0 ? (
          <p class="muted">{t('channels.list.none')}</p>
        ) : (
          <ul class="cases">
            {p.channels.map((ch) => (
              <ChannelItem ch={ch} csrf={p.frame.csrf} />
            ))}
          </ul>
        )}
      </section>
      <section class="card" aria-labelledby="add-h">
        <h2 id="add-h">{t('channels.add.heading')}</h2>
        <p>{t('channels.add.intro')}</p>
        <form method="post" action="/notifications" novalidate>
          <CsrfField token={p.frame.csrf} />
          <h3 id="where-h">{t('channels.add.where')}</h3>
          {problems.where ? (
            <p class="error" id="where-error" tabindex={-1} autofocus data-focus="">
              {problemText(problems.where)}
            </p>
          ) : null}
          <fieldset>
            <legend>{t('channels.email.legend')}</legend>
            {p.emailAvailable ? (
              <label class="check">
                <input
                  type="checkbox"
                  id="email"
                  name="email"
                  value="1"
                  checked={v.email}
                  {...fieldAttrs('email', problems)}
                />{' '}
                <span>{t('channels.email.me', { address: p.accountEmail })}</span>
              </label>
            ) : (
              <p class="hint" id="email-unavailable">
                {t('channels.email.unavailable')}
              </p>
            )}
            <FieldError id="email-error" message={problemText(problems.email)} />
          </fieldset>
          <fieldset>
            {/* Names of products, the same in every language. */}
            <legend>
              <Name>Telegram</Name>
            </legend>
            <TextField
              field="tgToken"
              label={t('channels.tg.token')}
              hint={t('channels.tg.tokenHint')}
              value={v.tgToken}
              problems={problems}
            />
            <TextField
              field="tgChat"
              label={t('channels.tg.chat')}
              hint={t('channels.tg.chatHint')}
              value={v.tgChat}
              problems={problems}
            />
            <details>
              <summary>{t('channels.tg.steps')}</summary>
              <ol>
                <li>{t('channels.tg.step1')}</li>
                <li>{t('channels.tg.step2')}</li>
                <li>
                  {withParts('channels.tg.step3', {
                    link: <code>https://api.telegram.org/botTOKEN/getUpdates</code>,
                    marker: <code>"chat":{'{'}"id":</code>,
                  })}
                </li>
                <li>{t('channels.tg.step4')}</li>
              </ol>
            </details>
          </fieldset>
          <fieldset>
            <legend>
              <Name>ntfy</Name>
            </legend>
            <TextField
              field="ntfyServer"
              label={t('channels.ntfy.server')}
              hint={t('channels.ntfy.serverHint')}
              value={v.ntfyServer}
              problems={problems}
              type="url"
              inputmode="url"
            />
            <TextField
              field="ntfyTopic"
              label={t('channels.ntfy.topic')}
              hint={t('channels.ntfy.topicHint')}
              value={v.ntfyTopic}
              problems={problems}
            />
          </fieldset>
          <fieldset>
            <legend>{t('channels.webhook.legend')}</legend>
            <TextField
              field="webhookUrl"
              label={t('channels.webhook.url')}
              hint={t('channels.webhook.urlHint')}
              value={v.webhookUrl}
              problems={problems}
              type="url"
              inputmode="url"
            />
          </fieldset>
          <details open={expertOpen}>
            <summary>{t('channels.expert.summary')}</summary>
            <TextField
              field="url"
              label={t('channels.expert.url')}
              hint={withParts('channels.expert.hint', {
                email: <code>mailtos://user:pass@smtp.example.com/?to=you@example.com</code>,
                webhook: <code>jsons://example.com/hook</code>,
                ntfy: <code>ntfys://ntfy.sh/my-topic</code>,
                telegram: <code>tgram://BOT_TOKEN/CHAT_ID</code>,
              })}
              value={v.url}
              problems={problems}
            />
          </details>
          <h3>{t('channels.settings.heading')}</h3>
          <label for="name">
            {t('channels.settings.name')} <span class="hint">{t('channels.settings.nameHint')}</span>
          </label>
          <input id="name" name="name" type="text" value={v.name} maxlength={64} {...fieldAttrs('name', problems)} />
          <FieldError id="name-error" message={problemText(problems.name)} />
          <fieldset>
            <legend>{t('channels.settings.events')}</legend>
            {EVENT_KINDS.map((k, i) => (
              <label class="check">
                <input
                  type="checkbox"
                  name="events"
                  value={k}
                  checked={v.events.includes(k)}
                  {...(i === 0 ? fieldAttrs('events', problems) : {})}
                />{' '}
                <span>{eventLabel(k)}</span>
              </label>
            ))}
            <FieldError id="events-error" message={problemText(problems.events)} />
          </fieldset>
          <fieldset>
            <legend>{t('channels.settings.quiet')}</legend>
            <p class="hint" id="quiet-hint">
              {t('channels.settings.quietHint')}
            </p>
            <div class="grid2">
              <div>
                <label for="quietStart">{t('channels.settings.from')}</label>
                <input
                  id="quietStart"
                  name="quietStart"
                  type="time"
                  value={v.quietStart}
                  {...fieldAttrs('quiet', problems, 'quiet-hint')}
                />
              </div>
              <div>
                <label for="quietEnd">{t('channels.settings.until')}</label>
                <input id="quietEnd" name="quietEnd" type="time" value={v.quietEnd} />
              </div>
            </div>
            <FieldError id="quiet-error" message={problemText(problems.quiet)} />
            <label for="timeZone">
              {t('channels.settings.zone')}{' '}
              <span class="hint" id="timeZone-hint">
                <span data-tz-note="server">
                  {!p.zoneDefault.fromBrowser
                    ? ''
                    : p.zoneDefault.post
                      ? withParts('channels.settings.zonePost', {
                          zone: <Name>{v.timeZone}</Name>,
                          post: <>{p.zoneDefault.post}</>,
                        })
                      : t('channels.settings.zoneUtc')}
                </span>
                {p.zoneDefault.fromBrowser ? (
                  <span data-tz-note="browser" hidden>
                    {t('channels.settings.zoneBrowser')}
                  </span>
                ) : null}
              </span>
            </label>
            <select
              id="timeZone"
              name="timeZone"
              translate="no"
              {...(p.zoneDefault.fromBrowser && { 'data-browser-tz': '' })}
              {...fieldAttrs('timeZone', problems, 'timeZone-hint')}
            >
              {TIME_ZONES.map((z) => (
                <option value={z} selected={z === v.timeZone}>
                  {z}
                </option>
              ))}
            </select>
            <FieldError id="timeZone-error" message={problemText(problems.timeZone)} />
          </fieldset>
          <div class="actions">
            <button type="submit">{t('channels.add.submit')}</button>
          </div>
        </form>
      </section>
    </Layout>
  );
}

/** "Remove <name>?": the GET of a Remove link, with the button that removes (a POST). */
export function RemoveChannelPage(p: { frame: PageFrame; channel: ChannelView }) {
  const name = p.channel.name;
  return (
    <Layout {...p.frame}>
      <h1 id="remove-h" tabindex={-1}>
        {t('channels.remove.title', { name })}
      </h1>
      <p>{withParts('channels.remove.body', { url: <code>{p.channel.url}</code> })}</p>
      <form method="post" action={`/notifications/${p.channel.id}/delete`} class="actions">
        <CsrfField token={p.frame.csrf} />
        <button class="danger" type="submit">
          {t('channels.remove.confirm', { name })}
        </button>
        <a class="button secondary" href="/notifications">
          {t('channels.remove.cancel')}
        </a>
      </form>
    </Layout>
  );
}
