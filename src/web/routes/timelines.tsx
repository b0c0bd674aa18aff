import { Hono } from 'hono';

import type { MessageKey } from '../../i18n/catalog.js';
import { extractTimelines, toStoredTimeline } from '../../timelines/extract.js';
import { ManualTimelineError, parseManualTimeline } from '../../timelines/manual.js';
import { isIsoDate, type Timeline } from '../../timelines/model.js';
import { upsertTimelines } from '../../timelines/repository.js';
import type { AppContext, AppEnv } from '../context.js';
import { t, translator } from '../language.js';
import { localNumber, localWait } from '../local-time.js';
import {
  EMPTY_TIMELINE_FORM,
  type EventRowValues,
  NewTimelinePage,
  type TimelineErrors,
  type TimelineFormValues,
} from '../pages/timelines.js';
import { statsServiceFor } from '../waiting-times.js';
import { requireUserPage } from './account.js';
import { resolveLocation } from './case-form.js';
import { formFields, frame, overLimit } from './forms.js';

const MAX_ROWS = 100;
const MAX_TEXT = 20_000;

/**
 * The source key of a timeline typed in by a person: the same person sending the same timeline
 * again (a double submit, a reload) gets the same key, so it is stored once. Keyed with the
 * server's secret, so the key does not reveal who shared it.
 */
export function manualTimelineKey(c: AppContext, userId: number, t: Timeline): string {
  const content = JSON.stringify([
    t.visaClass,
    t.entry,
    t.route,
    t.post,
    t.startDate,
    t.outcome,
    t.outcomeDate,
    t.events.map((e) => [e.date, e.kind]),
    t.note ?? null,
  ]);
  return c.var.services.sealer.keyedHash(`manual-timeline|${userId}|${content}`).slice(0, 32);
}

const today = (c: AppContext) => new Date(c.var.services.now()).toISOString().slice(0, 10);

/** The form as typed, trimmed; event rows without a date are dropped. */
export function timelineValues(f: Record<string, string>): TimelineFormValues {
  const s = (k: string, max = 100) => (f[k] ?? '').trim().slice(0, max);
  const rows = Math.min(MAX_ROWS, Math.max(0, Number.parseInt(f.rows ?? '0', 10) || 0));
  const events: EventRowValues[] = [];
  for (let i = 0; i < rows; i++) {
    const date = s(`event_date_${i}`);
    if (!date) continue;
    const conf = Number(f[`event_conf_${i}`]);
    events.push({
      date,
      kind: s(`event_kind_${i}`),
      ...(Number.isFinite(conf) &&
        f[`event_conf_${i}`] !== undefined && { confidence: Math.min(1, Math.max(0, conf)) }),
      ...(f[`event_text_${i}`] && { text: s(`event_text_${i}`, 300) }),
    });
  }
  return {
    visaClass: s('visaClass'),
    entry: s('entry'),
    route: s('route'),
    post: s('post'),
    startDate: s('startDate'),
    outcome: s('outcome') || 'pending',
    outcomeDate: s('outcomeDate'),
    note: (f.note ?? '').trim(),
    events,
  };
}

const FIELD_OF: Record<string, string> = {
  visaClass: 'visaClass',
  entry: 'entry',
  route: 'route',
  post: 'post',
  startDate: 'startDate',
  outcome: 'outcome',
  outcomeDate: 'outcomeDate',
  note: 'note',
};

const capital = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}${/[.!?]$/.test(s) ? '' : '.'}`;

/** What each field of the timeline must be, in the page's words (the schema's English is for the API and the CLI). */
const EXPECTED: Readonly<Record<string, MessageKey>> = {
  visaClass: 'cases.expected.visaClass',
  entry: 'cases.expected.choice',
  route: 'cases.expected.choice',
  outcome: 'cases.expected.choice',
  post: 'cases.expected.location',
  startDate: 'cases.timeline.problem.startDate',
  outcomeDate: 'cases.timeline.problem.outcomeDate',
  events: 'cases.timeline.problem.eventDate',
  note: 'cases.timeline.problem.note',
};

/**
 * A problem in the page's words. English says the schema's own sentence; another language says what the field
 * expects. The outcome date has two possible problems: when it is a real date, it can only be before the start.
 */
function problemIn(field: string, message: string, v: TimelineFormValues): string {
  if (translator().language === 'en') return capital(message);
  if (field === 'outcomeDate' && isIsoDate(v.outcomeDate.trim())) return t('cases.timeline.problem.outcomeBeforeStart');
  const key = EXPECTED[field];
  return key ? t(key) : capital(message);
}

/** Validates with `parseManualTimeline`; problems are keyed by form field (`events.N` for a row). */
export function toManualTimeline(v: TimelineFormValues): { timeline: Timeline } | { errors: TimelineErrors } {
  const errors: TimelineErrors = {};
  let post: string | null = null;
  if (v.post) {
    const r = resolveLocation(v.post, translator());
    if ('error' in r) errors.post = r.error;
    else post = r.code;
  }
  v.events.forEach((e, i) => {
    if (!e.kind) errors[`events.${i}`] = t('cases.timeline.problem.chooseEvent');
  });
  try {
    const timeline = parseManualTimeline({
      visaClass: v.visaClass,
      entry: v.entry,
      route: v.route,
      post,
      startDate: v.startDate,
      outcome: v.outcome,
      outcomeDate: v.outcomeDate,
      events: v.events.filter((e) => e.kind).map((e) => ({ date: e.date, kind: e.kind })),
      note: v.note,
    });
    return Object.keys(errors).length ? { errors } : { timeline };
  } catch (err) {
    if (!(err instanceof ManualTimelineError)) throw err;
    // Event indices of the schema count only rows with a kind; map them back to the form's rows.
    const kept = v.events.map((e, i) => (e.kind ? i : -1)).filter((i) => i >= 0);
    for (const p of err.problems) {
      const [head, index] = p.field.split('.');
      const key =
        head === 'events' && index !== undefined
          ? `events.${kept[Number(index)] ?? 0}`
          : (FIELD_OF[head ?? ''] ?? 'form');
      errors[key] ??= problemIn(head ?? '', p.message, v);
    }
    return { errors };
  }
}

export function timelineRoutes() {
  const app = new Hono<AppEnv>();
  app.use('*', requireUserPage());

  const render = (
    c: AppContext,
    p: {
      values?: TimelineFormValues;
      errors?: TimelineErrors;
      extracted?: boolean;
      paste?: { text: string; posted: string; error?: string };
      notice?: string;
    },
    status: 200 | 422 | 429 = 200,
  ) =>
    c.html(
      <NewTimelinePage
        frame={frame(c, t('cases.timeline.heading'), 'stats')}
        values={p.values ?? EMPTY_TIMELINE_FORM}
        errors={p.errors ?? {}}
        extracted={p.extracted ?? false}
        paste={p.paste ?? { text: '', posted: today(c) }}
        notice={p.notice}
      />,
      status,
    );

  const SAVED: Readonly<Record<string, MessageKey>> = {
    '1': 'cases.timeline.saved',
    again: 'cases.timeline.savedAgain',
  };
  app.get('/new', (c) => {
    const saved = SAVED[c.req.query('saved') ?? ''];
    return render(c, { notice: saved ? t(saved) : undefined });
  });

  app.post('/new/extract', async (c) => {
    const f = await formFields(c);
    const text = (f.text ?? '').slice(0, MAX_TEXT + 1);
    const posted = (f.posted ?? '').trim() || today(c);
    const paste = { text: text.slice(0, MAX_TEXT), posted };
    const wait = await overLimit(c, 'timeline-extract', c.var.services.rules.shareTimeline, `user:${c.var.user!.id}`);
    if (wait)
      return render(
        c,
        {
          paste: {
            ...paste,
            error: t('cases.timeline.tooMany', { wait: localWait(wait) }),
          },
        },
        429,
      );
    if (!text.trim()) return render(c, { paste: { ...paste, error: t('cases.timeline.pasteFirst') } }, 422);
    if (text.length > MAX_TEXT)
      return render(
        c,
        {
          paste: {
            ...paste,
            error: t('cases.timeline.tooLong', { max: localNumber(MAX_TEXT) }),
          },
        },
        422,
      );
    if (!isIsoDate(posted))
      return render(c, { paste: { ...paste, error: t('cases.timeline.postedNotDate', { posted }) } }, 422);
    const found = extractTimelines(text, { posted });
    const first = found[0];
    if (!first) {
      return render(
        c,
        {
          paste: {
            ...paste,
            error: t('cases.timeline.nothingFound'),
          },
        },
        422,
      );
    }
    const stored = toStoredTimeline(first, { posted });
    const read = 'timeline' in stored ? stored.timeline : null;
    const values: TimelineFormValues = {
      visaClass: first.visaClass ?? '',
      entry: first.entry ?? '',
      route: first.route ?? '',
      post: first.post ?? '',
      startDate: read?.startDate ?? '',
      outcome: read
        ? read.outcome === 'pending'
          ? 'pending'
          : read.outcome === 'refused'
            ? 'refused'
            : 'issued'
        : 'pending',
      outcomeDate: read?.outcomeDate ?? '',
      note: '',
      events: first.events.map((e) => ({
        date: e.date,
        kind: e.kind,
        confidence: e.confidence,
        text: e.text,
        ...(e.status && { status: e.status }),
      })),
    };
    const errors: TimelineErrors = {};
    if (!read)
      errors.startDate =
        translator().language === 'en'
          ? `We could not tell when the wait started (${'reason' in stored ? stored.reason : 'no start'}): give the 221(g) or refusal date.`
          : t('cases.timeline.noStart');
    return render(c, {
      values,
      errors,
      extracted: true,
      notice: found.length > 1 ? t('cases.timeline.several', { count: found.length }) : undefined,
    });
  });

  // Saves a checked timeline (typed in, or read from a post and confirmed).
  app.post('/', async (c) => {
    const v = timelineValues(await formFields(c));
    const userId = c.var.user!.id;
    const again = (errors: TimelineErrors, status: 422 | 429) =>
      c.html(
        <NewTimelinePage
          frame={frame(c, t('cases.timeline.heading'), 'stats')}
          values={v}
          errors={errors}
          extracted={v.events.some((e) => e.confidence !== undefined)}
          paste={{ text: '', posted: today(c) }}
        />,
        status,
      );
    const wait = await overLimit(c, 'timeline', c.var.services.rules.shareTimeline, `user:${userId}`);
    if (wait)
      return again(
        {
          form: t('cases.timeline.tooManyForm', { wait: localWait(wait) }),
        },
        429,
      );
    const r = toManualTimeline(v);
    if ('errors' in r) return again(r.errors, 422);
    const { store } = c.var.services;
    const report = await upsertTimelines(store.db, [
      { ...r.timeline, sourceKey: manualTimelineKey(c, userId, r.timeline) },
    ]);
    if (report.inserted || report.updated) statsServiceFor(store).invalidate();
    return c.redirect(`/timelines/new?saved=${report.inserted || report.updated ? '1' : 'again'}`, 303);
  });
  return app;
}
