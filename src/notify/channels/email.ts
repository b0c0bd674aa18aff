import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';

import { checkTarget, resolvePublicAddress } from '../ssrf.js';
import { type ChannelDefinition, DeliveryError, type FieldError, type ParseResult } from '../types.js';

/**
 * E-mail over SMTP (nodemailer), plain text and HTML.
 *
 *   mailto://[user:pass@]smtp.example.com[:587]/?to=me@example.com[,other@…][&from=…]   STARTTLS when offered
 *   mailtos://user:pass@smtp.example.com[:465]/?to=…                                     TLS from the start
 *   mailto:///?to=me@example.com                       through the instance's SMTP_URL
 */
export interface EmailConfig {
  /** null: use the instance's SMTP_URL. */
  host: string | null;
  port: number | null;
  secure: boolean;
  user: string | null;
  password: string | null;
  to: string[];
  from: string | null;
}

// Deliberately simple: a real check is the SMTP server's answer; this only catches typos.
const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

function parse(raw: string): ParseResult<EmailConfig> {
  const m = /^(mailtos?):\/\/(.*)$/.exec(raw.trim());
  if (!m)
    return { ok: false, errors: [{ field: 'scheme', message: 'an e-mail URL starts with mailto:// or mailtos://' }] };
  const [, scheme, rest = ''] = m;
  let url: URL;
  try {
    // Parsed as an http URL to get user, password, host and port split the standard way.
    url = new URL(`http://${rest.startsWith('/') ? `localhost.invalid${rest}` : rest}`);
  } catch {
    return {
      ok: false,
      errors: [
        { field: 'url', message: 'not a valid e-mail URL; expected mailto://user:pass@smtp.host/?to=you@example.com' },
      ],
    };
  }
  const errors: FieldError[] = [];
  const host = url.hostname === 'localhost.invalid' ? null : url.hostname;
  const to = (url.searchParams.get('to') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (to.length === 0) errors.push({ field: 'to', message: 'say who receives the mail: add ?to=you@example.com' });
  for (const addr of to)
    if (!ADDRESS.test(addr)) errors.push({ field: 'to', message: `"${addr}" is not an e-mail address` });
  const from = url.searchParams.get('from');
  if (from !== null && !ADDRESS.test(from.replace(/^.*<([^>]+)>\s*$/, '$1'))) {
    errors.push({ field: 'from', message: `"${from}" is not an e-mail address` });
  }
  const user = url.username ? decodeURIComponent(url.username) : null;
  const password = url.password ? decodeURIComponent(url.password) : null;
  if (!host && (user || url.port))
    errors.push({ field: 'host', message: 'give the SMTP host together with its user and port' });
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    config: { host, port: url.port ? Number(url.port) : null, secure: scheme === 'mailtos', user, password, to, from },
  };
}

function build(c: EmailConfig, secret: (s: string) => string): string {
  const scheme = c.secure ? 'mailtos' : 'mailto';
  const auth = c.user
    ? `${encodeURIComponent(c.user)}${c.password ? `:${secret(encodeURIComponent(c.password))}` : ''}@`
    : '';
  const where = c.host ? `${c.host}${c.port ? `:${c.port}` : ''}` : '';
  const query = new URLSearchParams({ to: c.to.join(',') });
  if (c.from) query.set('from', c.from);
  return `${scheme}://${auth}${where}/?${query.toString().replace(/%40/g, '@').replace(/%2C/g, ',')}`;
}

async function transportOptions(
  c: EmailConfig,
  smtpUrl: string | undefined,
  timeoutMs: number,
  allowPrivateTargets: boolean,
): Promise<SMTPTransport.Options> {
  const timeouts = { connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs };
  if (!c.host) {
    if (!smtpUrl) {
      throw new DeliveryError(
        'this channel sends through the instance mail server, but SMTP_URL is not set: set SMTP_URL or give the channel its own SMTP host',
        true,
      );
    }
    const u = new URL(smtpUrl);
    return {
      host: u.hostname,
      port: u.port ? Number(u.port) : u.protocol === 'smtps:' ? 465 : 587,
      secure: u.protocol === 'smtps:',
      ...(u.username ? { auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } } : {}),
      ...timeouts,
    };
  }
  // The channel's own host is a person's input, so the SSRF guard applies: every address it resolves
  // to is checked and the connection goes to the checked address (TLS still verifies the name).
  const host = allowPrivateTargets ? c.host : await resolvePublicAddress(c.host);
  return {
    host,
    ...(host !== c.host && { tls: { servername: c.host.replace(/^\[|\]$/g, '') } }),
    port: c.port ?? (c.secure ? 465 : 587),
    secure: c.secure,
    ...(c.user ? { auth: { user: c.user, pass: c.password ?? '' } } : {}),
    ...timeouts,
  };
}

/**
 * Which SMTP failures are worth retrying: 4xx answers and connection trouble; 5xx and bad credentials
 * are not. What the server said is repeated only when it answered one of our commands: its greeting
 * (or whatever a non-mail service sends on connect) is never shown, nor the text of a connection
 * error, so that a channel test cannot read banners of services it should not reach.
 */
function smtpFailure(err: unknown): DeliveryError {
  const e = err as Error & {
    code?: string;
    /** nodemailer keeps the system error's code (ECONNREFUSED...) here when it sets its own step code. */
    originalCode?: string;
    responseCode?: number;
    response?: string;
    command?: string;
  };
  if (e instanceof DeliveryError) return e;
  const answered = Boolean(e.command) && e.command !== 'CONN';
  // Servers echo addresses ("550 <alice@example.com>: unknown user"): errors are stored and logged, so mask them.
  const said = answered && e.response ? `: ${scrubAddresses(e.response.slice(0, 200))}` : '';
  if (e.code === 'EAUTH')
    return new DeliveryError(
      `the mail server refused the login${said} (check user and password in the channel URL)`,
      true,
    );
  if (answered && e.responseCode && e.responseCode >= 500)
    return new DeliveryError(`the mail server refused the message (${e.responseCode})${said}`, true);
  if (answered && e.responseCode && e.responseCode >= 400)
    return DeliveryError.willRetry(`the mail server deferred the message (${e.responseCode})${said}`);
  if (e.code === 'EPROTOCOL' || (e.command === 'CONN' && e.responseCode))
    return DeliveryError.willRetry(
      'the server at this address did not greet us as a mail server (is the host and port right?)',
    );
  // Only error codes (ESOCKET, ECONNREFUSED...), never the error's free text.
  const code = [e.code ?? 'error', e.originalCode].filter(Boolean).join(', ');
  return DeliveryError.willRetry(`cannot reach the mail server (${code})`);
}

export const emailChannel: ChannelDefinition<EmailConfig> = {
  name: 'email',
  schemes: ['mailto', 'mailtos'],
  usage: 'mailtos://user:pass@smtp.host/?to=you@example.com (mailto:// for STARTTLS; mailto:///?to=… uses SMTP_URL)',
  deduplicates: false,
  parse,
  serialize: (c) => build(c, (s) => s),
  mask: (c) => build({ ...c, to: c.to.map(maskAddress) }, () => '****'),
  // A channel's own SMTP host is checked like a webhook's (a local relay is the instance's SMTP_URL,
  // used by mailto:///?to=…, or needs CEAC_WATCH_ALLOW_PRIVATE_TARGETS).
  async validate(c, ctx) {
    if (!c.host) return [];
    const problem = await checkTarget(c.host, ctx.allowPrivateTargets);
    return problem ? [{ field: 'host', message: problem }] : [];
  },
  async send(c, message, ctx) {
    let transport: ReturnType<typeof nodemailer.createTransport>;
    try {
      transport = nodemailer.createTransport(
        await transportOptions(c, ctx.smtpUrl, ctx.timeoutMs, ctx.allowPrivateTargets),
      );
    } catch (err) {
      throw smtpFailure(err);
    }
    try {
      await transport.sendMail({
        from: c.from ?? ctx.mailFrom,
        to: c.to,
        subject: message.title,
        text: message.text,
        html: message.html,
        // A stable Message-ID: a resend after a crash is recognisably the same message to mail systems.
        messageId: `<${message.idempotencyKey}@ceac-watch>`,
      });
    } catch (err) {
      throw smtpFailure(err);
    } finally {
      transport.close();
    }
  },
};

/** me@example.com -> m*@example.com: enough to recognise one's own address in a list. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '****';
  return `${address[0]}*@${address.slice(at + 1)}`;
}

function scrubAddresses(text: string): string {
  return text.replace(/[^\s<>(),;:"]+@[^\s<>(),;:"]+/g, (a) => maskAddress(a));
}
