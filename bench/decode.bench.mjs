// Decoding speed, in two figures (run with `npm run bench`, which builds dist/ first):
//  1. in-process throughput of explain() over a corpus of realistic pastes (target >= 20,000 pastes/s),
//     next to a naive baseline (lower-case + includes) that shows the floor of any decoder;
//  2. cold start of `bin/ceac explain` (median over repeated process runs; target <= 200 ms), next to
//     `node -e 0` measured in the same run, so that a busy machine shows as a slow baseline.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { explain, parsePaste, interpret } = await import(join(root, 'dist/decode/index.js'));
const { STATUS_TEXTS } = await import(join(root, 'dist/knowledge/statuses.js'));

const block = (status, text) =>
  [
    'U.S. Department of State',
    'Application ID or Case Number: ***********',
    'Case Created: 28-Jul-2022',
    'Case Last Updated: 05-Aug-2022',
    '',
    status ?? '',
    text ?? '',
    'For more information, please visit U.S. Consulate General Vancouver.',
  ].join('\n');

// What people paste: whole blocks, bare paragraphs, status words, cut-short and upper-case texts.
const corpus = [];
for (const t of STATUS_TEXTS) {
  corpus.push(block(t.status, t.text), block(null, t.text), t.status);
  if (t.text) {
    corpus.push(t.text, t.text.toUpperCase(), t.text.slice(0, Math.floor(t.text.length / 2)) + ' ……..');
  }
}
const corpusChars = corpus.reduce((n, s) => n + s.length, 0);

/** Calls per wall-clock second, and per second of this process's CPU time (steadier on a shared machine). */
function rate(fn, seconds = 1.5) {
  for (let i = 0; i < 2000; i++) fn(corpus[i % corpus.length]); // warm up the JIT
  let n = 0;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const until = start + seconds * 1000;
  while (performance.now() < until) {
    for (let i = 0; i < corpus.length; i++) fn(corpus[i]);
    n += corpus.length;
  }
  const wall = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { wall: n / wall, cpu: n / ((cpu.user + cpu.system) / 1e6) };
}

const fmt = (n) => Math.round(n).toLocaleString('en');
console.log(`corpus: ${corpus.length} pastes, ${fmt(corpusChars / corpus.length)} characters on average`);
let hits = 0; // counted so that the JIT cannot drop the baseline's work
const naive = rate((s) => {
  if (s.toLowerCase().includes('will remain refused')) hits++;
});
const full = rate((s) => explain(s));
const observations = corpus.map((s) => parsePaste(s));
let k = 0;
const parseOnly = rate((s) => parsePaste(s));
const interpretOnly = rate(() => interpret(observations[k++ % observations.length]));
const line = (label, r, unit = 'pastes/s') =>
  `${label.padEnd(34)}${fmt(r.wall).padStart(12)} ${unit}  (${fmt(r.cpu)} per CPU-second)`;
console.log(line('baseline  lower-case + includes', naive) + `  ${hits > 0 ? 'found' : 'missed'} the 221(g) text`);
console.log(line('parsePaste', parseOnly));
console.log(line('interpret', interpretOnly, 'observations/s'));
const verdict = (x) => (x >= 20_000 ? 'met' : 'NOT MET');
console.log(
  line('explain (parse + interpret)', full) +
    `  target >= 20,000: ${verdict(full.wall)} (per CPU-second: ${verdict(full.cpu)})`,
);

// Cold start: whole processes, as a person runs them.
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
/** CPU time (ms) used by this process's finished children, from /proc (Linux); null elsewhere. */
function childrenCpuMs() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    // cutime and cstime are fields 16 and 17 of stat(5), in clock ticks (100 per second on Linux).
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return null;
  }
}
function timeProcess(args, input) {
  const times = [];
  let cpu = 0;
  for (let i = 0; i < RUNS + 2; i++) {
    const cpu0 = childrenCpuMs();
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { input: input ?? '', stdio: ['pipe', 'ignore', 'pipe'] });
    const ms = performance.now() - t;
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    if (i >= 2) {
      times.push(ms); // the first runs warm the file cache
      if (cpu0 !== null) cpu += childrenCpuMs() - cpu0;
    }
  }
  return { median: median(times), min: Math.min(...times), cpu: childrenCpuMs() === null ? null : cpu / RUNS };
}
const bin = join(root, 'bin/ceac');
const seed = block(null, STATUS_TEXTS.find((t) => t.variant === 'refused_221g').text);
// Interleave so that a change in machine load hits baseline and subject alike.
const base = timeProcess(['-e', '0']);
const word = timeProcess([bin, 'explain', 'Refused']);
const paste = timeProcess([bin, 'explain', '--json'], seed);
const chinese = timeProcess([bin, 'explain', '--lang', 'zh-CN'], seed);
const base2 = timeProcess(['-e', '0']);
const baseline = Math.min(base.median, base2.median);
const cpuNote = (r) => (r.cpu === null ? '' : `, ${r.cpu.toFixed(0)} ms CPU per run`);
const show = (label, r) =>
  console.log(
    `${label.padEnd(34)}median ${r.median.toFixed(0).padStart(4)} ms  (min ${r.min.toFixed(0)} ms, +${(r.median - baseline).toFixed(0)} ms over node -e 0${cpuNote(r)})`,
  );
console.log(`\ncold start, ${RUNS} runs each`);
console.log(
  `${'baseline  node -e 0'.padEnd(34)}median ${baseline.toFixed(0).padStart(4)} ms  (runs before and after: ${base.median.toFixed(0)} / ${base2.median.toFixed(0)} ms${cpuNote(base)})`,
);
show('ceac explain Refused', word);
show('ceac explain --json < paste', paste);
show('ceac explain --lang zh-CN < paste', chinese);
const worst = Math.max(word.median, paste.median, chinese.median);
console.log(
  `target <= 200 ms median: ${worst <= 200 ? 'met' : 'NOT MET'}${baseline > 100 ? ` (the machine is busy: node -e 0 alone takes ${baseline.toFixed(0)} ms)` : ''}`,
);
