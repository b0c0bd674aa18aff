import type { OpenAPIHono } from '@hono/zod-openapi';
import { createRoute, z } from '@hono/zod-openapi';

import type { AppEnv } from '../context.js';
import { errorResponses } from './common.js';

const MeSchema = z.object({ id: z.number().int(), email: z.string(), createdAt: z.number().int() }).openapi('Me');

export function registerMe(api: OpenAPIHono<AppEnv>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/me',
      summary: 'Who the token or session belongs to',
      security: [{ bearer: [] }, { session: [] }],
      responses: {
        200: { description: 'The account', content: { 'application/json': { schema: MeSchema } } },
        401: errorResponses[401],
      },
    }),
    (c) => {
      const u = c.var.user!;
      return c.json({ id: u.id, email: u.email, createdAt: u.createdAt }, 200);
    },
  );
}
