import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { SMTPServer, type SMTPServerSession } from 'smtp-server';

/**
 * Real receivers for notification tests: one HTTP server standing in for webhooks, ntfy and the
 * Telegram Bot API, and an SMTP server. Both count what they got, and tell apart requests that
 * were acknowledged (the answer reached the sender) from those whose sender vanished first.
 */
export interface HttpHit {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** The success answer reached an open connection. */
  acknowledged: boolean;
  status: number;
  receivedAt: number;
  /** The receiver has answered (or found the sender gone). */
  answered: boolean;
}

export type Responder = (
  hit: Omit<HttpHit, 'acknowledged' | 'status' | 'receivedAt' | 'answered'>,
  index: number,
) => { status: number; body?: string; headers?: Record<string, string>; delayMs?: number };

/**
 * A request (or mail) the receiver holds without answering, so that a test can act on its sender
 * (e.g. SIGKILL it) while the message is surely in flight. Nothing is answered until drop().
 */
export interface Hold<T> {
  /** Resolves with the held message once one matching arrives. */
  arrived: Promise<T>;
  /** Closes the held connection without an answer: the message stays unacknowledged. */
  drop(): void;
  /** Answers the held message as the receiver would have (it is acknowledged if its sender is there). */
  release(): void;
}

export interface HttpReceiver {
  url: string;
  port: number;
  hits: HttpHit[];
  respond: Responder;
  /** Holds the next request for which `match` is true (checked as each request arrives). */
  holdNext(match: (hit: HttpHit) => boolean): Hold<HttpHit>;
  /** Hits to a path that got a 2xx answer through to the sender. */
  acknowledged(pathPrefix?: string): HttpHit[];
  close(): Promise<void>;
}

export async function startHttpReceiver(
  respond: Responder = () => ({ status: 200, body: '{"ok":true}' }),
): Promise<HttpReceiver> {
  const hits: HttpHit[] = [];
  let holding: {
    match: (hit: HttpHit) => boolean;
    take: (hit: HttpHit, req: IncomingMessage, answer: () => void) => void;
  } | null = null;
  const receiver: HttpReceiver = {
    url: '',
    port: 0,
    hits,
    respond,
    holdNext(match) {
      let held: { hit: HttpHit; req: IncomingMessage; answer: () => void } | null = null;
      let resolve!: (hit: HttpHit) => void;
      const arrived = new Promise<HttpHit>((r) => (resolve = r));
      holding = {
        match,
        take: (hit, req, answer) => {
          held = { hit, req, answer };
          resolve(hit);
        },
      };
      return {
        arrived,
        drop() {
          if (holding?.match === match) holding = null;
          if (!held) throw new Error('drop(): no request is held yet');
          held.hit.answered = true;
          held.hit.acknowledged = false;
          held.req.socket.destroy();
        },
        release() {
          if (!held) throw new Error('release(): no request is held yet');
          held.answer();
        },
      };
    },
    acknowledged: (prefix = '/') => hits.filter((h) => h.acknowledged && h.path.startsWith(prefix) && h.status < 300),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const base = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      const index = hits.length;
      const answer = receiver.respond(base, index);
      const hit: HttpHit = {
        ...base,
        acknowledged: false,
        status: answer.status,
        receivedAt: Date.now(),
        answered: false,
      };
      hits.push(hit);
      const send = () => {
        hit.answered = true;
        if (res.destroyed || req.socket.destroyed) return;
        res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
        res.end(answer.body ?? '{}', () => {
          hit.acknowledged = !req.socket.destroyed;
        });
      };
      if (holding && holding.match(hit)) {
        const h = holding;
        holding = null;
        h.take(hit, req, send);
        return;
      }
      if (answer.delayMs) setTimeout(send, answer.delayMs);
      else send();
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.port = (server.address() as AddressInfo).port;
  receiver.url = `http://127.0.0.1:${receiver.port}`;
  return receiver;
}

export interface Mail {
  from: string;
  to: string[];
  raw: string;
  messageId: string | null;
  subject: string | null;
  acknowledged: boolean;
  receivedAt: number;
  /** The server has answered (250 or an error). */
  answered: boolean;
}

export interface SmtpReceiver {
  port: number;
  mails: Mail[];
  /** Answer each DATA this long after receiving it (to keep a message in flight). */
  delayMs: number;
  /** When set, the next DATA is answered with this SMTP error (e.g. 550). */
  rejectWith: { code: number; message: string } | null;
  /** Holds the next mail for which `match` is true (checked as each DATA ends) without answering it. */
  holdNext(match: (mail: Mail) => boolean): Hold<Mail>;
  acknowledged(): Mail[];
  /** Stops listening (the server is "down"); start() brings it back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startSmtpReceiver(
  options: { port?: number; users?: Record<string, string> } = {},
): Promise<SmtpReceiver> {
  const mails: Mail[] = [];
  const closed = new Set<string>();
  let server: SMTPServer | null = null;
  let holding: { match: (mail: Mail) => boolean; take: (mail: Mail, answer: (err?: Error) => void) => void } | null =
    null;
  const receiver: SmtpReceiver = {
    port: options.port ?? 0,
    mails,
    delayMs: 0,
    rejectWith: null,
    holdNext(match) {
      let held: { mail: Mail; answer: (err?: Error) => void } | null = null;
      let resolve!: (mail: Mail) => void;
      const arrived = new Promise<Mail>((r) => (resolve = r));
      holding = {
        match,
        take: (mail, answer) => {
          held = { mail, answer };
          resolve(mail);
        },
      };
      return {
        arrived,
        drop() {
          if (holding?.match === match) holding = null;
          if (!held) throw new Error('drop(): no mail is held yet');
          held.mail.answered = true;
          held.mail.acknowledged = false;
          // A 421 makes smtp-server close the connection instead of accepting the message.
          held.answer(Object.assign(new Error('closing: test dropped the connection'), { responseCode: 421 }));
        },
        release() {
          if (!held) throw new Error('release(): no mail is held yet');
          held.answer();
        },
      };
    },
    acknowledged: () => mails.filter((m) => m.acknowledged),
    async stop() {
      const s = server;
      server = null;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    async start() {
      const s = new SMTPServer({
        disabledCommands: options.users ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
        allowInsecureAuth: true,
        authOptional: !options.users,
        logger: false,
        onAuth(auth, _session, cb) {
          const ok = options.users && options.users[auth.username ?? ''] === auth.password;
          cb(
            ok ? null : Object.assign(new Error('Invalid username or password'), { responseCode: 535 }),
            ok ? { user: auth.username } : undefined,
          );
        },
        onClose(session: SMTPServerSession) {
          closed.add(session.id);
        },
        onData(stream, session, cb) {
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            const raw = Buffer.concat(chunks).toString('utf8');
            const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
            const header = (name: string) => {
              const value = new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1]?.trim();
              return value === undefined ? null : decodeWords(value);
            };
            const mail: Mail = {
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
              raw,
              messageId: header('Message-ID'),
              subject: header('Subject'),
              acknowledged: false,
              receivedAt: Date.now(),
              answered: false,
            };
            mails.push(mail);
            const answer = (reject: { code: number; message: string } | null) => {
              mail.answered = true;
              if (reject) {
                cb(Object.assign(new Error(reject.message), { responseCode: reject.code }));
                return;
              }
              // Acknowledged only when the sender is still there to hear the 250.
              mail.acknowledged = !closed.has(session.id);
              cb();
            };
            if (holding && holding.match(mail)) {
              const h = holding;
              holding = null;
              h.take(mail, (err) => (err ? cb(err) : answer(null)));
              return;
            }
            const reject = receiver.rejectWith;
            receiver.rejectWith = null;
            setTimeout(() => answer(reject), receiver.delayMs);
          });
        },
      });
      await new Promise<void>((resolve, reject) => {
        s.once('error', reject);
        s.listen(receiver.port, '127.0.0.1', () => resolve());
      });
      s.on('error', () => undefined);
      receiver.port = (s.server.address() as AddressInfo).port;
      server = s;
    },
  };
  await receiver.start();
  return receiver;
}

/** Decodes RFC 2047 encoded words (=?UTF-8?B?…?= / =?UTF-8?Q?…?=) in a header value. */
export function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, _charset: string, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-Fa-f]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

/**
 * The decoded body of one MIME part of a mail (`text/plain` or `text/html`), searched through multipart bodies;
 * quoted-printable and base64 are decoded to UTF-8. Null when the mail has no such part.
 */
export function mailBody(raw: string, type: 'text/plain' | 'text/html'): string | null {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\r\n\r\n');
  const headers = head.replace(/\r?\n[ \t]+/g, ' ');
  const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(headers)?.[1]?.trim() ?? '';
  const contentType = field('Content-Type').toLowerCase();
  if (contentType.startsWith('multipart/')) {
    const boundary = /boundary="?([^";]+)"?/i.exec(field('Content-Type'))?.[1];
    if (!boundary) return null;
    for (const part of body.split(`--${boundary}`).slice(1)) {
      if (part.startsWith('--')) break;
      const found = mailBody(part.replace(/^\r?\n/, ''), type);
      if (found !== null) return found;
    }
    return null;
  }
  if (!(contentType === '' ? 'text/plain' : contentType).startsWith(type)) return null;
  const encoding = field('Content-Transfer-Encoding').toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8').replace(/\r\n/g, '\n');
  }
  return body.replace(/\r\n/g, '\n');
}
