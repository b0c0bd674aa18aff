import type { OpenAPIHono } from '@hono/zod-openapi';
import { createRoute, z } from '@hono/zod-openapi';

import { explain } from '../../decode/index.js';
import { searchLocations } from '../../knowledge/locations.js';
import type { AppEnv } from '../context.js';
import { overLimit } from '../routes/forms.js';
import { apiError, errorResponses, readJsonBody } from './common.js';
import { ExplainRequestSchema, ExplainResultSchema } from './schemas.js';

const LocationSchema = z
  .object({ code: z.string(), name: z.string(), displayName: z.string(), country: z.string(), timeZone: z.string() })
  .openapi('Location');

export function registerExplain(api: OpenAPIHono<AppEnv>): void {
  api.openapi(
    createRoute({
      method: 'post',
      middleware: readJsonBody,
      path: '/explain',
      summary: 'Decode a CEAC status (no account needed)',
      description:
        'The answer has exactly the shape of `ceac explain --json`: what the text shows (`observation`) and what it means (`interpretation`). `text` may be pasted text, a status word, or a saved CEAC page.',
      request: { body: { content: { 'application/json': { schema: ExplainRequestSchema } }, required: true } },
      responses: {
        200: { description: 'The decoded status', content: { 'application/json': { schema: ExplainResultSchema } } },
        422: errorResponses[422],
        429: errorResponses[429],
      },
    }),
    async (c) => {
      const wait = await overLimit(c, 'explain', c.var.services.rules.explain);
      if (wait) return apiError(c, 429, 'rate_limited', `Too many requests: wait ${wait} seconds.`);
      const { text, context } = c.req.valid('json');
      return c.json(explain(text, context ?? {}), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/locations',
      summary: 'Find CEAC posts by code, city or name (no account needed)',
      request: { query: z.object({ q: z.string().min(1).max(80).openapi({ example: 'Mumbai' }) }) },
      responses: {
        200: {
          description: 'Matching posts, best first',
          content: { 'application/json': { schema: z.object({ items: z.array(LocationSchema) }) } },
        },
        422: errorResponses[422],
      },
    }),
    (c) => {
      const items = searchLocations(c.req.valid('query').q, 10).map((l) => ({
        code: l.code,
        name: l.name,
        displayName: l.displayName,
        country: l.country,
        timeZone: l.timeZone,
      }));
      return c.json({ items }, 200);
    },
  );
}
