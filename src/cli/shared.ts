import { loadConfig } from '../config.js';
import { AppError, InputError, SetupError } from '../errors.js';
import { createLogger } from '../log.js';
import { openRuntime, type Runtime, type RuntimeOptions } from '../runtime/index.js';
import { CaseNotFoundError, DuplicateCaseError } from '../store/cases.js';
import { isUnreachableDatabase } from '../store/db.js';
import type { CheckReport } from '../tracker/tracker.js';
import { tr, when } from './i18n.js';
import { CommandFailure, describeInput, painter, UsageError } from './runtime.js';

/**
 * What the commands that work on the configured database share: opening the runtime, mapping its
 * errors to exit codes, and printing a check report. Command modules import this, never each other.
 */

export { when };

/**
 * Domain errors as CLI errors, by class: bad input and settings exit 2 (fields named as flags), failed
 * work exits 1, both with one clear line.
 */
export function cliError(err: unknown): unknown {
  if (err instanceof InputError) return new UsageError(describeInput(err));
  if (err instanceof SetupError) return new UsageError(err.message);
  if (err instanceof CaseNotFoundError) return new CommandFailure(tr('cli.case.notFound', { id: err.caseId }));
  if (err instanceof DuplicateCaseError) return new CommandFailure(tr('cli.case.duplicate', { id: err.existingId }));
  if (err instanceof AppError && !(err instanceof UsageError || err instanceof CommandFailure))
    return new CommandFailure(err.message);
  if (isUnreachableDatabase(err))
    return new CommandFailure(tr('cli.setup.database', { reason: (err as Error).message }));
  return err;
}

export async function storeErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw cliError(err);
  }
}

/** Opens the runtime (the store, migrated; what the command asks for), with setup problems as clear CLI errors. */
export async function openCliRuntime(options: RuntimeOptions & { quiet?: boolean } = {}): Promise<Runtime> {
  const { quiet, ...rest } = options;
  return storeErrors(async () => {
    const config = loadConfig();
    // A one-off command reports on stdout; its log lines would only repeat it (LOG_LEVEL still wins).
    const logger =
      rest.logger ?? (quiet && !process.env.LOG_LEVEL ? createLogger({ level: 'warn', name: 'tracker' }) : undefined);
    return openRuntime(config, { ...rest, ...(logger && { logger }) });
  });
}

/** Runs `work` with the configured runtime open, and closes it afterwards whatever happens. */
export async function withCliRuntime<T>(
  work: (t: Runtime) => Promise<T>,
  options: RuntimeOptions & { quiet?: boolean } = {},
): Promise<T> {
  const t = await openCliRuntime(options);
  try {
    return await work(t);
  } finally {
    await t.close();
  }
}

export function describeReport(r: CheckReport): string {
  const paint = painter();
  const next = tr('cli.report.next', { at: when(r.nextCheckAt), reason: r.scheduleReason });
  if (r.outcome !== 'ok') {
    return `${paint('yellow', tr('cli.report.failed', { outcome: r.outcome }))}: ${r.message}\n${tr('cli.report.nothingRecorded')}; ${next}`;
  }
  const o = r.observation;
  const lines = [
    `${paint('bold', o?.status ?? '?')} [${o?.variant ?? '?'}]  ${tr('cli.report.lastUpdated', { date: o?.caseLastUpdated ?? '?' })}`,
  ];
  for (const e of r.events) {
    const headline = (e.interpretation as { headline?: string } | null)?.headline;
    lines.push(`${paint('green', e.kind)}${headline ? `: ${headline}` : ''}`);
  }
  if (r.events.length === 0) lines.push(tr('cli.report.noChange'));
  lines.push(next);
  return lines.join('\n');
}

export function positive(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(tr('cli.usage.positive', { flag, given: text }));
  return n;
}
