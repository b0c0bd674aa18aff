// Statistics benchmarks, against the compiled dist/ (run `npm run bench`, which builds first):
//   1. `ceac import checkee` of the 21,815-row history file into a fresh SQLite store (target ≤ 3 s),
//      beside the floor of merely reading and splitting the file;
//   2. the estimate (table, Kaplan–Meier with intervals, quartiles, Aalen–Johansen) over 1,000,000
//      generated timelines (target ≤ 1 s), beside a textbook per-case implementation and, when
//      Rscript is installed, R's survfit on the same data in the same run (ratio printed);
//   3. the warm estimate after one new case (target ≤ 20 ms), beside recomputing from scratch.
// Select parts with BENCH_STATS=import,estimate,warm (default: all).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

import { load, mulberry32 } from './lib.mjs';

const parts = (process.env.BENCH_STATS ?? 'import,estimate,warm').split(',');
const HISTORY = fileURLToPath(new URL('../../shared/data/checkee-cleared-2009-2018.csv', import.meta.url));
const ms = (x) => `${x.toFixed(1)} ms`;
const verdict = (value, target) => (value <= target ? `ok (target ≤ ${target} ms)` : `OVER TARGET (≤ ${target} ms)`);

/** A million waits shaped like 221(g) data: log-normal around 40 days, a third still pending. */
function generate(n, seed = 7) {
  const rand = mulberry32(seed);
  const days = new Int32Array(n);
  const cause = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const z = Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
    days[i] = Math.min(2000, Math.round(Math.exp(3.7 + 0.8 * z)));
    const u = rand();
    cause[i] = u < 0.33 ? 0 : u < 0.95 ? 1 : 2;
  }
  return { days, cause };
}

async function importBench() {
  if (!existsSync(HISTORY)) return console.log(`import: skipped — ${HISTORY} is not there`);
  const { importCheckee } = await load('timelines/checkee.js');
  const { upsertTimelines } = await load('timelines/repository.js');
  const { openStore } = await load('store/db.js');
  const { migrateToLatest } = await load('store/migrate.js');
  const dir = mkdtempSync(join(tmpdir(), 'ceac-bench-stats-'));
  try {
    const t0 = performance.now();
    const text = readFileSync(HISTORY, 'utf8');
    const floor = text.split('\n').map((l) => l.split(',')).length;
    const tFloor = performance.now() - t0;

    const store = await openStore({ dataDir: dir });
    await migrateToLatest(store);
    const t1 = performance.now();
    const parsed = importCheckee(readFileSync(HISTORY, 'utf8'));
    const t2 = performance.now();
    const stored = await upsertTimelines(store.db, parsed.timelines);
    const t3 = performance.now();
    // Re-import: everything is a duplicate (the idempotent path).
    const again = await upsertTimelines(store.db, parsed.timelines);
    const t4 = performance.now();
    await store.close();
    console.log(`import of ${parsed.rows} checkee rows into SQLite`);
    console.log(`  baseline: read + split the file only      ${ms(tFloor)} (${floor} lines)`);
    console.log(`  parse + validate + dedupe                 ${ms(t2 - t1)}`);
    console.log(`  store ${stored.inserted} timelines                   ${ms(t3 - t2)}`);
    console.log(
      `  import total                              ${ms(t3 - t1)}  ${verdict(t3 - t1, 3000)}  (${((t3 - t1) / tFloor).toFixed(1)}× the floor)`,
    );
    console.log(`  re-import (all ${again.unchanged} unchanged)          ${ms(t4 - t3)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The textbook way: an array of case objects, sorted, walked one case at a time. */
function naiveKaplanMeier(days, cause) {
  const cases = Array.from(days, (d, i) => ({ t: d, e: cause[i] > 0 ? 1 : 0 }));
  cases.sort((a, b) => a.t - b.t);
  const out = [];
  let atRisk = cases.length;
  let s = 1;
  let gw = 0;
  for (let i = 0; i < cases.length;) {
    const t = cases[i].t;
    let d = 0;
    let c = 0;
    while (i < cases.length && cases[i].t === t) {
      if (cases[i].e) d++;
      else c++;
      i++;
    }
    if (d) {
      s *= 1 - d / atRisk;
      gw += d / (atRisk * (atRisk - d));
    }
    out.push({ t, s, se: Math.sqrt(gw) });
    atRisk -= d + c;
  }
  return out;
}

async function estimateBench() {
  const { tabulate } = await load('stats/table.js');
  const { kaplanMeier } = await load('stats/kaplan-meier.js');
  const { timeQuantiles } = await load('stats/quantiles.js');
  const { aalenJohansen } = await load('stats/aalen-johansen.js');
  const N = 1_000_000;
  const { days, cause } = generate(N);
  const ours = () => {
    const table = tabulate(days, cause);
    const curve = kaplanMeier(table);
    const q = timeQuantiles(curve);
    const ci = aalenJohansen(table);
    return { curve, q, ci };
  };
  ours(); // warm the JIT once
  const runs = [];
  let result;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    result = ours();
    runs.push(performance.now() - t);
  }
  runs.sort((a, b) => a - b);
  const tNaive0 = performance.now();
  const naive = naiveKaplanMeier(days, cause);
  const tNaive = performance.now() - tNaive0;
  const median = runs[2];
  console.log(
    `estimate over ${N.toLocaleString('en')} generated timelines (${result.curve.time.length} distinct days)`,
  );
  console.log(
    `  ours: table + KM + log CI + quartiles + Aalen–Johansen   median of 5: ${ms(median)}  ${verdict(median, 1000)}`,
  );
  console.log(
    `  baseline: textbook KM over sorted case objects          ${ms(tNaive)}  (${(tNaive / median).toFixed(1)}× ours)`,
  );
  // As `ceac stats` sees them: one row object per timeline ({wait_days, outcome}) from the store.
  const OUTCOME = ['pending', 'cleared', 'refused'];
  const rows = Array.from(days, (d, i) => ({ wait_days: d, outcome: OUTCOME[cause[i]] }));
  const tRows0 = performance.now();
  const rd = new Int32Array(rows.length);
  const rc = new Uint8Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    rd[i] = rows[i].wait_days;
    rc[i] = rows[i].outcome === 'pending' ? 0 : rows[i].outcome === 'refused' ? 2 : 1;
  }
  const table = tabulate(rd, rc);
  kaplanMeier(table);
  aalenJohansen(table);
  const tRows = performance.now() - tRows0;
  console.log(
    `  from 1M timeline rows (as loaded from the store) to the estimate: ${ms(tRows)}  ${verdict(tRows, 1000)}`,
  );
  const drift = Math.max(...naive.map((p, k) => Math.abs(p.s - result.curve.survival[k])));
  console.log(`  agreement with the baseline: max |ΔS| = ${drift.toExponential(1)}; median ${result.q[1].time} days`);

  const rscript = spawnSync('Rscript', ['--version'], { encoding: 'utf8' });
  if (rscript.error) {
    console.log('  R: skipped — Rscript is not installed (apt-get install r-cran-survival to compare)');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'ceac-bench-r-'));
  try {
    const file = join(dir, 'data.csv');
    const lines = new Array(N + 1);
    lines[0] = 'time,status';
    for (let i = 0; i < N; i++) lines[i + 1] = `${days[i]},${cause[i] > 0 ? 1 : 0}`;
    writeFileSync(file, lines.join('\n'));
    const script = `suppressPackageStartupMessages(library(survival)); d <- read.csv("${file}");
      invisible(survfit(Surv(time, status) ~ 1, data = d));
      t <- system.time(for (i in 1:3) fit <- survfit(Surv(time, status) ~ 1, data = d))[["elapsed"]] / 3;
      q <- quantile(fit, 0.5)$quantile;
      cat(sprintf("%.6f %s\\n", t * 1000, format(q)))`;
    const r = spawnSync('Rscript', ['-e', script], { encoding: 'utf8' });
    if (r.status !== 0) {
      console.log(`  R: failed — ${r.stderr.trim().split('\n').pop()}`);
      return;
    }
    const [rMs, rMedian] = r.stdout.trim().split(/\s+/);
    const rTime = Number(rMs);
    console.log(
      `  R survfit (KM + log CI only, data already in memory), mean of 3: ${ms(rTime)}; median ${rMedian} days`,
    );
    console.log(
      `  ratio R / ours: ${(rTime / median).toFixed(1)}× (${rTime > median ? 'ours is faster' : 'R is faster'})`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function warmBench() {
  const { GroupStatsCache } = await load('stats/cache.js');
  const { buildReport } = await load('stats/report.js');
  const { tabulate } = await load('stats/table.js');
  const N = 1_000_000;
  const { days, cause } = generate(N, 11);
  const cache = new GroupStatsCache(async () => ({ days, cause }));
  const group = { visaClass: 'F1', post: 'BEJ' };
  const t0 = performance.now();
  await cache.report(group);
  const tFirst = performance.now() - t0;
  const rand = mulberry32(3);
  const warm = [];
  for (let i = 0; i < 200; i++) {
    const c = {
      visaClass: 'F1',
      post: 'BEJ',
      entry: 'new',
      route: null,
      startMonth: '2026-01',
      days: Math.floor(rand() * 300),
      cause: i % 3 === 0 ? 0 : 1,
    };
    const t = performance.now();
    cache.added(c);
    await cache.report(group);
    warm.push(performance.now() - t);
  }
  warm.sort((a, b) => a - b);
  const t1 = performance.now();
  buildReport(tabulate(days, cause));
  const tCold = performance.now() - t1;
  const p50 = warm[100];
  const p95 = warm[189];
  console.log(`warm estimate of a 1,000,000-case group after each new case (200 inserts)`);
  console.log(`  first load of the group                    ${ms(tFirst)}`);
  console.log(`  insert + full report: p50 ${ms(p50)}, p95 ${ms(p95)}  ${verdict(p95, 20)}`);
  console.log(`  baseline: recompute from the 1M cases      ${ms(tCold)}  (${(tCold / p50).toFixed(0)}× the warm p50)`);
}

if (parts.includes('import')) await importBench();
if (parts.includes('estimate')) await estimateBench();
if (parts.includes('warm')) await warmBench();
