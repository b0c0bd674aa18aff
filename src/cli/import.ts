import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

import type { Command } from 'commander';

import { CheckeeFormatError, type CheckeeImport, importCheckee, importWarningWords } from '../timelines/checkee.js';
import { type ExtractedTimeline, extractTimelines, toStoredTimeline } from '../timelines/extract.js';
import { isIsoDate } from '../timelines/model.js';
import { type UpsertReport, upsertTimelines } from '../timelines/repository.js';
import { cliTranslator, tr } from './i18n.js';
import { action, CommandFailure, painter, printJson, UsageError } from './runtime.js';
import { withTimelineStore } from './shared.js';

function readInput(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? tr('cli.file.noSuchFile')
        : code === 'EISDIR'
          ? tr('cli.file.isDirectory')
          : code === 'EACCES'
            ? tr('cli.file.permissionDenied')
            : String(code ?? err);
    throw new CommandFailure(tr('cli.file.cannotRead', { path: file, reason: why }));
  }
}

function checkDate(flag: string, value: string | undefined): string | undefined {
  if (value !== undefined && !isIsoDate(value)) throw new UsageError(tr('cli.import.badDate', { flag, given: value }));
  return value;
}

/** A one-line progress bar on stderr, only when stderr is a terminal. */
function progressBar(total: number, label: string): { update(done: number): void; end(): void } {
  const tty = Boolean(process.stderr.isTTY);
  let last = -1;
  return {
    update(done) {
      if (!tty || total === 0) return;
      const pctDone = Math.floor((done / total) * 100);
      if (pctDone === last) return;
      last = pctDone;
      const width = 30;
      const filled = Math.round((done / total) * width);
      process.stderr.write(
        `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${pctDone}% (${done}/${total})`,
      );
    },
    end() {
      if (tty && total > 0) process.stderr.write('\r\x1b[2K');
    },
  };
}

interface CheckeeOptions {
  asOf?: string;
  json?: boolean;
  maxErrors?: string;
}

function checkeeSummary(file: string, parsed: CheckeeImport, stored: UpsertReport) {
  return {
    file: basename(file),
    rows: parsed.rows,
    imported: stored.inserted,
    updated: stored.updated,
    duplicates: parsed.duplicates + stored.unchanged,
    skipped: parsed.errors.length,
    cases: parsed.counts,
    errors: parsed.errors,
    warnings: parsed.warnings,
    warningCodes: parsed.warningCodes,
  };
}

async function runCheckee(file: string, o: CheckeeOptions): Promise<void> {
  const asOf = checkDate('--as-of', o.asOf);
  if (!/^\d+$/.test(o.maxErrors ?? '20'))
    throw new UsageError(tr('cli.import.badMaxErrors', { given: o.maxErrors ?? '' }));
  const text = readInput(file);
  let parsed: CheckeeImport;
  try {
    parsed = importCheckee(text, { asOf });
  } catch (err) {
    if (err instanceof CheckeeFormatError) throw new CommandFailure(`${file}: ${err.message}`);
    throw err;
  }
  if (parsed.timelines.length === 0) {
    const first = parsed.errors[0];
    throw new CommandFailure(
      `${file}: ` +
        (first
          ? tr('cli.import.nothingImported', {
              line: first.line,
              message: cliTranslator()(first.words),
              skipped: parsed.errors.length,
            })
          : tr('cli.import.noRows')),
    );
  }
  const bar = progressBar(parsed.timelines.length, tr('cli.import.progress'));
  const stored = await withTimelineStore((store) =>
    upsertTimelines(store.db, parsed.timelines, (done) => bar.update(done)),
  );
  bar.end();
  const summary = checkeeSummary(file, parsed, stored);
  if (o.json) {
    // JSON keeps the English message of each skipped row (`words` are for the human output).
    printJson({ ...summary, errors: summary.errors.map((e) => ({ line: e.line, message: e.message })) });
    return;
  }
  const paint = painter();
  const lines = [
    `${paint('bold', summary.file)}: ${tr('cli.import.rows', { count: summary.rows })}`,
    `  ${tr('cli.import.imported', { count: summary.imported })}`,
    `  ${tr('cli.import.updated', { count: summary.updated })}`,
    `  ${tr('cli.import.duplicates', { count: summary.duplicates })}`,
    `  ${tr('cli.import.skipped', { count: summary.skipped })}`,
    `  ${tr('cli.import.cases', { ...summary.cases })}`,
  ];
  const shown = Number(o.maxErrors ?? 20);
  for (const e of summary.errors.slice(0, shown))
    lines.push(`  ${paint('red', tr('cli.import.line', { line: e.line }))} ${cliTranslator()(e.words)}`);
  if (summary.errors.length > shown)
    lines.push(`  ${tr('cli.import.moreSkipped', { count: summary.errors.length - shown })}`);
  for (const w of summary.warningCodes)
    lines.push(`${paint('yellow', tr('cli.warning'))} ${cliTranslator()(importWarningWords(w))}`);
  process.stdout.write(lines.join('\n') + '\n');
}

interface TextOptions {
  posted?: string;
  json?: boolean;
  save?: boolean;
}

function printExtracted(timelines: ExtractedTimeline[]): void {
  const paint = painter();
  if (timelines.length === 0) {
    process.stdout.write(`${tr('cli.import.noTimeline')}\n`);
    return;
  }
  const out: string[] = [];
  timelines.forEach((t, i) => {
    const about = [t.visaClass, t.post, t.route].filter(Boolean).join(', ');
    out.push(paint('bold', `${tr('cli.import.timeline', { n: i + 1 })}${about ? ` (${about})` : ''}`));
    for (const e of t.events) {
      const detail = e.kind === 'status' ? ` ${e.status}` : e.color ? ` ${e.color}` : '';
      const sure =
        e.confidence < 0.7 ? paint('yellow', ` [${tr('cli.import.lowConfidence', { confidence: e.confidence })}]`) : '';
      out.push(`  ${e.date}  ${e.kind}${detail}${sure}   “${e.text}”`);
    }
  });
  process.stdout.write(out.join('\n') + '\n');
}

async function runText(file: string, o: TextOptions): Promise<void> {
  const posted = checkDate('--posted', o.posted);
  const text = file === '-' ? readFileSync(0, 'utf8') : readInput(file);
  const timelines = extractTimelines(text, { posted });
  let saved: { saved: number; notSaved: { timeline: number; reason: string }[] } | undefined;
  if (o.save) {
    const ready = timelines.map((t, i) => ({ i, result: toStoredTimeline(t, { posted }) }));
    const storable = ready.flatMap((r) => ('timeline' in r.result ? [r.result.timeline] : []));
    const notSaved = ready.flatMap((r) =>
      'reason' in r.result ? [{ timeline: r.i + 1, reason: r.result.reason }] : [],
    );
    const report = storable.length
      ? await withTimelineStore((store) => upsertTimelines(store.db, storable))
      : undefined;
    saved = { saved: (report?.inserted ?? 0) + (report?.updated ?? 0), notSaved };
  }
  if (o.json) {
    // The post text itself is not echoed: the events carry the spans they were read from.
    const shown = timelines.map(({ source: _source, ...t }) => t);
    printJson({ timelines: shown, ...(saved ? { saved: saved.saved, notSaved: saved.notSaved } : {}) });
    return;
  }
  printExtracted(timelines);
  if (saved) {
    process.stdout.write(`${tr('cli.import.saved', { count: saved.saved })}\n`);
    for (const n of saved.notSaved)
      process.stdout.write(`${tr('cli.import.notSaved', { n: n.timeline, reason: n.reason })}\n`);
  } else if (timelines.length) {
    process.stdout.write(`${tr('cli.import.review')}\n`);
  }
}

export function register(program: Command): void {
  const group = program.command('import').description('import crowd timelines (checkee CSV/JSONL, free-text posts)');
  group
    .command('checkee')
    .description('import a checkee.info export (CSV with either header, or JSONL)')
    .argument('<file>', 'the export file')
    .option(
      '--as-of <date>',
      'date the export was made (YYYY-MM-DD): pending cases without their own last-update date are censored there',
    )
    .option('--max-errors <n>', 'how many skipped rows to list', '20')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nRe-importing a newer export updates cases that were pending. Nicknames are never stored.\n' +
        'Rows that cannot be read are reported by line and skipped.',
    )
    .action(action((file: string, o: CheckeeOptions) => runCheckee(file, o)));
  group
    .command('text')
    .description('extract dated events from free-text timeline posts, for review (--save stores them)')
    .argument('<file>', 'a text file of posts, separated by lines of "---" ("-" reads stdin)')
    .option(
      '--posted <date>',
      'the date the post was written (YYYY-MM-DD): missing years are resolved backwards from it',
    )
    .option('--save', 'store the extracted timelines after review')
    .option('--json', 'print JSON')
    .action(action((file: string, o: TextOptions) => runText(file, o)));
}
