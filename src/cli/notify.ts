import type { Command } from 'commander';

import { type Config, loadConfig } from '../config.js';
import type * as NotifyModule from '../notify/index.js';
import type { ChannelView, DeliveryView, DispatcherOptions, EventKind } from '../notify/index.js';
import type { Store } from '../store/db.js';
import type { Sealer } from '../store/seal.js';
import { tr, when } from './i18n.js';
import { action, CommandFailure, painter, printJson, UsageError } from './runtime.js';
import { cliError } from './shared.js';

/**
 * `ceac notify …`: the local user's notification channels (add, list, test, remove), the outbox
 * (log), and `flush` to deliver what is due and exit. Channels are Apprise-style URLs; their secrets
 * are sealed at rest and only ever shown masked.
 */

interface Opened {
  config: Config;
  store: Store;
  sealer: Sealer;
  notify: typeof NotifyModule;
  dispatcherOptions(): DispatcherOptions;
  close(): Promise<void>;
}

async function open(): Promise<Opened> {
  const config = loadConfig();
  try {
    const { openRuntime } = await import('../runtime/index.js');
    const runtime = await openRuntime(config, { loggerName: 'notify' });
    const notify = await import('../notify/index.js');
    return {
      config,
      store: runtime.store,
      sealer: runtime.sealer,
      notify,
      dispatcherOptions: () => runtime.dispatcherOptions,
      close: () => runtime.close(),
    };
  } catch (err) {
    throw cliError(err);
  }
}

async function withStore<T>(fn: (o: Opened) => Promise<T>): Promise<T> {
  const o = await open();
  try {
    return await fn(o);
  } finally {
    await o.close();
  }
}

function describeChannel(c: ChannelView): string {
  const paint = painter();
  const rules = [tr('cli.notify.events', { events: c.events.join(', ') })];
  if (c.quiet) rules.push(tr('cli.notify.quiet', { hours: c.quiet }));
  if (c.digest) rules.push(tr('cli.notify.digestAt', { at: c.digestAt }));
  rules.push(c.timeZone);
  if (c.language) rules.push(tr('cli.notify.language', { language: c.language }));
  const counts = tr('cli.notify.counts', {
    sent: c.deliveries.sent,
    pending: c.deliveries.pending,
    failed: c.deliveries.failed,
  });
  const lines = [
    `${paint('bold', `#${c.id} ${c.name}`)} (${c.kind})  ${c.url}`,
    `  ${rules.join('; ')}`,
    `  ${counts}; ${tr('cli.notify.lastSent', { at: when(c.lastSentAt) })}`,
  ];
  if (c.lastError)
    lines.push(`  ${paint(c.deliveries.failed ? 'red' : 'yellow', tr('cli.notify.lastError'))} ${c.lastError}`);
  return lines.join('\n');
}

function describeDelivery(d: DeliveryView): string {
  const wait =
    d.status === 'pending'
      ? ` ${tr('cli.notify.due', { at: when(d.nextAttemptAt) })}${d.holdReason ? ` (${d.holdReason})` : ''}`
      : '';
  const sent = d.sentAt ? ` ${tr('cli.notify.sentAt', { at: when(d.sentAt) })}` : '';
  const error = d.lastError && d.status !== 'sent' ? `\n    ${d.lastError}` : '';
  const route = tr('cli.notify.delivery', { event: d.eventId, channel: d.channelId });
  const digest = d.digest ? ` [${tr('cli.notify.digest')}]` : '';
  return `#${d.id} ${route}${digest}: ${tr('cli.notify.status', { status: d.status })}${sent}${wait}, ${tr('cli.notify.attempts', { count: d.attempts })}${error}`;
}

interface AddFlags {
  name?: string;
  events?: string;
  quiet?: string;
  tz?: string;
  digest?: boolean;
  digestAt?: string;
  messageLang?: string;
  json?: boolean;
}

export function register(program: Command): void {
  const notify = program
    .command('notify')
    .description('manage notification channels and deliver pending notifications')
    .addHelpText(
      'after',
      `
Channel URLs:
  mailtos://user:pass@smtp.example.com/?to=you@example.com   e-mail (mailto:// = STARTTLS; mailto:///?to=… uses SMTP_URL)
  jsons://hooks.example.com/path?secret=SECRET               webhook (json:// = http; https:// works too)
  ntfys://ntfy.example.com/topic   ntfy://topic              ntfy (the second form: ntfy.sh)
  tgram://BOT_TOKEN/CHAT_ID                                   Telegram

Event kinds for --events: status, text, updated, health, first, all, default
  (or the full names: status_changed, text_changed, last_updated_changed, check_failing, check_recovered, first_seen)`,
    );

  notify
    .command('add')
    .description('add a channel (validated, secrets sealed at rest)')
    .argument('<url>', 'channel URL, e.g. ntfys://ntfy.sh/my-topic')
    .option('--name <name>', 'a name to refer to the channel by (default: its kind)')
    .option('--events <kinds>', 'comma-separated event kinds to send at once (default: first,status,health)')
    .option('--quiet <HH:MM-HH:MM>', 'hold notifications during these hours (sent when they end)')
    .option('--tz <zone>', 'IANA time zone for --quiet and --digest-at (default: this machine’s)')
    .option('--digest', 'collect "Case Last Updated"-only changes into one message a day')
    .option('--digest-at <HH:MM>', 'time of the daily digest', '09:00')
    .option(
      '--message-lang <language>',
      'language of its messages: en, zh-CN or es (default: English; --lang is the language of this command’s output)',
    )
    .option('--json', 'print the saved channel as JSON')
    .action(
      action(async (url: string, flags: AddFlags) => {
        const { parseEventKinds, parseQuietHours } = await import('../notify/policy.js');
        let events: EventKind[] | undefined;
        if (flags.events !== undefined) {
          const parsed = parseEventKinds(flags.events);
          if (!parsed.ok) throw new UsageError(parsed.error);
          events = parsed.kinds;
        }
        let quiet = null;
        if (flags.quiet !== undefined) {
          const parsed = parseQuietHours(flags.quiet);
          if (!parsed.ok) throw new UsageError(parsed.error);
          quiet = parsed.quiet;
        }
        await withStore(async (o) => {
          try {
            const result = await o.notify.addChannel(
              o.store.db,
              o.sealer,
              null,
              url,
              {
                ...(flags.name !== undefined && { name: flags.name }),
                ...(events && { events }),
                quiet,
                ...(flags.tz !== undefined && { timeZone: flags.tz }),
                digest: Boolean(flags.digest),
                ...(flags.digestAt !== undefined && { digestAt: flags.digestAt }),
                ...(flags.messageLang !== undefined && { language: flags.messageLang }),
              },
              { allowPrivateTargets: o.config.CEAC_WATCH_ALLOW_PRIVATE_TARGETS },
            );
            if (flags.json) {
              printJson(result);
              return;
            }
            process.stdout.write(`${tr('cli.notify.added')} ${describeChannel(result.channel)}\n`);
            if (result.generatedSecret) {
              process.stdout.write(`${tr('cli.notify.secret', { secret: result.generatedSecret })}\n`);
            }
            process.stdout.write(`${tr('cli.notify.tryIt', { id: result.channel.id })}\n`);
          } catch (err) {
            if (err instanceof o.notify.ChannelError) {
              throw new UsageError(
                `${tr('cli.notify.cannotAdd')}\n${err.errors.map((e) => `  ${e.field}: ${e.message}`).join('\n')}`,
              );
            }
            throw err;
          }
        });
      }),
    );

  notify
    .command('list')
    .description('list channels (secrets masked) with their delivery counts and last error')
    .option('--json', 'print JSON')
    .action(
      action(async (flags: { json?: boolean }) => {
        await withStore(async (o) => {
          const list = await o.notify.listChannels(o.store.db, null);
          if (flags.json) {
            printJson({ channels: list });
            return;
          }
          if (list.length === 0) {
            process.stdout.write(`${tr('cli.notify.none')}\n`);
            return;
          }
          process.stdout.write(list.map(describeChannel).join('\n') + '\n');
        });
      }),
    );

  notify
    .command('test')
    .description('send a test message now through one channel (or all)')
    .argument('[id]', 'channel id or name (default: every channel)')
    .option('--json', 'print JSON')
    .action(
      action(async (id: string | undefined, flags: { json?: boolean }) => {
        await withStore(async (o) => {
          const targets =
            id !== undefined ? [id] : (await o.notify.listChannels(o.store.db, null)).map((c) => String(c.id));
          if (targets.length === 0) throw new CommandFailure(tr('cli.notify.noneToTest'));
          const dispatcher = o.notify.createDispatcher(o.dispatcherOptions());
          const results = [];
          try {
            for (const target of targets) {
              if (!flags.json) process.stderr.write(`${tr('cli.notify.testing', { target })}\n`);
              const r = await o.notify.testChannel(o.store.db, null, target, dispatcher);
              if (r === null) throw new UsageError(tr('cli.notify.noChannel', { channel: target }));
              results.push(r);
            }
          } finally {
            await dispatcher.stop();
          }
          const paint = painter();
          if (flags.json) printJson({ results });
          else
            for (const r of results)
              process.stdout.write(
                r.ok
                  ? `${paint('green', tr('cli.notify.testOk'))} ${r.channel}\n`
                  : `${paint('red', tr('cli.notify.testFailed'))} ${r.channel}: ${r.error}\n`,
              );
          const failed = results.filter((r) => !r.ok).length;
          if (failed) throw new CommandFailure(tr('cli.notify.testsFailed', { failed, total: results.length }));
        });
      }),
    );

  notify
    .command('remove')
    .description('remove a channel and its queued notifications')
    .argument('<id>', 'channel id or name')
    .option('--json', 'print JSON')
    .action(
      action(async (id: string, flags: { json?: boolean }) => {
        await withStore(async (o) => {
          const removed = await o.notify.removeChannel(o.store.db, null, id);
          if (!removed) throw new CommandFailure(tr('cli.notify.noChannel', { channel: id }));
          if (flags.json) printJson({ removed: id });
          else process.stdout.write(`${tr('cli.notify.removed', { channel: id })}\n`);
        });
      }),
    );

  notify
    .command('flush')
    .description('deliver every notification that is due now, then exit')
    .option('--json', 'print the summary as JSON')
    .action(
      action(async (flags: { json?: boolean }) => {
        await withStore(async (o) => {
          const dispatcher = o.notify.createDispatcher(o.dispatcherOptions());
          if (!flags.json) process.stderr.write(`${tr('cli.notify.delivering')}\n`);
          let summary;
          try {
            summary = await dispatcher.runDue();
          } finally {
            await dispatcher.stop();
          }
          const next = await o.notify.nextDueAt(o.store.db);
          if (flags.json) printJson({ ...summary, nextDueAt: next });
          else {
            process.stdout.write(`${tr('cli.notify.flushed', { ...summary })}\n`);
            if (next !== null) process.stdout.write(`${tr('cli.notify.nextDue', { at: when(next) })}\n`);
            if (summary.failed) process.stdout.write(`${tr('cli.notify.seeLog')}\n`);
          }
          if (summary.failed) throw new CommandFailure(tr('cli.notify.failedForGood', { count: summary.failed }));
        });
      }),
    );

  notify
    .command('log')
    .description('show recent deliveries from the outbox, newest first')
    .option('--failed', 'only deliveries that failed for good')
    .option('--pending', 'only deliveries waiting to be sent')
    .option('--limit <n>', 'how many', '20')
    .option('--json', 'print JSON')
    .action(
      action(async (flags: { failed?: boolean; pending?: boolean; limit: string; json?: boolean }) => {
        const limit = Number(flags.limit);
        if (!Number.isInteger(limit) || limit <= 0)
          throw new UsageError(tr('cli.usage.positive', { flag: '--limit', given: flags.limit }));
        if (flags.failed && flags.pending) throw new UsageError(tr('cli.notify.failedOrPending'));
        await withStore(async (o) => {
          const status = flags.failed ? 'failed' : flags.pending ? 'pending' : undefined;
          const rows = await o.notify.listDeliveries(o.store.db, null, { limit, ...(status && { status }) });
          if (flags.json) {
            printJson({ deliveries: rows });
            return;
          }
          process.stdout.write(
            rows.length ? rows.map(describeDelivery).join('\n') + '\n' : `${tr('cli.notify.noDeliveries')}\n`,
          );
        });
      }),
    );

  notify
    .command('schema')
    .description('print the JSON Schema of the webhook payload')
    .action(
      action(async () => {
        const { webhookPayloadJsonSchema } = await import('../notify/payload.js');
        printJson(webhookPayloadJsonSchema());
      }),
    );
}
