import type { CheckReport, RunSummary, Tracker } from './tracker.js';

/**
 * The embedded watch loop (`ceac watch`): check due cases, then sleep until the next one is due.
 * Stopping (the signal) lets the batch in progress finish; nothing is cut off mid-check.
 */
export interface WatchLoopOptions {
  tracker: Tracker;
  signal?: AbortSignal;
  /** Cases claimed per round. */
  batch?: number;
  concurrency?: number;
  /** Longest sleep between rounds, so cases added by another process are seen soon. */
  idleMaxMs?: number;
  /** Stop when nothing is due any more (`ceac watch --once`). */
  once?: boolean;
  now?: () => number;
  onReport?: (report: CheckReport) => void;
  onRound?: (summary: RunSummary) => void;
  /** How often old check attempts are pruned (default hourly); 0 = never. */
  pruneEveryMs?: number;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve();
      return;
    }
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

export async function runWatchLoop(options: WatchLoopOptions): Promise<RunSummary> {
  const { tracker, signal } = options;
  const batch = options.batch ?? 20;
  const idleMaxMs = options.idleMaxMs ?? 30_000;
  const now = options.now ?? Date.now;
  const total: RunSummary = { picked: 0, ok: 0, failed: 0, events: 0 };
  const pruneEveryMs = options.pruneEveryMs ?? 3_600_000;
  let prunedAt = -Infinity;
  while (!signal?.aborted) {
    if (pruneEveryMs > 0 && now() - prunedAt >= pruneEveryMs) {
      prunedAt = now();
      await tracker.pruneAttempts();
    }
    const round = await tracker.runDue(batch, {
      concurrency: options.concurrency ?? 1,
      ...(signal && { signal }),
      ...(options.onReport && { onReport: options.onReport }),
    });
    total.picked += round.picked;
    total.ok += round.ok;
    total.failed += round.failed;
    total.events += round.events;
    options.onRound?.(round);
    if (round.picked === batch) continue;
    if (options.once) break;
    const next = await tracker.nextDueAt();
    const wait = next === null ? idleMaxMs : Math.min(Math.max(next - now(), 0), idleMaxMs);
    if (wait > 0) await sleep(wait, signal);
  }
  return total;
}
