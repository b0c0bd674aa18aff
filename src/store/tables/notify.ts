import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Notification channels and the outbox. Times are epoch ms; JSON is text; booleans 0/1.
 * A channel's URL carries its secrets (SMTP password, bot token, webhook secret), so it is stored
 * sealed; `url_masked` is the display form with every secret replaced.
 */
export interface NotifyChannelsTable {
  id: Generated<number>;
  /** The web user who owns the channel; null = the local CLI user. Events reach the channels of their case's owner. */
  owner_id: number | null;
  /** A name the person chose (unique per owner), e.g. "my phone". */
  name: string;
  /** 'email' | 'webhook' | 'ntfy' | 'telegram' (the channel registry's names). */
  kind: string;
  url_sealed: string;
  url_masked: string;
  /** The event kinds delivered immediately, as a JSON array. */
  events_json: string;
  /** Quiet hours 'HH:MM' in `time_zone`; both null when there are none. */
  quiet_start: string | null;
  quiet_end: string | null;
  /** IANA time zone of the person (quiet hours and digest time). */
  time_zone: string;
  /** 1: "Case Last Updated"-only changes are collected into one daily message at `digest_at`. */
  digest: number;
  /** 'HH:MM' in `time_zone`. */
  digest_at: string;
  /** The language of its messages (en, zh-CN, es) when chosen for the channel; null: the owner's, else English. */
  language: Generated<string | null>;
  enabled: number;
  created_at: number;
  updated_at: number;
}

export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed';

/**
 * The outbox: one row per (event, channel), written in the transaction that writes the event.
 * `digest = 1` rows wait for the channel's daily digest and are sent together as one message.
 */
export interface NotifyDeliveriesTable {
  id: Generated<number>;
  event_id: number;
  channel_id: number;
  status: DeliveryStatus;
  digest: number;
  /** Tries made so far (a try counts when it is claimed). */
  attempts: number;
  /** Not sent before this time: retry backoff, quiet hours, or the digest time. */
  next_attempt_at: number;
  /** Why it waits, for display: 'retry', 'quiet hours', 'digest'; null when due at once. */
  hold_reason: string | null;
  /** Who holds the claim and until when; an expired lease may be taken over (see outbox.ts). */
  lease_owner: string | null;
  lease_until: number | null;
  /** The last error as the person should see it (never a secret). */
  last_error: string | null;
  created_at: number;
  sent_at: number | null;
}

export interface NotifyTables {
  notify_channels: NotifyChannelsTable;
  notify_deliveries: NotifyDeliveriesTable;
}

export type ChannelRow = Selectable<NotifyChannelsTable>;
export type NewChannelRow = Insertable<NotifyChannelsTable>;
export type ChannelUpdate = Updateable<NotifyChannelsTable>;
export type DeliveryRow = Selectable<NotifyDeliveriesTable>;
