/**
 * The whole database, as Kysely sees it. Each area keeps its tables in its own file under tables/
 * (and its migrations under migrations/); this interface only puts them together.
 *
 * Conventions that keep one schema working on SQLite and PostgreSQL:
 * - times are integers, milliseconds since the epoch (bigint in PostgreSQL, parsed back to number);
 * - calendar dates are 'YYYY-MM-DD' text;
 * - booleans are integers 0/1; JSON is text;
 * - ids are integers from `idColumn()` (see migrations/util.ts), unless a table says otherwise.
 */
import type { AccountTables } from './tables/accounts.js';
import type { CaseTables } from './tables/cases.js';
import type { NotifyTables } from './tables/notify.js';
import type { ScheduleTables } from './tables/schedule.js';
import type { SecurityTables } from './tables/security.js';
import type { TimelineTables } from './tables/timelines.js';

export interface Database
  extends CaseTables, AccountTables, NotifyTables, TimelineTables, SecurityTables, ScheduleTables {}
