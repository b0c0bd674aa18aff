import { randomBytes } from 'node:crypto';

import type { ExpressionBuilder, Kysely } from 'kysely';

import { InputError } from '../errors.js';
import { type Language, LANGUAGES, matchLanguage } from '../i18n/languages.js';
import type { Database } from '../store/schema.js';
import type { Sealer } from '../store/seal.js';
import type { ChannelRow } from '../store/tables/notify.js';
import {
  type ChannelRules,
  DEFAULT_EVENT_KINDS,
  isValidTimeOfDay,
  isValidTimeZone,
  type QuietHours,
} from './policy.js';
import { type ChannelRegistry, channels as defaultRegistry, validateChannelUrl } from './registry.js';
import { type ChannelDefinition, EVENT_KINDS, type EventKind, type FieldError } from './types.js';

/**
 * Saved channels: add (validated, URL sealed), list (masked), remove, and load for sending.
 * Every function is scoped to an owner: null is the local CLI user, a number a web user.
 */

/** A channel could not be saved; `errors` says which field was wrong and why. */
export class ChannelError extends InputError {
  override name = 'ChannelError';
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => ({ field: e.field, problem: e.message })));
  }
}

/**
 * The channel's URL does not open with this instance's key (data written with another key): not a
 * fault of the channel, so deliveries wait for the right key instead of failing.
 */
export class ChannelKeyError extends ChannelError {
  override name = 'ChannelKeyError';
}

export interface ChannelSettings {
  /** Shown in lists and used to pick a channel by name; defaults to the channel kind (kind-2, … when taken). */
  name?: string;
  events?: readonly EventKind[];
  quiet?: QuietHours | null;
  /** IANA zone for quiet hours and the digest; defaults to this machine's zone. */
  timeZone?: string;
  digest?: boolean;
  /** 'HH:MM' local time of the daily digest; default 09:00. */
  digestAt?: string;
  /** The language of its messages; by default the owning account's (English for the CLI's channels). */
  language?: string | null;
}

export interface ChannelView {
  id: number;
  name: string;
  kind: string;
  /** The URL with its secrets masked. */
  url: string;
  events: EventKind[];
  quiet: string | null;
  timeZone: string;
  digest: boolean;
  digestAt: string;
  /** Chosen for this channel; null: the owner's language (English without an account). */
  language: Language | null;
  enabled: boolean;
  createdAt: number;
  deliveries: { pending: number; sent: number; failed: number };
  lastError: string | null;
  lastSentAt: number | null;
}

export interface AddResult {
  channel: ChannelView;
  /** A webhook secret made up because the URL had none: shown once, so the receiver can check signatures. */
  generatedSecret: string | null;
}

export interface ChannelStoreOptions {
  allowPrivateTargets: boolean;
  registry?: ChannelRegistry;
  now?: () => number;
}

export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const ownerIs = (ownerId: number | null) => (eb: ExpressionBuilder<Database, 'notify_channels'>) =>
  ownerId === null ? eb('owner_id', 'is', null) : eb('owner_id', '=', ownerId);

function settingsErrors(s: ChannelSettings): FieldError[] {
  const errors: FieldError[] = [];
  if (s.name !== undefined && !/^[^\s].{0,63}$/u.test(s.name.trim()))
    errors.push({ field: 'name', message: 'a channel name is 1-64 characters' });
  if (s.events) {
    const bad = s.events.filter((k) => !EVENT_KINDS.includes(k));
    if (bad.length) errors.push({ field: 'events', message: `unknown event kinds: ${bad.join(', ')}` });
    if (s.events.length === 0 && !s.digest)
      errors.push({ field: 'events', message: 'choose at least one event kind (or a daily digest)' });
  }
  if (s.timeZone !== undefined && !isValidTimeZone(s.timeZone)) {
    errors.push({
      field: 'timeZone',
      message: `"${s.timeZone}" is not an IANA time zone (e.g. Europe/Berlin, America/Toronto)`,
    });
  }
  if (s.digestAt !== undefined && !isValidTimeOfDay(s.digestAt))
    errors.push({ field: 'digestAt', message: 'the digest time is HH:MM, e.g. 09:00' });
  if (s.language !== undefined && s.language !== null && !matchLanguage(s.language)) {
    errors.push({
      field: 'language',
      message: `"${s.language}" is not a language ceac-watch speaks: choose ${LANGUAGES.join(', ')}`,
    });
  }
  if (s.quiet && (!isValidTimeOfDay(s.quiet.start) || !isValidTimeOfDay(s.quiet.end))) {
    errors.push({ field: 'quiet', message: 'quiet hours are HH:MM-HH:MM, e.g. 22:00-07:00' });
  }
  return errors;
}

async function freeName(db: Kysely<Database>, ownerId: number | null, base: string): Promise<string> {
  const taken = new Set(
    (await db.selectFrom('notify_channels').select('name').where(ownerIs(ownerId)).execute()).map((r) => r.name),
  );
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** Validates (syntax, settings, the SSRF guard), seals and saves a channel. Throws ChannelError on bad input. */
export async function addChannel(
  db: Kysely<Database>,
  sealer: Sealer,
  ownerId: number | null,
  url: string,
  settings: ChannelSettings,
  options: ChannelStoreOptions,
): Promise<AddResult> {
  const registry = options.registry ?? defaultRegistry;
  const errors = settingsErrors(settings);
  let generatedSecret: string | null = null;
  let raw = url;
  // A webhook without a secret gets one: unsigned webhooks cannot be told from forgeries.
  const pre = await validateChannelUrl(raw, options, registry);
  if (pre.ok && pre.channel.kind === 'webhook' && !(pre.channel.config as { secret: string | null }).secret) {
    generatedSecret = randomBytes(24).toString('base64url');
    const u = new URL(pre.channel.url);
    u.searchParams.set('secret', generatedSecret);
    raw = u.toString();
  }
  const parsed = generatedSecret ? await validateChannelUrl(raw, options, registry) : pre;
  if (!parsed.ok) errors.unshift(...parsed.errors);
  if (errors.length || !parsed.ok) throw new ChannelError(errors);

  const name = settings.name?.trim() || (await freeName(db, ownerId, parsed.channel.kind));
  const clash = await db
    .selectFrom('notify_channels')
    .select('id')
    .where(ownerIs(ownerId))
    .where('name', '=', name)
    .executeTakeFirst();
  if (clash)
    throw new ChannelError([
      { field: 'name', code: 'name_taken', message: `a channel named "${name}" exists already: choose another name` },
    ]);

  const now = (options.now ?? Date.now)();
  const row = await db
    .insertInto('notify_channels')
    .values({
      owner_id: ownerId,
      name,
      kind: parsed.channel.kind,
      url_sealed: sealer.seal(parsed.channel.url),
      url_masked: parsed.channel.masked,
      events_json: JSON.stringify(settings.events ?? DEFAULT_EVENT_KINDS),
      quiet_start: settings.quiet?.start ?? null,
      quiet_end: settings.quiet?.end ?? null,
      time_zone: settings.timeZone ?? localTimeZone(),
      digest: settings.digest ? 1 : 0,
      digest_at: settings.digestAt ?? '09:00',
      language: matchLanguage(settings.language ?? undefined) ?? null,
      enabled: 1,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const view = (await listChannels(db, ownerId)).find((c) => c.id === Number(row.id));
  if (!view) throw new Error('the channel vanished right after it was saved');
  return { channel: view, generatedSecret };
}

export function rulesOf(
  row: Pick<ChannelRow, 'events_json' | 'quiet_start' | 'quiet_end' | 'time_zone' | 'digest' | 'digest_at'>,
): ChannelRules {
  return {
    events: JSON.parse(row.events_json) as EventKind[],
    quiet: row.quiet_start && row.quiet_end ? { start: row.quiet_start, end: row.quiet_end } : null,
    timeZone: row.time_zone,
    digest: row.digest === 1,
    digestAt: row.digest_at,
  };
}

/** The owner's channels, masked, with their delivery counts and last error. */
export async function listChannels(db: Kysely<Database>, ownerId: number | null): Promise<ChannelView[]> {
  const rows = await db.selectFrom('notify_channels').selectAll().where(ownerIs(ownerId)).orderBy('id').execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const counts = await db
    .selectFrom('notify_deliveries')
    .select([
      'channel_id',
      'status',
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.max('sent_at').as('last_sent'),
    ])
    .where('channel_id', 'in', ids)
    .groupBy(['channel_id', 'status'])
    .execute();
  const errors = await db
    .selectFrom('notify_deliveries')
    .select(['channel_id', 'last_error', 'status'])
    .where('channel_id', 'in', ids)
    .where('last_error', 'is not', null)
    .where('status', 'in', ['failed', 'pending'])
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => {
    const mine = counts.filter((c) => Number(c.channel_id) === r.id);
    const n = (status: string) => mine.filter((c) => c.status === status).reduce((a, c) => a + Number(c.n), 0);
    const lastSent = mine.find((c) => c.status === 'sent')?.last_sent;
    const rules = rulesOf(r);
    return {
      id: r.id,
      name: r.name,
      kind: r.kind,
      url: r.url_masked,
      events: [...rules.events],
      quiet: rules.quiet ? `${rules.quiet.start}-${rules.quiet.end}` : null,
      timeZone: r.time_zone,
      digest: rules.digest,
      digestAt: r.digest_at,
      language: matchLanguage(r.language ?? undefined) ?? null,
      enabled: r.enabled === 1,
      createdAt: r.created_at,
      deliveries: { pending: n('pending') + n('sending'), sent: n('sent'), failed: n('failed') },
      lastError: errors.find((e) => Number(e.channel_id) === r.id)?.last_error ?? null,
      lastSentAt: lastSent === undefined || lastSent === null ? null : Number(lastSent),
    };
  });
}

/** Finds a channel by id or by name. */
export async function findChannel(
  db: Kysely<Database>,
  ownerId: number | null,
  idOrName: string | number,
): Promise<ChannelRow | undefined> {
  let q = db.selectFrom('notify_channels').selectAll().where(ownerIs(ownerId));
  const asId = typeof idOrName === 'number' ? idOrName : /^\d+$/.test(idOrName) ? Number(idOrName) : null;
  q = asId !== null ? q.where('id', '=', asId) : q.where('name', '=', String(idOrName));
  return q.executeTakeFirst();
}

/** Removes a channel and its outbox rows; false when the owner has no such channel. */
export async function removeChannel(
  db: Kysely<Database>,
  ownerId: number | null,
  idOrName: string | number,
): Promise<boolean> {
  const row = await findChannel(db, ownerId, idOrName);
  if (!row) return false;
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('notify_deliveries').where('channel_id', '=', row.id).execute();
    await trx.deleteFrom('notify_channels').where('id', '=', row.id).execute();
  });
  return true;
}

/** A saved channel opened for sending: its definition and unsealed config. Throws ChannelError when it cannot be. */
export function openChannel(
  row: ChannelRow,
  sealer: Sealer,
  registry: ChannelRegistry = defaultRegistry,
): { def: ChannelDefinition; config: unknown } {
  const def = registry.get(row.kind);
  if (!def) throw new ChannelError([{ field: 'kind', message: `this build has no "${row.kind}" channel` }]);
  let url: string;
  try {
    url = sealer.unseal(row.url_sealed);
  } catch (err) {
    throw new ChannelKeyError([
      { field: 'url', message: `the channel URL cannot be unsealed: ${(err as Error).message}` },
    ]);
  }
  const parsed = def.parse(url);
  if (!parsed.ok) throw new ChannelError(parsed.errors);
  return { def, config: parsed.config };
}
