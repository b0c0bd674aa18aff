import { z } from 'zod';

import { parseIsoDate } from '../decode/dates.js';
import { ConflictError, type FieldProblem, InputError, NotFoundError, requiredField } from '../errors.js';
import { findLocation } from '../knowledge/locations.js';
import { ENTRIES, OFFICER_SAID, PASSPORT_STATES, ROUTES, SLIP_COLORS } from '../knowledge/types.js';
import { normaliseVisaClass } from '../knowledge/visa-classes.js';
import type { Store } from './db.js';
import type { Sealer } from './seal.js';
import type { CaseRow, EventKind, EventRow, ObservationRow } from './tables/cases.js';
import { hasControlCharacters, NO_CONTROL_MESSAGE } from './text.js';

/**
 * The case repository: adding, reading, editing and removing watched cases, with personal data
 * sealed on the way in. The same code runs on SQLite and PostgreSQL.
 */

/** What the applicant knows beyond the page (decoder context) and what pooled statistics group by. */
export const CaseContextSchema = z
  .object({
    route: z.enum(ROUTES).optional(),
    // One spelling per class ("F-1" and "f1" are F1), so that groups and filters find every case of it.
    visaClass: z
      .string()
      .transform((v, ctx) => {
        const canonical = normaliseVisaClass(v);
        if (canonical) return canonical;
        ctx.addIssue({ code: 'custom', message: 'a visa class looks like H1B, F1, B1/B2, IR1' });
        return z.NEVER;
      })
      .optional(),
    entry: z.enum(ENTRIES).optional(),
    slip: z.enum(SLIP_COLORS).optional(),
    officer: z.enum(OFFICER_SAID).optional(),
    passport: z.enum(PASSPORT_STATES).optional(),
    /** ISO date of the interview or the dropbox submission. */
    interviewDate: z
      .string()
      .refine((s) => parseIsoDate(s) !== null, 'not a real date: use YYYY-MM-DD, e.g. 2026-11-02')
      .optional(),
    /** ISO date on the 221(g) slip (documents are due 12 months later: knowledge/deadlines.ts). */
    slipDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')
      .optional(),
    /** ISO date the last documents asked for under 221(g) were handed in. */
    documentsDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')
      .optional(),
    /** Keep a heartbeat on Issued beyond 14 days. */
    keepWatching: z.boolean().optional(),
  })
  .strict();
export type CaseContext = z.infer<typeof CaseContextSchema>;

/** A one-line name (label, group): at most 80 characters, no control characters. */
const name80 = () =>
  z
    .string()
    .trim()
    .max(80)
    .refine((s) => !hasControlCharacters(s), NO_CONTROL_MESSAGE);

const upper = (s: string) => s.replace(/[\s-]+/g, '').toUpperCase();

/** A CEAC location code from a code or a post's name ("BMB", "Mumbai", "U.S. Embassy Belgrade"). */
function toLocationCode(value: string, ctx: z.RefinementCtx): string {
  const found = findLocation(value);
  if (found) return found.code;
  ctx.addIssue({
    code: 'custom',
    message: `unknown CEAC location "${value}": use a code such as BMB or a city such as Mumbai`,
  });
  return z.NEVER;
}

export const NewCaseSchema = z.object({
  ownerId: z.number().int().positive().nullable().default(null),
  app: z.enum(['NIV', 'IV'], { message: 'application type must be NIV or IV' }),
  location: z.string().transform(toLocationCode).optional(),
  caseNumber: z
    .string()
    .transform(upper)
    .pipe(
      z
        .string()
        .regex(
          /^[A-Z0-9]{8,20}$/,
          'a case number is 8 to 20 letters and digits, e.g. AA0020AKAX (NIV) or BMB2024123456 (IV)',
        ),
    ),
  passport: z
    .string()
    .transform(upper)
    .pipe(
      z
        .string()
        .regex(/^[A-Z0-9]{2,20}$/, 'a passport number is 2 to 20 letters and digits (NA for applications before 2022)'),
    )
    .optional(),
  surname: z
    .string()
    .trim()
    .toUpperCase()
    .pipe(z.string().min(1, 'the surname is empty').max(100, 'the surname is too long'))
    .optional(),
  label: name80().optional(),
  group: name80().optional(),
  context: CaseContextSchema.default({}),
  shareTimeline: z.boolean().default(false),
});
export type NewCase = z.input<typeof NewCaseSchema>;

/** Fields CEAC's NIV form asks for; checked beside the schema so that every problem is named at once. */
function missingForNiv(input: NewCase): FieldProblem[] {
  if (input.app !== 'NIV') return [];
  return (['location', 'passport', 'surname'] as const)
    .filter((k) => !input[k] || !String(input[k]).trim())
    .map((field) => requiredField(field, 'an NIV case needs it (CEAC asks for it)'));
}

export const CaseEditSchema = z
  .object({
    label: name80().nullable(),
    group: name80().nullable(),
    location: z.string().transform(toLocationCode),
    passport: z
      .string()
      .transform(upper)
      .pipe(
        z
          .string()
          .regex(
            /^[A-Z0-9]{2,20}$/,
            'a passport number is 2 to 20 letters and digits (NA for applications before 2022)',
          ),
      ),
    surname: z.string().trim().toUpperCase().pipe(z.string().min(1).max(100)),
    /** Merged into the case's context: the fields given replace theirs, the others stay. */
    context: CaseContextSchema,
    /** Context fields to remove (a form that shows every field sends the ones left empty here). */
    unsetContext: z.array(CaseContextSchema.keyof()),
    shareTimeline: z.boolean(),
    watching: z.boolean(),
  })
  .partial()
  .strict();
export type CaseEdit = z.input<typeof CaseEditSchema>;

/** A case as the rest of the program sees it: never the sealed values, only whether they are set. */
export interface CaseView {
  id: number;
  ownerId: number | null;
  app: 'NIV' | 'IV';
  location: string | null;
  caseNumber: string;
  label: string | null;
  group: string | null;
  context: CaseContext;
  shareTimeline: boolean;
  watching: boolean;
  hasPassport: boolean;
  hasSurname: boolean;
  state: string | null;
  variant: string | null;
  stateSince: number | null;
  nextCheckAt: number | null;
  /** A code of tracker/schedule-reason.ts (rows from before the codes: an English sentence). */
  scheduleReason: string | null;
  failures: number;
  /** When CEAC said it has no case with these details; automatic checks wait for an edit. Null otherwise. */
  detailsRejectedAt: number | null;
  lastAttemptAt: number | null;
  lastSuccessAt: number | null;
  lastOutcome: string | null;
  failingSince: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface ObservationView {
  id: number;
  status: string | null;
  state: string;
  variant: string;
  caseCreated: string | null;
  caseLastUpdated: string | null;
  post: string | null;
  message: string | null;
  firstSeenAt: number;
  lastSeenAt: number;
  seenCount: number;
}

export interface EventView {
  id: number;
  caseId: number;
  kind: EventKind;
  at: number;
  from: unknown;
  to: unknown;
  interpretation: unknown;
  detail: unknown;
  dedupeKey: string;
}

export interface CaseHistory {
  case: CaseView;
  observations: ObservationView[];
  events: EventView[];
}

/** Invalid input for a case, every problem named by its field; each shell says it in its own words. */
export class CaseInputError extends InputError {
  override name = 'CaseInputError';
}
export class CaseNotFoundError extends NotFoundError {
  override name = 'CaseNotFoundError';
  constructor(readonly caseId: number) {
    super(`there is no case ${String(caseId)}`);
  }
}
export class DuplicateCaseError extends ConflictError {
  override name = 'DuplicateCaseError';
  override readonly code = 'duplicate_case';
  constructor(readonly existingId: number) {
    super(`this case is already watched as case ${existingId}`);
  }
}

/** zod's issues as field problems (an unknown key is a problem of that key; `accepted` lists an enum's values). */
function problems(error: z.ZodError): FieldProblem[] {
  return error.issues.flatMap((i): FieldProblem[] => {
    if (i.code === 'unrecognized_keys')
      return i.keys.map((k) => ({ field: [...i.path, k].join('.'), problem: 'is not a field of a case' }));
    const accepted = i.code === 'invalid_value' ? i.values.map(String) : undefined;
    return [{ field: i.path.join('.') || 'input', problem: i.message, ...(accepted && { accepted }) }];
  });
}

const parseJson = (text: string | null): unknown => (text === null ? null : (JSON.parse(text) as unknown));

export function caseView(row: CaseRow): CaseView {
  return {
    id: row.id,
    ownerId: row.owner_id,
    app: row.app_type,
    location: row.location,
    caseNumber: row.case_number,
    label: row.label,
    group: row.group_name,
    context: JSON.parse(row.context_json) as CaseContext,
    shareTimeline: row.share_timeline === 1,
    watching: row.watching === 1,
    hasPassport: row.passport_sealed !== null,
    hasSurname: row.surname_sealed !== null,
    state: row.state,
    variant: row.variant,
    stateSince: row.state_since,
    nextCheckAt: row.next_check_at,
    scheduleReason: row.schedule_reason,
    failures: row.failures,
    lastAttemptAt: row.last_attempt_at,
    lastSuccessAt: row.last_success_at,
    lastOutcome: row.last_outcome,
    failingSince: row.failing_since,
    detailsRejectedAt: row.details_rejected_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function observationView(row: ObservationRow): ObservationView {
  return {
    id: row.id,
    status: row.status,
    state: row.state,
    variant: row.variant,
    caseCreated: row.case_created,
    caseLastUpdated: row.case_last_updated,
    post: row.post,
    message: row.message,
    firstSeenAt: row.first_seen_at,
    lastSeenAt: row.last_seen_at,
    seenCount: row.seen_count,
  };
}

export function eventView(row: EventRow): EventView {
  return {
    id: row.id,
    caseId: row.case_id,
    kind: row.kind,
    at: row.at,
    from: parseJson(row.from_json),
    to: parseJson(row.to_json),
    interpretation: parseJson(row.interpretation_json),
    detail: parseJson(row.detail_json),
    dedupeKey: row.dedupe_key,
  };
}

export interface CaseRepository {
  add(input: NewCase): Promise<CaseView>;
  /** With `ownerId`, only that owner's case (null = the local user); undefined = any owner. */
  get(id: number, ownerId?: number | null): Promise<CaseView>;
  list(filter?: { ownerId?: number | null; group?: string }): Promise<CaseView[]>;
  edit(id: number, patch: CaseEdit, ownerId?: number | null): Promise<CaseView>;
  /** Deletes the case with its observations, events and attempts; sealed data is erased first. */
  remove(id: number, ownerId?: number | null): Promise<void>;
  history(id: number, ownerId?: number | null): Promise<CaseHistory>;
  /** Unsealed passport and surname, for a check; never logged. */
  secrets(id: number): Promise<{ passport: string | undefined; surname: string | undefined }>;
  /** Makes a case due now (a user's "check now", or after an edit). */
  makeDue(id: number, at?: number): Promise<void>;
}

export function createCaseRepository(store: Store, sealer: Sealer, now: () => number = Date.now): CaseRepository {
  const { db } = store;
  const identity = (app: string, caseNumber: string) => sealer.keyedHash(`${app}|${caseNumber}`);

  async function row(id: number, ownerId?: number | null): Promise<CaseRow> {
    let q = db.selectFrom('cases').selectAll().where('id', '=', id);
    if (ownerId !== undefined)
      q = ownerId === null ? q.where('owner_id', 'is', null) : q.where('owner_id', '=', ownerId);
    const r = await q.executeTakeFirst();
    if (!r) throw new CaseNotFoundError(id);
    return r;
  }

  return {
    async add(input) {
      const parsed = NewCaseSchema.safeParse(input);
      const missing = missingForNiv(input);
      if (!parsed.success || missing.length) {
        const named = parsed.success ? [] : problems(parsed.error);
        const alsoMissing = missing.filter((m) => !named.some((p) => p.field === m.field));
        throw new CaseInputError([...named, ...alsoMissing]);
      }
      const c = parsed.data;
      const hash = identity(c.app, c.caseNumber);
      const existing = await db
        .selectFrom('cases')
        .select('id')
        .where('identity_hash', '=', hash)
        .where((eb) => (c.ownerId === null ? eb('owner_id', 'is', null) : eb('owner_id', '=', c.ownerId)))
        .executeTakeFirst();
      if (existing) throw new DuplicateCaseError(existing.id);
      const t = now();
      const inserted = await db
        .insertInto('cases')
        .values({
          owner_id: c.ownerId,
          label: c.label || null,
          group_name: c.group || null,
          app_type: c.app,
          location: c.location ?? null,
          case_number: c.caseNumber,
          passport_sealed: c.passport ? sealer.seal(c.passport) : null,
          surname_sealed: c.surname ? sealer.seal(c.surname) : null,
          identity_hash: hash,
          context_json: JSON.stringify(c.context),
          share_timeline: c.shareTimeline ? 1 : 0,
          watching: 1,
          next_check_at: t,
          schedule_reason: 'never_checked',
          created_at: t,
          updated_at: t,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return caseView(await row(inserted.id));
    },

    async get(id, ownerId) {
      return caseView(await row(id, ownerId));
    },

    async list(filter = {}) {
      let q = db.selectFrom('cases').selectAll().orderBy('id');
      if (filter.ownerId !== undefined) {
        q = filter.ownerId === null ? q.where('owner_id', 'is', null) : q.where('owner_id', '=', filter.ownerId);
      }
      if (filter.group !== undefined) q = q.where('group_name', '=', filter.group);
      return (await q.execute()).map(caseView);
    },

    async edit(id, patch, ownerId) {
      const parsed = CaseEditSchema.safeParse(patch);
      if (!parsed.success) throw new CaseInputError(problems(parsed.error));
      const p = parsed.data;
      const current = await row(id, ownerId);
      let context: Record<string, unknown> | undefined =
        p.context || p.unsetContext
          ? { ...(JSON.parse(current.context_json) as CaseContext), ...p.context }
          : undefined;
      if (context && p.unsetContext)
        context = Object.fromEntries(Object.entries(context).filter(([k]) => !p.unsetContext!.includes(k as never)));
      const identityChanged = p.location !== undefined || p.passport !== undefined || p.surname !== undefined;
      await db
        .updateTable('cases')
        .set({
          ...(p.label !== undefined && { label: p.label || null }),
          ...(p.group !== undefined && { group_name: p.group || null }),
          ...(p.location !== undefined && { location: p.location }),
          ...(p.passport !== undefined && { passport_sealed: sealer.seal(p.passport) }),
          ...(p.surname !== undefined && { surname_sealed: sealer.seal(p.surname) }),
          ...(context && { context_json: JSON.stringify(context) }),
          ...(p.shareTimeline !== undefined && { share_timeline: p.shareTimeline ? 1 : 0 }),
          ...(p.watching !== undefined && { watching: p.watching ? 1 : 0, next_check_at: p.watching ? now() : null }),
          // New credentials deserve a check at once, and old failures no longer count.
          ...(identityChanged && {
            next_check_at: now(),
            failures: 0,
            schedule_reason: 'details_changed',
            details_rejected_at: null,
          }),
          updated_at: now(),
        })
        .where('id', '=', id)
        .execute();
      return caseView(await row(id));
    },

    async remove(id, ownerId) {
      await row(id, ownerId);
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('cases')
          .set({ passport_sealed: null, surname_sealed: null })
          .where('id', '=', id)
          .execute();
        await trx.deleteFrom('check_attempts').where('case_id', '=', id).execute();
        await trx.deleteFrom('events').where('case_id', '=', id).execute();
        await trx.deleteFrom('observations').where('case_id', '=', id).execute();
        await trx.deleteFrom('cases').where('id', '=', id).execute();
      });
    },

    async history(id, ownerId) {
      const c = await row(id, ownerId);
      const [observations, events] = await Promise.all([
        db.selectFrom('observations').selectAll().where('case_id', '=', id).orderBy('id').execute(),
        db.selectFrom('events').selectAll().where('case_id', '=', id).orderBy('at').orderBy('id').execute(),
      ]);
      return { case: caseView(c), observations: observations.map(observationView), events: events.map(eventView) };
    },

    async secrets(id) {
      const r = await row(id);
      return {
        passport: r.passport_sealed ? sealer.unseal(r.passport_sealed) : undefined,
        surname: r.surname_sealed ? sealer.unseal(r.surname_sealed) : undefined,
      };
    },

    async makeDue(id, at = now()) {
      await db
        .updateTable('cases')
        .set({ next_check_at: at, schedule_reason: 'check_requested' })
        .where('id', '=', id)
        .execute();
    },
  };
}
