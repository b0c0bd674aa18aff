import type { Migration } from 'kysely';
import * as cases from './2026-11-26T06-00-cases.js';

/**
 * Every migration, in order. Names start with an ISO date so that they sort as they were written;
 * a migration, once landed, is frozen: change the schema with a new one.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '2026-11-26T06-00-cases': cases,
};
