// Notification benchmarks, against the compiled dist/ (run `npm run bench`, which builds first):
//   1. dispatch throughput: deliveries/s from the outbox to a local webhook (SQLite file, the real
//      dispatcher: claim, render, sign, POST, mark sent), beside the same number of bare POSTs of
//      the same bodies with the same parallelism through undici — the floor the outbox adds to;
//   2. added latency from event commit to the webhook receiving it, p50/p99, with the dispatcher
//      polling every 1000 ms (default), every 100 ms, and woken after each commit (wake()), beside
//      the bare POST round trip.
// Sizes: BENCH_NOTIFY_N (deliveries, default 2000), BENCH_NOTIFY_LATENCY_N (events when woken, default
// 200; half that polling every 100 ms, an eighth polling every 1000 ms). About a minute in all.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { Agent, fetch } from 'undici';

import { load } from './lib.mjs';

const { openStore } = await load('store/db.js');
const { migrateToLatest } = await load('store/migrate.js');
const { createSealer } = await load('store/seal.js');
const { addChannel, createDispatcher, enqueueDeliveries } = await load('notify/index.js');

const N = Number(process.env.BENCH_NOTIFY_N ?? 2000);
const LAT_N = Number(process.env.BENCH_NOTIFY_LATENCY_N ?? 200);
const CONCURRENCY = 8;
const CHANNELS = 8;

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const fmt = (x) => `${x.toFixed(2)} ms`;

// A receiver that answers 200 at once and reports each arrival (by idempotency key) to a listener.
let onArrival = () => {};
const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    onArrival(req.headers['idempotency-key'], performance.now());
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  });
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const port = server.address().port;

const dir = mkdtempSync(join(tmpdir(), 'ceac-bench-notify-'));
const store = await openStore({ sqliteFile: join(dir, 'bench.sqlite') });
await migrateToLatest(store);
const sealer = createSealer(randomBytes(32));
for (let c = 0; c < CHANNELS; c++) {
  await addChannel(
    store.db,
    sealer,
    null,
    `json://127.0.0.1:${port}/hook/${c}?secret=0123456789abcdef0123`,
    { name: `hook-${c}`, events: ['status_changed'], timeZone: 'UTC' },
    { allowPrivateTargets: true },
  );
}
const now = Date.now();
const { id: caseId } = await store.db
  .insertInto('cases')
  .values({
    owner_id: null,
    label: 'bench',
    app_type: 'NIV',
    location: 'LND',
    case_number: 'AA0012345678',
    identity_hash: 'bench',
    created_at: now,
    updated_at: now,
  })
  .returning('id')
  .executeTakeFirstOrThrow();
const observation = JSON.stringify({
  status: 'Administrative Processing',
  caseNumber: null,
  caseCreated: '2026-09-01',
  caseLastUpdated: '2026-11-25',
  post: 'U.S. Embassy London',
  message: 'Your case is undergoing necessary administrative processing.',
});
const interpretation = JSON.stringify({
  state: 'administrative_processing',
  variant: 'administrative_processing',
  finality: 'in_progress',
  confidence: 0.9,
  headline: 'In administrative processing',
  meaning: 'Further checks before a decision.',
  nextSteps: ['Wait', 'Answer any request'],
  watchFor: [],
  sources: [],
  notes: [],
});
let seq = 0;
async function recordEvents(count) {
  return store.db.transaction().execute(async (trx) => {
    const at = Date.now();
    const rows = Array.from({ length: count }, () => ({
      case_id: caseId,
      kind: 'status_changed',
      at,
      from_json: observation,
      to_json: observation,
      interpretation_json: interpretation,
      detail_json: null,
      observation_id: null,
      dedupe_key: `bench-${seq++}`,
      created_at: at,
    }));
    const events = [];
    for (let i = 0; i < rows.length; i += 200)
      events.push(
        ...(await trx
          .insertInto('events')
          .values(rows.slice(i, i + 200))
          .returningAll()
          .execute()),
      );
    await enqueueDeliveries(trx, events, at);
    return events;
  });
}

// 1. Throughput.
await recordEvents(N / CHANNELS);
const bodies = [];
onArrival = () => {};
const dispatcher = createDispatcher({
  store,
  sealer,
  allowPrivateTargets: true,
  concurrency: CONCURRENCY,
  batchSize: 64,
  timeoutMs: 10_000,
});
const t0 = performance.now();
const summary = await dispatcher.runDue();
const tDispatch = performance.now() - t0;
await dispatcher.stop();
if (summary.sent !== N) throw new Error(`expected ${N} deliveries, got ${JSON.stringify(summary)}`);

// Baseline: the same number of POSTs of a payload-sized body, CONCURRENCY at a time, no database.
const sample = JSON.stringify({
  version: 1,
  type: 'event',
  event: {
    id: 1,
    kind: 'status_changed',
    at: new Date().toISOString(),
    case: {},
    from: JSON.parse(observation),
    to: JSON.parse(observation),
    interpretation: JSON.parse(interpretation),
    health: null,
    link: null,
  },
});
for (let i = 0; i < N; i++) bodies.push(sample);
const agent = new Agent({ connections: 16 });
const t1 = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next < N) {
      const i = next++;
      const res = await fetch(`http://127.0.0.1:${port}/hook/${i % CHANNELS}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `bare-${i}` },
        body: bodies[i],
        dispatcher: agent,
      });
      await res.text();
    }
  }),
);
const tBare = performance.now() - t1;
const perSec = (n, ms) => (n / ms) * 1000;
console.log(
  `dispatch throughput, ${N} deliveries over ${CHANNELS} webhook channels, ${CONCURRENCY} in parallel (SQLite):`,
);
console.log(`  outbox dispatcher : ${perSec(N, tDispatch).toFixed(0)} deliveries/s (${tDispatch.toFixed(0)} ms)`);
console.log(`  bare POSTs        : ${perSec(N, tBare).toFixed(0)} requests/s (${tBare.toFixed(0)} ms)   [baseline]`);
console.log(`  outbox cost       : ${(tDispatch / tBare).toFixed(2)}x the bare POST time`);

// 2. Latency from commit to arrival.
async function latency(label, options, wake, count, spreadMs) {
  const d = createDispatcher({
    store,
    sealer,
    allowPrivateTargets: true,
    concurrency: CONCURRENCY,
    timeoutMs: 10_000,
    ...options,
  });
  d.start();
  await new Promise((r) => setTimeout(r, 50));
  const samples = [];
  for (let i = 0; i < count; i++) {
    const arrived = new Promise((resolve) => {
      onArrival = (key, t) => resolve(t);
    });
    // One event to one channel: remove the other channels' rows' effect by waiting for the first arrival.
    const [event] = await recordEvents(1);
    const committed = performance.now();
    if (wake) d.wake();
    const t = await arrived;
    samples.push(t - committed);
    // Let the remaining channels' copies of this event go out before the next sample.
    while (
      (
        await store.db
          .selectFrom('notify_deliveries')
          .select('id')
          .where('event_id', '=', event.id)
          .where('status', '!=', 'sent')
          .execute()
      ).length
    ) {
      await new Promise((r) => setTimeout(r, 2));
    }
    // Events come at random moments of the poll cycle: spread the samples over it.
    await new Promise((r) => setTimeout(r, Math.floor(Math.random() * spreadMs)));
  }
  await d.stop();
  samples.sort((a, b) => a - b);
  console.log(
    `  ${label.padEnd(26)}: p50 ${fmt(quantile(samples, 0.5))}, p99 ${fmt(quantile(samples, 0.99))}   (${count} events)`,
  );
}

console.log('event-to-delivery latency (commit -> webhook receives it):');
{
  const samples = [];
  for (let i = 0; i < LAT_N; i++) {
    const t = performance.now();
    const res = await fetch(`http://127.0.0.1:${port}/hook/0`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: sample,
      dispatcher: agent,
    });
    await res.text();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  console.log(
    `  ${'bare POST round trip'.padEnd(26)}: p50 ${fmt(quantile(samples, 0.5))}, p99 ${fmt(quantile(samples, 0.99))}   [baseline]`,
  );
}
await latency('woken after commit', { pollMs: 1000 }, true, LAT_N, 20);
await latency('polling every 100 ms', { pollMs: 100 }, false, Math.ceil(LAT_N / 2), 100);
await latency('polling every 1000 ms', { pollMs: 1000 }, false, Math.ceil(LAT_N / 8), 1000);

await agent.close();
await store.close();
server.close();
rmSync(dir, { recursive: true, force: true });
