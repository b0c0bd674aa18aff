import type { AreaCatalog } from '../../catalog.js';
import type { waves as source } from '../en/waves.js';

/** Clearance waves and recent clearances (stats/waves.ts, the /stats views). */
export const waves: AreaCatalog<typeof source> = {
  'waves.recent.heading': 'Casos resueltos recientemente',
};
