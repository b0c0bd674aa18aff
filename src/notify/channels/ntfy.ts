import { responseFailure } from '../http-status.js';
import { checkTarget, fetchFailure } from '../ssrf.js';
import type { ChannelDefinition, FieldError, ParseResult } from '../types.js';

/**
 * ntfy (https://ntfy.sh or any self-hosted server), through its JSON publish API.
 *
 *   ntfy://topic                       the public ntfy.sh server, over https
 *   ntfy://[user:pass@]host[:port]/topic   (http)      ntfys://… (https)
 *   …?token=tk_…                       access token instead of user:pass
 */
export interface NtfyConfig {
  server: string;
  topic: string;
  user: string | null;
  password: string | null;
  token: string | null;
}

const TOPIC = /^[-_A-Za-z0-9]{1,64}$/;

function parse(raw: string): ParseResult<NtfyConfig> {
  const m = /^(ntfys?):\/\/(.*)$/.exec(raw.trim());
  if (!m) return { ok: false, errors: [{ field: 'scheme', message: 'an ntfy URL starts with ntfy:// or ntfys://' }] };
  const [, scheme, rest = ''] = m;
  const errors: FieldError[] = [];
  let url: URL;
  try {
    url = new URL(`${scheme === 'ntfys' ? 'https' : 'http'}://${rest}`);
  } catch {
    return {
      ok: false,
      errors: [{ field: 'url', message: 'not a valid ntfy URL; expected ntfys://host/topic or ntfy://topic' }],
    };
  }
  const path = url.pathname.replace(/^\/+|\/+$/g, '');
  let server: string;
  let topic: string;
  if (!path) {
    // ntfy://topic: the topic alone, on the public server.
    topic = url.hostname;
    server = 'https://ntfy.sh';
    if (url.port)
      errors.push({
        field: 'topic',
        message: 'give a topic (ntfy://topic) or a server and a topic (ntfys://host/topic)',
      });
  } else {
    topic = path;
    server = `${url.protocol}//${url.host}`;
  }
  if (!TOPIC.test(topic)) {
    errors.push({ field: 'topic', message: `"${topic}" is not an ntfy topic: use 1-64 letters, digits, - or _` });
  }
  const token = url.searchParams.get('token');
  const user = url.username ? decodeURIComponent(url.username) : null;
  const password = url.password ? decodeURIComponent(url.password) : null;
  if (user && !password)
    errors.push({ field: 'password', message: 'ntfy user given without a password (user:password@host)' });
  if (token && user) errors.push({ field: 'token', message: 'use either user:password or ?token=, not both' });
  if (errors.length) return { ok: false, errors };
  return { ok: true, config: { server, topic, user, password, token } };
}

function build(c: NtfyConfig, secret: (s: string) => string): string {
  const server = new URL(c.server);
  const scheme = server.protocol === 'https:' ? 'ntfys' : 'ntfy';
  const auth = c.user ? `${encodeURIComponent(c.user)}:${secret(encodeURIComponent(c.password ?? ''))}@` : '';
  const query = c.token ? `?token=${secret(encodeURIComponent(c.token))}` : '';
  return `${scheme}://${auth}${server.host}/${c.topic}${query}`;
}

export const ntfyChannel: ChannelDefinition<NtfyConfig> = {
  name: 'ntfy',
  schemes: ['ntfy', 'ntfys'],
  usage: 'ntfys://host/topic, ntfy://topic (ntfy.sh), with user:pass@ or ?token=',
  deduplicates: false,
  parse,
  serialize: (c) => build(c, (s) => s),
  mask: (c) => build(c, () => '****'),
  async validate(c, ctx) {
    const problem = await checkTarget(new URL(c.server).hostname, ctx.allowPrivateTargets);
    return problem ? [{ field: 'host', message: problem }] : [];
  },
  async send(c, message, ctx) {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'ceac-watch' };
    if (c.token) headers.authorization = `Bearer ${c.token}`;
    else if (c.user) headers.authorization = `Basic ${Buffer.from(`${c.user}:${c.password ?? ''}`).toString('base64')}`;
    const body = {
      topic: c.topic,
      title: message.title,
      message: message.text,
      tags: message.tags,
      priority: message.priority === 'high' ? 4 : message.priority === 'low' ? 2 : 3,
      ...(message.link ? { click: message.link } : {}),
    };
    const what = `the ntfy server ${new URL(c.server).host}`;
    let res: Response;
    try {
      // JSON publishing goes to the server root; the topic is in the body.
      res = await ctx.fetch(`${c.server}/`, { method: 'POST', headers, body: JSON.stringify(body) });
    } catch (err) {
      throw fetchFailure(err, what);
    }
    const text = await res.text().catch(() => '');
    if (!res.ok) throw responseFailure(res.status, what, text, res.headers.get('retry-after'));
  },
};
