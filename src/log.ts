import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';

export type { Logger } from 'pino';

/**
 * Every field name under which personal data or a secret may travel in this code base. Redaction is
 * by path, so each name is listed at the top level and nested up to three levels (e.g. `case.passport`,
 * `err.query.surname`, `req.headers.authorization`).
 */
export const SENSITIVE_KEYS = [
  'passport',
  'passportNumber',
  'passport_sealed',
  'passport_hash',
  'surname',
  'surname_sealed',
  'lastName',
  'applicationName',
  'email',
  'email_sealed',
  'to',
  'secret',
  'secret_sealed',
  'token',
  'password',
  'password_hash',
  'authorization',
  'cookie',
  'set-cookie',
  'url_sealed',
  'target',
  'targetUrl',
  'webhookUrl',
  'identity_hash',
  'CEAC_WATCH_SECRET',
  'SMTP_URL',
] as const;

function redactPaths(): string[] {
  const paths: string[] = [];
  for (const key of SENSITIVE_KEYS) {
    const k = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
    const dot = k.startsWith('[') ? '' : '.';
    paths.push(k, `*${dot}${k}`, `*.*${dot}${k}`, `*.*.*${dot}${k}`);
  }
  return paths;
}

const SEALED_VALUE = /sv1\.[0-9a-f]{8}\.[A-Za-z0-9_-]+/g;

/** Masks a case number for logs: enough to tell cases apart, not enough to look one up. */
export function maskCaseNumber(id: string | null | undefined): string {
  if (!id) return '';
  return id.length <= 4 ? '****' : `${id.slice(0, 2)}${'*'.repeat(id.length - 4)}${id.slice(-2)}`;
}

export interface LoggerOptionsLite {
  level?: string;
  name?: string;
  /** Where lines go; defaults to stderr so that a command's stdout stays clean for --json. */
  destination?: DestinationStream;
  base?: Record<string, unknown>;
}

/**
 * The project's logger: pino with every PII path redacted, and any sealed value that slips into a
 * message string replaced as well (a sealed value is not secret by itself, but it must not leak
 * where it could be matched across logs).
 */
export function createLogger(opts: LoggerOptionsLite = {}): Logger {
  const options: LoggerOptions = {
    level: opts.level ?? process.env.LOG_LEVEL ?? 'info',
    base: opts.base ?? (opts.name ? { name: opts.name } : {}),
    redact: { paths: redactPaths(), censor: '[redacted]' },
    hooks: {
      logMethod(args, method) {
        const scrubbed = args.map((a) => (typeof a === 'string' ? a.replace(SEALED_VALUE, '[sealed]') : a));
        method.apply(this, scrubbed as Parameters<typeof method>);
      },
    },
    serializers: {
      err: (err: unknown) => {
        const e = pino.stdSerializers.err(err as Error);
        if (typeof e.message === 'string') e.message = e.message.replace(SEALED_VALUE, '[sealed]');
        if (typeof e.stack === 'string') e.stack = e.stack.replace(SEALED_VALUE, '[sealed]');
        return e;
      },
    },
  };
  return pino(options, opts.destination ?? pino.destination({ dest: 2, sync: true }));
}
