import type { Migration } from 'kysely';

import * as cases from './2026-11-26T06-00-cases.js';
import * as accounts from './2026-11-26T07-00-accounts.js';
import * as timelines from './2026-11-26T07-30-timelines.js';
import * as notify from './2026-11-26T08-00-notify.js';
import * as attemptsRetention from './2026-11-26T08-30-attempts-retention.js';
import * as security from './2026-11-29T11-00-security.js';
import * as detailsRejected from './2026-11-29T12-00-details-rejected.js';
import * as changeIntervals from './2026-11-29T13-00-change-intervals.js';
import * as calendarFeeds from './2026-11-29T14-00-calendar-feeds.js';
import * as accountLanguage from './2026-11-30T01-00-account-language.js';
import * as channelLanguage from './2026-11-30T05-00-channel-language.js';

/**
 * Every migration, in order. Names start with an ISO date so that they sort as they were written;
 * a migration, once landed, is frozen: change the schema with a new one.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '2026-11-26T06-00-cases': cases,
  '2026-11-26T07-00-accounts': accounts,
  '2026-11-26T07-30-timelines': timelines,
  '2026-11-26T08-00-notify': notify,
  '2026-11-26T08-30-attempts-retention': attemptsRetention,
  '2026-11-29T11-00-security': security,
  '2026-11-29T12-00-details-rejected': detailsRejected,
  '2026-11-29T13-00-change-intervals': changeIntervals,
  '2026-11-29T14-00-calendar-feeds': calendarFeeds,
  '2026-11-30T01-00-account-language': accountLanguage,
  '2026-11-30T05-00-channel-language': channelLanguage,
};
