// A dispatcher in its own process, for the crash test: `start` runs the background loop until it is
// killed; `drain` delivers until nothing is left (waiting out expired leases), then exits.
import { createDispatcher } from '../dist/notify/index.js';
import { openStore } from '../dist/store/db.js';
import { createSealer } from '../dist/store/seal.js';

const mode = process.argv[2];
const store = await openStore(
  process.env.NOTIFY_DB_URL
    ? { databaseUrl: process.env.NOTIFY_DB_URL, poolSize: 3 }
    : { sqliteFile: process.env.NOTIFY_DB_FILE },
);
const dispatcher = createDispatcher({
  store,
  sealer: createSealer(Buffer.from(process.env.NOTIFY_KEY_HEX, 'hex')),
  allowPrivateTargets: true,
  leaseMs: Number(process.env.NOTIFY_LEASE_MS),
  // One send at a time: when the test kills this process while a receiver holds a request, that
  // request is the only send in progress (none is between its answer and its commit).
  concurrency: 1,
  batchSize: 10,
  pollMs: 50,
  timeoutMs: 10_000,
  backoff: { baseMs: 50, capMs: 500 },
});
if (mode === 'start') {
  dispatcher.start();
  process.stdout.write('started\n');
} else {
  for (;;) {
    await dispatcher.runDue();
    const next = await dispatcher.nextDueAt();
    if (next === null) break;
    await new Promise((r) => setTimeout(r, Math.max(20, Math.min(200, next - Date.now()))));
  }
  await dispatcher.stop();
  await store.close();
  process.stdout.write('drained\n');
}
