import type { OpenAPIHono } from '@hono/zod-openapi';
import { createRoute, z } from '@hono/zod-openapi';

import {
  addChannel,
  ChannelError,
  EVENT_KINDS,
  type EventKind,
  listChannels,
  removeChannel,
  testChannel,
} from '../../notify/index.js';
import type { AppEnv } from '../context.js';
import { overLimit } from '../routes/forms.js';
import { apiError, errorResponses, readJsonBody } from './common.js';

const EventKindSchema = z.enum(EVENT_KINDS as unknown as [EventKind, ...EventKind[]]);

const ChannelSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    kind: z.string(),
    url: z.string().openapi({ description: 'With its secrets masked.' }),
    events: z.array(EventKindSchema),
    quiet: z.string().nullable().openapi({ example: '22:00-07:00' }),
    timeZone: z.string(),
    enabled: z.boolean(),
    createdAt: z.number().int(),
    deliveries: z.object({ pending: z.number().int(), sent: z.number().int(), failed: z.number().int() }),
    lastError: z.string().nullable(),
    lastSentAt: z.number().int().nullable(),
  })
  .openapi('Channel');

const NewChannelBody = z
  .object({
    url: z.string().min(1).max(2000).openapi({
      example: 'jsons://example.com/hook',
      description: 'Apprise-style: mailto://, json(s)://, ntfy(s)://, tgram://',
    }),
    name: z.string().max(64).optional(),
    events: z.array(EventKindSchema).optional(),
    quiet: z
      .string()
      .regex(/^\d{2}:\d{2}-\d{2}:\d{2}$/, 'Quiet hours look like 22:00-07:00.')
      .nullable()
      .optional(),
    timeZone: z.string().max(64).optional(),
  })
  .strict()
  .openapi('NewChannel');

const IdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
});
const security: Record<string, string[]>[] = [{ bearer: [] }, { session: [] }];
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

type View = Awaited<ReturnType<typeof listChannels>>[number];
const toApi = (v: View): z.infer<typeof ChannelSchema> => ({
  id: v.id,
  name: v.name,
  kind: v.kind,
  url: v.url,
  events: v.events,
  quiet: v.quiet,
  timeZone: v.timeZone,
  enabled: v.enabled,
  createdAt: v.createdAt,
  deliveries: v.deliveries,
  lastError: v.lastError,
  lastSentAt: v.lastSentAt,
});

export function registerChannels(api: OpenAPIHono<AppEnv>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/channels',
      summary: 'Your notification channels (masked)',
      security,
      responses: {
        200: json(
          z.object({ items: z.array(ChannelSchema), nextCursor: z.string().nullable() }).openapi('ChannelPage'),
          'All your channels',
        ),
        401: errorResponses[401],
      },
    }),
    async (c) => {
      const items = (await listChannels(c.var.services.store.db, c.var.user!.id)).map(toApi);
      return c.json({ items, nextCursor: null }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      middleware: readJsonBody,
      path: '/channels',
      summary: 'Add a notification channel',
      description:
        'The URL is checked (syntax, and that it does not point into private networks) and stored encrypted. A webhook without a secret gets one, returned once as `generatedSecret`.',
      security,
      request: { body: { content: { 'application/json': { schema: NewChannelBody } }, required: true } },
      responses: {
        201: json(
          z.object({ channel: ChannelSchema, generatedSecret: z.string().nullable() }).openapi('NewChannelResult'),
          'The channel',
        ),
        401: errorResponses[401],
        422: errorResponses[422],
      },
    }),
    async (c) => {
      const b = c.req.valid('json');
      const { services } = c.var;
      try {
        const [start, end] = b.quiet ? b.quiet.split('-') : [];
        const added = await addChannel(
          services.store.db,
          services.sealer,
          c.var.user!.id,
          b.url,
          {
            ...(b.name && { name: b.name }),
            ...(b.events && { events: b.events }),
            quiet: start && end ? { start, end } : null,
            timeZone: b.timeZone ?? 'UTC',
          },
          { allowPrivateTargets: services.notify.allowPrivateTargets },
        );
        return c.json({ channel: toApi(added.channel), generatedSecret: added.generatedSecret }, 201);
      } catch (err) {
        if (!(err instanceof ChannelError)) throw err;
        return apiError(
          c,
          422,
          'invalid_input',
          'Some fields are not valid: see "fields".',
          Object.fromEntries(err.errors.map((e) => [e.field, e.message])),
        );
      }
    },
  );

  api.openapi(
    createRoute({
      method: 'delete',
      path: '/channels/{id}',
      summary: 'Remove a channel and its pending messages',
      security,
      request: { params: IdParam },
      responses: { 204: { description: 'Removed' }, 401: errorResponses[401], 404: errorResponses[404] },
    }),
    async (c) => {
      const ok = await removeChannel(c.var.services.store.db, c.var.user!.id, c.req.valid('param').id);
      return ok ? c.body(null, 204) : apiError(c, 404, 'not_found', 'There is no channel with this id among yours.');
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/channels/{id}/test',
      summary: 'Send a test message through a channel now',
      security,
      request: { params: IdParam },
      responses: {
        200: json(
          z.object({ ok: z.boolean(), channel: z.string(), error: z.string().optional() }).openapi('ChannelTestResult'),
          'What happened',
        ),
        401: errorResponses[401],
        404: errorResponses[404],
        429: errorResponses[429],
      },
    }),
    async (c) => {
      const { services } = c.var;
      const wait = await overLimit(c, 'channel-test', services.rules.channelTest, `user:${c.var.user!.id}`);
      if (wait) return apiError(c, 429, 'rate_limited', `Too many test messages: wait ${wait} seconds.`);
      const r = await testChannel(
        services.store.db,
        c.var.user!.id,
        c.req.valid('param').id,
        services.notify.dispatcher ?? services.notify.dispatcherOptions,
      );
      if (!r) return apiError(c, 404, 'not_found', 'There is no channel with this id among yours.');
      return c.json(r.ok ? { ok: true, channel: r.channel } : { ok: false, channel: r.channel, error: r.error }, 200);
    },
  );
}
