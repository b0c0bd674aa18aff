/**
 * The parts of a notification that depend on the reader's language: dates and times through Intl, the decoded
 * meaning decoded again in that language, and reminders and wave notices told from their stored facts. English
 * and anything stored without its facts keep the words written when the event was recorded.
 */
import { interpret } from '../decode/interpret.js';
import type { MessageKey } from '../i18n/catalog.js';
import type { Translator } from '../i18n/translator.js';
import { DEADLINE_KINDS, type DeadlineKind } from '../knowledge/deadlines.js';
import { GUIDANCE } from '../knowledge/guidance.js';
import { locationByCode } from '../knowledge/locations.js';
import type { DecodeContext, Observation } from '../knowledge/types.js';
import { type CaseFacts, type EventFacts, type Notice, parseJson, scrub } from './facts.js';
import type { EventPayload } from './payload.js';

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
export function zoneOf(c: CaseFacts, fallback: string | null | undefined): string {
  return (c.location ? locationByCode(c.location)?.timeZone : undefined) ?? fallback ?? 'UTC';
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The decoded meaning in the reader's language. The stored interpretation is English (the webhook keeps it); for
 * another language the new status is decoded again with what we know of the case, and when that reads the status
 * differently (rules changed since), the stored reading's own guidance is used, so the words never contradict the
 * stored state.
 */
export function interpretationIn(
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
export function noticeIn(
  event: EventFacts,
  p: EventPayload,
  t: Translator,
): { text: string; source: string | null } | null {
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
