// Clearance-wave detection on generated data (src/stats/waves.ts: generateClearances, seeded):
//   - recall: waves planted in (post, class) groups whose normal rate is 1 clearance a day, by wave size
//     (extra clearances on the day); a wave counts as found when its group is flagged on its day;
//   - false alarms per 1,000 group-days on the same groups with no waves (pairs, posts and classes all tested).
// Targets (issue 15): recall ≥ 90% for waves of 5+, ≤ 1 false alarm per 1,000 group-days. The same-run baseline is
// a naive rule (a day of ≥ 3× the trailing mean and ≥ 3 clearances), to show what the test buys.
import { performance } from 'node:perf_hooks';

import { load, mulberry32 } from './lib.mjs';

const { detectWaves, generateClearances, dailyCounts } = await load('stats/waves.js');
const { addDays, dayNumber } = await load('timelines/model.js');

const START = '2024-01-01';
const DAYS = 730;
const WARMUP = 60;
const GROUPS = ['BEJ', 'SHG', 'GUZ', 'BMB', 'CHN'].flatMap((post) =>
  ['F1', 'H1B', 'J1', 'B1/B2'].map((visaClass) => ({ post, visaClass, rate: 1 })),
);
const from = addDays(START, WARMUP);

function naive(clearances) {
  const out = [];
  for (const s of dailyCounts(clearances).values()) {
    for (const [day, count] of s.counts) {
      if (day - dayNumber(START) < WARMUP || count < 3) continue;
      let seen = 0;
      for (let d = day - 60; d < day; d++) seen += s.counts.get(d) ?? 0;
      if (count >= 3 * Math.max(seen / 60, 1 / 60)) out.push({ ...s.group, date: addDays('1970-01-01', day) });
    }
  }
  return out;
}

function recall(size, seed, detector) {
  const rand = mulberry32(seed);
  // One wave per group every ~90 days, never in the warm-up, never two in a group within 60 days.
  const waves = [];
  GROUPS.forEach((_, group) => {
    for (let day = WARMUP + 30 + Math.floor(rand() * 30); day < DAYS; day += 75 + Math.floor(rand() * 30))
      waves.push({ group, day, size });
  });
  const data = generateClearances({ seed, groups: GROUPS, start: START, days: DAYS, waves });
  const found = detector(data);
  const hit = new Set(found.map((w) => `${w.post}|${w.visaClass}|${w.date}`));
  const got = waves.filter((w) =>
    hit.has(`${GROUPS[w.group].post}|${GROUPS[w.group].visaClass}|${addDays(START, w.day)}`),
  );
  return { planted: waves.length, found: got.length };
}

function falseAlarms(seed, detector) {
  const data = generateClearances({ seed, groups: GROUPS, start: START, days: DAYS, waves: [] });
  const alarms = detector(data);
  const groups = dailyCounts(data).size;
  return { alarms: alarms.length, groupDays: groups * (DAYS - WARMUP) };
}

const detectors = {
  'Poisson–Gamma tail + BH (ours)': (d) => detectWaves(d, { from }),
  'naive 3× trailing mean (baseline)': naive,
};
const t0 = performance.now();
for (const [name, detector] of Object.entries(detectors)) {
  console.log(`\n${name}`);
  for (const size of [5, 6, 8, 10]) {
    let planted = 0;
    let found = 0;
    for (const seed of [1, 2, 3]) {
      const r = recall(size, seed * 101 + size, detector);
      planted += r.planted;
      found += r.found;
    }
    console.log(
      `  recall, waves of ${String(size).padStart(2)} on a base of 1/day: ${((100 * found) / planted).toFixed(1)}% (${found}/${planted})`,
    );
  }
  let mixedPlanted = 0;
  let mixedFound = 0;
  for (const seed of [7, 8, 9]) {
    for (const size of [5, 6, 7, 8, 9, 10]) {
      const r = recall(size, seed * 37 + size, detector);
      mixedPlanted += r.planted;
      mixedFound += r.found;
    }
  }
  console.log(`  recall, waves of 5–10 (each size equally often): ${((100 * mixedFound) / mixedPlanted).toFixed(1)}%`);
  let alarms = 0;
  let groupDays = 0;
  for (const seed of [11, 12, 13, 14, 15]) {
    const r = falseAlarms(seed, detector);
    alarms += r.alarms;
    groupDays += r.groupDays;
  }
  console.log(
    `  false alarms without waves: ${((1000 * alarms) / groupDays).toFixed(2)} per 1,000 group-days (${alarms} in ${groupDays}; target ≤ 1)`,
  );
}
console.log(
  `\n(${GROUPS.length} pairs at 1/day plus their posts and classes, ${DAYS} days, 60-day warm-up; ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
);
