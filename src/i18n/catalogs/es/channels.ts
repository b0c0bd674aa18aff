import type { AreaCatalog } from '../../catalog.js';
import type { channels as source } from '../en/channels.js';

/** Notification setup on the web (accounts' channels: forms per kind, removal, time zones). */
export const channels: AreaCatalog<typeof source> = {
  'channels.heading': 'Notificaciones',
};
