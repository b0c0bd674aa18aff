import type { OpenAPIHono } from '@hono/zod-openapi';
import { createRoute, z } from '@hono/zod-openapi';

import { locationByCode } from '../../knowledge/locations.js';
import type { Observation, State } from '../../knowledge/types.js';
import type { CaseView } from '../../store/cases.js';
import { forumLine, type ForumStep } from '../../timelines/forum-line.js';
import type { AppContext, AppEnv } from '../context.js';
import { isoDate } from '../format.js';
import { overLimit } from '../routes/forms.js';
import { apiError, errorResponses, ErrorSchema, readJsonBody } from './common.js';

/**
 * What the person saw on the CEAC page themselves (the browser extension's "Save this check"),
 * recorded like a check of ours. Only what the page shows: never a passport number or a surname
 * (the body is strict, so a client that sends them is told so).
 */

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-11-02.')
  .nullable();

const CaseNumber = z
  .string()
  .min(4)
  .max(30)
  .regex(/^[A-Za-z0-9 ]+$/, 'A case number has letters and digits only, like AA0012AB34.')
  .openapi({ example: 'AA0012AB34' });

const SeenObservationBody = z
  .object({
    caseNumber: CaseNumber,
    status: z.string().min(1).max(100).openapi({ example: 'Refused' }),
    caseCreated: isoDay,
    caseLastUpdated: isoDay,
    post: z.string().max(200).nullable().default(null),
    message: z.string().max(5_000).nullable(),
  })
  .strict()
  .openapi('SeenObservation');

const RecordedSchema = z
  .object({
    caseId: z.number().int(),
    recorded: z.boolean().openapi({ description: 'A new observation was stored (false: the same answer again).' }),
    observationId: z.number().int(),
    seenCount: z.number().int(),
    events: z.array(z.object({ id: z.number().int(), kind: z.string() })),
  })
  .openapi('RecordedObservation');

const NoCaseSchema = ErrorSchema.extend({
  addCase: z.string().openapi({ description: 'The path of the add-case page, with the case number filled in.' }),
}).openapi('NoMatchingCase');

const ForumLineBody = z.object({ caseNumber: CaseNumber }).strict().openapi('ForumLineRequest');

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const security: Record<string, string[]>[] = [{ bearer: [] }, { session: [] }];

const normalise = (n: string) => n.replace(/\s+/g, '').toUpperCase();

async function caseByNumber(c: AppContext, caseNumber: string): Promise<CaseView | null> {
  const wanted = normalise(caseNumber);
  const mine = await c.var.services.cases.list({ ownerId: c.var.user!.id });
  return mine.find((k) => normalise(k.caseNumber) === wanted) ?? null;
}

function noCase(c: AppContext, caseNumber: string) {
  const addCase = `/cases/new?caseNumber=${encodeURIComponent(normalise(caseNumber))}`;
  return c.json(
    {
      error: {
        code: 'case_not_found',
        message: 'None of your cases has this case number. Add the case first, then save the check again.',
      },
      addCase,
    },
    404,
  );
}

export function registerObservations(api: OpenAPIHono<AppEnv>): void {
  api.openapi(
    createRoute({
      method: 'post',
      middleware: readJsonBody,
      path: '/observations',
      summary: 'Record a status you saw on CEAC yourself',
      description:
        'The case is found among yours by its case number. The observation goes through the same change detection, events and notifications as a check of ours; the same answer sent again records nothing new. Send only what the page shows: no passport number, no surname.',
      security,
      request: { body: { content: { 'application/json': { schema: SeenObservationBody } }, required: true } },
      responses: {
        200: json(RecordedSchema, 'Recorded (or already known)'),
        401: errorResponses[401],
        404: json(NoCaseSchema, 'None of your cases has this case number (`addCase` is where to add it)'),
        422: errorResponses[422],
        429: errorResponses[429],
      },
    }),
    async (c) => {
      // Its own bucket: saving what the person saw costs CEAC nothing, but each save is a transaction.
      const wait = await overLimit(c, 'observe', c.var.services.rules.checkNow, `user:${c.var.user!.id}`);
      if (wait) return apiError(c, 429, 'rate_limited', `Too many saves: wait ${String(wait)} seconds.`);
      const b = c.req.valid('json');
      const kase = await caseByNumber(c, b.caseNumber);
      if (!kase) return noCase(c, b.caseNumber);
      const observation: Observation = {
        status: b.status,
        caseNumber: null,
        caseCreated: b.caseCreated,
        caseLastUpdated: b.caseLastUpdated,
        post: b.post,
        message: b.message,
      };
      const report = await c.var.services.recordObservation(kase.id, observation);
      // A successful check always leaves an observation (new, or the same one seen again).
      const o = report.observation!;
      return c.json(
        {
          caseId: kase.id,
          recorded: o.seenCount === 1,
          observationId: o.id,
          seenCount: o.seenCount,
          events: report.events.map((e) => ({ id: e.id, kind: e.kind })),
        },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      middleware: readJsonBody,
      path: '/forum-line',
      summary: "A case's anonymised timeline, in the style people post on forums",
      description:
        'For example "Interview: 2025-10-02 · Refused (221g): 2025-10-02 · Issued: 2025-11-14 · Post: Mumbai · F1": no case number, no names. The case is found among yours by its case number (sent in the body, not the URL).',
      security,
      request: { body: { content: { 'application/json': { schema: ForumLineBody } }, required: true } },
      responses: {
        200: json(z.object({ text: z.string(), caseId: z.number().int() }).openapi('ForumLine'), 'The line'),
        401: errorResponses[401],
        404: json(NoCaseSchema, 'None of your cases has this case number'),
        422: errorResponses[422],
      },
    }),
    async (c) => {
      const { caseNumber } = c.req.valid('json');
      const kase = await caseByNumber(c, caseNumber);
      if (!kase) return noCase(c, caseNumber);
      const rows = await c.var.services.store.db
        .selectFrom('events')
        .select(['kind', 'at', 'to_json', 'interpretation_json'])
        .where('case_id', '=', kase.id)
        .where('kind', 'in', ['first_seen', 'status_changed', 'text_changed'])
        .orderBy('at')
        .orderBy('id')
        .execute();
      let post: string | null = kase.location
        ? (locationByCode(kase.location)?.displayName.split(',')[0] ?? null)
        : null;
      const steps: ForumStep[] = [];
      for (const r of rows) {
        if (!r.to_json || !r.interpretation_json) continue;
        const to = JSON.parse(r.to_json) as Observation;
        const i = JSON.parse(r.interpretation_json) as { state: State; variant: string };
        post ??= to.post;
        steps.push({ state: i.state, variant: i.variant, date: to.caseLastUpdated ?? isoDate(r.at) });
      }
      const text = forumLine({
        interviewDate: kase.context.interviewDate ?? null,
        steps,
        post,
        visaClass: kase.context.visaClass ?? null,
      });
      return c.json({ text, caseId: kase.id }, 200);
    },
  );
}
