import type { Command } from 'commander';

import { findLocation } from '../knowledge/locations.js';
import { CI_TYPES, type CiType } from '../stats/confidence.js';
import { buildReport, GroupTooSmallError, type StatsReport } from '../stats/report.js';
import { tabulate } from '../stats/table.js';
import { loadDurations, type TimelineFilter } from '../timelines/repository.js';
import { action, CommandFailure, painter, printJson, UsageError } from './runtime.js';
import { withTimelineStore } from './shared.js';

export function parseCiType(value: string | undefined): CiType {
  const v = (value ?? 'log') as CiType;
  if (!CI_TYPES.includes(v)) throw new UsageError(`--ci must be one of ${CI_TYPES.join(', ')} (got "${value}")`);
  return v;
}

export function parseEntry(value: string | undefined): 'new' | 'renewal' | undefined {
  if (value === undefined) return undefined;
  const v = value.toLowerCase();
  if (v !== 'new' && v !== 'renewal') throw new UsageError(`--entry must be new or renewal (got "${value}")`);
  return v;
}

export function parseVisa(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toUpperCase();
  if (!/^[A-Z]{1,2}-?\d{0,2}[A-Z]?$/.test(v))
    throw new UsageError(`--visa "${value}" is not a visa class such as F1, H1B or B1`);
  return v;
}

export function parsePost(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (!v) throw new UsageError('--post is empty: give a CEAC location code such as BEJ');
  // A code or any name of a post ("Beijing", "U.S. Consulate General Mumbai") means its code;
  // names that are no single post (checkee's "Europe", "Others") are matched as typed.
  return findLocation(v)?.code ?? (/^[a-z]{3}$/i.test(v) ? v.toUpperCase() : v);
}

function parseMonth(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value))
    throw new UsageError(`${flag} must be a month as YYYY-MM (got "${value}")`);
  return value;
}

interface StatsOptions {
  visa?: string;
  post?: string;
  entry?: string;
  route?: string;
  from?: string;
  to?: string;
  ci?: string;
  json?: boolean;
}

export function filterFromOptions(o: StatsOptions): TimelineFilter {
  const route = o.route?.toLowerCase();
  if (route !== undefined && route !== 'dropbox' && route !== 'interview') {
    throw new UsageError(`--route must be dropbox or interview (got "${o.route}")`);
  }
  const filter: TimelineFilter = {
    visaClass: parseVisa(o.visa),
    post: parsePost(o.post),
    entry: parseEntry(o.entry),
    route,
    from: parseMonth('--from', o.from),
    to: parseMonth('--to', o.to),
  };
  if (filter.from && filter.to && filter.from > filter.to)
    throw new UsageError(`--from ${filter.from} is after --to ${filter.to}`);
  return filter;
}

export function describeFilter(f: TimelineFilter): string {
  const parts = [
    f.visaClass ?? 'all visa classes',
    f.post ? `at ${f.post}` : 'at every post',
    f.entry ?? '',
    f.route ? `via ${f.route}` : '',
    f.from || f.to ? `started ${f.from ?? '…'} to ${f.to ?? '…'}` : '',
  ];
  return parts.filter(Boolean).join(', ');
}

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const days = (x: number | null) => (x === null ? '—' : `${x}`);

function printHuman(filter: TimelineFilter, r: StatsReport): void {
  const paint = painter();
  const out: string[] = [];
  out.push(paint('bold', `Waiting time to a decision — ${describeFilter(filter)}`));
  out.push(
    `  cases ${r.n}: ${r.events} decided (${r.issued} cleared/issued, ${r.refused} refused), ${r.censored} still pending (counted as censored)`,
  );
  out.push(
    `  median wait ${days(r.median.days)} days (${Math.round(r.level * 100)}% CI ${days(r.median.low)}–${days(r.median.high)}, ${r.ciType})`,
  );
  out.push(
    `  quartiles: 25% decided by ${days(r.quartiles['25'].days)} days (${days(r.quartiles['25'].low)}–${days(r.quartiles['25'].high)}), ` +
      `75% by ${days(r.quartiles['75'].days)} days (${days(r.quartiles['75'].low)}–${days(r.quartiles['75'].high)})`,
  );
  out.push('  still waiting after:');
  for (const [d, s] of Object.entries(r.survivalAt)) {
    out.push(
      s.survival === null
        ? `    ${d.padStart(4)} days  unknown (no case was followed that long)`
        : `    ${d.padStart(4)} days  ${pct(s.survival).padStart(6)}  (${pct(s.low)}–${pct(s.high)})`,
    );
  }
  for (const w of r.warnings) out.push(`${paint('yellow', 'warning:')} ${w}`);
  process.stdout.write(out.join('\n') + '\n');
}

export function register(program: Command): void {
  program
    .command('stats')
    .description('waiting time to a decision (Kaplan–Meier: pending cases count as censored, not dropped)')
    .option('--visa <class>', 'visa class, e.g. F1')
    .option('--post <post>', 'CEAC location code or post name, e.g. BEJ or Beijing')
    .option('--entry <entry>', 'new or renewal')
    .option('--route <route>', 'dropbox or interview')
    .option('--from <YYYY-MM>', 'first start month')
    .option('--to <YYYY-MM>', 'last start month')
    .option('--ci <type>', 'confidence interval type: log (as R), log-log or plain', 'log')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nA group of fewer than 5 cases is never shown. Times are days from the 221(g)/check date to the decision;\n' +
        'a pending case counts up to the last date it was known pending.',
    )
    .action(
      action(async (o: StatsOptions) => {
        const filter = filterFromOptions(o);
        const ciType = parseCiType(o.ci);
        const { days: d, cause } = await withTimelineStore((store) => loadDurations(store.db, filter));
        let report: StatsReport;
        try {
          report = buildReport(tabulate(d, cause), { ciType });
        } catch (err) {
          if (err instanceof GroupTooSmallError) {
            if (o.json) printJson({ n: err.n, shown: false, warnings: [err.message] });
            throw new CommandFailure(err.message);
          }
          throw err;
        }
        if (o.json) printJson(report);
        else printHuman(filter, report);
      }),
    );
}
