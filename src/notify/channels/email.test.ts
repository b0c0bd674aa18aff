import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { decodeWords, type SmtpReceiver, startSmtpReceiver } from '../../../test/notify-receivers.js';
import {
  closedPort,
  notification,
  parsesAll,
  refusesAll,
  sendContext,
  TRICKY_TEXT,
  TRICKY_TITLE,
} from '../../../test/support/channels.js';
import { DeliveryError, type SendContext } from '../types.js';
import { emailChannel, type EmailConfig, maskAddress } from './email.js';

describe('email: URL → config', () => {
  const GOOD: { url: string; config: EmailConfig; stored: string; masked: string }[] = [
    {
      url: 'mailtos://alice:p%40ss%2Fw@smtp.example.com/?to=alice@example.com',
      config: {
        host: 'smtp.example.com',
        port: null,
        secure: true,
        user: 'alice',
        password: 'p@ss/w',
        to: ['alice@example.com'],
        from: null,
      },
      stored: 'mailtos://alice:p%40ss%2Fw@smtp.example.com/?to=alice@example.com',
      masked: 'mailtos://alice:****@smtp.example.com/?to=a*@example.com',
    },
    {
      url: 'mailto://mail.example.org:2525/?to=a@x.org, b@y.org&from=Watch <watch@x.org>',
      config: {
        host: 'mail.example.org',
        port: 2525,
        secure: false,
        user: null,
        password: null,
        to: ['a@x.org', 'b@y.org'],
        from: 'Watch <watch@x.org>',
      },
      stored: 'mailto://mail.example.org:2525/?to=a@x.org,b@y.org&from=Watch+%3Cwatch@x.org%3E',
      masked: 'mailto://mail.example.org:2525/?to=a*@x.org,b*@y.org&from=Watch+%3Cwatch@x.org%3E',
    },
    {
      url: 'mailto:///?to=me@example.com',
      config: { host: null, port: null, secure: false, user: null, password: null, to: ['me@example.com'], from: null },
      stored: 'mailto:///?to=me@example.com',
      masked: 'mailto:///?to=m*@example.com',
    },
  ];
  parsesAll(emailChannel, GOOD);

  const BAD: { url: string; errors: { field: string; message: RegExp }[] }[] = [
    {
      url: 'smtp://host/?to=a@b.org',
      errors: [{ field: 'scheme', message: /starts with mailto:\/\/ or mailtos:\/\// }],
    },
    { url: 'mailto://smtp.example.com/', errors: [{ field: 'to', message: /say who receives the mail: add \?to=/ }] },
    {
      url: 'mailto://smtp.example.com/?to=alice,bob@x.org',
      errors: [{ field: 'to', message: /^"alice" is not an e-mail address$/ }],
    },
    {
      url: 'mailto://h.example/?to=a@b.org&from=nobody',
      errors: [{ field: 'from', message: /"nobody" is not an e-mail/ }],
    },
    {
      url: 'mailto://alice:pw@/?to=a@b.org',
      errors: [{ field: 'url', message: /not a valid e-mail URL; expected mailto:\/\/user:pass@smtp\.host/ }],
    },
    { url: 'mailto://:2525/?to=a@b.org', errors: [{ field: 'url', message: /not a valid e-mail URL/ }] },
  ];
  refusesAll(emailChannel, BAD, [':pw']);

  it('masks an address to its first letter and domain', () => {
    expect(maskAddress('someone@example.com')).toBe('s*@example.com');
    expect(maskAddress('@example.com')).toBe('****');
  });
});

/** The parts of a MIME message, decoded: headers (unfolded, encoded words decoded) and bodies by content type. */
function readMime(raw: string): { headers: Map<string, string>; parts: Map<string, string> } {
  const [head = '', ...rest] = raw.split(/\r\n\r\n/);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const i = line.indexOf(':');
    headers.set(line.slice(0, i).toLowerCase(), decodeWords(line.slice(i + 1).trim()));
  }
  const body = rest.join('\r\n\r\n');
  const parts = new Map<string, string>();
  const boundary = /boundary="?([^";]+)"?/.exec(headers.get('content-type') ?? '')?.[1];
  const chunks = boundary ? body.split(`--${boundary}`).slice(1, -1) : [`${head}\r\n\r\n${body}`];
  for (const chunk of chunks) {
    const [partHead = '', ...partBody] = chunk.replace(/^\r\n/, '').split(/\r\n\r\n/);
    const type = /content-type:\s*([^;\r\n]+)/i.exec(partHead)?.[1]?.trim() ?? '';
    const encoding = /content-transfer-encoding:\s*(\S+)/i.exec(partHead)?.[1]?.toLowerCase();
    const text = partBody.join('\r\n\r\n').replace(/\r\n$/, '');
    const bytes =
      encoding === 'base64'
        ? Buffer.from(text, 'base64')
        : encoding === 'quoted-printable'
          ? Buffer.from(
              text
                .replace(/=\r\n/g, '')
                .replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
              'latin1',
            )
          : Buffer.from(text, 'utf8');
    parts.set(
      `${type}; charset=${/charset=([^;\s]+)/i.exec(partHead)?.[1]?.toLowerCase() ?? ''}`,
      bytes.toString('utf8').replace(/\r\n/g, '\n'),
    );
  }
  return { headers, parts };
}

describe('email: event → message, through a real SMTP server', () => {
  let smtp: SmtpReceiver;
  const { ctx, http } = sendContext();
  beforeAll(async () => {
    smtp = await startSmtpReceiver({ users: { alice: 'correct horse' } });
  });
  afterAll(async () => {
    await smtp.stop();
    await http.close();
  });

  const channelUrl = (query: string, auth = 'alice:correct%20horse@') =>
    `mailto://${auth}127.0.0.1:${smtp.port}/?${query}`;

  const CASES: { name: string; query: string; from: string; fromHeader: RegExp; to: string[] }[] = [
    {
      name: 'the instance sender, one recipient',
      query: 'to=mum@example.com',
      from: 'watch@example.org',
      fromHeader: /^"ceac-watch" <watch@example\.org>$/,
      to: ['mum@example.com'],
    },
    {
      name: 'the channel’s own sender, two recipients',
      query: 'to=mum@example.com,dad@example.net&from=Family <family@example.org>',
      from: 'family@example.org',
      fromHeader: /^Family <family@example\.org>$/,
      to: ['mum@example.com', 'dad@example.net'],
    },
  ];
  it.each(CASES)('$name', async ({ query, from, fromHeader, to }) => {
    const parsed = emailChannel.parse(channelUrl(query));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const message = notification();
    const before = smtp.mails.length;
    await emailChannel.send(parsed.config, message, ctx);
    const mail = smtp.mails[before]!;
    expect(mail.acknowledged).toBe(true);
    expect(mail.from).toBe(from);
    expect(mail.to).toEqual(to);
    // The subject survives non-ASCII, quotes and angle brackets (encoded words, not raw bytes).
    expect(mail.subject).toBe(TRICKY_TITLE);
    // A stable Message-ID, so a resend after a crash is recognisably the same message.
    expect(mail.messageId).toBe('<ceac-watch-event-42@ceac-watch>');
    const { headers, parts } = readMime(mail.raw);
    expect(headers.get('from')).toMatch(fromHeader);
    expect(headers.get('to')).toBe(to.join(', '));
    expect(headers.get('content-type')).toMatch(/^multipart\/alternative; boundary=/);
    // Both bodies, as given: the text part keeps its markup as characters, the HTML part is the escaped HTML.
    expect(parts.get('text/plain; charset=utf-8')).toBe(TRICKY_TEXT);
    expect(parts.get('text/html; charset=utf-8')).toBe(message.html);
    expect([...parts.keys()]).toEqual(['text/plain; charset=utf-8', 'text/html; charset=utf-8']);
    // Nothing of the credentials travels in the message.
    expect(mail.raw).not.toContain('correct horse');
  });

  it('mailto:///?to= goes through the instance SMTP_URL', async () => {
    const parsed = emailChannel.parse('mailto:///?to=me@example.com');
    if (!parsed.ok) throw new Error('parse');
    const before = smtp.mails.length;
    const viaInstance: SendContext = { ...ctx, smtpUrl: `smtp://alice:correct%20horse@127.0.0.1:${smtp.port}` };
    await emailChannel.send(parsed.config, notification({ idempotencyKey: 'k-instance' }), viaInstance);
    expect(smtp.mails[before]?.to).toEqual(['me@example.com']);
    expect(smtp.mails[before]?.messageId).toBe('<k-instance@ceac-watch>');
  });

  it('mailto:///?to= without SMTP_URL says what to set, and is not retried', async () => {
    const parsed = emailChannel.parse('mailto:///?to=me@example.com');
    if (!parsed.ok) throw new Error('parse');
    const e = (await emailChannel.send(parsed.config, notification(), ctx).catch((x: unknown) => x)) as DeliveryError;
    expect(e).toBeInstanceOf(DeliveryError);
    expect(e.permanent).toBe(true);
    expect(e.message).toMatch(/SMTP_URL is not set: set SMTP_URL or give the channel its own SMTP host/);
  });

  it('a wrong password: permanent, and the password is not in the error', async () => {
    const parsed = emailChannel.parse(channelUrl('to=mum@example.com', 'alice:wrong%20battery@'));
    if (!parsed.ok) throw new Error('parse');
    const before = smtp.mails.length;
    const e = (await emailChannel.send(parsed.config, notification(), ctx).catch((x: unknown) => x)) as DeliveryError;
    expect(e).toBeInstanceOf(DeliveryError);
    expect(e.permanent).toBe(true);
    expect(e.message).toMatch(
      /^the mail server refused the login: 535 Invalid username or password \(check user and password/,
    );
    expect(e.message).not.toMatch(/wrong battery|wrong%20battery/);
    expect(smtp.mails.length).toBe(before);
  });

  const REJECTIONS: { code: number; said: string; permanent: boolean; message: string }[] = [
    {
      code: 550,
      said: '<mum@example.com>: mailbox unavailable',
      permanent: true,
      // The server echoed the address: it is masked before the message is stored or logged.
      message: 'the mail server refused the message (550): 550 <m*@example.com>: mailbox unavailable',
    },
    {
      code: 451,
      said: 'try again later',
      permanent: false,
      message: 'the mail server deferred the message (451): 451 try again later; will retry',
    },
  ];
  it.each(REJECTIONS)('DATA answered $code', async ({ code, said, permanent, message }) => {
    const parsed = emailChannel.parse(channelUrl('to=mum@example.com'));
    if (!parsed.ok) throw new Error('parse');
    smtp.rejectWith = { code, message: said };
    const e = (await emailChannel.send(parsed.config, notification(), ctx).catch((x: unknown) => x)) as DeliveryError;
    expect(e).toBeInstanceOf(DeliveryError);
    expect(e.message).toBe(message);
    expect(e.permanent).toBe(permanent);
    expect(e.message).not.toContain('mum@example.com');
  });

  it('a mail server that is down is retried', async () => {
    const port = await closedPort();
    const parsed = emailChannel.parse(`mailto://alice:correct%20horse@127.0.0.1:${port}/?to=mum@example.com`);
    if (!parsed.ok) throw new Error('parse');
    const e = (await emailChannel.send(parsed.config, notification(), ctx).catch((x: unknown) => x)) as DeliveryError;
    expect(e).toBeInstanceOf(DeliveryError);
    expect(e.permanent).toBe(false);
    expect(e.message).toBe('cannot reach the mail server (ESOCKET, ECONNREFUSED); will retry');
  });

  it('a channel’s own SMTP host on loopback is refused unless private targets are allowed', async () => {
    const parsed = emailChannel.parse(channelUrl('to=mum@example.com'));
    if (!parsed.ok) throw new Error('parse');
    const guarded: SendContext = { ...ctx, allowPrivateTargets: false };
    const before = smtp.mails.length;
    const e = (await emailChannel
      .send(parsed.config, notification(), guarded)
      .catch((x: unknown) => x)) as DeliveryError;
    expect(e).toBeInstanceOf(DeliveryError);
    expect(e.permanent).toBe(true);
    expect(e.message).toMatch(
      /^refused: 127\.0\.0\.1 resolves to 127\.0\.0\.1, a private, loopback or link-local address/,
    );
    expect(smtp.mails.length).toBe(before);
    expect(await emailChannel.validate(parsed.config, { allowPrivateTargets: false })).toHaveLength(1);
    // The instance relay (no host of its own) is the operator's choice, not checked.
    const relay = emailChannel.parse('mailto:///?to=me@example.com');
    if (!relay.ok) throw new Error('parse');
    expect(await emailChannel.validate(relay.config, { allowPrivateTargets: false })).toEqual([]);
  });
});
