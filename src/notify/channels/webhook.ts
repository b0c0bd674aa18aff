import { createHmac } from 'node:crypto';

import { responseFailure } from '../http-status.js';
import { checkTarget, fetchFailure } from '../ssrf.js';
import type { ChannelDefinition, FieldError, ParseResult } from '../types.js';

/**
 * Webhook: a JSON POST of the payload in payload.ts.
 *
 *   json://host[:port]/path?secret=S    (http)     jsons://host/path?secret=S   (https)
 *   https://host/path?secret=S          http://host/path?secret=S
 *
 * `secret` is taken out of the URL and used to sign the body: `X-Ceac-Signature: sha256=<hex HMAC-SHA256
 * of the raw body>`. The event's stable key goes in `Idempotency-Key`, so a receiver can drop a repeat.
 * Other query parameters stay in the target URL.
 */
export interface WebhookConfig {
  /** The target, http(s), without the secret. */
  target: string;
  secret: string | null;
}

const SCHEMES = ['json', 'jsons', 'http', 'https'] as const;

function parse(raw: string): ParseResult<WebhookConfig> {
  const errors: FieldError[] = [];
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return {
      ok: false,
      errors: [{ field: 'url', message: 'not a URL; expected e.g. jsons://hooks.example.com/ceac?secret=…' }],
    };
  }
  const scheme = url.protocol.slice(0, -1);
  if (!(SCHEMES as readonly string[]).includes(scheme)) {
    return {
      ok: false,
      errors: [
        {
          field: 'scheme',
          message: `a webhook URL starts with json://, jsons://, http:// or https://, not ${scheme}://`,
        },
      ],
    };
  }
  if (!url.hostname) errors.push({ field: 'host', message: 'the webhook URL has no host' });
  if (url.username || url.password) {
    errors.push({
      field: 'credentials',
      message: 'put no user:password in a webhook URL; the body is signed with ?secret= instead',
    });
  }
  const secret = url.searchParams.get('secret');
  if (secret !== null && secret.length < 16) {
    errors.push({
      field: 'secret',
      message: 'the webhook secret must be at least 16 characters (or leave it out to have one generated)',
    });
  }
  url.searchParams.delete('secret');
  const https = scheme === 'jsons' || scheme === 'https';
  const target = new URL(url.toString().replace(/^[a-z]+:/, https ? 'https:' : 'http:'));
  if (errors.length) return { ok: false, errors };
  return { ok: true, config: { target: target.toString(), secret } };
}

function serialize(c: WebhookConfig): string {
  const url = new URL(c.target);
  if (c.secret) url.searchParams.set('secret', c.secret);
  return url.toString();
}

function mask(c: WebhookConfig): string {
  const url = new URL(c.target);
  if (c.secret) url.searchParams.set('secret', '****');
  // Query values may be tokens too (?token=, ?key=): show only their names.
  for (const key of [...url.searchParams.keys()]) url.searchParams.set(key, '****');
  return decodeURIComponent(url.toString());
}

/** The signature header value for a body: receivers recompute it with their copy of the secret. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

export const webhookChannel: ChannelDefinition<WebhookConfig> = {
  name: 'webhook',
  schemes: SCHEMES,
  usage: 'jsons://host/path?secret=SECRET (or json://, https://, http://)',
  deduplicates: true,
  parse,
  serialize,
  mask,
  async validate(c, ctx) {
    const problem = await checkTarget(new URL(c.target).hostname, ctx.allowPrivateTargets);
    return problem ? [{ field: 'host', message: problem }] : [];
  },
  async send(c, message, ctx) {
    const body = JSON.stringify(message.payload);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'ceac-watch',
      'idempotency-key': message.idempotencyKey,
    };
    if (c.secret) headers['x-ceac-signature'] = signBody(c.secret, body);
    let res: Response;
    try {
      res = await ctx.fetch(c.target, { method: 'POST', headers, body });
    } catch (err) {
      throw fetchFailure(err, `the webhook at ${new URL(c.target).host}`);
    }
    const text = await res.text().catch(() => '');
    if (!res.ok)
      throw responseFailure(
        res.status,
        `the webhook at ${new URL(c.target).host}`,
        text,
        res.headers.get('retry-after'),
      );
  },
};
