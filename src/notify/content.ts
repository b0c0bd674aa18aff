/**
 * What a notification says, rendered once per event and channel from the event and its case: the webhook's
 * structured payload (English fields, stable ids) and the words people read, in the reader's language (reader.ts).
 */
import { english, type Translator } from '../i18n/translator.js';
import type { Interpretation, Observation } from '../knowledge/types.js';
import {
  type CaseFacts,
  caseName,
  type EventFacts,
  maskLast4,
  type Notice,
  NOTICE_KINDS,
  parseJson,
  scrub,
} from './facts.js';
import type { EventPayload, WebhookPayload } from './payload.js';
import { formatDay, formatMoment, interpretationIn, noticeIn, type RenderOptions, zoneOf } from './reader.js';
import type { EventKind, Notification } from './types.js';

export { type CaseFacts, caseName, type EventFacts, maskLast4, type Notice } from './facts.js';
export type { RenderOptions } from './reader.js';

function snapshot(o: Partial<Observation> | null, caseNumber: string): EventPayload['to'] {
  if (!o) return null;
  const s = (v: unknown) => (typeof v === 'string' ? scrub(v, caseNumber) : null);
  return {
    status: s(o.status),
    caseCreated: s(o.caseCreated),
    caseLastUpdated: s(o.caseLastUpdated),
    post: s(o.post),
    message: s(o.message),
  };
}

/** The structured form of one event: the webhook's `event`, and the source of every text form. */
export function eventPayload(event: EventFacts, c: CaseFacts, publicUrl: string | null): EventPayload {
  const i = parseJson(event.interpretation_json) as Interpretation | null;
  const detail = parseJson(event.detail_json) as { outcome?: string; message?: string; failures?: number } | null;
  const cn = c.case_number;
  const notice = NOTICE_KINDS.includes(event.kind) ? (parseJson(event.detail_json) as Notice | null) : null;
  return {
    id: event.id,
    kind: event.kind,
    at: new Date(event.at).toISOString(),
    case: {
      id: c.id,
      label: c.label === null ? null : scrub(c.label, cn),
      group: c.group_name,
      caseNumber: maskLast4(cn),
      appType: c.app_type,
      location: c.location,
    },
    from: snapshot(parseJson(event.from_json) as Observation | null, cn),
    to: snapshot(parseJson(event.to_json) as Observation | null, cn),
    interpretation: i
      ? {
          state: i.state,
          variant: i.variant,
          finality: i.finality,
          confidence: i.confidence,
          headline: scrub(i.headline, cn),
          meaning: scrub(i.meaning, cn),
          nextSteps: i.nextSteps.map((s) => scrub(s, cn)),
        }
      : null,
    ...(notice && { notice: { text: notice.message, date: notice.date ?? null, source: notice.source ?? null } }),
    health:
      detail && !notice
        ? {
            outcome: detail.outcome ?? null,
            message: detail.message ? scrub(detail.message, cn) : null,
            failures: detail.failures ?? null,
          }
        : null,
    link: publicUrl ? `${publicUrl.replace(/\/+$/, '')}/cases/${c.id}` : null,
  };
}

/** One line saying what happened, e.g. "Refused → Administrative Processing" (CEAC's status words as CEAC shows them). */
export function changeLine(p: EventPayload, t: Translator = english, noticeText?: string): string {
  const from = p.from?.status ?? null;
  const to = p.to?.status ?? p.interpretation?.state ?? 'unknown';
  switch (p.kind) {
    case 'first_seen':
      return t.text('notify.change.firstSeen', { status: to });
    case 'status_changed':
      return t.text('notify.change.statusChanged', { from: from ?? t.text('notify.noStatus'), to });
    case 'text_changed':
      return t.text('notify.change.textChanged', { status: to });
    case 'last_updated_changed':
      return t.text('notify.change.lastUpdated', {
        status: to,
        from: p.from?.caseLastUpdated ? formatDay(p.from.caseLastUpdated, t) : '?',
        to: p.to?.caseLastUpdated ? formatDay(p.to.caseLastUpdated, t) : '?',
      });
    case 'check_failing':
      return t.text('notify.change.checkFailing');
    case 'check_recovered':
      return t.text('notify.change.checkRecovered');
    case 'reminder':
      return t.text('notify.change.reminder', { text: noticeText ?? t.text('notify.change.reminderNear') });
    case 'clearance_wave':
      return t.text('notify.change.wave', { text: noticeText ?? t.text('notify.change.waveCleared') });
    default:
      return to;
  }
}

/** Everything a text form shows, in the reader's language; CEAC's own words stay English. */
interface Words {
  p: EventPayload;
  t: Translator;
  change: string;
  notice: { text: string; source: string | null } | null;
  interpretation: EventPayload['interpretation'];
  /** CEAC's status word and paragraph, verbatim; null when the event is not about a status. */
  ceac: string | null;
  /** The same, marked as what CEAC shows and authoritative. */
  verbatim: string | null;
  seen: string;
}

/** Events about what CEAC shows now (a date-only change is told in its own line and digest). */
const STATUS_KINDS: readonly string[] = ['first_seen', 'status_changed', 'text_changed'];

function wordsOf(event: EventFacts, c: CaseFacts, p: EventPayload, options: RenderOptions): Words {
  const t = options.t ?? english;
  const notice = noticeIn(event, p, t);
  const shown = [p.to?.status, p.to?.message].filter((s): s is string => Boolean(s)).join(' — ');
  const ceac = shown && STATUS_KINDS.includes(p.kind) ? shown : null;
  return {
    p,
    t,
    change: changeLine(p, t, notice?.text),
    notice,
    interpretation: interpretationIn(event, c, p, t),
    ceac,
    verbatim: ceac === null ? null : t.text('notify.ceacVerbatim', { text: ceac }),
    seen: formatMoment(p.at, t, zoneOf(c, options.timeZone)),
  };
}

function textBody(w: Words): string {
  const { p, t } = w;
  const name = p.case.label ? `${p.case.label} (${p.case.caseNumber})` : p.case.caseNumber;
  const lines = [
    p.case.location
      ? t.text('notify.caseAt', { case: name, location: p.case.location })
      : t.text('notify.case', { case: name }),
  ];
  lines.push(w.change);
  if (w.notice?.source) lines.push('', t.text('notify.source', { source: w.notice.source }));
  if (p.kind === 'clearance_wave') lines.push('', t.text('notify.wave.caveat'));
  const i = w.interpretation;
  if (i) {
    lines.push('', i.headline, i.meaning);
    if (i.nextSteps.length) lines.push('', t.text('notify.nextSteps'), ...i.nextSteps.map((s) => `- ${s}`));
  }
  if (w.verbatim) lines.push('', w.verbatim);
  if (p.health) {
    lines.push(
      '',
      p.kind === 'check_failing'
        ? t.text('notify.health.lastError', {
            error: p.health.message ?? p.health.outcome ?? t.text('notify.health.unknown'),
          })
        : t.text('notify.health.recovered'),
    );
  }
  if (p.to) {
    lines.push('');
    if (p.to.caseCreated) lines.push(t.text('notify.caseCreated', { date: formatDay(p.to.caseCreated, t) }));
    if (p.to.caseLastUpdated)
      lines.push(t.text('notify.caseLastUpdated', { date: formatDay(p.to.caseLastUpdated, t) }));
  }
  lines.push(t.text('notify.seen', { when: w.seen }));
  if (p.link) lines.push(t.text('notify.open', { link: p.link }));
  return lines.join('\n');
}

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function htmlBody(w: Words): string {
  const { p, t } = w;
  const parts = [`<p><strong>${esc(w.change)}</strong><br>${esc(p.case.label ?? '')} ${esc(p.case.caseNumber)}</p>`];
  if (w.notice?.source) parts.push(`<p>${esc(t.text('notify.source', { source: w.notice.source }))}</p>`);
  if (p.kind === 'clearance_wave') parts.push(`<p>${esc(t.text('notify.wave.caveat'))}</p>`);
  const i = w.interpretation;
  if (i) {
    parts.push(`<p><strong>${esc(i.headline)}</strong></p><p>${esc(i.meaning)}</p>`);
    if (i.nextSteps.length) {
      parts.push(
        `<p>${esc(t.text('notify.nextSteps'))}</p><ul>${i.nextSteps.map((s) => `<li>${esc(s)}</li>`).join('')}</ul>`,
      );
    }
  }
  if (w.ceac) {
    // The frame is in the reader's language; CEAC's words inside it are marked as English.
    const [before = '', after = ''] = t.text('notify.ceacVerbatim', { text: '\u0000' }).split('\u0000');
    parts.push(`<p>${esc(before)}<q lang="en">${esc(w.ceac)}</q>${esc(after)}</p>`);
  }
  if (p.health?.message) parts.push(`<p>${esc(p.health.message)}</p>`);
  const dates = [
    p.to?.caseCreated ? esc(t.text('notify.caseCreated', { date: formatDay(p.to.caseCreated, t) })) : '',
    p.to?.caseLastUpdated ? esc(t.text('notify.caseLastUpdated', { date: formatDay(p.to.caseLastUpdated, t) })) : '',
    esc(t.text('notify.seen', { when: w.seen })),
  ].filter(Boolean);
  parts.push(`<p>${dates.join('<br>')}</p>`);
  if (p.link) parts.push(`<p><a href="${esc(p.link)}">${esc(t.text('notify.openCase'))}</a></p>`);
  return `<div lang="${esc(t.language)}">\n${parts.join('\n')}\n</div>`;
}

const priorityOf = (kind: EventKind): Notification['priority'] =>
  kind === 'status_changed' || kind === 'check_failing' ? 'high' : kind === 'last_updated_changed' ? 'low' : 'default';

/**
 * The notification for one event on one channel, in the language of `options.t` (English by default). The webhook
 * body keeps its English fields and stable ids; `lang` and `text` beside them carry the words people read.
 */
export function renderEvent(
  event: EventFacts,
  c: CaseFacts,
  publicUrl: string | null,
  options: RenderOptions = {},
): Notification {
  const p = eventPayload(event, c, publicUrl);
  const w = wordsOf(event, c, p, options);
  const text = textBody(w);
  const payload: WebhookPayload = { version: 1, type: 'event', lang: w.t.language, text, event: p };
  return {
    idempotencyKey: `ceac-watch-event-${event.id}`,
    title: w.t.text('notify.title', { case: caseName(c), change: w.change }),
    text,
    html: htmlBody(w),
    payload,
    link: p.link,
    priority: priorityOf(event.kind),
    tags: [event.kind === 'check_failing' ? 'warning' : 'passport_control'],
  };
}

/** One message for a day's "Case Last Updated" changes on one channel. */
export function renderDigest(
  items: { event: EventFacts; case: CaseFacts }[],
  key: string,
  publicUrl: string | null,
  options: RenderOptions = {},
): Notification {
  const t = options.t ?? english;
  const payloads = items.map((i) => eventPayload(i.event, i.case, publicUrl));
  const lines = payloads.map(
    (p) =>
      `- ${p.case.label ?? p.case.caseNumber} (${p.case.caseNumber}): ${changeLine(p, t)}${p.link ? ` ${p.link}` : ''}`,
  );
  const intro = t.text('notify.digest.intro');
  const text = [intro, ...lines].join('\n');
  const payload: WebhookPayload = { version: 1, type: 'digest', lang: t.language, text, events: payloads };
  return {
    idempotencyKey: key,
    title: t.text('notify.digest.title', { count: payloads.length }),
    text,
    html: `<div lang="${esc(t.language)}"><p>${esc(intro)}</p><ul>${lines.map((l) => `<li>${esc(l.slice(2))}</li>`).join('')}</ul></div>`,
    payload,
    link: null,
    priority: 'low',
    tags: ['calendar'],
  };
}

/** A test message; `message` in the webhook body stays English, `text` is in the reader's language. */
export function renderTest(channelName: string, t: Translator = english): Notification {
  const message = english.text('notify.test.body', { channel: channelName });
  const text = t.text('notify.test.body', { channel: channelName });
  return {
    idempotencyKey: `ceac-watch-test-${Date.now()}`,
    title: t.text('notify.test.title'),
    text,
    html: `<p lang="${esc(t.language)}">${esc(text)}</p>`,
    payload: { version: 1, type: 'test', message, lang: t.language, text } satisfies WebhookPayload,
    link: null,
    priority: 'default',
    tags: ['white_check_mark'],
  };
}
