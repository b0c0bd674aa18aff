// What the benchmarks share: loading the compiled dist/, a seeded PRNG, and for the web benchmarks the
// server-in-a-child-process rig and the autocannon runs with their table. Kept out of the *.bench.mjs
// names so that bench/run.mjs does not run it as a benchmark.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const dist = new URL('../dist/', import.meta.url);

/** Imports a module of the compiled dist/ by its path there (e.g. 'store/db.js'). */
export const load = (p) => import(new URL(p, dist).href);

/** The path of a file in dist/ (e.g. 'cli/index.js'), to spawn it. */
export const distPath = (p) => fileURLToPath(new URL(p, dist));

/** The project's seeded PRNG (src/random.ts), so that runs see the same data and compare. */
export const { mulberry32 } = await load('random.js');

// ---------------------------------------------------------------------------------------------
// Web benchmarks: the app serves from a child process, so that the load generator does not share its
// event loop; the parent drives autocannon at it.

/** How long each autocannon run lasts and how many connections it holds (BENCH_WEB_SECONDS, BENCH_WEB_CONNECTIONS). */
export const webLoad = {
  seconds: Number(process.env.BENCH_WEB_SECONDS ?? 8),
  connections: Number(process.env.BENCH_WEB_CONNECTIONS ?? 16),
};

/**
 * Serves `app` on loopback beside a bare Hono "ok" route at /__baseline/ok (the baseline: what HTTP
 * alone costs on the same stack). Returns the server and its base URL.
 */
export async function serveWithBaseline(app) {
  const [{ serve }, { Hono }] = await Promise.all([import('@hono/node-server'), import('hono')]);
  const baseline = new Hono();
  baseline.get('/ok', (c) => c.text('ok'));
  const root = new Hono();
  root.route('/__baseline', baseline);
  root.route('/', app);
  const server = serve({ fetch: root.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => (server.listening ? r() : server.once('listening', r)));
  return { server, base: `http://127.0.0.1:${server.address().port}` };
}

/** In the server child: tells the parent `ready`, and cleans up and exits when the parent lets go. */
export function serverReady(ready, cleanup) {
  process.send(ready);
  process.on('disconnect', async () => {
    await cleanup();
    process.exit(0);
  });
}

/** In the parent: runs `benchFile` with the argument 'serve' and waits for what its serverReady sent. */
export async function forkServer(benchFile) {
  const child = fork(fileURLToPath(benchFile), ['serve'], { stdio: 'inherit' });
  const ready = await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`the bench server exited (${code})`)));
  });
  return { child, ready };
}

/**
 * One autocannon run against `base`: `opts.paths` cycles GET requests through several paths, else
 * `opts.path` with `method`, `headers` and `body`. Latencies in ms; `bad` counts non-2xx, errors and
 * timeouts.
 */
export async function loadRun(base, title, opts, duration = webLoad.seconds) {
  const { default: autocannon } = await import('autocannon');
  const target = opts.paths
    ? { url: base, requests: opts.paths.map((path) => ({ method: 'GET', path })) }
    : { url: base + opts.path, method: opts.method ?? 'GET', headers: opts.headers, body: opts.body };
  return new Promise((resolve, reject) => {
    autocannon({ ...target, connections: webLoad.connections, duration }, (err, r) => {
      if (err) return reject(err);
      resolve({
        title,
        rps: r.requests.average,
        p50: r.latency.p50,
        p975: r.latency.p97_5,
        p99: r.latency.p99,
        bad: r.non2xx + r.errors + r.timeouts,
        total: r.requests.total,
      });
    });
  });
}

/** Each of `runs` ([title, opts]) for a second to let the JIT compile every path, then each measured. */
export async function warmThenMeasure(base, runs) {
  for (const [title, opts] of runs) await loadRun(base, title, opts, 1);
  const results = [];
  for (const [title, opts] of runs) results.push(await loadRun(base, title, opts));
  return results;
}

/**
 * Prints the results as a table against the first (the baseline): req/s, the latency `columns`
 * (keys of a result: 'p50', 'p975', 'p99'), the share of the baseline's req/s and a verdict from
 * `targetFor(result)` (a check, or undefined where the row has no target). Returns whether any row
 * had errors or missed its target.
 */
export function printLoadTable(results, { width, columns, targetFor }) {
  const heads = { p50: ['p50 ms', 9], p975: ['p97.5 ms', 10], p99: ['p99 ms', 9] };
  console.log(
    '  what'.padEnd(width) +
      'req/s'.padStart(9) +
      columns.map((c) => heads[c][0].padStart(heads[c][1])).join('') +
      '   vs baseline   verdict',
  );
  const b = results[0].rps;
  let failed = false;
  for (const r of results) {
    const t = targetFor(r);
    const verdict = r.bad ? `ERRORS (${r.bad} non-2xx/errors)` : t ? (t(r) ? 'ok' : 'OVER TARGET') : '';
    if (r.bad || (t && !t(r))) failed = true;
    const cells = columns.map((c) => String(r[c]).padStart(heads[c][1])).join('');
    console.log(
      `  ${r.title}`.padEnd(width) +
        r.rps.toFixed(0).padStart(9) +
        cells +
        `   ${((r.rps / b) * 100).toFixed(0).padStart(4)} %       ${verdict}`,
    );
  }
  return failed;
}
