/** Clearance waves and recent clearances (stats/waves.ts, the /stats views). English, the source: every key here must be in zh-CN/waves.ts and es/waves.ts. */
export const waves = {
  'waves.recent.heading': 'Recent clearances',
};
