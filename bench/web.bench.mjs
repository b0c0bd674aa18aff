// Web benchmarks, against the compiled dist/ (run `npm run bench`, which builds first). autocannon on
// loopback loads, one after another:
//   - a bare Hono "ok" route on the same server stack (the baseline: what HTTP alone costs here);
//   - the home page (target ≥ 3,000 req/s);
//   - /stats?visa=F1 for a visitor who is not signed in, warm (the figures and the page cached), as a plain
//     client and as a browser asks for it (Accept-Encoding: br): target ≥ 2,000 req/s with p99 ≤ 50 ms, about
//     what the home page costs (issue 13). BENCH_WEB_TIMELINES synthetic timelines (default 20,000) feed it;
//   - a signed-in case page whose case has 1,000 observations and 1,000 events (target ≥ 1,000 req/s,
//     p99 ≤ 50 ms);
//   - POST /api/v1/explain with a 221(g) paste.
// SQLite file in a temporary folder, the app exactly as `ceac serve` builds it (no rate limit on explain
// so that the decoder, not the 429 path, is measured). The server runs in a child process so that the
// load generator does not share its event loop. BENCH_WEB_SECONDS sets each run's length (default 8).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';

import {
  forkServer,
  load,
  mulberry32,
  printLoadTable,
  serverReady,
  serveWithBaseline,
  warmThenMeasure,
  webLoad,
} from './lib.mjs';

const timelines = Number(process.env.BENCH_WEB_TIMELINES ?? 20_000);
const STATS = '/stats?visa=F1';

if (process.argv[2] === 'serve') {
  await runServer();
} else {
  await runClient();
}

async function runServer() {
  const [{ createWebApp }, { openStore }, { migrateToLatest }, { createSealer }, { createLogger }] = await Promise.all([
    load('web/app.js'),
    load('store/db.js'),
    load('store/migrate.js'),
    load('store/seal.js'),
    load('log.js'),
  ]);

  const dir = mkdtempSync(join(tmpdir(), 'ceac-web-bench-'));
  const store = await openStore({ dataDir: dir });
  await migrateToLatest(store);
  const sealer = createSealer(randomBytes(32));
  const logger = createLogger({ level: 'warn', destination: new Writable({ write: (_c, _e, cb) => cb() }) });
  const { app, services } = createWebApp({
    store,
    sealer,
    logger,
    rules: { explain: { limit: 1e9, windowMs: 60_000 } },
  });

  // One person, one case with a long history.
  const user = await services.accounts.createUser('bench@example.com', 'bench password 123');
  const { token } = await services.accounts.createSession(user.id);
  const kase = await services.cases.add({
    ownerId: user.id,
    app: 'NIV',
    location: 'BMB',
    caseNumber: 'AA0012AB34',
    passport: 'P1234567',
    surname: 'SHARMA',
    label: 'Bench',
    context: { route: 'dropbox' },
    shareTimeline: false,
  });
  const STATES = [
    ['Refused', 'refused', 'refused_221g'],
    ['Administrative Processing', 'administrative_processing', 'administrative_processing'],
  ];
  const interp = (status) =>
    JSON.stringify({
      state: 'refused',
      variant: 'refused_221g',
      finality: 'uncertain',
      confidence: 0.9,
      headline: `${status}: a usual step, not a final refusal`,
      meaning: 'Your case is in administrative processing under section 221(g).',
      nextSteps: ['Wait.'],
      watchFor: ['Issued.'],
      sources: [],
      notes: [],
    });
  const t0 = Date.now() - 1000 * 3600_000;
  await store.db.transaction().execute(async (trx) => {
    for (let i = 0; i < 1000; i += 100) {
      const obs = [];
      const events = [];
      for (let j = i; j < i + 100; j++) {
        const [status, state, variant] = STATES[j % 2];
        const o = {
          status,
          caseNumber: null,
          caseCreated: '2026-01-01',
          caseLastUpdated: '2026-01-02',
          post: 'U.S. Consulate General Mumbai',
          message: `${status} text ${j}`,
        };
        obs.push({
          case_id: kase.id,
          status,
          state,
          variant,
          case_created: o.caseCreated,
          case_last_updated: o.caseLastUpdated,
          post: o.post,
          message: o.message,
          content_hash: `h${j}`,
          first_seen_at: t0 + j * 3600_000,
          last_seen_at: t0 + j * 3600_000,
        });
        events.push({
          case_id: kase.id,
          kind: j === 0 ? 'first_seen' : 'status_changed',
          at: t0 + j * 3600_000,
          from_json: j === 0 ? null : JSON.stringify({ ...o, status: STATES[(j + 1) % 2][0] }),
          to_json: JSON.stringify(o),
          interpretation_json: interp(status),
          detail_json: null,
          observation_id: null,
          dedupe_key: `bench-${j}`,
          created_at: t0 + j * 3600_000,
        });
      }
      await trx.insertInto('observations').values(obs).execute();
      await trx.insertInto('events').values(events).execute();
    }
    await trx
      .updateTable('cases')
      .set({
        state: 'refused',
        variant: 'refused_221g',
        state_since: t0,
        last_success_at: Date.now(),
        last_attempt_at: Date.now(),
      })
      .where('id', '=', kase.id)
      .execute();
  });

  // Pooled timelines for /stats, spread over classes, posts, entries, routes and 2025's months.
  const rnd = mulberry32(7);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const day0 = Date.UTC(2025, 0, 1);
  const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
  const created = Date.now();
  for (let i = 0; i < timelines; i += 1000) {
    const rows = [];
    for (let j = i; j < Math.min(timelines, i + 1000); j++) {
      const start = day0 + Math.floor(rnd() * 330) * 86_400_000;
      const wait = 1 + Math.floor(-Math.log(1 - rnd()) * 45);
      const u = rnd();
      rows.push({
        source: 'manual',
        source_key: `web-bench-${j}`,
        visa_class: pick(['F1', 'F1', 'H1B', 'B1/B2', 'J1']),
        entry: pick(['new', 'renewal']),
        route: pick(['dropbox', 'interview']),
        post: pick(['BEJ', 'SHG', 'GUZ', 'BMB', 'NWD']),
        start_date: iso(start),
        start_month: iso(start).slice(0, 7),
        outcome: u < 0.17 ? 'pending' : u < 0.27 ? 'refused' : 'issued',
        outcome_date: iso(start + wait * 86_400_000),
        wait_days: wait,
        events_json: '[]',
        note: null,
        created_at: created,
        updated_at: created,
      });
    }
    await store.db.insertInto('timelines').values(rows).execute();
  }

  const { server, base } = await serveWithBaseline(app);
  const stats = await fetch(base + STATS);
  if (stats.status !== 200 || !/cases match/.test(await stats.text()))
    throw new Error(`${STATS} did not render figures (${stats.status})`);

  const casePath = `/cases/${kase.id}`;
  const cookie = `cw_session=${token}`;
  const check = await fetch(base + casePath, { headers: { cookie } });
  const html = await check.text();
  if (check.status !== 200 || !html.includes('Bench'))
    throw new Error(`the case page did not render (${check.status})`);
  // What a cache miss costs (first view after a change): the whole render, in-process, one at a time.
  for (let i = 0; i < 50; i++) {
    services.pages.clear();
    await (await app.request(casePath, { headers: { cookie } })).text();
  }
  const t = performance.now();
  for (let i = 0; i < 300; i++) {
    services.pages.clear();
    await (await app.request(casePath, { headers: { cookie } })).text();
  }
  const coldMs = (performance.now() - t) / 300;
  serverReady({ base, casePath, cookie, coldMs }, async () => {
    server.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
}

async function runClient() {
  const { child, ready } = await forkServer(import.meta.url);
  const { base, casePath, cookie, coldMs } = ready;
  const PASTE =
    'Refused\nCase Created: 14-Oct-2026\nCase Last Updated: 21-Oct-2026\nA U.S. consular officer has adjudicated and refused your visa application. Please follow any instructions provided by the consular officer. If you were informed by the consular officer that your case was refused for administrative processing, your case will remain refused while undergoing such processing. You will receive another adjudication once such processing is complete.';

  const runs = [
    ['baseline: bare Hono "ok"', { path: '/__baseline/ok' }],
    ['home page (anonymous)', { path: '/' }],
    [`${STATS} (anonymous, cached)`, { path: STATS }],
    [`${STATS} (anonymous, cached, br)`, { path: STATS, headers: { 'accept-encoding': 'br, gzip' } }],
    ['case page, 1,000 observations (signed in)', { path: casePath, headers: { cookie } }],
    [
      'POST /api/v1/explain (221g paste)',
      {
        path: '/api/v1/explain',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: PASTE, context: { route: 'dropbox' } }),
      },
    ],
  ];
  const results = await warmThenMeasure(base, runs);

  const targets = {
    'home page (anonymous)': (r) => r.rps >= 3000,
    'case page, 1,000 observations (signed in)': (r) => r.rps >= 1000 && r.p99 <= 50,
    [`${STATS} (anonymous, cached)`]: (r) => r.rps >= 2000 && r.p99 <= 50,
    [`${STATS} (anonymous, cached, br)`]: (r) => r.rps >= 2000 && r.p99 <= 50,
  };
  console.log(
    `web: ${webLoad.connections} connections, ${webLoad.seconds} s each, SQLite, ${timelines.toLocaleString('en')} timelines, Node ${process.version}, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${cpus().length} cores`,
  );
  const failed = printLoadTable(results, { width: 52, columns: ['p50', 'p99'], targetFor: (r) => targets[r.title] });
  console.log(
    `  case page on a cache miss (first view after a check or an edit), in-process: ${coldMs.toFixed(2)} ms per page`,
  );
  console.log(
    '  targets: home ≥ 3,000 req/s; /stats (cached) ≥ 2,000 req/s with p99 ≤ 50 ms; case page ≥ 1,000 req/s with p99 ≤ 50 ms',
  );

  child.disconnect();
  process.exitCode = failed ? 1 : 0;
}
