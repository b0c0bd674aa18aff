import { z } from 'zod';

import { LANGUAGES } from '../i18n/languages.js';
import { EVENT_KINDS } from './types.js';

/**
 * The webhook body, version 1. This zod schema is the definition; `webhookPayloadJsonSchema()` is
 * the same as JSON Schema (printed by `ceac notify schema`). Receivers should check
 * `X-Ceac-Signature` (sha256=HMAC-SHA256 of the raw body with the channel secret) and drop a repeated
 * `Idempotency-Key`.
 */
const StatusSnapshot = z
  .object({
    status: z.string().nullable().describe('the status word as CEAC shows it, e.g. "Administrative Processing"'),
    caseCreated: z.string().nullable().describe('YYYY-MM-DD'),
    caseLastUpdated: z.string().nullable().describe('YYYY-MM-DD'),
    post: z.string().nullable(),
    message: z.string().nullable().describe('the status paragraph'),
  })
  .describe('what the CEAC page showed');

export const EventPayload = z.object({
  id: z.number().int().describe('event id; stable: the same event is always the same id'),
  kind: z.enum(EVENT_KINDS as [string, ...string[]]),
  at: z.string().describe('when the change was seen, ISO 8601 UTC'),
  case: z.object({
    id: z.number().int(),
    label: z.string().nullable(),
    group: z.string().nullable(),
    caseNumber: z.string().describe('masked: only the last 4 characters are shown, e.g. "******1234"'),
    appType: z.string().nullable().describe('NIV or IV'),
    location: z.string().nullable().describe('CEAC location code, e.g. BMB'),
  }),
  from: StatusSnapshot.nullable(),
  to: StatusSnapshot.nullable(),
  interpretation: z
    .object({
      state: z.string(),
      variant: z.string(),
      finality: z.string(),
      confidence: z.number(),
      headline: z.string(),
      meaning: z.string(),
      nextSteps: z.array(z.string()),
    })
    .nullable()
    .describe("ceac-watch's reading of the new status; null for health events"),
  health: z
    .object({ outcome: z.string().nullable(), message: z.string().nullable(), failures: z.number().nullable() })
    .nullable()
    .describe('for check_failing / check_recovered: what failed'),
  notice: z
    .object({
      text: z.string().describe('the sentence people read, e.g. "221(g) documents due: 2026-03-04 (in 7 days); …"'),
      date: z.string().nullable().describe('YYYY-MM-DD the notice is about (the deadline, or the wave day)'),
      source: z.string().nullable().describe('where the rule comes from (reminders)'),
    })
    .optional()
    .describe('for reminder / clearance_wave only'),
  link: z.string().nullable().describe('the case page, when the instance has a public URL'),
});
export type EventPayload = z.infer<typeof EventPayload>;

/**
 * The words people read, beside the machine fields: every other field keeps its English text and stable ids
 * (interpretation.headline and notice.text too), while `text` is the whole message in the language of the
 * channel's owner (`lang`), with CEAC's own status text verbatim in English inside it.
 */
const Words = {
  lang: z.enum(LANGUAGES).describe("the language of `text`: the channel owner's (en when the channel has no account)"),
  text: z.string().describe('the message as people read it (the e-mail body), in `lang`'),
};

export const WebhookPayload = z.discriminatedUnion('type', [
  z.object({ version: z.literal(1), type: z.literal('event'), ...Words, event: EventPayload }),
  z.object({
    version: z.literal(1),
    type: z.literal('digest'),
    ...Words,
    events: z.array(EventPayload).describe('"Case Last Updated" changes collected for the daily digest'),
  }),
  z.object({
    version: z.literal(1),
    type: z.literal('test'),
    message: z.string().describe('always English'),
    ...Words,
  }),
]);
export type WebhookPayload = z.infer<typeof WebhookPayload>;

export function webhookPayloadJsonSchema(): unknown {
  return z.toJSONSchema(WebhookPayload, { target: 'draft-2020-12' });
}
