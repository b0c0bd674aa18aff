// The CSV reader of the checkee importer (src/timelines/csv.ts) beside csv-parse, in the same run, on the
// same text: a generated export (quoted fields with commas, quotes and line breaks; CRLF and LF mixed; a BOM)
// and, when /work/shared/data is there, the real 21,815-row checkee history repeated 5 times. Both readers
// must give the same records at the same start lines (the line an import error names); the bench says so
// before it prints any figure. csv-parse runs with the options that make it read what ours reads (mixed
// line endings, a stray quote inside a field) and `info` for line numbers, and once more without `info`.
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

import { parse } from 'csv-parse/sync';

import { load, mulberry32 } from './lib.mjs';

const { readCsv } = await load('timelines/csv.js');

const OPTIONS = {
  bom: true,
  relax_column_count: true,
  relax_quotes: true,
  record_delimiter: ['\r\n', '\n', '\r'],
};

/** csv-parse's records as ours: blank lines dropped, each with the line it starts on. */
function withCsvParse(text) {
  const out = [];
  for (const { record, info } of parse(text, { ...OPTIONS, info: true })) {
    if (record.length === 1 && record[0] === '') continue;
    // `info.lines` is the line a record ends on: step back over the line breaks inside its fields.
    let breaks = 0;
    for (const field of record) breaks += (field.match(/\r\n|\r|\n/g) ?? []).length;
    out.push({ line: info.lines - breaks, fields: record });
  }
  return out;
}

const ours = (text) => [...readCsv(text)];
const csvParseNoInfo = (text) => parse(text, OPTIONS);

function generated(rows) {
  const rand = mulberry32(20261130);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const lines = [',UserName,VisaType,VisaEntry,City,Major,VisaStatus,CheckDate,CompleteDate,WaitDays,UserID'];
  for (let i = 0; i < rows; i++) {
    const major = pick(['CS', '"Physics, applied"', '"He said ""wait"""', '"two\nlines"', 'Biochemistry']);
    const city = pick(['BeiJing', 'ShangHai', '"Montreal "', 'Europe']);
    lines.push(`${i},user${i},F1,New,${city},${major},Clear,2009-01-05,2009-03-31,85,${i}.0`);
    if (rand() < 0.01) lines.push('');
  }
  return '\ufeff' + lines.map((l, i) => (i % 2 ? `${l}\r\n` : `${l}\n`)).join('');
}

/** Mean of 3 runs after a warm-up; each run's records are dropped before the next (as an import drops them). */
function time(fn, text) {
  fn(text); // warm
  const runs = 3;
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) fn(text);
  return (performance.now() - t0) / runs;
}

const inputs = [['generated, 100,000 rows', generated(100_000)]];
const history = new URL('../../shared/data/checkee-cleared-2009-2018.csv', import.meta.url);
if (existsSync(history)) {
  const text = readFileSync(history, 'utf8');
  const [header, ...rest] = text.split('\n');
  inputs.push(['checkee history x5', [header, ...Array(5).fill(rest.join('\n'))].join('\n')]);
} else console.log('checkee history: skipped (shared/data is not there)');

/** Whether both readers give the same records at the same start lines (their arrays dropped after). */
function agree(name, text) {
  const a = ours(text);
  const b = withCsvParse(text);
  const differs = (r, k) => r.line !== b[k]?.line || r.fields.join('\u0000') !== b[k]?.fields.join('\u0000');
  const i = a.findIndex(differs);
  if (i === -1 && a.length === b.length) return a.length;
  console.log(
    `${name}: the readers disagree at record ${i}: ours ${JSON.stringify(a[i])}, csv-parse ${JSON.stringify(b[i])}`,
  );
  return -1;
}

let mismatch = false;
console.log('input                          reader                    records      ms     MB/s   x ours');
for (const [name, text] of inputs) {
  const records = agree(name, text);
  if (records < 0) {
    mismatch = true;
    continue;
  }
  const mb = text.length / 1e6;
  const base = time(ours, text);
  for (const [reader, fn] of [
    ['ours (csv.ts)', ours],
    ['csv-parse, info', withCsvParse],
    ['csv-parse, no info', csvParseNoInfo],
  ]) {
    const ms = fn === ours ? base : time(fn, text);
    console.log(
      `${name.padEnd(30)} ${reader.padEnd(22)} ${String(records).padStart(10)} ${ms.toFixed(1).padStart(7)} ${(mb / (ms / 1000)).toFixed(1).padStart(8)} ${(ms / base).toFixed(1).padStart(8)}`,
    );
  }
}
console.log('same records at the same start lines from both readers:', mismatch ? 'NO' : 'yes');
process.exitCode = mismatch ? 1 : 0;
