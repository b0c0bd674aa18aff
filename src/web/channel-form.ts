/**
 * The notification form's fields, per channel kind, turned into the channel URLs the notify module stores: a
 * person fills in a bot token and a chat id, never `tgram://…`. Each problem is tied to the field that caused it,
 * so the page can show it there and move the focus to it.
 */
import type { MessageKey } from '../i18n/catalog.js';
import { locationByCode, LOCATIONS } from '../knowledge/locations.js';
import { EVENT_KINDS, type EventKind, parseChannelUrl } from '../notify/index.js';

export const NTFY_DEFAULT_SERVER = 'https://ntfy.sh';

export interface ChannelFormValues {
  email: boolean;
  tgToken: string;
  tgChat: string;
  ntfyServer: string;
  ntfyTopic: string;
  webhookUrl: string;
  /** The experts' Apprise-style URL. */
  url: string;
  name: string;
  events: EventKind[];
  quietStart: string;
  quietEnd: string;
  timeZone: string;
}

/** The form's fields in page order: the first one with a problem takes the focus. */
export const FIELD_ORDER = [
  'where',
  'email',
  'tgToken',
  'tgChat',
  'ntfyServer',
  'ntfyTopic',
  'webhookUrl',
  'url',
  'name',
  'events',
  'quiet',
  'timeZone',
] as const;
export type FormField = (typeof FIELD_ORDER)[number];

/** A problem with one field: a catalogue message of ours, or the notify module's own words (`text`). */
export type FieldProblem = { key: MessageKey; values?: Record<string, string> } | { text: string };
export type FormProblems = Partial<Record<FormField, FieldProblem>>;

/** One channel the form asks for: its URL and the field its problems belong to. */
export interface ChannelTarget {
  kind: 'email' | 'telegram' | 'ntfy' | 'webhook' | 'url';
  field: FormField;
  url: string;
}

export function firstProblem(problems: FormProblems): FormField | null {
  return FIELD_ORDER.find((f) => problems[f] !== undefined) ?? null;
}

/** Reads the posted fields (parseBody with `all: true`). */
export function readChannelForm(body: Record<string, unknown>): ChannelFormValues {
  const one = (k: string) => {
    const v = body[k];
    return typeof v === 'string' ? v.trim() : '';
  };
  const raw = body.events === undefined ? [] : Array.isArray(body.events) ? (body.events as unknown[]) : [body.events];
  return {
    email: one('email') !== '',
    tgToken: one('tgToken'),
    tgChat: one('tgChat'),
    ntfyServer: one('ntfyServer') || NTFY_DEFAULT_SERVER,
    ntfyTopic: one('ntfyTopic'),
    webhookUrl: one('webhookUrl'),
    url: one('url'),
    name: one('name'),
    events: raw.filter((e): e is EventKind => typeof e === 'string' && EVENT_KINDS.includes(e as EventKind)),
    quietStart: one('quietStart'),
    quietEnd: one('quietEnd'),
    timeZone: one('timeZone'),
  };
}

/** The notify module's lower-case clause as a sentence. */
export function sentence(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1) + (/[.!?]$/.test(s) ? '' : '.');
}

function httpUrl(text: string): URL | null {
  try {
    const u = new URL(text);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname ? u : null;
  } catch {
    return null;
  }
}

/**
 * The channels the form asks for, or the problems with its fields. Only syntax is checked here; the notify module
 * checks the rest when it saves (the SSRF guard, a name already taken).
 */
export function channelTargets(
  v: ChannelFormValues,
  ctx: { accountEmail: string; emailAvailable: boolean },
): { targets: ChannelTarget[]; problems: FormProblems } {
  const targets: ChannelTarget[] = [];
  const problems: FormProblems = {};
  // The notify module's own check of a URL we built: its field names mapped onto ours.
  const check = (
    target: ChannelTarget,
    fieldOf: (notifyField: string) => FormField,
    keys: Record<string, MessageKey>,
  ) => {
    const parsed = parseChannelUrl(target.url);
    if (parsed.ok) {
      targets.push(target);
      return;
    }
    for (const e of parsed.errors) {
      const field = fieldOf(e.field);
      const key = keys[field];
      problems[field] ??= key ? { key } : { text: sentence(e.message) };
    }
  };

  if (v.email) {
    if (ctx.emailAvailable) {
      targets.push({ kind: 'email', field: 'email', url: `mailto:///?to=${encodeURIComponent(ctx.accountEmail)}` });
    } else problems.email = { key: 'channels.error.emailUnavailable' };
  }

  if (v.tgToken || v.tgChat) {
    if (!v.tgToken) problems.tgToken = { key: 'channels.error.tgTokenMissing' };
    if (!v.tgChat) problems.tgChat = { key: 'channels.error.tgChatMissing' };
    if (v.tgToken && v.tgChat) {
      check(
        {
          kind: 'telegram',
          field: 'tgToken',
          url: `tgram://${encodeURIComponent(v.tgToken)}/${encodeURIComponent(v.tgChat)}`,
        },
        (f) => (f === 'chat' ? 'tgChat' : 'tgToken'),
        { tgToken: 'channels.error.tgToken', tgChat: 'channels.error.tgChat' },
      );
    }
  }

  const serverChanged = v.ntfyServer.replace(/\/+$/, '') !== NTFY_DEFAULT_SERVER;
  if (v.ntfyTopic || serverChanged) {
    const server = httpUrl(v.ntfyServer);
    if (!server || (server.pathname !== '/' && server.pathname !== '') || server.search)
      problems.ntfyServer = { key: 'channels.error.ntfyServer' };
    if (!v.ntfyTopic) problems.ntfyTopic = { key: 'channels.error.ntfyTopicMissing' };
    else if (server && !problems.ntfyServer) {
      const scheme = server.protocol === 'https:' ? 'ntfys' : 'ntfy';
      check(
        { kind: 'ntfy', field: 'ntfyTopic', url: `${scheme}://${server.host}/${v.ntfyTopic}` },
        (f) => (f === 'topic' ? 'ntfyTopic' : 'ntfyServer'),
        { ntfyTopic: 'channels.error.ntfyTopic', ntfyServer: 'channels.error.ntfyServer' },
      );
    }
  }

  if (v.webhookUrl) {
    if (!httpUrl(v.webhookUrl)) problems.webhookUrl = { key: 'channels.error.webhookUrl' };
    else check({ kind: 'webhook', field: 'webhookUrl', url: v.webhookUrl }, () => 'webhookUrl', {});
  }

  if (v.url) check({ kind: 'url', field: 'url', url: v.url }, () => 'url', {});

  if (targets.length === 0 && Object.keys(problems).length === 0) problems.where = { key: 'channels.error.nothing' };
  if ((v.quietStart && !v.quietEnd) || (!v.quietStart && v.quietEnd)) problems.quiet = { key: 'channels.error.quiet' };
  if (!isKnownTimeZone(v.timeZone)) problems.timeZone = { key: 'channels.error.zone' };
  if (v.events.length === 0) problems.events = { key: 'channels.error.events' };
  return { targets, problems };
}

/** The runtime's canonical name of a zone (Node 20 says Asia/Calcutta for Asia/Kolkata), or null when unknown. */
function canonicalZone(zone: string): string | null {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/**
 * Every IANA zone this runtime knows, for the picker, UTC first (V8's list leaves it out). Where the runtime still
 * uses an old name (Asia/Calcutta), the posts' current one (Asia/Kolkata) replaces it: that is what browsers report.
 */
export const TIME_ZONES: readonly string[] = (() => {
  const modern = new Map<string, string>();
  for (const l of LOCATIONS) {
    const canonical = canonicalZone(l.timeZone);
    if (canonical && canonical !== l.timeZone) modern.set(canonical, l.timeZone);
  }
  const zones = Intl.supportedValuesOf('timeZone').map((z) => modern.get(z) ?? z);
  return ['UTC', ...[...new Set(zones)].filter((z) => z !== 'UTC').sort()];
})();

/** A zone the picker offers, or any other name the runtime knows (an alias, from an older page). */
export function isKnownTimeZone(zone: string): boolean {
  return zone !== '' && (TIME_ZONES.includes(zone) || canonicalZone(zone) !== null);
}

/** The zone preselected without script: the post of the person's first case when known, else UTC. */
export function defaultTimeZone(postCode: string | null): { zone: string; post: string | null } {
  const post = postCode ? locationByCode(postCode) : undefined;
  if (post && isKnownTimeZone(post.timeZone)) return { zone: post.timeZone, post: post.displayName };
  return { zone: 'UTC', post: null };
}
