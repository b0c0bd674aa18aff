// Full CEAC checks per second against the simulator on loopback (form + captcha + POST + parse),
// at concurrency 16 with the request budget lifted, and the client's CPU per check, printed beside
// a baseline measured in the same run: a bare GET of the status form with the same HTTP stack.
// The simulator runs in its own process so that the CPU figures are the client's alone.
// Run: npm run bench -- check   (after npm run build; figures vary with machine load)
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { Agent, request } from 'undici';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', 'dist');
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

const { CeacClient, createCeacClient, findBrowser, unlimitedBudget } = await import(join(dist, 'ceac', 'index.js'));

const CONCURRENCY = 16;
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 5) * 1000;
const TARGET = 150;
const CODE = 'BENCH';

function startSimProcess() {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(dist, 'cli', 'index.js'), 'sim', '--port', '0', '--captcha-code', CODE, '--json'],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
      try {
        resolve({ child, info: JSON.parse(out) });
      } catch {
        // not all of the JSON yet
      }
    });
    child.on('exit', (code) => reject(new Error(`simulator exited early (${code})`)));
  });
}

/** Runs `task` from CONCURRENCY loops for DURATION_MS; returns rate, latencies and client CPU per task. */
async function load(task) {
  const latencies = [];
  let failures = 0;
  const stopAt = performance.now() + DURATION_MS;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, worker) => {
      for (let i = worker; performance.now() < stopAt; i += CONCURRENCY) {
        const s = performance.now();
        if (!(await task(i))) failures++;
        latencies.push(performance.now() - s);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  latencies.sort((a, b) => a - b);
  const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  return {
    n: latencies.length,
    failures,
    perSecond: latencies.length / seconds,
    p50: q(0.5),
    p95: q(0.95),
    cpuMsPer: (cpu.user + cpu.system) / 1000 / latencies.length,
  };
}

const fmt = (x, d = 1) => x.toFixed(d).padStart(8);
const { child, info } = await startSimProcess();
try {
  const cases = info.cases.filter((c) => c.current && !c.siteAnswer);
  const queries = cases.map((c) => ({
    app: c.app,
    id: c.id,
    location: c.location ?? undefined,
    passport: c.passport ?? undefined,
    surname: c.surname ?? undefined,
  }));

  const agent = new Agent({ keepAliveTimeout: 10_000, connections: 64 });
  const formUrl = `${info.url}/ceacstattracker/status.aspx?App=NIV`;
  const warm = async () => {
    const r = await request(formUrl, { dispatcher: agent });
    await r.body.text();
    return r.statusCode === 200;
  };
  for (let i = 0; i < 50; i++) await warm();
  const baseline = await load(warm);
  await agent.close();

  const solver = { name: 'fixed', solve: async () => CODE };
  const client = new CeacClient({ baseUrl: info.url, solver, budget: unlimitedBudget, timeoutMs: 10_000 });
  let sent = 0;
  let done = 0;
  const check = async (i) => {
    const out = await client.check(queries[i % queries.length]);
    sent += out.requests;
    done++;
    return out.kind === 'ok';
  };
  for (let i = 0; i < 30; i++) await check(i);
  sent = 0;
  done = 0;
  const checks = await load(check);
  const requestsPerCheck = sent / done;
  await client.close();
  const browser = await browserFigures(info.url, queries, solver);

  console.log(
    `concurrency ${CONCURRENCY}, ${DURATION_MS / 1000} s each, simulator in its own process, captcha answered in-process`,
  );
  console.log('                                 per s    p50 ms    p95 ms  client CPU ms each   failures');
  console.log(
    `baseline: bare GET of the form ${fmt(baseline.perSecond)}  ${fmt(baseline.p50, 2)}  ${fmt(baseline.p95, 2)}  ${fmt(baseline.cpuMsPer, 3)}           ${baseline.failures}`,
  );
  console.log(
    `full check (form reuse + parse) ${fmt(checks.perSecond)}  ${fmt(checks.p50, 2)}  ${fmt(checks.p95, 2)}  ${fmt(checks.cpuMsPer, 3)}           ${checks.failures}`,
  );
  console.log(
    `a full check costs ${(baseline.perSecond / checks.perSecond).toFixed(2)}x a bare GET in time and ${(checks.cpuMsPer / baseline.cpuMsPer).toFixed(2)}x in client CPU`,
  );
  console.log(
    `target >= ${TARGET} checks/s: ${checks.perSecond >= TARGET ? 'met' : 'NOT MET'} (${checks.perSecond.toFixed(0)} checks/s)`,
  );
  console.log(
    `requests per check in steady state: ${requestsPerCheck.toFixed(2)} (3 = form, captcha, submit; aim <= 2.2)`,
  );
  if (browser) {
    console.log(
      `browser transport (system Chromium, concurrency 2): ${browser.perSecond.toFixed(2)} checks/s, ${browser.failures} failures, ` +
        `peak RSS ${browser.peakChromiumMb.toFixed(0)} MB for Chromium's processes + ${browser.nodeMb.toFixed(0)} MB for this process`,
    );
  } else console.log('browser transport: skipped (no Chromium found)');
  process.exitCode = checks.failures || baseline.failures ? 1 : 0;
} finally {
  child.kill('SIGTERM');
}

/** Checks through the browser transport for a few seconds: rate and the peak RSS of Chromium's processes. */
async function browserFigures(url, queries, solver) {
  const found = findBrowser();
  if (!found.path) return null;
  const dataDir = mkdtempSync(join(tmpdir(), 'ceac-bench-browser-'));
  const client = createCeacClient({ baseUrl: url, solver, transport: 'browser', dataDir, budget: unlimitedBudget });
  let peakKb = 0;
  const sample = () => {
    try {
      const lines = execFileSync('ps', ['-eo', 'rss=,args='], { encoding: 'utf8' }).split('\n');
      const kb = lines.filter((l) => l.includes(dataDir)).reduce((sum, l) => sum + Number(l.trim().split(/\s+/)[0]), 0);
      peakKb = Math.max(peakKb, kb);
    } catch {
      // ps missing: no figure
    }
  };
  const timer = setInterval(sample, 500);
  let n = 0;
  let failures = 0;
  const seconds = Number(process.env.BENCH_SECONDS ?? 5);
  await client.check(queries[0]); // starts Chromium
  const t0 = performance.now();
  const stopAt = t0 + seconds * 1000;
  await Promise.all(
    [0, 1].map(async (w) => {
      for (let i = w; performance.now() < stopAt; i += 2) {
        if ((await client.check(queries[i % queries.length])).kind !== 'ok') failures++;
        n++;
      }
    }),
  );
  const perSecond = n / ((performance.now() - t0) / 1000);
  clearInterval(timer);
  await client.close();
  return { perSecond, failures, peakChromiumMb: peakKb / 1024, nodeMb: process.resourceUsage().maxRSS / 1024 };
}
