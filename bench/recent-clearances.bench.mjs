// The /stats "recent clearances" view (src/web/recent-clearances.ts) over a busy store: 50,000 timelines whose
// decisions fall in the last 150 days (the view's whole input: 90 days shown, 60 before them for the detector), in
// SQLite, in process:
//   - cold: the first view after the figures changed (load the clearances, detect waves over every group, build);
//   - warm: the next views of other filters in the same minute (the clearances and waves kept; only the build);
// against a same-run baseline: loading the same clearances alone (the least a cold view must do).
// No target is set by the issue; the view must not make a cold /stats noticeably slower (bench/stats-web.bench.mjs).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { load, mulberry32 } from './lib.mjs';

const TIMELINES = 50_000;
const [{ openStore }, { migrateToLatest }, { RecentClearancesSource }, { loadClearances }, { addDays }] =
  await Promise.all([
    load('store/db.js'),
    load('store/migrate.js'),
    load('web/recent-clearances.js'),
    load('notify/clearance-waves.js'),
    load('timelines/model.js'),
  ]);

const dir = mkdtempSync(join(tmpdir(), 'ceac-recent-bench-'));
const store = await openStore({ dataDir: dir });
await migrateToLatest(store);
const today = new Date().toISOString().slice(0, 10);
const rnd = mulberry32(15);
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const POSTS = ['BEJ', 'SHG', 'GUZ', 'CHN', 'BMB', 'NWD', 'HYD'];
const CLASSES = ['F1', 'F1', 'F1', 'H1B', 'H1B', 'B1/B2', 'J1'];
for (let i = 0; i < TIMELINES; i += 1000) {
  const rows = [];
  for (let j = i; j < Math.min(TIMELINES, i + 1000); j++) {
    const outcomeDate = addDays(today, -Math.floor(rnd() * 150));
    const wait = 1 + Math.floor(-Math.log(1 - rnd()) * 45);
    const startDate = addDays(outcomeDate, -wait);
    const u = rnd();
    rows.push({
      source: 'manual',
      source_key: `bench-${j}`,
      visa_class: pick(CLASSES),
      entry: pick(['new', 'renewal']),
      route: pick(['dropbox', 'interview']),
      post: pick(POSTS),
      start_date: startDate,
      start_month: startDate.slice(0, 7),
      outcome: u < 0.17 ? 'pending' : u < 0.27 ? 'refused' : 'issued',
      outcome_date: outcomeDate,
      wait_days: wait,
      events_json: '[]',
      note: null,
      created_at: 0,
      updated_at: 0,
    });
  }
  await store.db.insertInto('timelines').values(rows).execute();
}

const FILTERS = [
  {},
  { visaClass: 'F1' },
  { post: 'BEJ' },
  { post: 'BEJ', visaClass: 'F1' },
  { post: 'BMB', visaClass: 'H1B' },
];
// Wall time and this process's CPU time: on a shared machine the second says what the code costs.
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const mean = async (n, f) => {
  await f(0);
  const wall = performance.now();
  const cpu = cpuMs();
  for (let i = 1; i <= n; i++) await f(i);
  return { wall: (performance.now() - wall) / n, cpu: (cpuMs() - cpu) / n };
};
const show = (m, digits = 1) => `${m.wall.toFixed(digits)} ms (CPU ${m.cpu.toFixed(digits)} ms)`;
const source = new RecentClearancesSource(store.db);
const baseline = await mean(10, () => loadClearances(store.db, addDays(today, -150)));
// A new generation each time: nothing kept between runs.
const cold = await mean(10, (i) => source.view(FILTERS[i % FILTERS.length], today, -1 - i));
const warm = await mean(200, (i) => source.view(FILTERS[i % FILTERS.length], today, 0));
const sample = await source.view({}, today, 0);
console.log(
  `recent clearances: ${TIMELINES.toLocaleString('en')} timelines decided in the last 150 days (${sample.chart.total.toLocaleString('en')} clearances in the 90 days shown, ${sample.waves.length} waves found), SQLite, Node ${process.version}`,
);
console.log(`  baseline: load the clearances alone   ${show(baseline)}`);
console.log(`  cold view (load, detect, build)       ${show(cold)}`);
console.log(`  warm view (build from kept data)      ${show(warm, 2)}`);
await store.close();
rmSync(dir, { recursive: true, force: true });
