/**
 * A timeline typed in by hand (the web form, or JSON): validated with one schema, every problem
 * named in words a person can act on. Free text is kept only in `note`, which the person writes for
 * sharing and every page shows escaped.
 */
import { randomUUID } from 'node:crypto';

import { z } from 'zod';

import { InputError } from '../errors.js';
import { normaliseVisaClass } from '../knowledge/visa-classes.js';
import { EVENT_KINDS, isIsoDate, type Timeline } from './model.js';

const date = (what: string) =>
  z
    .string()
    .trim()
    .refine(isIsoDate, { message: `${what} must be a date as YYYY-MM-DD` });
const blankToNull = (v: unknown) => (v === undefined || (typeof v === 'string' && v.trim() === '') ? null : v);

export const ManualTimelineSchema = z
  .object({
    visaClass: z.preprocess(
      blankToNull,
      // One spelling per class ("F-1" is F1, "h-1b" is H1B, "B-1/B-2" is B1/B2), as every other import stores it.
      // A refinement, then the transform: a refinement's issue does not abort the parse, so the other fields'
      // problems (the outcome date before the start) are still found and said together.
      z
        .string()
        .refine((v) => normaliseVisaClass(v) !== null, { message: 'visa class must look like F1, H1B or B1/B2' })
        .transform((v) => normaliseVisaClass(v) ?? v)
        .nullable(),
    ),
    entry: z.preprocess(
      blankToNull,
      z.enum(['new', 'renewal'], { message: 'entry must be new or renewal' }).nullable(),
    ),
    route: z.preprocess(
      blankToNull,
      z.enum(['dropbox', 'interview'], { message: 'route must be dropbox or interview' }).nullable(),
    ),
    post: z.preprocess(
      blankToNull,
      z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]{3}$/, 'post must be a CEAC location code such as BEJ')
        .nullable(),
    ),
    startDate: date('the start (221(g) or refusal) date'),
    outcome: z.enum(['issued', 'refused', 'pending'], { message: 'outcome must be issued, refused or pending' }),
    outcomeDate: date('the outcome date (or, while pending, the last date you checked)'),
    events: z
      .array(
        z.object({
          date: date('each event date'),
          kind: z.enum(EVENT_KINDS, { message: `event kind must be one of ${EVENT_KINDS.join(', ')}` }),
        }),
      )
      .max(100)
      .default([]),
    note: z.preprocess(
      blankToNull,
      z.string().max(2000, 'the note can be at most 2,000 characters').nullable().default(null),
    ),
  })
  .refine((t) => t.outcomeDate >= t.startDate, {
    message: 'the outcome date is before the start date',
    path: ['outcomeDate'],
  });

export type ManualTimelineInput = z.input<typeof ManualTimelineSchema>;

export class ManualTimelineError extends InputError {
  override name = 'ManualTimelineError';
  constructor(readonly problems: { field: string; message: string }[]) {
    super(
      problems.map((p) => ({ field: p.field, problem: p.message })),
      `the timeline cannot be saved: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
    );
  }
}

/**
 * Validates a hand-entered timeline. Its key is a random placeholder: the caller that knows who
 * shared it replaces it with a stable key (the web form uses a keyed hash of user and content, so a
 * double submit counts once).
 */
export function parseManualTimeline(input: unknown): Timeline {
  const parsed = ManualTimelineSchema.safeParse(input);
  if (!parsed.success) {
    throw new ManualTimelineError(
      parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'timeline', message: i.message })),
    );
  }
  const t = parsed.data;
  return {
    source: 'manual',
    sourceKey: randomUUID(),
    visaClass: t.visaClass,
    entry: t.entry,
    route: t.route,
    post: t.post,
    startDate: t.startDate,
    outcome: t.outcome,
    outcomeDate: t.outcomeDate,
    events: t.events.map((e) => ({ date: e.date, kind: e.kind })),
    note: t.note,
  };
}
