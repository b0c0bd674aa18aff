import { interpret } from '../decode/interpret.js';
import type { MessageKey } from '../i18n/catalog.js';
import { english, type Translator } from '../i18n/translator.js';
import { DEADLINE_KINDS, type DeadlineKind } from '../knowledge/deadlines.js';
import { GUIDANCE } from '../knowledge/guidance.js';
import { locationByCode } from '../knowledge/locations.js';
import type { DecodeContext, Interpretation, Observation } from '../knowledge/types.js';
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
  /** CaseContext as JSON (route, slip, officer, passport): sharpens the meaning when it is decoded again in another language. */
  context_json?: string | null;
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

/** How a message is put into words: the reader's language, and the zone for times when the case has no post. */
export interface RenderOptions {
  t?: Translator;
  /** IANA zone used for "Seen" when the case's post is not known (the channel's zone). Default UTC. */
  timeZone?: string | null;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A YYYY-MM-DD day in the reader's language (the day itself has no zone); anything else as it came. */
export function formatDay(value: string, t: Translator): string {
  const m = ISO_DAY.exec(value);
  if (!m) return value;
  const at = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Intl.DateTimeFormat(t.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(at);
}

/** A moment in the reader's language and a zone, with the zone's name so that the time is never ambiguous. */
export function formatMoment(iso: string, t: Translator, timeZone: string): string {
  const format = (zone: string) =>
    new Intl.DateTimeFormat(t.language, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: zone,
      timeZoneName: 'short',
    }).format(new Date(iso));
  try {
    return format(timeZone);
  } catch {
    // A zone this runtime does not know (it was valid where the channel was saved): UTC is still true.
    return format('UTC');
  }
}

/** The zone for a case's times: its post's, else the given one, else UTC. */
function zoneOf(c: CaseFacts, fallback: string | null | undefined): string {
  return (c.location ? locationByCode(c.location)?.timeZone : undefined) ?? fallback ?? 'UTC';
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The decoded meaning in the reader's language. The stored interpretation is English (the webhook keeps it); for
 * another language the new status is decoded again with what we know of the case, and when that reads the status
 * differently (rules changed since), the stored reading's own guidance is used, so the words never contradict the
 * stored state.
 */
function interpretationIn(
  event: EventFacts,
  c: CaseFacts,
  p: EventPayload,
  t: Translator,
): EventPayload['interpretation'] {
  const stored = p.interpretation;
  if (!stored || t.language === 'en') return stored;
  const observation = parseJson(event.to_json) as Observation | null;
  const cn = c.case_number;
  if (observation) {
    const context = (parseJson(c.context_json ?? null) ?? {}) as DecodeContext;
    const decodeContext: DecodeContext = {
      ...(context.route && { route: context.route }),
      ...(context.slip && { slip: context.slip }),
      ...(context.officer && { officer: context.officer }),
      ...(context.passport && { passport: context.passport }),
      ...(c.app_type === 'NIV' || c.app_type === 'IV' ? { applicationType: c.app_type } : {}),
      ...(p.from?.status && { previous: p.from.status }),
      today: day(event.at),
    };
    const i = interpret(observation, decodeContext, t);
    if (i.variant === stored.variant) {
      return {
        ...stored,
        headline: scrub(i.headline, cn),
        meaning: scrub(i.meaning, cn),
        nextSteps: i.nextSteps.map((s) => scrub(s, cn)),
      };
    }
  }
  const guidance = GUIDANCE[stored.variant] ?? GUIDANCE[stored.state];
  if (!guidance) return stored;
  return {
    ...stored,
    headline: t(guidance.headline),
    meaning: t(guidance.meaning),
    nextSteps: guidance.nextSteps.map(t),
  };
}

/** The deadlines whose source is a catalogue message (the others quote English law or CEAC verbatim). */
const SOURCE_KEYS: Partial<Record<DeadlineKind, MessageKey>> = {
  documents_due_221g: 'source.twelveMonths',
  may_enquire: 'source.wait180',
};

interface NoticeFacts extends Notice {
  kind?: unknown;
  daysBefore?: unknown;
  post?: unknown;
  visaClass?: unknown;
  count?: unknown;
  minWait?: unknown;
  maxWait?: unknown;
  waited?: unknown;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * A reminder's or wave's sentence and source in the reader's language, from the facts stored with it. English, and
 * a notice stored before its facts were, keep the sentence written when it was recorded (the case page's words).
 */
function noticeIn(event: EventFacts, p: EventPayload, t: Translator): { text: string; source: string | null } | null {
  if (!p.notice) return null;
  const english = { text: p.notice.text, source: p.notice.source };
  if (t.language === 'en') return english;
  const n = parseJson(event.detail_json) as NoticeFacts | null;
  if (!n?.date) return english;
  if (event.kind === 'reminder' && (DEADLINE_KINDS as readonly unknown[]).includes(n.kind) && isNumber(n.daysBefore)) {
    const kind = n.kind as DeadlineKind;
    const sourceKey = SOURCE_KEYS[kind];
    return {
      text: t.text('notify.reminder.sentence', {
        title: t.text(`notify.deadline.${kind}`),
        date: formatDay(n.date, t),
        days: n.daysBefore,
      }),
      source: sourceKey ? t.text(sourceKey) : english.source,
    };
  }
  if (event.kind === 'clearance_wave' && isNumber(n.count) && isNumber(n.minWait) && isNumber(n.maxWait)) {
    const post = typeof n.post === 'string' ? (locationByCode(n.post)?.displayName ?? n.post) : '';
    const values = {
      count: n.count,
      post,
      maxWait: n.maxWait,
      waits: n.minWait === n.maxWait ? String(n.minWait) : `${n.minWait}–${n.maxWait}`,
      date: formatDay(n.date, t),
      yours: isNumber(n.waited) ? t.text('notify.wave.yours', { days: n.waited }) : '',
    };
    const text =
      typeof n.visaClass === 'string'
        ? t.text('notify.wave.sentence', { ...values, visaClass: n.visaClass })
        : t.text('notify.wave.sentenceAnyClass', values);
    return { text, source: null };
  }
  return english;
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
