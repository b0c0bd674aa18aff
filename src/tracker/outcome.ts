import type { CaseQuery, CheckOutcome } from '../ceac/index.js';

/**
 * The tracker depends on the CEAC client's contract only (types, no runtime import), so that it runs
 * against any source with the same answers: the real client, the simulator, or a scripted function.
 */
export type { CaseQuery, CheckOutcome };

export type FailureKind = Exclude<CheckOutcome['kind'], 'ok'>;

export type CheckFn = (query: CaseQuery) => Promise<CheckOutcome>;

/** Outcomes about the site and this network (Cloudflare), not the case (restated from src/ceac's SITE_LEVEL_KINDS). */
export const SITE_LEVEL_KINDS: readonly string[] = ['blocked', 'challenge'];
/**
 * Thrown by a check function when the person who was to type its captcha cancelled or went away:
 * nobody asked CEAC anything that failed, so nothing is recorded (no failure, no backoff).
 */
export class CheckAbandoned extends Error {
  override name = 'CheckAbandoned';
}
