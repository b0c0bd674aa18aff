/** Notification setup on the web (accounts' channels: forms per kind, removal, time zones). English, the source: every key here must be in zh-CN/channels.ts and es/channels.ts. */
export const channels = {
  'channels.heading': 'Notifications',
};
