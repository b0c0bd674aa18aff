import type { Hook } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';

import { parseIsoDate } from '../../decode/dates.js';
import { AppError } from '../../errors.js';
import type { AppContext, AppEnv } from '../context.js';

/** The one error shape of the API: a stable code, a sentence for people, and per-field messages. */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'invalid_input' }),
      message: z.string().openapi({ example: 'Some fields are not valid: see "fields".' }),
      fields: z
        .record(z.string(), z.string())
        .optional()
        .openapi({ example: { caseNumber: 'A case number is 10 characters, like AA0012AB34.' } }),
    }),
  })
  .openapi('Error');

export type ApiError = z.infer<typeof ErrorSchema>;

export function apiError<S extends 400 | 401 | 403 | 404 | 409 | 410 | 422 | 429 | 500 | 502 | 503>(
  c: AppContext,
  status: S,
  code: string,
  message: string,
  fields?: Record<string, string>,
) {
  const body: ApiError = { error: fields ? { code, message, fields } : { code, message } };
  return c.json(body, status);
}

export const errorResponses = {
  401: {
    description: 'Not signed in: send `Authorization: Bearer <token>`, or a session cookie.',
    content: { 'application/json': { schema: ErrorSchema } },
  },
  404: { description: 'No such thing of yours.', content: { 'application/json': { schema: ErrorSchema } } },
  422: {
    description: 'The input is not valid; `fields` says what to fix.',
    content: { 'application/json': { schema: ErrorSchema } },
  },
  429: {
    description: 'Too many requests; wait `Retry-After` seconds.',
    content: { 'application/json': { schema: ErrorSchema } },
  },
} as const;

/** zod errors become field-level messages: "caseNumber" -> "…", nested paths joined with dots. */
export function fieldsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const key = i.path.map(String).join('.') || '_';
    out[key] ??= i.message;
  }
  return out;
}

export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result, c) => {
  if (!result.success) {
    return apiError(
      c as AppContext,
      422,
      'invalid_input',
      'Some fields are not valid: see "fields".',
      fieldsOf(result.error.issues),
    );
  }
  return undefined;
};

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).openapi({ description: 'Items per page (1–200).' }),
  // A whole number below 2^53 (ids and times): anything else would overflow the database's integers.
  cursor: z
    .string()
    .regex(/^\d{1,15}$/, 'Use the `nextCursor` of the previous page.')
    .optional()
    .openapi({ description: 'The `nextCursor` of the previous page.' }),
});

export function pageOf<T>(items: T[], limit: number, cursorOf: (item: T) => string) {
  const more = items.length > limit;
  const page = more ? items.slice(0, limit) : items;
  const last = page[page.length - 1];
  return { items: page, nextCursor: more && last !== undefined ? cursorOf(last) : null };
}

/** A date typed as YYYY-MM-DD that is a real day (the one date parser, decode/dates.ts). */
export function isoDateField(example: string) {
  return z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Use a date like ${example}.`)
    .refine((s) => parseIsoDate(s) !== null, `Not a real date: use one like ${example}.`);
}

/** A body sent as JSON that does not parse: the caller's mistake (400), told apart by its class. */
export class MalformedJsonBody extends AppError {
  override name = 'MalformedJsonBody';
  override readonly code = 'bad_request';
}

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

/**
 * The `middleware` of every route that takes a JSON body: parses it before the route's validator does
 * (Hono keeps the body's text, so it is read once), so that a body that does not parse is our
 * MalformedJsonBody, where the framework would throw an HTTPException that says what went wrong only
 * in its message. Per route, not per app: routes without a body accept a request that declares JSON
 * and sends nothing.
 */
export const readJsonBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  const mediaType = (c.req.header('content-type') ?? '').split(';')[0]!.trim();
  if (JSON_MEDIA_TYPE.test(mediaType) && c.req.method !== 'GET' && c.req.method !== 'HEAD') {
    try {
      await c.req.json();
    } catch {
      throw new MalformedJsonBody('The request body is not valid JSON.');
    }
  }
  await next();
};
