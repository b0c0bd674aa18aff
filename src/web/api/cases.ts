import type { OpenAPIHono } from '@hono/zod-openapi';
import { createRoute, z } from '@hono/zod-openapi';

import type { InputError } from '../../errors.js';
import { ENTRIES, OFFICER_SAID, PASSPORT_STATES, ROUTES, SLIP_COLORS } from '../../knowledge/types.js';
import { EVENT_KINDS, type EventKind } from '../../notify/types.js';
import { CaseInputError, CaseNotFoundError, type CaseView, DuplicateCaseError } from '../../store/cases.js';
import { currentReadings, timelinePage } from '../cases-data.js';
import type { AppContext, AppEnv } from '../context.js';
import { maskPassport } from '../format.js';
import { queryErrors, resolveLocation } from '../routes/case-form.js';
import { overLimit } from '../routes/forms.js';
import { apiError, errorResponses, ErrorSchema, isoDateField, PageQuery } from './common.js';
import { InterpretationSchema, ObservationSchema } from './schemas.js';

const ContextSchema = z
  .object({
    route: z.enum(ROUTES).optional(),
    visaClass: z.string().max(8).optional(),
    entry: z.enum(ENTRIES).optional(),
    slip: z.enum(SLIP_COLORS).optional(),
    officer: z.enum(OFFICER_SAID).optional(),
    passport: z.enum(PASSPORT_STATES).optional(),
    interviewDate: isoDateField('2026-11-02').optional(),
    slipDate: isoDateField('2026-11-02').optional(),
    documentsDate: isoDateField('2026-11-02').optional(),
    keepWatching: z.boolean().optional(),
  })
  .openapi('CaseContext');

const ReadingSchema = z
  .object({ observation: ObservationSchema, interpretation: InterpretationSchema.nullable(), at: z.number().int() })
  .openapi('CaseReading');

const CaseSchema = z
  .object({
    id: z.number().int(),
    app: z.enum(['NIV', 'IV']),
    location: z.string().nullable(),
    caseNumber: z.string(),
    label: z.string().nullable(),
    group: z.string().nullable(),
    context: ContextSchema,
    shareTimeline: z.boolean(),
    watching: z.boolean(),
    passport: z.string().openapi({ description: 'Masked: only the last three characters.', example: '•••••567' }),
    state: z.string().nullable(),
    variant: z.string().nullable(),
    stateSince: z.number().int().nullable(),
    lastSuccessAt: z.number().int().nullable(),
    lastAttemptAt: z.number().int().nullable(),
    nextCheckAt: z.number().int().nullable(),
    failures: z.number().int(),
    current: ReadingSchema.nullable(),
    createdAt: z.number().int(),
    updatedAt: z.number().int(),
  })
  .openapi('Case');

const NewCaseBody = z
  .object({
    app: z.enum(['NIV', 'IV']),
    location: z
      .string()
      .max(80)
      .optional()
      .openapi({ description: 'CEAC code, city or CEAC name: "BMB", "Mumbai", "INDIA, MUMBAI".' }),
    caseNumber: z.string().min(1).max(30),
    passport: z.string().max(30).optional(),
    surname: z.string().max(100).optional(),
    label: z.string().max(80).optional(),
    group: z.string().max(80).optional(),
    context: ContextSchema.optional(),
    shareTimeline: z.boolean().optional(),
  })
  .strict()
  .openapi('NewCase');

const EditCaseBody = z
  .object({
    location: z.string().max(80),
    passport: z.string().max(30),
    surname: z.string().max(100),
    label: z.string().max(80).nullable(),
    group: z.string().max(80).nullable(),
    context: ContextSchema,
    shareTimeline: z.boolean(),
    watching: z.boolean(),
  })
  .partial()
  .strict()
  .openapi('CaseEdit');

const EventSchema = z
  .object({
    id: z.number().int(),
    // Every kind the event log holds: one list (notify/types.ts), so the API never falls behind it.
    kind: z.enum(EVENT_KINDS as readonly [EventKind, ...EventKind[]]),
    at: z.number().int(),
    from: ObservationSchema.nullable(),
    to: ObservationSchema.nullable(),
    interpretation: InterpretationSchema.nullable(),
    detail: z.object({ kind: z.string().optional(), message: z.string().optional() }).loose().nullable(),
  })
  .openapi('CaseEvent');

const IdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
});
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const security: Record<string, string[]>[] = [{ bearer: [] }, { session: [] }];

/** An input error's fields as the API names them (the data model's names): { passport: "…", location: "…" }. */
export function apiFields(err: InputError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of err.fields) {
    const said = f.accepted ? `${f.problem} (one of ${f.accepted.join(', ')})` : f.problem;
    out[f.field] = out[f.field] ? `${out[f.field]}; ${said}` : said;
  }
  return out;
}

async function toApi(c: AppContext, kase: CaseView) {
  const { cases, store } = c.var.services;
  const [readings, secrets] = await Promise.all([
    currentReadings(store.db, [kase.id]),
    kase.hasPassport ? cases.secrets(kase.id) : Promise.resolve({ passport: undefined }),
  ]);
  return apiCase(kase, readings.get(kase.id) ?? null, maskPassport(secrets.passport));
}

function apiCase(
  k: CaseView,
  current: z.infer<typeof ReadingSchema> | null,
  passport: string,
): z.infer<typeof CaseSchema> {
  return {
    id: k.id,
    app: k.app,
    location: k.location,
    caseNumber: k.caseNumber,
    label: k.label,
    group: k.group,
    context: k.context,
    shareTimeline: k.shareTimeline,
    watching: k.watching,
    passport,
    state: k.state,
    variant: k.variant,
    stateSince: k.stateSince,
    lastSuccessAt: k.lastSuccessAt,
    lastAttemptAt: k.lastAttemptAt,
    nextCheckAt: k.nextCheckAt,
    failures: k.failures,
    // The reading as the API documents it (the page's extra fields, such as the observation before, stay out).
    current: current && { observation: current.observation, interpretation: current.interpretation, at: current.at },
    createdAt: k.createdAt,
    updatedAt: k.updatedAt,
  };
}

async function ownCase(c: AppContext, id: number): Promise<CaseView | null> {
  try {
    return await c.var.services.cases.get(id, c.var.user!.id);
  } catch (err) {
    if (err instanceof CaseNotFoundError) return null;
    throw err;
  }
}

const notFound = (c: AppContext) => apiError(c, 404, 'not_found', 'There is no case with this id among yours.');

export function registerCases(api: OpenAPIHono<AppEnv>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/cases',
      summary: 'Your cases, oldest first, a page at a time',
      security,
      request: { query: PageQuery },
      responses: {
        200: json(
          z.object({ items: z.array(CaseSchema), nextCursor: z.string().nullable() }).openapi('CasePage'),
          'A page of cases',
        ),
        401: errorResponses[401],
        422: errorResponses[422],
      },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid('query');
      const after = cursor ? Number(cursor) : 0;
      const all = (await c.var.services.cases.list({ ownerId: c.var.user!.id })).filter((k) => k.id > after);
      const page = all.slice(0, limit);
      const readings = await currentReadings(
        c.var.services.store.db,
        page.map((k) => k.id),
      );
      const items = await Promise.all(
        page.map(async (k) =>
          apiCase(
            k,
            readings.get(k.id) ?? null,
            maskPassport(k.hasPassport ? (await c.var.services.cases.secrets(k.id)).passport : undefined),
          ),
        ),
      );
      const last = page[page.length - 1];
      return c.json({ items, nextCursor: all.length > limit && last ? String(last.id) : null }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/cases',
      summary: 'Watch a case',
      description:
        'NIV cases need `location`, `passport` and `surname` (CEAC asks for them); passport and surname are stored encrypted and only ever returned masked.',
      security,
      request: { body: { content: { 'application/json': { schema: NewCaseBody } }, required: true } },
      responses: {
        201: json(CaseSchema, 'The new case'),
        401: errorResponses[401],
        409: json(ErrorSchema, 'You already watch this case'),
        422: errorResponses[422],
      },
    }),
    async (c) => {
      const b = c.req.valid('json');
      let location: string | undefined;
      if (b.location) {
        const r = resolveLocation(b.location);
        if ('error' in r)
          return apiError(c, 422, 'invalid_input', 'Some fields are not valid: see "fields".', { location: r.error });
        location = r.code;
      }
      const problems = queryErrors({
        app: b.app,
        location,
        caseNumber: b.caseNumber,
        passport: b.passport,
        surname: b.surname,
      });
      if (Object.keys(problems).length)
        return apiError(
          c,
          422,
          'invalid_input',
          'Some fields are not valid: see "fields".',
          problems as Record<string, string>,
        );
      try {
        const added = await c.var.services.cases.add({
          ...b,
          ...(location && { location }),
          ownerId: c.var.user!.id,
          context: b.context ?? {},
          shareTimeline: b.shareTimeline ?? false,
        });
        c.var.services.onCaseAdded?.(added.id);
        return c.json(await toApi(c, added), 201);
      } catch (err) {
        if (err instanceof CaseInputError)
          return apiError(c, 422, 'invalid_input', 'Some fields are not valid: see "fields".', apiFields(err));
        if (err instanceof DuplicateCaseError)
          return apiError(c, 409, 'duplicate', `You already watch this case (id ${err.existingId}).`);
        throw err;
      }
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/cases/{id}',
      summary: 'One of your cases, with its current decoded status',
      security,
      request: { params: IdParam },
      responses: { 200: json(CaseSchema, 'The case'), 401: errorResponses[401], 404: errorResponses[404] },
    }),
    async (c) => {
      const k = await ownCase(c, c.req.valid('param').id);
      return k ? c.json(await toApi(c, k), 200) : notFound(c);
    },
  );

  api.openapi(
    createRoute({
      method: 'patch',
      path: '/cases/{id}',
      summary: 'Change a case',
      description: 'Only the fields sent change; `context` is merged into the current one.',
      security,
      request: { params: IdParam, body: { content: { 'application/json': { schema: EditCaseBody } }, required: true } },
      responses: {
        200: json(CaseSchema, 'The changed case'),
        401: errorResponses[401],
        404: errorResponses[404],
        422: errorResponses[422],
      },
    }),
    async (c) => {
      const k = await ownCase(c, c.req.valid('param').id);
      if (!k) return notFound(c);
      const b = c.req.valid('json');
      const patch = { ...b };
      if (b.location !== undefined) {
        const r = resolveLocation(b.location);
        if ('error' in r)
          return apiError(c, 422, 'invalid_input', 'Some fields are not valid: see "fields".', { location: r.error });
        patch.location = r.code;
      }
      try {
        const edited = await c.var.services.cases.edit(k.id, patch, c.var.user!.id);
        return c.json(await toApi(c, edited), 200);
      } catch (err) {
        if (err instanceof CaseInputError)
          return apiError(c, 422, 'invalid_input', 'Some fields are not valid: see "fields".', apiFields(err));
        throw err;
      }
    },
  );

  api.openapi(
    createRoute({
      method: 'delete',
      path: '/cases/{id}',
      summary: 'Stop watching a case and delete its history',
      security,
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, 401: errorResponses[401], 404: errorResponses[404] },
    }),
    async (c) => {
      const k = await ownCase(c, c.req.valid('param').id);
      if (!k) return notFound(c);
      await c.var.services.cases.remove(k.id, c.var.user!.id);
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/cases/{id}/history',
      summary: "A case's events, newest first, a page at a time",
      security,
      request: { params: IdParam, query: PageQuery },
      responses: {
        200: json(
          z.object({ items: z.array(EventSchema), nextCursor: z.string().nullable() }).openapi('EventPage'),
          'A page of events',
        ),
        401: errorResponses[401],
        404: errorResponses[404],
        422: errorResponses[422],
      },
    }),
    async (c) => {
      const k = await ownCase(c, c.req.valid('param').id);
      if (!k) return notFound(c);
      const { limit, cursor } = c.req.valid('query');
      const before = cursor && /^\d+$/.test(cursor) ? Number(cursor) : null;
      const page = await timelinePage(c.var.services.store.db, k.id, before, limit);
      return c.json(
        {
          items: page.entries,
          nextCursor: page.nextBefore === null ? null : String(page.nextBefore),
        },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/cases/{id}/check',
      summary: 'Check a case on CEAC now',
      description:
        'Runs the check when this server can solve captchas by itself; otherwise the case is made due and 202 says so (a person can type the captcha on the case page).',
      security,
      request: { params: IdParam },
      responses: {
        200: json(
          z.object({ outcome: z.string(), message: z.string(), events: z.number().int() }).openapi('CheckResult'),
          'The check ran',
        ),
        202: json(z.object({ queued: z.literal(true), message: z.string() }), 'The case will be checked soon'),
        401: errorResponses[401],
        404: errorResponses[404],
        429: errorResponses[429],
      },
    }),
    async (c) => {
      const k = await ownCase(c, c.req.valid('param').id);
      if (!k) return notFound(c);
      const wait = await overLimit(c, 'check', c.var.services.rules.checkNow, `user:${c.var.user!.id}`);
      if (wait)
        return apiError(
          c,
          429,
          'rate_limited',
          `Too many checks: wait ${wait} seconds. CEAC blocks clients that ask too often.`,
        );
      const { checker } = c.var.services;
      if (checker?.automatic) return c.json(await checker.check(k.id), 200);
      await c.var.services.cases.makeDue(k.id);
      return c.json(
        {
          queued: true as const,
          message: checker
            ? 'No automatic captcha solver is set up: open the case page to type the captcha, or wait for the scheduled check.'
            : 'The case is due now; a worker will check it shortly.',
        },
        202,
      );
    },
  );
}
