import type { CaptchaSolver } from '../../src/captcha/index.js';
import { openTestPostgres, openTestSqlite, TEST_DATABASE_URL, type TestStore } from '../../src/store/testing.js';
import type { Tracker } from '../../src/tracker/tracker.js';

/**
 * What the lifecycle tests share: the simulator's captcha code and start instant, the person who reads
 * the captcha, the stores to run on, and the loop that drives the tracker on the simulator's clock.
 */

/** The code the simulator's captcha shows. */
export const CAPTCHA_CODE = 'K7M2Q';

/** Monday 2026-01-05 04:00 UTC: before business hours in Mumbai (09:30 local) and Vancouver. */
export const LIFECYCLE_START = Date.UTC(2026, 0, 5, 4, 0);

/**
 * Stands in for the person (or OCR) reading the captcha: the simulator shows one known code. A whole
 * lifecycle makes hundreds of checks, and a process per answer (CommandSolver) would make them slow.
 */
export const knownCode: CaptchaSolver = { name: 'known-code', solve: async () => CAPTCHA_CODE };

/** A Mumbai dropbox case refused under 221(g): who it is (each test gives its own steps). */
export const MUMBAI_221G = {
  label: 'dropbox 221g, Mumbai',
  app: 'NIV',
  location: 'BMB',
  id: 'AA00DBX221',
  passport: 'Z4810023',
  surname: 'RAGHAVAN',
} as const;

/** [name, open a fresh store, skip] for describe.each: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const TEST_STORES: [string, () => Promise<TestStore>, boolean][] = [
  ['sqlite', () => openTestSqlite(), false],
  ['postgres', () => openTestPostgres(), !TEST_DATABASE_URL],
];

/**
 * Runs the tracker on a simulated clock: jump to the next due check, run what is due (`batch` at a
 * time), then `afterStep` (e.g. a dispatcher's turn), repeat until nothing is due before `until`.
 * Leaves the clock at `until`.
 */
export async function runTrackerUntil(
  tracker: Tracker,
  clock: { now: number },
  until: number,
  options: { batch?: number; afterStep?: () => Promise<unknown> } = {},
): Promise<{ checks: number; failed: number }> {
  let checks = 0;
  let failed = 0;
  for (;;) {
    const next = await tracker.nextDueAt();
    if (next === null || next > until) break;
    clock.now = Math.max(clock.now, next);
    const s = await tracker.runDue(options.batch ?? 50);
    checks += s.picked;
    failed += s.failed;
    await options.afterStep?.();
  }
  clock.now = until;
  return { checks, failed };
}
