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
const { CeacClient, unlimitedBudget } = await import(join(dist, 'ceac', 'index.js'));

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
  const check = async (i) => (await client.check(queries[i % queries.length])).kind === 'ok';
  for (let i = 0; i < 30; i++) await check(i);
  const checks = await load(check);
  await client.close();

  console.log(
    `concurrency ${CONCURRENCY}, ${DURATION_MS / 1000} s each, simulator in its own process, captcha answered in-process`,
  );
  console.log('                                 per s    p50 ms    p95 ms  client CPU ms each   failures');
  console.log(
    `baseline: bare GET of the form ${fmt(baseline.perSecond)}  ${fmt(baseline.p50, 2)}  ${fmt(baseline.p95, 2)}  ${fmt(baseline.cpuMsPer, 3)}           ${baseline.failures}`,
  );
  console.log(
    `full check (3 requests + parse) ${fmt(checks.perSecond)}  ${fmt(checks.p50, 2)}  ${fmt(checks.p95, 2)}  ${fmt(checks.cpuMsPer, 3)}           ${checks.failures}`,
  );
  console.log(
    `a full check costs ${(baseline.perSecond / checks.perSecond).toFixed(2)}x a bare GET in time and ${(checks.cpuMsPer / baseline.cpuMsPer).toFixed(2)}x in client CPU`,
  );
  console.log(
    `target >= ${TARGET} checks/s: ${checks.perSecond >= TARGET ? 'met' : 'NOT MET'} (${checks.perSecond.toFixed(0)} checks/s)`,
  );
  process.exitCode = checks.failures || baseline.failures ? 1 : 0;
} finally {
  child.kill('SIGTERM');
}
