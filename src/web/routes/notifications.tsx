import { Hono } from 'hono';

import {
  addChannel,
  ChannelError,
  DEFAULT_EVENT_KINDS,
  listChannels,
  removeChannel,
  testChannel,
  validateChannelUrl,
} from '../../notify/index.js';
import {
  type ChannelFormValues,
  type ChannelTarget,
  channelTargets,
  defaultTimeZone,
  type FormField,
  type FormProblems,
  NTFY_DEFAULT_SERVER,
  readChannelForm,
  sentence,
} from '../channel-form.js';
import type { AppContext, AppEnv } from '../context.js';
import { t } from '../language.js';
import { NotificationsPage, RemoveChannelPage, type ZoneDefault } from '../pages/notifications.js';
import { requireUserPage } from './account.js';
import { frame, overLimit, waitText } from './forms.js';

type Notice = { kind: 'ok' | 'bad'; text: string };

function emptyValues(timeZone: string): ChannelFormValues {
  return {
    email: false,
    tgToken: '',
    tgChat: '',
    ntfyServer: NTFY_DEFAULT_SERVER,
    ntfyTopic: '',
    webhookUrl: '',
    url: '',
    name: '',
    events: [...DEFAULT_EVENT_KINDS],
    quietStart: '',
    quietEnd: '',
    timeZone,
  };
}

/** The notify module's words for a field it refused, on the form field the target came from. */
function targetProblems(target: ChannelTarget, err: ChannelError): FormProblems {
  const out: FormProblems = {};
  for (const e of err.errors) {
    const field: FormField =
      e.field === 'name' || e.field === 'events' || e.field === 'timeZone' ? e.field : target.field;
    out[field] ??= { text: sentence(e.message) };
  }
  return out;
}

/** The channel names to save: the person's name for one channel; "name (kind)" when the form makes several. */
function nameFor(name: string, target: ChannelTarget, count: number): string | undefined {
  if (!name) return undefined;
  return count === 1 ? name : `${name} (${target.kind})`;
}

export function notificationRoutes() {
  const app = new Hono<AppEnv>();
  app.use('*', requireUserPage());

  const emailAvailable = (c: AppContext) => Boolean(c.var.services.notify.dispatcherOptions.smtpUrl);

  /** The post of the person's first case that has one, for the time zone preselected without script. */
  const postZone = async (c: AppContext) => {
    const row = await c.var.services.store.db
      .selectFrom('cases')
      .select('location')
      .where('owner_id', '=', c.var.user!.id)
      .where('location', 'is not', null)
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    return defaultTimeZone(row?.location ?? null);
  };

  const render = async (
    c: AppContext,
    values: ChannelFormValues,
    problems: FormProblems,
    extra: { notice?: Notice | undefined; secrets?: string[]; zoneDefault?: ZoneDefault } = {},
    status: 200 | 404 | 422 | 429 = 200,
  ) => {
    const channels = await listChannels(c.var.services.store.db, c.var.user!.id);
    return c.html(
      <NotificationsPage
        frame={frame(c, t('channels.heading'), 'notifications')}
        channels={channels}
        values={values}
        problems={problems}
        accountEmail={c.var.user!.email}
        emailAvailable={emailAvailable(c)}
        zoneDefault={extra.zoneDefault ?? { fromBrowser: false, post: null }}
        notice={extra.notice}
        secrets={extra.secrets}
      />,
      status,
    );
  };

  /** A fresh form: the zone is the post's (or UTC) until the script finds the browser's. */
  const renderFresh = async (
    c: AppContext,
    extra: { notice?: Notice; secrets?: string[] } = {},
    status?: 200 | 429,
  ) => {
    const zone = await postZone(c);
    return render(
      c,
      emptyValues(zone.zone),
      {},
      { ...extra, zoneDefault: { fromBrowser: true, post: zone.post } },
      status,
    );
  };

  app.get('/', async (c) => {
    const q = c.req.query();
    const notice: Notice | undefined = q.removed
      ? { kind: 'ok', text: t('channels.notice.removed') }
      : q.test === 'ok'
        ? { kind: 'ok', text: t('channels.notice.testOk') }
        : undefined;
    return renderFresh(c, notice ? { notice } : {});
  });

  app.post('/', async (c) => {
    const values = readChannelForm(await c.req.parseBody({ all: true }));
    const { services } = c.var;
    const user = c.var.user!;
    const { targets, problems } = channelTargets(values, {
      accountEmail: user.email,
      emailAvailable: emailAvailable(c),
    });
    if (Object.keys(problems).length) return render(c, values, problems, {}, 422);
    const options = { allowPrivateTargets: services.notify.allowPrivateTargets };
    // Every target passes the network checks before any is saved: a form half saved would be repeated on retry.
    for (const target of targets) {
      const checked = await validateChannelUrl(target.url, options);
      if (!checked.ok) Object.assign(problems, targetProblems(target, new ChannelError(checked.errors)));
    }
    if (Object.keys(problems).length) return render(c, values, problems, {}, 422);
    const added: string[] = [];
    const secrets: string[] = [];
    for (const target of targets) {
      const name = nameFor(values.name, target, targets.length);
      try {
        const result = await addChannel(
          services.store.db,
          services.sealer,
          user.id,
          target.url,
          {
            ...(name && { name }),
            events: values.events,
            quiet: values.quietStart ? { start: values.quietStart, end: values.quietEnd } : null,
            timeZone: values.timeZone,
          },
          options,
        );
        added.push(`“${result.channel.name}”`);
        if (result.generatedSecret) secrets.push(result.generatedSecret);
      } catch (err) {
        if (!(err instanceof ChannelError)) throw err;
        const nameTaken = err.errors.some((e) => e.code === 'name_taken');
        const found = nameTaken
          ? { name: { key: 'channels.error.nameTaken' as const, values: { name: name ?? '' } } }
          : targetProblems(target, err);
        // Those saved before stay saved (and say so); the form keeps what is left to fix.
        return render(
          c,
          values,
          found,
          added.length
            ? { notice: { kind: 'ok', text: t('channels.notice.added', { names: added.join(', ') }) }, secrets }
            : {},
          422,
        );
      }
    }
    return renderFresh(c, {
      notice: { kind: 'ok', text: t('channels.notice.added', { names: added.join(', ') }) },
      secrets,
    });
  });

  app.post('/:id/test', async (c) => {
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id)) return c.notFound();
    const { services } = c.var;
    const wait = await overLimit(c, 'channel-test', services.rules.channelTest, `user:${c.var.user!.id}`);
    if (wait)
      return renderFresh(
        c,
        { notice: { kind: 'bad', text: t('channels.notice.tooManyTests', { wait: waitText(wait) }) } },
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
    return renderFresh(c, {
      notice: { kind: 'bad', text: t('channels.notice.testFailed', { name: result.channel, error: result.error }) },
    });
  });

  const ownChannel = async (c: AppContext) => {
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id)) return undefined;
    return (await listChannels(c.var.services.store.db, c.var.user!.id)).find((ch) => ch.id === id);
  };

  // Remove asks first: the GET is the question, the POST the answer.
  app.get('/:id/delete', async (c) => {
    const channel = await ownChannel(c);
    if (!channel) return c.notFound();
    return c.html(
      <RemoveChannelPage
        frame={frame(c, t('channels.remove.title', { name: channel.name }), 'notifications')}
        channel={channel}
      />,
    );
  });

  app.post('/:id/delete', async (c) => {
    const channel = await ownChannel(c);
    if (!channel || !(await removeChannel(c.var.services.store.db, c.var.user!.id, channel.id))) return c.notFound();
    return c.redirect('/notifications?removed=1', 303);
  });

  return app;
}
