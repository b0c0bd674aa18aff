import { Hono } from 'hono';

import {
  addChannel,
  ChannelError,
  DEFAULT_EVENT_KINDS,
  EVENT_KINDS,
  type EventKind,
  listChannels,
  removeChannel,
  testChannel,
} from '../../notify/index.js';
import type { AppContext, AppEnv } from '../context.js';
import type { FieldErrors } from '../pages/auth.js';
import { type ChannelFormValues, NotificationsPage } from '../pages/notifications.js';
import { requireUserPage } from './account.js';
import { frame, overLimit, waitText } from './forms.js';

const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1) + (/[.!?]$/.test(s) ? '' : '.');

/** ChannelError's field list as the form's field messages. */
export function channelFieldErrors(err: ChannelError): FieldErrors {
  const out: FieldErrors = {};
  for (const e of err.errors) {
    const field = ['url', 'name', 'events', 'timeZone', 'quiet'].includes(e.field) ? e.field : 'url';
    out[field] ??= sentence(e.message);
  }
  return out;
}

function emptyValues(): ChannelFormValues {
  return { url: '', name: '', events: [...DEFAULT_EVENT_KINDS], quietStart: '', quietEnd: '', timeZone: 'UTC' };
}

export function notificationRoutes() {
  const app = new Hono<AppEnv>();
  app.use('*', requireUserPage());

  const render = async (
    c: AppContext,
    values: ChannelFormValues,
    errors: FieldErrors,
    extra: { notice?: { kind: 'ok' | 'bad'; text: string }; secret?: string | null } = {},
    status: 200 | 422 | 429 = 200,
  ) => {
    const channels = await listChannels(c.var.services.store.db, c.var.user!.id);
    return c.html(
      <NotificationsPage
        frame={frame(c, 'Notifications', 'notifications')}
        channels={channels}
        values={values}
        errors={errors}
        {...extra}
      />,
      status,
    );
  };

  app.get('/', (c) => {
    const q = c.req.query();
    const notice = q.removed
      ? { kind: 'ok' as const, text: 'Channel removed.' }
      : q.test === 'ok'
        ? { kind: 'ok' as const, text: 'Test message sent. Check that it arrived.' }
        : undefined;
    return render(c, emptyValues(), {}, notice ? { notice } : {});
  });

  app.post('/', async (c) => {
    const body = await c.req.parseBody({ all: true });
    const one = (k: string) => {
      const v = body[k];
      return typeof v === 'string' ? v.trim() : '';
    };
    const rawEvents = body.events === undefined ? [] : Array.isArray(body.events) ? body.events : [body.events];
    const values: ChannelFormValues = {
      url: one('url'),
      name: one('name'),
      events: rawEvents.filter(
        (e): e is EventKind => typeof e === 'string' && (EVENT_KINDS as readonly string[]).includes(e),
      ),
      quietStart: one('quietStart'),
      quietEnd: one('quietEnd'),
      timeZone: one('timeZone') || 'UTC',
    };
    if (!values.url)
      return render(c, values, { url: 'Enter where to send, e.g. mailto:///?to=you@example.com.' }, {}, 422);
    if ((values.quietStart && !values.quietEnd) || (!values.quietStart && values.quietEnd)) {
      return render(c, values, { quiet: 'Give both ends of the quiet hours, or neither.' }, {}, 422);
    }
    const { services } = c.var;
    try {
      const added = await addChannel(
        services.store.db,
        services.sealer,
        c.var.user!.id,
        values.url,
        {
          ...(values.name && { name: values.name }),
          events: values.events,
          quiet: values.quietStart ? { start: values.quietStart, end: values.quietEnd } : null,
          timeZone: values.timeZone,
        },
        { allowPrivateTargets: services.notify.allowPrivateTargets },
      );
      return await render(
        c,
        emptyValues(),
        {},
        {
          notice: { kind: 'ok', text: `Channel “${added.channel.name}” added. Send a test to make sure it works.` },
          secret: added.generatedSecret,
        },
      );
    } catch (err) {
      if (!(err instanceof ChannelError)) throw err;
      return render(c, values, channelFieldErrors(err), {}, 422);
    }
  });

  app.post('/:id/test', async (c) => {
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id)) return c.notFound();
    const { services } = c.var;
    const wait = await overLimit(c, 'channel-test', services.rules.channelTest, `user:${c.var.user!.id}`);
    if (wait)
      return render(
        c,
        emptyValues(),
        {},
        { notice: { kind: 'bad', text: `Too many test messages. Wait ${waitText(wait)} and try again.` } },
        429,
      );
    const result = await testChannel(
      services.store.db,
      c.var.user!.id,
      id,
      services.notify.dispatcher ?? services.notify.dispatcherOptions,
    );
    if (!result) return c.notFound();
    if (result.ok) return c.redirect('/notifications?test=ok', 303);
    return render(
      c,
      emptyValues(),
      {},
      { notice: { kind: 'bad', text: `The test message to “${result.channel}” failed: ${result.error}` } },
    );
  });

  app.post('/:id/delete', async (c) => {
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id) || !(await removeChannel(c.var.services.store.db, c.var.user!.id, id)))
      return c.notFound();
    return c.redirect('/notifications?removed=1', 303);
  });

  return app;
}
