/**
 * Notifications: channels (one file each under channels/), the outbox and its dispatcher.
 * This is the module's public face; other parts import from here only.
 */
import type { Kysely } from 'kysely';

import type { Database } from '../store/schema.js';
import { ChannelError, findChannel } from './channel-store.js';
import { createDispatcher, type Dispatcher, type DispatcherOptions } from './dispatcher.js';
import { DeliveryError } from './types.js';

export {
  addChannel,
  type AddResult,
  ChannelError,
  type ChannelSettings,
  type ChannelView,
  findChannel,
  listChannels,
  localTimeZone,
  removeChannel,
} from './channel-store.js';
export { signBody } from './channels/webhook.js';
export { createDispatcher, type Dispatcher, type DispatcherOptions, type RunSummary } from './dispatcher.js';
export { startNoticeLoop } from './notice-loop.js';
export { type DeliveryView, enqueueDeliveries, listDeliveries, nextDueAt } from './outbox.js';
export { EventPayload, WebhookPayload, webhookPayloadJsonSchema } from './payload.js';
export { DEFAULT_EVENT_KINDS, parseEventKinds, parseQuietHours, type QuietHours } from './policy.js';
export {
  ChannelRegistry,
  channels,
  maskChannelUrl,
  type ParseChannelResult,
  parseChannelUrl,
  type ParsedChannel,
  validateChannelUrl,
} from './registry.js';
export { isPrivateAddress } from './ssrf.js';
export {
  type ChannelDefinition,
  DeliveryError,
  EVENT_KINDS,
  type EventKind,
  type FieldError,
  type Notification,
} from './types.js';

export type TestResult =
  { ok: true; channel: string } | { ok: false; channel: string; error: string; permanent: boolean };

/**
 * Sends a test message through a saved channel now, outside the outbox; returns the outcome (never throws
 * for a delivery problem). Pass a running dispatcher to reuse its connections, or options to make one.
 */
export async function testChannel(
  db: Kysely<Database>,
  ownerId: number | null,
  idOrName: string | number,
  via: Dispatcher | DispatcherOptions,
): Promise<TestResult | null> {
  const row = await findChannel(db, ownerId, idOrName);
  if (!row) return null;
  const dispatcher = 'sendTest' in via ? via : createDispatcher(via);
  try {
    await dispatcher.sendTest(row);
    return { ok: true, channel: row.name };
  } catch (err) {
    // A test is not retried, so the outbox's "will retry" does not apply here.
    if (err instanceof DeliveryError)
      return {
        ok: false,
        channel: row.name,
        error: err.reason,
        permanent: err.permanent,
      };
    if (err instanceof ChannelError) return { ok: false, channel: row.name, error: err.message, permanent: true };
    throw err;
  } finally {
    if (!('sendTest' in via)) await dispatcher.stop();
  }
}
