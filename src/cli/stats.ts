import type { Command } from 'commander';

import { findLocation } from '../knowledge/locations.js';
import { CI_TYPES, type CiType } from '../stats/confidence.js';
import { buildReport, caveatWords, GroupTooSmallError, type StatsReport } from '../stats/report.js';
import { tabulate } from '../stats/table.js';
import { loadDurations, type TimelineFilter } from '../timelines/repository.js';
import { cliTranslator, formatNumber, tr } from './i18n.js';
import { action, CommandFailure, painter, printJson, UsageError } from './runtime.js';
import { withTimelineStore } from './shared.js';

export function parseCiType(value: string | undefined): CiType {
  const v = (value ?? 'log') as CiType;
  if (!CI_TYPES.includes(v))
    throw new UsageError(tr('cli.usage.oneOf', { flag: '--ci', choices: CI_TYPES.join(', '), given: value ?? '' }));
  return v;
}

export function parseEntry(value: string | undefined): 'new' | 'renewal' | undefined {
  if (value === undefined) return undefined;
  const v = value.toLowerCase();
  if (v !== 'new' && v !== 'renewal')
    throw new UsageError(tr('cli.usage.oneOf', { flag: '--entry', choices: 'new, renewal', given: value }));
  return v;
}

export function parseVisa(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toUpperCase();
  if (!/^[A-Z]{1,2}-?\d{0,2}[A-Z]?$/.test(v)) throw new UsageError(tr('cli.stats.badVisa', { given: value }));
  return v;
}

export function parsePost(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (!v) throw new UsageError(tr('cli.stats.emptyPost'));
  // A code or any name of a post ("Beijing", "U.S. Consulate General Mumbai") means its code;
  // names that are no single post (checkee's "Europe", "Others") are matched as typed.
  return findLocation(v)?.code ?? (/^[a-z]{3}$/i.test(v) ? v.toUpperCase() : v);
}

function parseMonth(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) throw new UsageError(tr('cli.stats.badMonth', { flag, given: value }));
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
    throw new UsageError(
      tr('cli.usage.oneOf', { flag: '--route', choices: 'dropbox, interview', given: o.route ?? '' }),
    );
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
    throw new UsageError(tr('cli.stats.fromAfterTo', { from: filter.from, to: filter.to }));
  return filter;
}

export function describeFilter(f: TimelineFilter): string {
  const parts = [
    f.visaClass ?? tr('cli.stats.allClasses'),
    f.post ? tr('cli.stats.atPost', { post: f.post }) : tr('cli.stats.everyPost'),
    f.entry ? tr('cli.stats.entry', { entry: f.entry }) : '',
    f.route ? tr('cli.stats.route', { route: f.route }) : '',
    f.from || f.to ? tr('cli.stats.started', { from: f.from ?? '…', to: f.to ?? '…' }) : '',
  ];
  return parts.filter(Boolean).join(', ');
}

const pct = (x: number | null) =>
  x === null ? '—' : formatNumber(x, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const days = (x: number | null) => (x === null ? '—' : formatNumber(x));

function printHuman(filter: TimelineFilter, r: StatsReport): void {
  const paint = painter();
  const out: string[] = [];
  out.push(paint('bold', tr('cli.stats.title', { filter: describeFilter(filter) })));
  out.push(
    `  ${tr('cli.stats.cases', { n: r.n, decided: r.events, issued: r.issued, refused: r.refused, pending: r.censored })}`,
  );
  out.push(
    `  ${tr('cli.stats.median', { days: days(r.median.days), level: r.level, low: days(r.median.low), high: days(r.median.high), ci: r.ciType })}`,
  );
  const q = (k: '25' | '75') => ({
    days: days(r.quartiles[k].days),
    low: days(r.quartiles[k].low),
    high: days(r.quartiles[k].high),
  });
  out.push(
    `  ${tr('cli.stats.quartiles', { q1: tr('cli.stats.quartile', q('25')), q3: tr('cli.stats.quartile', q('75')) })}`,
  );
  out.push(`  ${tr('cli.stats.stillWaiting')}`);
  for (const [d, s] of Object.entries(r.survivalAt)) {
    const after = tr('cli.stats.days', { days: Number(d) }).padStart(9);
    out.push(
      s.survival === null
        ? `    ${after}  ${tr('cli.stats.unknown')}`
        : `    ${after}  ${pct(s.survival).padStart(6)}  (${pct(s.low)}–${pct(s.high)})`,
    );
  }
  for (const c of r.caveats) out.push(`${paint('yellow', tr('cli.warning'))} ${cliTranslator()(caveatWords(c))}`);
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
            throw new CommandFailure(cliTranslator()(err.words));
          }
          throw err;
        }
        if (o.json) printJson(report);
        else printHuman(filter, report);
      }),
    );
}
