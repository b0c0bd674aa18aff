import { loadConfig } from '../config.js';
import { headlineWords } from '../decode/headline-words.js';
import { AppError, InputError, SetupError } from '../errors.js';
import { english } from '../i18n/translator.js';
import { createLogger } from '../log.js';
import { openRuntime, type Runtime, type RuntimeOptions, type StoreRuntime } from '../runtime/index.js';
import { CaseNotFoundError, DuplicateCaseError } from '../store/cases.js';
import { isUnreachableDatabase, type Store } from '../store/db.js';
import { reasonAside, scheduleReasonMessage } from '../tracker/schedule-reason.js';
import type { CheckReport } from '../tracker/tracker.js';
import { cliTranslator, tr, when } from './i18n.js';
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

/**
 * Runs `work` on the configured store, opened through the runtime without the sealing key (for
 * commands that touch nothing sealed: no key file is made), and closes it afterwards.
 */
export async function withTimelineStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const runtime: StoreRuntime = await storeErrors(async () => {
    const config = loadConfig();
    const logger = process.env.LOG_LEVEL ? undefined : createLogger({ level: 'warn', name: 'timelines' });
    return openRuntime(config, { sealing: false, ...(logger && { logger }) });
  });
  try {
    return await work(runtime.store);
  } finally {
    await runtime.close();
  }
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

/** Why the next check is when it is, in this run's language (old rows' text, or text we do not know, as is). */
export function scheduleReasonText(stored: string): string {
  const m = scheduleReasonMessage(stored);
  return typeof m === 'string' ? m : cliTranslator()(m);
}

/** The same, set beside what it explains: " (…)" in English, "（…）" in Chinese. */
export function scheduleReasonAside(stored: string): string {
  return cliTranslator()(reasonAside(scheduleReasonMessage(stored)));
}

/**
 * A case or check report for JSON output, which stays in English whatever the language: the schedule's reason in
 * English words (as it always was) beside its stable code.
 */
export function withEnglishReason<T extends { scheduleReason: string | null }>(
  v: T,
): Omit<T, 'words'> & { scheduleReasonCode: string | null } {
  // A report's `words` is for the human output; JSON has the English `message`.
  const { words: _words, ...rest } = v as T & { words?: unknown };
  if (v.scheduleReason === null) return { ...rest, scheduleReasonCode: null };
  const m = scheduleReasonMessage(v.scheduleReason);
  return { ...rest, scheduleReason: typeof m === 'string' ? m : english(m), scheduleReasonCode: v.scheduleReason };
}

/**
 * A recorded (English) headline in this run's language when it is one the decoder writes now; else as stored.
 */
export function headlineText(stored: string): string {
  const words = headlineWords(stored);
  return words ? cliTranslator()(words) : stored;
}

export function describeReport(r: CheckReport): string {
  const paint = painter();
  const next = tr('cli.report.next', { at: when(r.nextCheckAt), reason: scheduleReasonText(r.scheduleReason) });
  if (r.outcome !== 'ok') {
    const why = r.words ? cliTranslator()(r.words) : r.message;
    return `${paint('yellow', tr('cli.report.failed', { outcome: r.outcome }))}: ${why}\n${tr('cli.report.nothingRecorded')}; ${next}`;
  }
  const o = r.observation;
  const lines = [
    `${paint('bold', o?.status ?? '?')} [${o?.variant ?? '?'}]  ${tr('cli.report.lastUpdated', { date: o?.caseLastUpdated ?? '?' })}`,
  ];
  for (const e of r.events) {
    const headline = (e.interpretation as { headline?: string } | null)?.headline;
    lines.push(`${paint('green', e.kind)}${headline ? `: ${headlineText(headline)}` : ''}`);
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
