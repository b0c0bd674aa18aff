import type { Interpretation, Observation } from '../knowledge/types.js';
import type { EventPayload, WebhookPayload } from './payload.js';
import type { EventKind, Notification } from './types.js';

/**
 * What a notification says, rendered once from an event and its case, the same for every channel.
 * Only these case fields are read: never the passport or surname, and the case number is masked to
 * its last 4 characters everywhere (including a label that happens to contain it).
 */
export interface CaseFacts {
  id: number;
  label: string | null;
  group_name: string | null;
  case_number: string;
  app_type: string | null;
  location: string | null;
}

export interface EventFacts {
  id: number;
  case_id: number;
  kind: EventKind;
  at: number;
  from_json: string | null;
  to_json: string | null;
  interpretation_json: string | null;
  detail_json: string | null;
}

/** Events that carry a sentence of their own (detail_json: Notice) instead of a status change. */
const NOTICE_KINDS: readonly EventKind[] = ['reminder', 'clearance_wave'];

/** detail_json of a reminder or clearance_wave event. */
export interface Notice {
  message: string;
  date?: string | null;
  source?: string | null;
}

export function maskLast4(caseNumber: string): string {
  const clean = caseNumber.trim();
  return clean.length <= 4 ? '****' : `${'*'.repeat(clean.length - 4)}${clean.slice(-4)}`;
}

function scrub(text: string, caseNumber: string): string {
  if (!caseNumber || caseNumber.length < 5) return text;
  return text.split(caseNumber).join(maskLast4(caseNumber));
}

function parseJson(text: string | null): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

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

export function caseName(c: CaseFacts): string {
  const masked = maskLast4(c.case_number);
  return c.label ? `${scrub(c.label, c.case_number)} (${masked})` : masked;
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

const utc = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/** One line saying what happened, e.g. "Refused → Administrative Processing". */
export function changeLine(p: EventPayload): string {
  const from = p.from?.status ?? null;
  const to = p.to?.status ?? p.interpretation?.state ?? 'unknown';
  switch (p.kind) {
    case 'first_seen':
      return `Now watching: ${to}`;
    case 'status_changed':
      return `${from ?? 'No status'} → ${to}`;
    case 'text_changed':
      return `${to}: the status text changed`;
    case 'last_updated_changed':
      return `${to}: Case Last Updated moved ${p.from?.caseLastUpdated ?? '?'} → ${p.to?.caseLastUpdated ?? '?'}`;
    case 'check_failing':
      return 'Checks are failing';
    case 'check_recovered':
      return 'Checks work again';
    case 'reminder':
      return `Reminder: ${p.notice?.text ?? 'a deadline is near'}`;
    case 'clearance_wave':
      return `Clearance wave: ${p.notice?.text ?? 'many cases like yours cleared'}`;
    default:
      return to;
  }
}

function textBody(p: EventPayload): string {
  const lines = [
    `Case: ${p.case.label ? `${p.case.label} (${p.case.caseNumber})` : p.case.caseNumber}${p.case.location ? `, ${p.case.location}` : ''}`,
  ];
  lines.push(changeLine(p));
  if (p.notice?.source) lines.push('', `Source: ${p.notice.source}`);
  if (p.kind === 'clearance_wave')
    lines.push('', 'This is what happened to other cases; it says nothing certain about yours.');
  if (p.interpretation) {
    lines.push('', p.interpretation.headline, p.interpretation.meaning);
    if (p.interpretation.nextSteps.length)
      lines.push('', 'Next steps:', ...p.interpretation.nextSteps.map((s) => `- ${s}`));
  }
  if (p.health) {
    lines.push(
      '',
      p.kind === 'check_failing'
        ? `Last error: ${p.health.message ?? p.health.outcome ?? 'unknown'}`
        : 'No change is missed: the next check compares with the last status seen.',
    );
  }
  if (p.to) {
    lines.push('');
    if (p.to.caseCreated) lines.push(`Case Created: ${p.to.caseCreated}`);
    if (p.to.caseLastUpdated) lines.push(`Case Last Updated: ${p.to.caseLastUpdated}`);
  }
  lines.push(`Seen: ${utc(p.at)}`);
  if (p.link) lines.push(`Open: ${p.link}`);
  return lines.join('\n');
}

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function htmlBody(p: EventPayload): string {
  const parts = [
    `<p><strong>${esc(changeLine(p))}</strong><br>${esc(p.case.label ?? '')} ${esc(p.case.caseNumber)}</p>`,
  ];
  if (p.interpretation) {
    parts.push(`<p><strong>${esc(p.interpretation.headline)}</strong></p><p>${esc(p.interpretation.meaning)}</p>`);
    if (p.interpretation.nextSteps.length) {
      parts.push(`<p>Next steps:</p><ul>${p.interpretation.nextSteps.map((s) => `<li>${esc(s)}</li>`).join('')}</ul>`);
    }
  }
  if (p.health?.message) parts.push(`<p>${esc(p.health.message)}</p>`);
  const dates = [
    p.to?.caseCreated ? `Case Created: ${esc(p.to.caseCreated)}` : '',
    p.to?.caseLastUpdated ? `Case Last Updated: ${esc(p.to.caseLastUpdated)}` : '',
    `Seen: ${esc(utc(p.at))}`,
  ].filter(Boolean);
  parts.push(`<p>${dates.join('<br>')}</p>`);
  if (p.link) parts.push(`<p><a href="${esc(p.link)}">Open the case</a></p>`);
  return parts.join('\n');
}

const priorityOf = (kind: EventKind): Notification['priority'] =>
  kind === 'status_changed' || kind === 'check_failing' ? 'high' : kind === 'last_updated_changed' ? 'low' : 'default';

/** The notification for one event on one channel. */
export function renderEvent(event: EventFacts, c: CaseFacts, publicUrl: string | null): Notification {
  const p = eventPayload(event, c, publicUrl);
  const payload: WebhookPayload = { version: 1, type: 'event', event: p };
  return {
    idempotencyKey: `ceac-watch-event-${event.id}`,
    title: `${caseName(c)}: ${changeLine(p)}`,
    text: textBody(p),
    html: htmlBody(p),
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
): Notification {
  const payloads = items.map((i) => eventPayload(i.event, i.case, publicUrl));
  const payload: WebhookPayload = { version: 1, type: 'digest', events: payloads };
  const lines = payloads.map(
    (p) =>
      `- ${p.case.label ?? p.case.caseNumber} (${p.case.caseNumber}): ${changeLine(p)}${p.link ? ` ${p.link}` : ''}`,
  );
  return {
    idempotencyKey: key,
    title: `Daily digest: ${payloads.length} "Case Last Updated" change${payloads.length === 1 ? '' : 's'}`,
    text: ['The date moved, the status did not:', ...lines].join('\n'),
    html: `<p>The date moved, the status did not:</p><ul>${lines.map((l) => `<li>${esc(l.slice(2))}</li>`).join('')}</ul>`,
    payload,
    link: null,
    priority: 'low',
    tags: ['calendar'],
  };
}

export function renderTest(channelName: string): Notification {
  const message = `Test notification for channel "${channelName}": ceac-watch can reach you here.`;
  return {
    idempotencyKey: `ceac-watch-test-${Date.now()}`,
    title: 'ceac-watch test notification',
    text: message,
    html: `<p>${esc(message)}</p>`,
    payload: { version: 1, type: 'test', message } satisfies WebhookPayload,
    link: null,
    priority: 'default',
    tags: ['white_check_mark'],
  };
}
