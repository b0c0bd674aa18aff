import { Hono } from 'hono';

import { extractTimelines, toStoredTimeline } from '../../timelines/extract.js';
import { ManualTimelineError, parseManualTimeline } from '../../timelines/manual.js';
import { isIsoDate, type Timeline } from '../../timelines/model.js';
import { upsertTimelines } from '../../timelines/repository.js';
import type { AppContext, AppEnv } from '../context.js';
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
import { formFields, frame, overLimit, waitText } from './forms.js';

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

/** Validates with `parseManualTimeline`; problems are keyed by form field (`events.N` for a row). */
export function toManualTimeline(v: TimelineFormValues): { timeline: Timeline } | { errors: TimelineErrors } {
  const errors: TimelineErrors = {};
  let post: string | null = null;
  if (v.post) {
    const r = resolveLocation(v.post);
    if ('error' in r) errors.post = r.error;
    else post = r.code;
  }
  v.events.forEach((e, i) => {
    if (!e.kind) errors[`events.${i}`] = 'Choose what happened on this date (or clear the date to drop the line).';
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
      errors[key] ??= capital(p.message);
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
        frame={frame(c, 'Share your timeline', 'stats')}
        values={p.values ?? EMPTY_TIMELINE_FORM}
        errors={p.errors ?? {}}
        extracted={p.extracted ?? false}
        paste={p.paste ?? { text: '', posted: today(c) }}
        notice={p.notice}
      />,
      status,
    );

  const SAVED: Record<string, string> = {
    '1': 'Thank you: your timeline is saved and counts in the waiting times from now on.',
    again: 'This timeline was already saved: it counts once in the waiting times.',
  };
  app.get('/new', (c) => render(c, { notice: SAVED[c.req.query('saved') ?? ''] }));

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
            error: `Too many timelines from your account just now. Wait ${waitText(wait)} and try again.`,
          },
        },
        429,
      );
    if (!text.trim()) return render(c, { paste: { ...paste, error: 'Paste the text of your timeline first.' } }, 422);
    if (text.length > MAX_TEXT)
      return render(
        c,
        {
          paste: {
            ...paste,
            error: `The text is too long: paste at most ${MAX_TEXT.toLocaleString('en')} characters (one timeline).`,
          },
        },
        422,
      );
    if (!isIsoDate(posted))
      return render(
        c,
        { paste: { ...paste, error: `“${posted}” is not a date: give the day you wrote the text as YYYY-MM-DD.` } },
        422,
      );
    const found = extractTimelines(text, { posted });
    const first = found[0];
    if (!first) {
      return render(
        c,
        {
          paste: {
            ...paste,
            error:
              'We found no dated visa events in this text. Write one event per line with its date (e.g. “Oct 21 – refused, 221g”), or type your timeline in the form below.',
          },
        },
        422,
      );
    }
    const stored = toStoredTimeline(first, { posted });
    const t = 'timeline' in stored ? stored.timeline : null;
    const values: TimelineFormValues = {
      visaClass: first.visaClass ?? '',
      entry: first.entry ?? '',
      route: first.route ?? '',
      post: first.post ?? '',
      startDate: t?.startDate ?? '',
      outcome: t ? (t.outcome === 'pending' ? 'pending' : t.outcome === 'refused' ? 'refused' : 'issued') : 'pending',
      outcomeDate: t?.outcomeDate ?? '',
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
    if (!t)
      errors.startDate = `We could not tell when the wait started (${'reason' in stored ? stored.reason : 'no start'}): give the 221(g) or refusal date.`;
    return render(c, {
      values,
      errors,
      extracted: true,
      notice:
        found.length > 1
          ? `The text holds ${found.length} timelines; this is the first. Save it, then paste the others one at a time.`
          : undefined,
    });
  });

  // Saves a checked timeline (typed in, or read from a post and confirmed).
  app.post('/', async (c) => {
    const v = timelineValues(await formFields(c));
    const userId = c.var.user!.id;
    const again = (errors: TimelineErrors, status: 422 | 429) =>
      c.html(
        <NewTimelinePage
          frame={frame(c, 'Share your timeline', 'stats')}
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
          form: `Too many timelines from your account just now: this one was not saved. Wait ${waitText(wait)} and send it again (what you typed is kept below).`,
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
