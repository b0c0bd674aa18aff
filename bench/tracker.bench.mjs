// Tracker benchmarks, against the compiled dist/ (run `npm run bench`, which builds first):
//   1. the scheduling policy replayed over simulated lifecycles whose changes happen in the posts'
//      business hours, beside fixed 30-minute polling in the same run: requests per case per day
//      and median / p90 detection delay;
//   2. end-to-end checks/s on SQLite with 100,000 tracked cases against the simulator (budget lifted),
//      the time to pick due cases, and peak RSS;
//   3. PostgreSQL throughput with 1 and 2 workers (when TEST_DATABASE_URL is set).
// Select parts with BENCH_TRACKER=replay,sqlite,postgres (default: all).
import { performance } from 'node:perf_hooks';

const parts = (process.env.BENCH_TRACKER ?? 'replay,sqlite,postgres').split(',');
const dist = new URL('../dist/', import.meta.url);
const load = (p) => import(new URL(p, dist).href);

function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}
const minutes = (ms) => (ms / 60_000).toFixed(1);

// A small deterministic PRNG, so both strategies see the same lifecycles and runs compare.
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
    return { requestsPerCaseDay: requests / caseDays, median: quantile(delays, 0.5), p90: quantile(delays, 0.9), detected: delays.length };
  }

  const budget = { requestIntervalMs: 0, requestsPerCheck: 3, watchedCases: 1 };
  const policy = run((now, state, since, timeZone, random) => nextCheck({ now, state, stateSince: since, timeZone, failures: 0, budget, random }).at);
  const fixed = run((now, state) => (state === 'issued' ? null : now + 30 * MINUTE));
  const changes = lifecycles.reduce((n, l) => n + l.changes.length - 1, 0);
  console.log(`policy replay: ${CASES} cases at random posts, ${changes} status changes in the posts' business hours, ${HORIZON / DAY} days`);
  console.log(`  strategy            requests/case/day   median delay   p90 delay   changes seen`);
  for (const [name, r] of [['policy', policy], ['fixed 30 min (base)', fixed]]) {
    console.log(`  ${name.padEnd(20)}${r.requestsPerCaseDay.toFixed(1).padStart(17)}${(minutes(r.median) + ' min').padStart(15)}${(minutes(r.p90) + ' min').padStart(12)}${String(r.detected).padStart(15)}`);
  }
  const ratio = policy.requestsPerCaseDay / fixed.requestsPerCaseDay;
  console.log(`  policy uses ${(ratio * 100).toFixed(0)}% of the requests; median delay ${policy.median <= fixed.median ? 'no worse' : 'WORSE'} than fixed polling`);
  console.log(`  target (≤ 50% of the requests, no worse median): ${ratio <= 0.5 && policy.median <= fixed.median ? 'met' : 'NOT met'}`);
}

if (parts.includes('replay')) await replay();
void performance;
