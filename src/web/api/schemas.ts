import { z } from '@hono/zod-openapi';

import { OFFICER_SAID, PASSPORT_STATES, ROUTES, SLIP_COLORS, STATES } from '../../knowledge/types.js';
import { isoDateField } from './common.js';

/** zod mirrors of the shared vocabulary (src/knowledge/types.ts), for input checks and the OpenAPI document. */

export const DecodeContextSchema = z
  .object({
    route: z.enum(ROUTES).optional(),
    slip: z.enum(SLIP_COLORS).optional(),
    officer: z.enum(OFFICER_SAID).optional(),
    passport: z.enum(PASSPORT_STATES).optional(),
    since: isoDateField('2026-11-02').optional(),
    previous: z.string().max(60).optional(),
    today: isoDateField('2026-11-26').optional(),
    applicationType: z.enum(['NIV', 'IV']).optional(),
  })
  .strict()
  .openapi('DecodeContext');

export const ObservationSchema = z
  .object({
    status: z.string().nullable(),
    caseNumber: z.string().nullable(),
    caseCreated: z.string().nullable(),
    caseLastUpdated: z.string().nullable(),
    post: z.string().nullable(),
    message: z.string().nullable(),
  })
  .openapi('Observation');

export const InterpretationSchema = z
  .object({
    state: z.enum(STATES),
    variant: z.string(),
    finality: z.enum(['in_progress', 'final_positive', 'final_negative', 'uncertain']),
    confidence: z.number().min(0).max(1),
    headline: z.string(),
    meaning: z.string(),
    nextSteps: z.array(z.string()),
    watchFor: z.array(z.string()),
    sources: z.array(z.string()),
    notes: z.array(z.string()),
  })
  .openapi('Interpretation');

export const ExplainRequestSchema = z
  .object({
    text: z
      .string()
      .min(1, 'Paste the status text (or the status word) to explain.')
      .max(200_000, 'That is too long: paste only the status part of the page.'),
    context: DecodeContextSchema.optional(),
  })
  .openapi('ExplainRequest');

export const ExplainResultSchema = z
  .object({ observation: ObservationSchema, interpretation: InterpretationSchema })
  .openapi('ExplainResult');
