// Tracker benchmarks, against the compiled dist/ (run `npm run bench`, which builds first):
//   1. the scheduling policy replayed over simulated lifecycles whose changes happen in the posts'
//      business hours, beside fixed 30-minute polling in the same run: requests per case per day
//      and median / p90 detection delay;
//   2. end-to-end checks/s on SQLite with 100,000 tracked cases against the simulator (budget lifted),
//      the time to pick due cases, and peak RSS;
//   3. PostgreSQL throughput with 1 and 2 workers (when TEST_DATABASE_URL is set).
// Select parts with BENCH_TRACKER=replay,sqlite,postgres (default: all).
import { performance } from 'node:perf_hooks';

import { distPath, load, mulberry32 } from './lib.mjs';

const parts = (process.env.BENCH_TRACKER ?? 'replay,sqlite,postgres').split(',');

function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}
const minutes = (ms) => (ms / 60_000).toFixed(1);

async function replay() {
  const { nextCheck, localClock, DAY, MINUTE, HOUR } = await load('tracker/schedule.js');
  const { LOCATIONS } = await load('knowledge/locations.js');
  const rand = mulberry32(20261126);
  const CASES = 400;
  const START = Date.UTC(2026, 0, 5); // a Monday
  const HORIZON = 120 * DAY;
  const PATH = ['application_received', 'refused', 'administrative_processing', 'approved', 'issued'];
  // Median days spent in each state before the next (dropbox 221(g) lifecycles).
  const STAY = { no_status: 10, application_received: 6, refused: 12, administrative_processing: 25, approved: 2 };

  /** The next instant in the post's business hours (weekday 08:00–17:00 local), from `t` on. */
  function inBusinessHours(t, tz) {
    for (let x = t; ; x += 15 * MINUTE) {
      const { weekday, minute } = localClock(x, tz);
      if (weekday <= 5 && minute >= 8 * 60 && minute < 17 * 60) return x;
    }
  }

  const lifecycles = [];
  for (let i = 0; i < CASES; i++) {
    const loc = LOCATIONS[Math.floor(rand() * LOCATIONS.length)];
    const changes = [{ at: START, state: 'no_status' }];
    let t = START;
    for (const state of PATH) {
      const prev = changes[changes.length - 1].state;
      const days = STAY[prev] * -Math.log(1 - rand() * 0.95); // exponential stays
      t = inBusinessHours(t + days * DAY + rand() * 9 * HOUR, loc.timeZone) + rand() * 15 * MINUTE;
      if (t >= START + HORIZON) break;
      changes.push({ at: t, state });
    }
    lifecycles.push({ tz: loc.timeZone, changes });
  }

  function run(strategy) {
    let requests = 0;
    let caseDays = 0;
    const delays = [];
    for (const lc of lifecycles) {
      const stateAt = (t) => {
        let s = lc.changes[0];
        for (const c of lc.changes) if (c.at <= t) s = c;
        return s;
      };
      let t = START;
      let seen = null;
      let seenSince = null;
      let next = 1;
      const jitter = mulberry32(lc.changes.length * 7919 + Math.round(lc.changes[1]?.at ?? 0));
      let end = START + HORIZON;
      while (t < end) {
        requests++;
        const now = stateAt(t);
        while (next < lc.changes.length && lc.changes[next].at <= t) {
          delays.push(t - lc.changes[next].at);
          next++;
        }
        if (now.state !== seen) {
          seen = now.state;
          seenSince = t;
        }
        const d = strategy(t, seen, seenSince, lc.tz, jitter);
        if (d === null) {
          end = t;
          break;
        }
        t = d;
      }
      caseDays += (end - START) / DAY;
    }
    delays.sort((a, b) => a - b);
    return {
      requestsPerCaseDay: requests / caseDays,
      median: quantile(delays, 0.5),
      p90: quantile(delays, 0.9),
      detected: delays.length,
    };
  }

  const budget = { requestIntervalMs: 0, requestsPerCheck: 3, watchedCases: 1 };
  const policy = run(
    (now, state, since, timeZone, random) =>
      nextCheck({ now, state, stateSince: since, timeZone, failures: 0, budget, random }).at,
  );
  const fixed = run((now, state) => (state === 'issued' ? null : now + 30 * MINUTE));
  const changes = lifecycles.reduce((n, l) => n + l.changes.length - 1, 0);
  console.log(
    `policy replay: ${CASES} cases at random posts, ${changes} status changes in the posts' business hours, ${HORIZON / DAY} days`,
  );
  console.log(`  strategy            requests/case/day   median delay   p90 delay   changes seen`);
  for (const [name, r] of [
    ['policy', policy],
    ['fixed 30 min (base)', fixed],
  ]) {
    console.log(
      `  ${name.padEnd(20)}${r.requestsPerCaseDay.toFixed(1).padStart(17)}${(minutes(r.median) + ' min').padStart(15)}${(minutes(r.p90) + ' min').padStart(12)}${String(r.detected).padStart(15)}`,
    );
  }
  const ratio = policy.requestsPerCaseDay / fixed.requestsPerCaseDay;
  console.log(
    `  policy uses ${(ratio * 100).toFixed(0)}% of the requests; median delay ${policy.median <= fixed.median ? 'no worse' : 'WORSE'} than fixed polling`,
  );
  console.log(
    `  target (≤ 50% of the requests, no worse median): ${ratio <= 0.5 && policy.median <= fixed.median ? 'met' : 'NOT met'}`,
  );
}

// ---------------------------------------------------------------------------------------------
// End-to-end parts: a simulator in its own process (so that peak RSS is the tracker's own).

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = distPath('cli/index.js');
const CODE = 'B3NCH';
const ms = (x) => `${x.toFixed(2)} ms`;

function scenarioFile(dir, n) {
  const cases = Array.from({ length: n }, (_, i) => ({
    app: 'NIV',
    location: ['BMB', 'BLG', 'VAC', 'LND', 'HYD'][i % 5],
    id: `AA${String(i).padStart(8, '0')}`,
    passport: `P${String(1000000 + i)}`,
    surname: 'BENCHMARK',
    steps: [
      { at: '-20d', variant: 'application_received' },
      { at: '-3d', variant: 'refused_221g' },
    ],
  }));
  const file = join(dir, 'scenario.json');
  writeFileSync(file, JSON.stringify({ name: 'bench', cases }));
  return { file, cases };
}

async function startSimProcess(file) {
  const child = spawn(process.execPath, [CLI, 'sim', '--port', '0', '--scenario', file, '--captcha-code', CODE], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`simulator exited (${code})`)));
  });
  child.stdout.resume();
  return {
    url,
    close: () =>
      new Promise((r) => {
        child.once('exit', r);
        child.kill('SIGTERM');
      }),
  };
}

/** The person (or OCR) who reads the captcha, standing in: the simulator shows one known code. */
const knownCode = { name: 'known-code', solve: async () => CODE };

/**
 * The tracker's side of the SQLite benchmark, in a child process of its own so that its peak RSS is
 * the tracker's alone (not the simulator's, nor that of the parent that filled the database).
 */
async function sqliteTrackerChild() {
  const { openStore } = await load('store/db.js');
  const { createSealer } = await load('store/seal.js');
  const { createTracker, selectDue } = await load('tracker/tracker.js');
  const { CeacClient } = await load('ceac/index.js');
  const { interpret } = await load('decode/index.js');
  const { sql } = await import('kysely');
  const { file, url, key, concurrency } = JSON.parse(process.env.BENCH_CHILD);
  const store = await openStore({ sqliteFile: file });
  const sealer = createSealer(Buffer.from(key, 'base64'));
  const now = Date.now();

  // Due-pick through the index, beside the same query forced to scan the table (the baseline).
  const pick = async (indexed) => {
    const q = selectDue(store.db, now, 50).compile();
    const text = (indexed ? q.sql : q.sql.replace('from "cases"', 'from "cases" not indexed'))
      .replace('?', String(now))
      .replace('?', '50');
    const times = [];
    for (let i = 0; i < 200; i++) {
      const s = performance.now();
      await sql.raw(text).execute(store.db);
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    return { median: quantile(times, 0.5), p99: quantile(times, 0.99) };
  };
  const rss = (label) =>
    process.env.BENCH_DEBUG &&
    (globalThis.gc?.(), true) &&
    console.error(
      `  [child ${label}] rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB, heap ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)}/${(process.memoryUsage().heapTotal / 1048576).toFixed(0)} MB, peak ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
    );
  rss('loaded');
  const viaIndex = await pick(true);
  rss('due-pick');

  const client = new CeacClient({ baseUrl: url, solver: knownCode, timeoutMs: 10_000 });
  const tracker = createTracker({
    store,
    sealer,
    check: (q) => client.check(q),
    interpret,
    budget: { requestIntervalMs: 0 },
  });
  let checked = 0;
  let ok = 0;
  const claimTimes = [];
  const t0 = performance.now();
  for (;;) {
    const s = performance.now();
    const r = await tracker.runDue(100, { concurrency });
    claimTimes.push(performance.now() - s);
    checked += r.picked;
    ok += r.ok;
    if (r.picked === 0) break;
  }
  const seconds = (performance.now() - t0) / 1000;
  rss('end-to-end');
  // The peak of the tracker's own work, before the baselines below (a forced scan of 100,000 rows
  // and the instant-source run) add theirs.
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const viaScan = await pick(false);
  const events = await store.db
    .selectFrom('events')
    .select(sql`count(*)`.as('n'))
    .executeTakeFirst();
  await client.close?.();

  // The tracker alone: the same cases due again, answered at once by an in-memory source whose
  // "Case Last Updated" moves every time (the heaviest path: a new observation and an event each).
  await store.db.updateTable('cases').set({ next_check_at: now }).where('last_success_at', 'is not', null).execute();
  let bump = 0;
  const instant = async (q) => ({
    kind: 'ok',
    observation: {
      status: 'Refused',
      caseNumber: q.id,
      caseCreated: '2026-01-01',
      caseLastUpdated: `2026-02-${String(1 + (bump++ % 27)).padStart(2, '0')}`,
      post: null,
      message:
        'A U.S. consular officer has adjudicated and refused your visa application. Please follow any instructions provided by the consular officer. If you were informed by the consular officer that your case was refused for administrative processing, your case will remain refused while undergoing such processing.',
    },
    applicationName: null,
    message: 'ok',
    attempts: 1,
    durationMs: 0,
    requests: 3,
  });
  const alone = createTracker({ store, sealer, check: instant, interpret, budget: { requestIntervalMs: 0 } });
  let aloneChecked = 0;
  const t1 = performance.now();
  for (;;) {
    const r = await alone.runDue(100, { concurrency });
    aloneChecked += r.picked;
    if (r.picked === 0) break;
  }
  const aloneSeconds = (performance.now() - t1) / 1000;
  rss('tracker alone');
  await store.close();
  process.stdout.write(
    JSON.stringify({
      viaIndex,
      viaScan,
      checked,
      ok,
      events: Number(events.n),
      seconds,
      aloneChecked,
      aloneSeconds,
      peakRssMb,
      mem: process.env.BENCH_DEBUG ? process.memoryUsage() : undefined,
    }) + '\n',
  );
}

async function sqliteBench() {
  const TOTAL = Number(process.env.BENCH_CASES ?? 100_000);
  const DUE = Number(process.env.BENCH_DUE ?? 2_000);
  const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
  const { openStore } = await load('store/db.js');
  const { migrateToLatest } = await load('store/migrate.js');
  const { createSealer } = await load('store/seal.js');
  const { CeacClient } = await load('ceac/index.js');
  const { randomBytes } = await import('node:crypto');

  const dir = mkdtempSync(join(tmpdir(), 'ceac-bench-'));
  const { file, cases } = scenarioFile(dir, DUE);
  const sim = await startSimProcess(file);
  const dbFile = join(dir, 'bench.sqlite');
  const store = await openStore({ sqliteFile: dbFile });
  await migrateToLatest(store);
  const key = randomBytes(32);
  const sealer = createSealer(key);
  const now = Date.now();

  // 100,000 tracked cases: DUE of them due now (and known to the simulator), the rest later.
  let t0 = performance.now();
  const BATCH = 500;
  for (let start = 0; start < TOTAL; start += BATCH) {
    const rows = [];
    for (let i = start; i < Math.min(TOTAL, start + BATCH); i++) {
      const c = cases[i];
      const caseNumber = c ? c.id : `AA${String(i).padStart(8, '0')}`;
      rows.push({
        app_type: 'NIV',
        location: c ? c.location : 'BMB',
        case_number: caseNumber,
        passport_sealed: sealer.seal(c ? c.passport : `P${i}`),
        surname_sealed: sealer.seal('BENCHMARK'),
        identity_hash: sealer.keyedHash(`NIV|${caseNumber}`),
        next_check_at: c ? now - 1000 : now + 3_600_000 + (i % 86_400) * 1000,
        created_at: now,
        updated_at: now,
      });
    }
    await store.db.insertInto('cases').values(rows).execute();
  }
  await store.close();
  console.log(
    `\nSQLite: ${TOTAL.toLocaleString()} tracked cases (sealed) inserted in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${DUE.toLocaleString()} due now; simulator in its own process`,
  );

  const runChild = async (flags) => {
    const child = spawn(process.execPath, [...flags, fileURLToPath(import.meta.url)], {
      env: {
        ...process.env,
        BENCH_CHILD: JSON.stringify({
          file: dbFile,
          url: sim.url,
          key: key.toString('base64'),
          concurrency: CONCURRENCY,
        }),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    await new Promise((r) => child.once('exit', r));
    return JSON.parse(out.trim().split('\n').pop());
  };
  const r = await runChild((process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean));
  if (r.mem) console.log(r.mem);
  // Again with a smaller young generation: the CEAC client's per-check garbage is what grows the heap.
  const reopened = await openStore({ sqliteFile: dbFile });
  await reopened.db
    .updateTable('cases')
    .set({ next_check_at: Date.now() - 1000 })
    .where('last_success_at', 'is not', null)
    .execute();
  await reopened.close();
  const small = await runChild(['--max-semi-space-size=1']);

  // Baseline in the same run: the bare client on the same simulator and cases, no tracker.
  const client = new CeacClient({ baseUrl: sim.url, solver: knownCode, timeoutMs: 10_000 });
  const bare = cases.slice(0, Math.min(500, DUE));
  t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < bare.length) {
        const c = bare[next++];
        await client.check({ app: 'NIV', location: c.location, id: c.id, passport: c.passport, surname: 'BENCHMARK' });
      }
    }),
  );
  const bareRate = bare.length / ((performance.now() - t0) / 1000);
  await client.close?.();

  const rate = r.checked / r.seconds;
  console.log(
    `  due-pick (50 of ${DUE.toLocaleString()} due among ${TOTAL.toLocaleString()}): median ${ms(r.viaIndex.median)}, p99 ${ms(r.viaIndex.p99)} via the index; forced table scan (baseline): median ${ms(r.viaScan.median)}`,
  );
  console.log(
    `  end-to-end: ${r.checked} checks (${r.ok} ok, ${r.events} events) in ${r.seconds.toFixed(1)} s = ${rate.toFixed(0)} checks/s, ${CONCURRENCY} in flight, budget lifted`,
  );
  console.log(
    `  the tracker alone (instant in-memory source, a new observation + event per check): ${(r.aloneChecked / r.aloneSeconds).toFixed(0)} checks/s`,
  );
  console.log(
    `  baseline, the bare client on the same simulator: ${bareRate.toFixed(0)} checks/s (the tracker keeps ${((100 * rate) / bareRate).toFixed(0)}% of it)`,
  );
  console.log(
    `  peak RSS of the tracker process: ${r.peakRssMb.toFixed(0)} MB (target ≤ 200 MB: ${r.peakRssMb <= 200 ? 'met' : 'NOT met'}); ≥ 100 checks/s: ${rate >= 100 ? 'met' : 'NOT met'}`,
  );
  console.log(
    `  with NODE_OPTIONS=--max-semi-space-size=1: peak RSS ${small.peakRssMb.toFixed(0)} MB (target: ${small.peakRssMb <= 200 ? 'met' : 'NOT met'}) at ${(small.checked / small.seconds).toFixed(0)} checks/s`,
  );
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
}

async function postgresBench() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    console.log(
      '\nPostgreSQL: skipped — set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to measure worker throughput',
    );
    return;
  }
  const { createSealer, keyFromSecret } = await load('store/seal.js');
  const { sql } = await import('kysely');
  const N = Number(process.env.BENCH_PG_CASES ?? 600);
  const PG_CONCURRENCY = Number(process.env.BENCH_PG_CONCURRENCY ?? 8);
  const dir = mkdtempSync(join(tmpdir(), 'ceac-bench-pg-'));
  const { file, cases } = scenarioFile(dir, N);
  const sim = await startSimProcess(file);
  const secret = 'bench secret, long enough';
  const sealer = createSealer(await keyFromSecret(secret));
  console.log(
    `\nPostgreSQL: ${N} due cases, \`ceac worker\` processes (concurrency ${PG_CONCURRENCY} each), budget lifted, captcha via command:echo`,
  );
  const results = [];
  for (const n of [1, 2]) {
    const store = await openTestPostgres();
    const now = Date.now();
    for (let i = 0; i < N; i += 200) {
      await store.db
        .insertInto('cases')
        .values(
          cases.slice(i, i + 200).map((c) => ({
            app_type: 'NIV',
            location: c.location,
            case_number: c.id,
            passport_sealed: sealer.seal(c.passport),
            surname_sealed: sealer.seal('BENCHMARK'),
            identity_hash: sealer.keyedHash(`NIV|${c.id}`),
            next_check_at: now,
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
    }
    const env = {
      ...process.env,
      DATABASE_URL: store.url,
      CEAC_WATCH_DATA: dir,
      CEAC_WATCH_SECRET: secret,
      CEAC_BASE_URL: sim.url,
      CEAC_CAPTCHA: `command:echo ${CODE}`,
      CEAC_REQUEST_INTERVAL_MS: '0',
      LOG_LEVEL: 'warn',
    };
    const t0 = performance.now();
    const procs = Array.from({ length: n }, () =>
      spawn(
        process.execPath,
        [CLI, 'worker', '--concurrency', String(PG_CONCURRENCY), '--enqueue-every', '1', '--no-notify', '--json'],
        { env, stdio: ['ignore', 'ignore', 'inherit'] },
      ),
    );
    for (;;) {
      const r = await store.db
        .selectFrom('cases')
        .select(sql`count(*)`.as('n'))
        .where('last_success_at', 'is not', null)
        .executeTakeFirst();
      if (Number(r.n) >= N) break;
      await new Promise((res) => setTimeout(res, 100));
    }
    const wall = (performance.now() - t0) / 1000;
    await Promise.all(
      procs.map(
        (p) =>
          new Promise((res) => {
            p.once('exit', res);
            p.kill('SIGTERM');
          }),
      ),
    );
    // Throughput from the first recorded check to the last (process start-up excluded).
    const span = await store.db
      .selectFrom('check_attempts')
      .select([sql`min("at")`.as('first'), sql`max("at")`.as('last')])
      .executeTakeFirst();
    const seconds = (Number(span.last) - Number(span.first)) / 1000;
    results.push({ n, rate: (N - 1) / seconds });
    console.log(
      `  ${n} worker(s): ${N} checks in ${seconds.toFixed(1)} s = ${((N - 1) / seconds).toFixed(0)} checks/s (wall time with start-up ${wall.toFixed(1)} s)`,
    );
    await store.close();
  }
  console.log(
    `  scaling 1 → 2 workers: ×${(results[1].rate / results[0].rate).toFixed(2)} (2 cores shared with the simulator and PostgreSQL)`,
  );
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
}

if (process.env.BENCH_CHILD) await sqliteTrackerChild();
else {
  if (parts.includes('replay')) await replay();
  if (parts.includes('sqlite')) await sqliteBench();
  if (parts.includes('postgres')) await postgresBench();
}

/**
 * A throw-away PostgreSQL database on TEST_DATABASE_URL's server, migrated; dropped on close. (The
 * tests' store/testing.ts is not part of the build, so the bench makes its own.)
 */
async function openTestPostgres(options = {}) {
  const base = process.env.TEST_DATABASE_URL;
  const pg = await import('pg');
  const { openStore } = await load('store/db.js');
  const { migrateToLatest } = await load('store/migrate.js');
  const name = `ceac_bench_${Date.now().toString(36)}_${Math.random().toString(16).slice(2, 10)}`;
  const admin = new pg.default.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const store = await openStore({ databaseUrl: url.toString(), poolSize: options.poolSize ?? 5 });
  if (options.migrate !== false) await migrateToLatest(store);
  return {
    ...store,
    url: url.toString(),
    async close() {
      await store.close();
      const drop = new pg.default.Client({ connectionString: base });
      await drop.connect();
      await drop.query(`drop database if exists ${name} with (force)`);
      await drop.end();
    },
  };
}
