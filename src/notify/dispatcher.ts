import type { Logger } from 'pino';
import pino from 'pino';

import { type Language, matchLanguage } from '../i18n/languages.js';
import { loadTranslator, type Translator } from '../i18n/translator.js';
import type { Store } from '../store/db.js';
import type { Sealer } from '../store/seal.js';
import type { ChannelRow, DeliveryRow } from '../store/tables/notify.js';
import { ChannelError, ChannelKeyError, openChannel, rulesOf } from './channel-store.js';
import { type CaseFacts, type EventFacts, renderDigest, renderEvent, renderTest } from './content.js';
import { claimDue, markFailed, markSent, nextDueAt, renewLease, reschedule } from './outbox.js';
import { backoffDelay, type BackoffOptions, DEFAULT_BACKOFF, inQuietHours, releaseTime } from './policy.js';
import { type ChannelRegistry, channels as defaultRegistry } from './registry.js';
import { createGuardedHttp } from './ssrf.js';
import { DeliveryError, type Notification, type SendContext } from './types.js';

export interface DispatcherOptions {
  store: Store;
  sealer: Sealer;
  now?: () => number;
  logger?: Logger;
  allowPrivateTargets?: boolean;
  /** The instance's SMTP server (for `mailto:///?to=…` channels) and sender. */
  smtpUrl?: string | undefined;
  mailFrom?: string;
  /** Base of the links to case pages (PUBLIC_URL); none when unset. */
  publicUrl?: string | undefined;
  /** Tries before a delivery that keeps failing is marked failed. Default 8. */
  maxAttempts?: number;
  backoff?: BackoffOptions;
  /**
   * How long a claim holds without renewal. While a claim is worked through, its lease is renewed
   * every third of this and again right before each send, so a send may take longer than the lease;
   * the lease only bounds how long a crashed dispatcher's rows wait. Default 2 min.
   */
  leaseMs?: number;
  timeoutMs?: number;
  batchSize?: number;
  /** Channels served at the same time (a channel's own deliveries go one after another, in order). */
  concurrency?: number;
  /** How often start() looks for due work when nothing is scheduled sooner. Default 1 s. */
  pollMs?: number;
  random?: () => number;
  registry?: ChannelRegistry;
}

export interface RunSummary {
  sent: number;
  retried: number;
  failed: number;
  /** Held back because the channel is in its quiet hours. */
  held: number;
}

export interface Dispatcher {
  /** Delivers everything due now (each row tried at most once per call), then returns. */
  runDue(): Promise<RunSummary>;
  /** Keeps delivering in the background until stop(). */
  start(): void;
  /** Stops the background loop, waits for sends in flight, closes connections. */
  stop(): Promise<void>;
  /**
   * Looks for due work now instead of at the next poll: call it after committing events, to cut the
   * delay from event to delivery from up to `pollMs` to the time of one query.
   */
  wake(): void;
  nextDueAt(): Promise<number | null>;
  /** Sends a test message to a saved channel now (not through the outbox). Throws DeliveryError or ChannelError. */
  sendTest(channel: ChannelRow): Promise<void>;
}

/**
 * A claim being worked through: its token, the rows not yet settled (sent, rescheduled or failed),
 * and until when we know for sure that we hold all of them (the claim's or the last full renewal's
 * lease end, by our clock).
 */
interface ClaimState {
  token: string;
  open: Set<number>;
  heldUntil: number;
}

/** How long a delivery whose channel does not open with this key waits before it is looked at again. */
const KEY_RETRY_MS = 10 * 60_000;

/** One send: a single event, or a channel's digest rows together. */
interface Unit {
  channelId: number;
  rows: DeliveryRow[];
}

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { store, sealer } = options;
  const db = store.db;
  const now = options.now ?? Date.now;
  const logger = options.logger ?? pino({ level: 'silent' });
  const registry = options.registry ?? defaultRegistry;
  const maxAttempts = options.maxAttempts ?? 8;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const leaseMs = options.leaseMs ?? Math.max(120_000, timeoutMs * 4);
  if (!Number.isFinite(leaseMs) || leaseMs < 300)
    throw new RangeError(`leaseMs must be at least 300 (ms), got ${leaseMs}`);
  const batchSize = options.batchSize ?? 50;
  const concurrency = options.concurrency ?? 8;
  const random = options.random ?? Math.random;
  const allowPrivateTargets = options.allowPrivateTargets ?? false;
  const http = createGuardedHttp({ allowPrivateTargets, timeoutMs });
  const ctx: SendContext = {
    fetch: http.fetch,
    dispatcher: http.agent,
    allowPrivateTargets,
    smtpUrl: options.smtpUrl,
    mailFrom: options.mailFrom ?? 'ceac-watch <ceac-watch@localhost>',
    timeoutMs,
  };

  /** The events and cases a claim needs, read once per claim (not once per delivery). */
  interface Facts {
    events: Map<number, EventFacts>;
    cases: Map<number, CaseFacts>;
    /** Per channel id: the language its messages are written in. */
    translators: Map<number, Translator>;
  }

  async function loadFacts(rows: DeliveryRow[], channelRows: readonly ChannelRow[]): Promise<Facts> {
    const eventIds = [...new Set(rows.map((r) => r.event_id))];
    const events = eventIds.length
      ? await db
          .selectFrom('events')
          .select(['id', 'case_id', 'kind', 'at', 'from_json', 'to_json', 'interpretation_json', 'detail_json'])
          .where('id', 'in', eventIds)
          .execute()
      : [];
    const caseIds = [...new Set(events.map((e) => Number(e.case_id)))];
    // Only the fields a message may show: never passport_sealed or surname_sealed.
    const cases = caseIds.length
      ? await db
          .selectFrom('cases')
          .select(['id', 'label', 'group_name', 'case_number', 'app_type', 'location', 'context_json'])
          .where('id', 'in', caseIds)
          .execute()
      : [];
    return {
      events: new Map(events.map((e) => [Number(e.id), e])),
      cases: new Map(cases.map((c) => [Number(c.id), c])),
      translators: await translatorsFor(channelRows),
    };
  }

  /**
   * The language of each channel's messages: the one chosen for the channel (`ceac notify add --lang`), else its
   * owner's account language (users.language), else English (a CLI channel, or an owner who chose none). Only the
   * catalogues in use are loaded.
   */
  async function translatorsFor(channelRows: readonly ChannelRow[]): Promise<Map<number, Translator>> {
    const owners = [...new Set(channelRows.flatMap((c) => (c.owner_id === null ? [] : [c.owner_id])))];
    const users = owners.length
      ? await db.selectFrom('users').select(['id', 'language']).where('id', 'in', owners).execute()
      : [];
    const languageOf = new Map(users.map((u) => [Number(u.id), matchLanguage(u.language ?? undefined) ?? 'en']));
    const byLanguage = new Map<Language, Translator>();
    const out = new Map<number, Translator>();
    for (const channel of channelRows) {
      const language =
        matchLanguage(channel.language ?? undefined) ??
        (channel.owner_id === null ? undefined : languageOf.get(channel.owner_id)) ??
        'en';
      let t = byLanguage.get(language);
      if (!t) {
        t = await loadTranslator(language);
        byLanguage.set(language, t);
      }
      out.set(channel.id, t);
    }
    return out;
  }

  function render(unit: Unit, facts: Facts, channel: ChannelRow, t: Translator | undefined): Notification {
    const words = { t, timeZone: channel.time_zone };
    const items = [...unit.rows]
      .sort((a, b) => a.event_id - b.event_id)
      .flatMap((r) => {
        const event = facts.events.get(r.event_id);
        const c = event ? facts.cases.get(Number(event.case_id)) : undefined;
        return event && c ? [{ event, case: c }] : [];
      });
    const first = unit.rows[0];
    if (!first || items.length === 0) throw new DeliveryError('the event of this notification no longer exists', true);
    if (first.digest === 1) {
      return renderDigest(
        items,
        `ceac-watch-digest-${unit.channelId}-${Math.min(...unit.rows.map((r) => r.id))}`,
        options.publicUrl ?? null,
        words,
      );
    }
    const item = items[0]!;
    return renderEvent(item.event, item.case, options.publicUrl ?? null, words);
  }

  async function deliver(
    claimed: Unit,
    channel: ChannelRow | undefined,
    facts: Facts,
    claim: ClaimState,
    summary: RunSummary,
  ): Promise<void> {
    const token = claim.token;
    let t = now();
    let unit = claimed;
    // Unless we renewed the whole claim recently, renew this unit's rows right before sending and
    // send only what we still hold: a row whose lease lapsed (this process stalled) may have been
    // claimed by another dispatcher, which sends it instead.
    if (t >= claim.heldUntil - leaseMs / 2) {
      const held = new Set(
        await renewLease(
          db,
          claimed.rows.map((r) => r.id),
          token,
          t + leaseMs,
        ),
      );
      unit = { channelId: claimed.channelId, rows: claimed.rows.filter((r) => held.has(r.id)) };
      if (unit.rows.length < claimed.rows.length) {
        logger.warn(
          { channel: claimed.channelId, lost: claimed.rows.length - unit.rows.length },
          'a claim lapsed before its send; another dispatcher took it over',
        );
      }
      for (const r of claimed.rows) if (!held.has(r.id)) claim.open.delete(r.id);
      if (unit.rows.length === 0) return;
      t = now();
    }
    const ids = unit.rows.map((r) => r.id);
    try {
      await settle(unit, channel, facts, token, summary, t);
    } finally {
      for (const id of ids) claim.open.delete(id);
    }
  }

  async function settle(
    unit: Unit,
    channel: ChannelRow | undefined,
    facts: Facts,
    token: string,
    summary: RunSummary,
    t: number,
  ): Promise<void> {
    const ids = unit.rows.map((r) => r.id);
    const attempts = Math.max(...unit.rows.map((r) => r.attempts));
    if (!channel) return markFailed(db, ids, token, 'the channel was removed');
    const rules = rulesOf(channel);
    if (rules.quiet && inQuietHours(t, rules.quiet, rules.timeZone)) {
      summary.held += ids.length;
      return reschedule(db, ids, token, {
        nextAttemptAt: releaseTime(t, rules.quiet, rules.timeZone),
        holdReason: 'quiet hours',
        error: null,
        countTry: false,
      });
    }
    try {
      const { def, config } = openChannel(channel, sealer, registry);
      const message = render(unit, facts, channel, facts.translators.get(channel.id));
      await def.send(config, message, ctx);
      const marked = await markSent(db, ids, token, now());
      if (marked < ids.length) {
        logger.warn(
          { channel: channel.id, deliveries: ids },
          'a send outlived its lease; another dispatcher may send it again',
        );
      }
      summary.sent += ids.length;
      logger.info({ channel: channel.id, kind: channel.kind, deliveries: ids.length }, 'notification sent');
    } catch (err) {
      if (err instanceof ChannelKeyError) {
        // Sealed with another key: the message is not lost, it waits (uncounted) for the right key.
        summary.held += ids.length;
        logger.error({ channel: channel.id }, 'a channel cannot be unsealed with this key; its messages wait');
        return reschedule(db, ids, token, {
          nextAttemptAt: now() + KEY_RETRY_MS,
          holdReason: 'sealing key',
          error: 'waiting: this channel was saved with another sealing key (CEAC_WATCH_SECRET or the key file)',
          countTry: false,
        });
      }
      const e =
        err instanceof DeliveryError
          ? err
          : err instanceof ChannelError
            ? new DeliveryError(err.message, true)
            : new DeliveryError(`unexpected error: ${(err as Error).message}`, false);
      if (e.permanent || attempts >= maxAttempts) {
        const why = e.permanent ? e.message : `${e.message} (gave up after ${attempts} tries)`;
        await markFailed(db, ids, token, why);
        summary.failed += ids.length;
        logger.warn({ channel: channel.id, kind: channel.kind, error: why }, 'notification failed for good');
      } else {
        const wait = Math.max(backoffDelay(attempts, backoff, random), e.retryAfterMs ?? 0);
        await reschedule(db, ids, token, {
          nextAttemptAt: now() + wait,
          holdReason: 'retry',
          error: e.message,
          countTry: true,
        });
        summary.retried += ids.length;
        logger.info(
          { channel: channel.id, kind: channel.kind, error: e.message, retryInMs: wait },
          'notification will be retried',
        );
      }
    }
  }

  async function runDue(): Promise<RunSummary> {
    const summary: RunSummary = { sent: 0, retried: 0, failed: 0, held: 0 };
    const tried: number[] = [];
    for (;;) {
      const claimedAt = now();
      const claim = await claimDue(db, store.dialect, { now: claimedAt, leaseMs, limit: batchSize, exclude: tried });
      if (claim.rows.length === 0) return summary;
      const state: ClaimState = {
        token: claim.token,
        open: new Set(claim.rows.map((r) => r.id)),
        heldUntil: claimedAt + leaseMs,
      };
      tried.push(...claim.rows.map((r) => r.id));
      const channelIds = [...new Set(claim.rows.map((r) => r.channel_id))];
      const channelRows = await db.selectFrom('notify_channels').selectAll().where('id', 'in', channelIds).execute();
      const channelOf = new Map(channelRows.map((c) => [c.id, c]));
      const facts = await loadFacts(claim.rows, channelRows);
      // Per channel: digest rows go together as one message; the rest one by one, in event order.
      const queues = channelIds.map((id) => {
        const mine = claim.rows.filter((r) => r.channel_id === id);
        const digest = mine.filter((r) => r.digest === 1);
        const units: Unit[] = mine
          .filter((r) => r.digest === 0)
          .sort((a, b) => a.event_id - b.event_id)
          .map((r) => ({ channelId: id, rows: [r] }));
        if (digest.length) units.push({ channelId: id, rows: digest });
        return units;
      });
      // Keep the whole claim's lease fresh while it is worked through: rows wait behind others of
      // their channel, and a send may be slow, yet no other dispatcher may claim them meanwhile.
      const renewal = setInterval(
        () => {
          const at = now();
          const expected = [...state.open];
          renewLease(db, null, claim.token, at + leaseMs)
            .then((held) => {
              const mine = new Set(held);
              // Only a renewal that found every unsettled row still ours proves we hold them all.
              if (expected.every((id) => mine.has(id) || !state.open.has(id)))
                state.heldUntil = Math.max(state.heldUntil, at + leaseMs);
            })
            .catch((err: unknown) => logger.warn({ err }, 'could not renew a notification lease'));
        },
        Math.max(100, Math.floor(leaseMs / 3)),
      );
      renewal.unref();
      let next = 0;
      const workers = Array.from({ length: Math.min(concurrency, queues.length) }, async () => {
        while (next < queues.length) {
          const units = queues[next++]!;
          for (const unit of units) await deliver(unit, channelOf.get(unit.channelId), facts, state, summary);
        }
      });
      try {
        await Promise.all(workers);
      } finally {
        clearInterval(renewal);
      }
    }
  }

  let running = false;
  let busy = false;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  let current: Promise<unknown> = Promise.resolve();

  function schedule(delay: number): void {
    if (!running) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      busy = true;
      current = (async () => {
        do {
          again = false;
          try {
            await runDue();
          } catch (err) {
            logger.error({ err }, 'the notification dispatcher hit an error; it will try again');
          }
          // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set by wake() during runDue()
        } while (again && running);
        busy = false;
        const due = await nextDueAt(db).catch(() => null);
        const pollMs = options.pollMs ?? 1000;
        schedule(due === null ? pollMs : Math.min(pollMs, Math.max(0, due - now())));
      })();
    }, delay);
  }

  return {
    runDue,
    start() {
      if (running) return;
      running = true;
      schedule(0);
    },
    wake() {
      if (!running) return;
      // A run in progress may have claimed before the new rows were committed: run once more after it.
      if (busy) again = true;
      else schedule(0);
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      await current;
      await http.close();
    },
    nextDueAt: () => nextDueAt(db),
    async sendTest(channel) {
      const { def, config } = openChannel(channel, sealer, registry);
      const t = (await translatorsFor([channel])).get(channel.id);
      await def.send(config, renderTest(channel.name, t), ctx);
    },
  };
}
