// Tracker benchmarks, against the compiled dist/ (run `npm run bench`, which builds first):
//   1. the scheduling policy replayed over simulated lifecycles under change-time models
//      (BENCH_CHANGE_TIMES=post-business,washington-business,uniform,post-overnight or custom:FILE),
//      learning online from the changes it detects, beside fixed polling at the same number of
//      requests and fixed 30-minute polling in the same run: requests and median / p90 detection
//      delay after a 30-day learning period (BENCH_JSON=1: one JSON line per model);
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

/** The named change-time models (BENCH_CHANGE_TIMES): when in the week CEAC moves a case. */
const CHANGE_TIME_MODELS = {
  // Weekdays 08:00–17:00 at the post (9 hours): the assumption today's policy is built on.
  'post-business': { timeZone: 'post', hourWeights: hours(8, 17), weekdays: [1, 2, 3, 4, 5] },
  // One clock for the world: weekdays 09:00–17:00 in Washington (8 hours).
  'washington-business': { timeZone: 'America/New_York', hourWeights: hours(9, 17), weekdays: [1, 2, 3, 4, 5] },
  // Any time of any day.
  uniform: { timeZone: 'UTC', hourWeights: hours(0, 24), weekdays: [1, 2, 3, 4, 5, 6, 7] },
  // A nightly batch, 01:00–05:00 at the post (4 hours), on the nights after working days.
  'post-overnight': { timeZone: 'post', hourWeights: hours(1, 5), weekdays: [2, 3, 4, 5, 6] },
};
function hours(from, to) {
  return Array.from({ length: 24 }, (_, h) => (h >= from && h < to ? 1 : 0));
}

async function changeTimeModels() {
  const { readFileSync } = await import('node:fs');
  const names = (process.env.BENCH_CHANGE_TIMES ?? Object.keys(CHANGE_TIME_MODELS).join(',')).split(',');
  return names.map((name) => {
    if (name.startsWith('custom:')) {
      const file = name.slice('custom:'.length);
      let m;
      try {
        m = JSON.parse(readFileSync(file, 'utf8'));
      } catch (e) {
        throw new Error(`BENCH_CHANGE_TIMES=${name}: cannot read ${file} as JSON (${e.message})`);
      }
      const ok =
        typeof m.timeZone === 'string' &&
        Array.isArray(m.hourWeights) &&
        m.hourWeights.length === 24 &&
        m.hourWeights.every((x) => typeof x === 'number' && x >= 0) &&
        m.hourWeights.some((x) => x > 0) &&
        Array.isArray(m.weekdays) &&
        m.weekdays.length > 0 &&
        m.weekdays.every((d) => Number.isInteger(d) && d >= 1 && d <= 7);
      if (!ok)
        throw new Error(
          `BENCH_CHANGE_TIMES=${name}: expected {"timeZone": "America/New_York", "hourWeights": [24 numbers ≥ 0, not all 0], "weekdays": [ISO weekdays 1–7]}`,
        );
      return { name, ...m };
    }
    const m = CHANGE_TIME_MODELS[name];
    if (!m)
      throw new Error(
        `BENCH_CHANGE_TIMES: unknown model "${name}" (known: ${Object.keys(CHANGE_TIME_MODELS).join(', ')}, custom:FILE)`,
      );
    return { name, ...m };
  });
}

/** A min-heap of [time, index] for the event-driven replay. */
class Heap {
  a = [];
  push(t, i) {
    const a = this.a;
    a.push([t, i]);
    let k = a.length - 1;
    while (k > 0) {
      const p = (k - 1) >> 1;
      if (a[p][0] <= a[k][0]) break;
      [a[p], a[k]] = [a[k], a[p]];
      k = p;
    }
  }
  pop() {
    const a = this.a;
    const top = a[0];
    const last = a.pop();
    if (a.length) {
      a[0] = last;
      let k = 0;
      for (;;) {
        const l = 2 * k + 1;
        const r = l + 1;
        let m = k;
        if (l < a.length && a[l][0] < a[m][0]) m = l;
        if (r < a.length && a[r][0] < a[m][0]) m = r;
        if (m === k) break;
        [a[m], a[k]] = [a[k], a[m]];
        k = m;
      }
    }
    return top;
  }
  get size() {
    return this.a.length;
  }
}

async function replay() {
  const { nextCheck, CHECKS_PER_DAY, DAY, MINUTE, HOUR } = await load('tracker/schedule.js');
  // Tuning knobs: BENCH_ALLOCATION='{"power":0.5,"floorShare":0.2}', BENCH_CHECKS_PER_DAY='{"active":17}'.
  if (process.env.BENCH_CHECKS_PER_DAY) Object.assign(CHECKS_PER_DAY, JSON.parse(process.env.BENCH_CHECKS_PER_DAY));
  const { estimateChangeTimes, utcOffsetMinutes } = await load('tracker/change-times.js');
  const { LOCATIONS } = await load('knowledge/locations.js');
  const models = await changeTimeModels();
  const json = process.env.BENCH_JSON === '1';
  const allocation = process.env.BENCH_ALLOCATION ? JSON.parse(process.env.BENCH_ALLOCATION) : undefined;
  const rand = mulberry32(20261126);
  const CASES = 400;
  const START = Date.UTC(2026, 0, 5); // a Monday
  const HORIZON = 120 * DAY;
  const LEARNING = 30 * DAY; // delays and requests are counted after this
  const PATH = ['application_received', 'refused', 'administrative_processing', 'approved', 'issued'];
  // Median days spent in each state before the next (dropbox 221(g) lifecycles).
  const STAY = { no_status: 10, application_received: 6, refused: 12, administrative_processing: 25, approved: 2 };

  // The lifecycles' randomness is drawn once, so that every model replays the same cases: only the
  // time of day (and week) of each change moves.
  const drafts = [];
  for (let i = 0; i < CASES; i++) {
    const loc = LOCATIONS[Math.floor(rand() * LOCATIONS.length)];
    const steps = PATH.map((state) => ({ state, u: rand(), h: rand(), m: rand() }));
    drafts.push({ loc, steps });
  }

  /** The first instant at or after `t` that the model allows, placed by the step's own random draws. */
  function place(t, model, tz, step) {
    const zone = model.timeZone === 'post' ? tz : model.timeZone;
    const total = model.hourWeights.reduce((a, b) => a + b, 0);
    let acc = 0;
    let hour = 0;
    for (let h = 0; h < 24; h++) {
      acc += model.hourWeights[h] / total;
      if (step.h < acc) {
        hour = h;
        break;
      }
    }
    const off = utcOffsetMinutes(t, zone) * MINUTE;
    const localDay = Math.floor((t + off) / DAY);
    for (let d = 0; d < 15; d++) {
      const day = localDay + d;
      const weekday = ((((day + 3) % 7) + 7) % 7) + 1; // 1970-01-01 was a Thursday
      if (!model.weekdays.includes(weekday)) continue;
      const at = day * DAY + hour * HOUR + step.m * HOUR - off;
      if (at >= t) return at;
    }
    return t;
  }

  function lifecyclesFor(model) {
    return drafts.map(({ loc, steps }) => {
      const changes = [{ at: START, state: 'no_status' }];
      let t = START;
      for (const step of steps) {
        const prev = changes[changes.length - 1].state;
        const days = STAY[prev] * -Math.log(1 - step.u * 0.95); // exponential stays
        t = place(t + days * DAY, model, loc.timeZone, step);
        if (t >= START + HORIZON) break;
        changes.push({ at: t, state: step.state });
      }
      return { post: loc.code, tz: loc.timeZone, changes };
    });
  }

  /**
   * Replays every case at once, in time order, so that a learning policy learns from the changes it
   * detects on all cases (re-estimated once a simulated day). `strategy(now, state, since, lc, random)`
   * returns the next check time or null to stop.
   */
  function run(lifecycles, strategy, learn) {
    let requests = 0;
    let caseMs = 0;
    const delays = [];
    const intervals = [];
    const heap = new Heap();
    const cs = lifecycles.map((lc, i) => {
      heap.push(START, i);
      return {
        lc,
        seen: null,
        since: null,
        next: 1,
        last: null,
        end: START + HORIZON,
        jitter: mulberry32(lc.changes.length * 7919 + Math.round(lc.changes[1]?.at ?? 0) + i),
      };
    });
    let model = learn ? estimateChangeTimes([], { at: START }) : null;
    let fittedDay = 0;
    while (heap.size) {
      const [t, i] = heap.pop();
      const c = cs[i];
      const lc = c.lc;
      if (learn) {
        const day = Math.floor((t - START) / DAY);
        if (day > fittedDay) {
          model = estimateChangeTimes(intervals, { at: t });
          fittedDay = day;
        }
      }
      if (t >= START + LEARNING) requests++;
      let now = lc.changes[0];
      while (c.next < lc.changes.length && lc.changes[c.next].at <= t) {
        if (lc.changes[c.next].at >= START + LEARNING) delays.push(t - lc.changes[c.next].at);
        now = lc.changes[c.next];
        c.next++;
      }
      if (c.next > 1) now = lc.changes[c.next - 1];
      if (now.state !== c.seen) {
        if (c.seen !== null && c.last !== null) intervals.push({ post: lc.post, timeZone: lc.tz, from: c.last, to: t });
        c.seen = now.state;
        c.since = t;
      }
      c.last = t;
      const density = model ? model.forPost(lc.post, lc.tz).density : null;
      const d = strategy(t, c.seen, c.since, lc, c.jitter, density);
      if (d === null || d >= START + HORIZON) {
        c.end = d === null ? t : START + HORIZON;
        continue;
      }
      heap.push(d, i);
    }
    for (const c of cs) caseMs += Math.max(0, c.end - (START + LEARNING));
    delays.sort((a, b) => a - b);
    return {
      requests,
      caseDays: caseMs / DAY,
      requestsPerCaseDay: requests / (caseMs / DAY),
      medianMin: quantile(delays, 0.5) / MINUTE,
      p90Min: quantile(delays, 0.9) / MINUTE,
      detected: delays.length,
    };
  }

  const budget = { requestIntervalMs: 0, requestsPerCheck: 3, watchedCases: 1 };
  const learned = (now, state, since, lc, random, density) =>
    nextCheck({
      now,
      state,
      stateSince: since,
      timeZone: lc.tz,
      failures: 0,
      budget,
      random,
      changeTimes: density,
      allocation,
    }).at;
  const assumed = (now, state, since, lc, random) =>
    nextCheck({ now, state, stateSince: since, timeZone: lc.tz, failures: 0, budget, random }).at;
  const fixedEvery = (ms) => (now, state) => (state === 'issued' ? null : now + ms);

  if (!json)
    console.log(
      `policy replay: ${CASES} cases at random posts, ${HORIZON / DAY} days; delays and requests counted after a ${LEARNING / DAY}-day learning period; the policy learns online from the changes it detects`,
    );
  const all = [];
  for (const model of models) {
    const lifecycles = lifecyclesFor(model);
    const policy = run(lifecycles, learned, true);
    const today = run(lifecycles, assumed, false);
    const fixed30 = run(lifecycles, fixedEvery(30 * MINUTE), false);
    // Fixed polling that makes as many requests in all as the policy (which keeps a daily heartbeat
    // on Issued cases for 14 days, where fixed polling stops): solve for its interval, twice, since
    // when it stops depends a little on how often it looks.
    let fixedEqual = run(lifecycles, fixedEvery((fixed30.caseDays * DAY) / policy.requests), false);
    fixedEqual = run(lifecycles, fixedEvery((fixedEqual.caseDays * DAY) / policy.requests), false);
    const strip = ({ requests, requestsPerCaseDay, medianMin, p90Min }) => ({
      requests,
      requestsPerCaseDay: Number(requestsPerCaseDay.toFixed(2)),
      medianMin: Number(medianMin.toFixed(1)),
      p90Min: Number(p90Min.toFixed(1)),
    });
    const goals = {
      median: policy.medianMin <= fixedEqual.medianMin,
      p90: policy.p90Min <= fixedEqual.p90Min * 1.1,
      requests: policy.requests <= fixed30.requests / 2,
    };
    const clustered = model.weekdays.length > 0 && model.hourWeights.filter((x) => x > 0).length <= 8;
    if (clustered) goals.twiceBetter = policy.medianMin * 2 <= fixedEqual.medianMin;
    all.push({ model: model.name, goals });
    if (json) {
      console.log(
        JSON.stringify({
          model: model.name,
          policy: strip(policy),
          fixedEqual: strip(fixedEqual),
          fixed30: strip(fixed30),
          assumedPolicy: strip(today),
        }),
      );
      continue;
    }
    const changes = lifecycles.reduce((n, l) => n + l.changes.length - 1, 0);
    console.log(`\n  changes: ${model.name} (${changes} status changes)`);
    console.log(
      `  strategy                           requests  requests/case/day   median delay   p90 delay   changes seen`,
    );
    for (const [name, r] of [
      ['learned policy', policy],
      ['fixed, equal requests (base)', fixedEqual],
      ['fixed 30 min', fixed30],
      ['assumed business hours (before)', today],
    ]) {
      console.log(
        `  ${name.padEnd(34)}${String(r.requests).padStart(9)}${r.requestsPerCaseDay.toFixed(1).padStart(17)}${(r.medianMin.toFixed(1) + ' min').padStart(15)}${(r.p90Min.toFixed(1) + ' min').padStart(12)}${String(r.detected).padStart(15)}`,
      );
    }
    const verdict = (ok) => (ok ? 'met' : 'NOT met');
    console.log(
      `  goals: median ≤ fixed at equal requests ${verdict(goals.median)}; p90 within 10% ${verdict(goals.p90)}; ≤ 50% of fixed-30's requests (in all) ${verdict(goals.requests)}` +
        (clustered ? `; ≥ 2× better median (changes in ≤ 8 h/day) ${verdict(goals.twiceBetter)}` : ''),
    );
  }
  if (!json) {
    const missed = all.filter((r) => Object.values(r.goals).some((ok) => !ok)).map((r) => r.model);
    console.log(`\n  all goals: ${missed.length ? `NOT met under ${missed.join(', ')}` : 'met under every model'}`);
  }
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

/** A throw-away PostgreSQL database on TEST_DATABASE_URL's server, migrated; dropped on close (src/store/scratch.ts). */
async function openTestPostgres(options = {}) {
  const { openScratchPostgres } = await load('store/scratch.js');
  return openScratchPostgres(process.env.TEST_DATABASE_URL, { ...options, prefix: 'ceac_bench' });
}
