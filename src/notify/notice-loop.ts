import type { Logger } from 'pino';

import type { Store } from '../store/db.js';
import { recordWaveNotices } from './clearance-waves.js';
import { recordReminders } from './reminders.js';

/**
 * Every hour (and once at start): the deadline reminders due today and the clearance waves of today and
 * yesterday, recorded as events with their outbox rows. Idempotent (each notice has its dedupe key), so every
 * process that delivers notifications may run it, and a restart never repeats a notice. `wake` is called when
 * something was recorded, so that the dispatcher delivers it now rather than at its next poll.
 */
export function startNoticeLoop(options: {
  store: Store;
  logger: Logger;
  wake?: () => void;
  everyMs?: number;
  now?: () => number;
}): { stop(): void } {
  const now = options.now ?? Date.now;
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const reminders = await recordReminders(options.store.db, now());
      const waves = await recordWaveNotices(options.store.db, now());
      if (reminders.length || waves.events.length) {
        options.logger.info(
          { reminders: reminders.length, waveNotices: waves.events.length, waves: waves.waves.length },
          'notices recorded',
        );
        options.wake?.();
      }
    } catch (err) {
      options.logger.warn({ err: { message: (err as Error).message } }, 'reminders and wave notices failed');
    } finally {
      running = false;
    }
  };
  void run();
  const timer = setInterval(() => void run(), options.everyMs ?? 3_600_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
