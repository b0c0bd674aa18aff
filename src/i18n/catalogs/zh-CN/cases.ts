import type { AreaCatalog } from '../../catalog.js';
import type { cases as source } from '../en/cases.js';

/** The web pages of one's own cases, the account page (but its notification channels) and shared timelines (src/web/pages/cases.tsx, case-ahead, learned-schedule, account, timelines, calendar). */
export const cases: AreaCatalog<typeof source> = {
  'cases.heading': '我的案件',
};
