import { sql } from 'kysely';

import type { Store } from '../store/db.js';

/**
 * The per-site request budget, held in the database so that it binds every process sharing it (all
 * `ceac worker` processes on PostgreSQL, or `ceac watch` and the web app on one SQLite file).
 *
 * Each acquire() atomically reserves the next free slot — `next_at = max(next_at, now) + interval` —
 * and waits until its slot begins. Slots are never shared, so requests start at least `intervalMs`
 * apart across all processes; a process that dies holding a reservation only leaves a gap.
 * (Processes on different machines rely on their clocks agreeing; NTP keeps them within milliseconds.)
 */
export interface RequestBudget {
  acquire(): Promise<void>;
}

export interface DatabaseBudgetOptions {
  site: string;
  intervalMs: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Reserves the next slot and returns when it starts (epoch ms). */
export async function reserveSlot(store: Store, site: string, intervalMs: number, now: number): Promise<number> {
  const greatest = store.dialect === 'postgres' ? sql.raw('greatest') : sql.raw('max');
  const rows = await sql<{ next_at: number }>`
    insert into request_budget (site, next_at) values (${site}, ${now + intervalMs})
    on conflict (site) do update set next_at = ${greatest}(request_budget.next_at + ${intervalMs}, excluded.next_at)
    returning next_at`.execute(store.db);
  const nextAt = Number(rows.rows[0]?.next_at);
  return nextAt - intervalMs;
}

export function databaseBudget(store: Store, options: DatabaseBudgetOptions): RequestBudget {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  return {
    async acquire() {
      if (options.intervalMs <= 0) return;
      const slot = await reserveSlot(store, options.site, options.intervalMs, now());
      const wait = slot - now();
      if (wait > 0) await sleep(wait);
    },
  };
}
