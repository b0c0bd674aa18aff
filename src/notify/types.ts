import type { Dispatcher } from 'undici';

import { AppError } from '../errors.js';
import type { EventKind } from '../store/tables/cases.js';

export type { EventKind } from '../store/tables/cases.js';

export const EVENT_KINDS: readonly EventKind[] = [
  'first_seen',
  'status_changed',
  'text_changed',
  'last_updated_changed',
  'check_failing',
  'check_recovered',
  'reminder',
  'clearance_wave',
];

/** What a channel delivers: rendered once per (event, channel) by content.ts, independent of the channel. */
export interface Notification {
  /** Stable across retries of the same delivery: webhooks send it as Idempotency-Key, e-mail derives its Message-ID. */
  idempotencyKey: string;
  title: string;
  text: string;
  html: string;
  /** The webhook body (see payload.ts for its schema). */
  payload: unknown;
  /** Link to the case page, when the instance has a public URL. */
  link: string | null;
  /** 'high' for status changes and health alarms, 'default' otherwise (ntfy priority). */
  priority: 'high' | 'default' | 'low';
  tags: string[];
}

/** Everything a send may need from outside the channel's own URL. */
export interface SendContext {
  /** fetch bound to the SSRF-guarded connection pool (see ssrf.ts). */
  fetch: typeof fetch;
  /** Undici dispatcher behind `fetch`, for channels that call undici directly. */
  dispatcher?: Dispatcher;
  allowPrivateTargets: boolean;
  /** SMTP server used by `mailto:///?to=…` (no host of its own), e.g. smtp://user:pass@host:587. */
  smtpUrl?: string | undefined;
  mailFrom: string;
  timeoutMs: number;
}

/** A field-level problem with a channel URL, phrased for the person who typed it. */
export interface FieldError {
  field: string;
  message: string;
  /** What went wrong, for shells that say it in their own words (the message is the CLI's English). */
  code?: 'name_taken';
}

export type ParseResult<C> = { ok: true; config: C } | { ok: false; errors: FieldError[] };

/**
 * One notification channel. Each lives in its own file under channels/ and is registered once in
 * registry.ts. `parse` and `mask` are pure; `validate` runs when a channel is saved (it may resolve
 * host names); `send` delivers or throws DeliveryError.
 */
export interface ChannelDefinition<C = unknown> {
  /** Registry name, stored in notify_channels.kind. */
  readonly name: string;
  /** URL schemes this channel accepts, without '://'. */
  readonly schemes: readonly string[];
  /** A one-line description of the URL form, shown in help and in errors. */
  readonly usage: string;
  /** Whether the receiving end can drop a repeat by itself (webhook: Idempotency-Key). */
  readonly deduplicates: boolean;
  parse(url: string): ParseResult<C>;
  /** The URL with every secret (password, token, webhook secret) replaced by '****'. */
  mask(config: C): string;
  /** The canonical URL to store (sealed); parse(serialize(c)) gives c back. */
  serialize(config: C): string;
  /** Checks made when the channel is saved beyond syntax (e.g. the target is not a private address). */
  validate(config: C, ctx: Pick<SendContext, 'allowPrivateTargets'>): Promise<FieldError[]>;
  send(config: C, message: Notification, ctx: SendContext): Promise<void>;
}

/**
 * A failed send. `permanent` failures (a 4xx answer, bad credentials, a refused target) are not
 * retried; the others are retried with backoff. The message is shown to the person, so it names
 * what went wrong and how to fix it, and never contains a secret.
 */
export class DeliveryError extends AppError {
  override name = 'DeliveryError';
  override readonly code = 'delivery_failed';
  constructor(
    message: string,
    readonly permanent: boolean,
    /** Server-requested wait (Retry-After), in ms. */
    readonly retryAfterMs?: number,
    /** What went wrong, without the note that the outbox will retry (a one-off test is not retried). */
    readonly reason: string = message,
  ) {
    super(message);
  }

  /** A failure worth retrying, its message saying so. */
  static willRetry(reason: string, retryAfterMs?: number): DeliveryError {
    return new DeliveryError(`${reason}; will retry`, false, retryAfterMs, reason);
  }
}
