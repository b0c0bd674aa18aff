import { styleText } from 'node:util';

import { AppError, InputError, SetupError } from '../errors.js';
import { tr } from './i18n.js';

/** A mistake in how the command was called: exit code 2 with a one-line message. */
export class UsageError extends AppError {
  override name = 'UsageError';
  override readonly code = 'usage';
}

/** A failure of the work itself (a check that failed, a file that cannot be read): exit code 1. */
export class CommandFailure extends AppError {
  override name = 'CommandFailure';
  override readonly code = 'command_failed';
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

type Style = Parameters<typeof styleText>[0];

/** Colours only when the stream is a terminal and NO_COLOR is unset. */
export function painter(stream: NodeJS.WriteStream = process.stdout) {
  const on = Boolean(stream.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
  return (style: Style, text: string): string => (on ? styleText(style, text) : text);
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/**
 * Wraps a command action: usage errors exit 2, failures exit 1, both with one clear line on stderr
 * and never a stack trace (set CEAC_DEBUG=1 to see one).
 */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<void> | void) {
  return async (...args: A): Promise<void> => {
    try {
      await fn(...args);
    } catch (err) {
      process.exitCode = reportError(err);
    }
  };
}

/** The flag that sets each field of the data model, for naming a field in the CLI's own words. */
const FLAGS: Record<string, string> = {
  app: '--app',
  caseNumber: '--id',
  id: '--id',
  location: '--location',
  passport: '--passport',
  surname: '--surname',
  label: '--label',
  group: '--group',
  shareTimeline: '--share',
  'context.route': '--route',
  'context.visaClass': '--visa-class',
  'context.entry': '--entry',
  'context.slip': '--slip',
  'context.officer': '--officer',
  'context.passport': '--passport-state',
  'context.interviewDate': '--interview-date',
  'context.keepWatching': '--keep-watching',
  name: '--name',
  events: '--events',
  quiet: '--quiet',
  timeZone: '--tz',
  digestAt: '--digest-at',
};

export const flagOf = (field: string): string => FLAGS[field] ?? field;

/** An input error in the CLI's words: each field as the flag that sets it. */
export function describeInput(err: InputError): string {
  return err.fields
    .map((f) =>
      f.accepted
        ? tr('cli.input.fieldAccepted', { flag: flagOf(f.field), problem: f.problem, accepted: f.accepted.join(', ') })
        : `${flagOf(f.field)}: ${f.problem}`,
    )
    .join('; ');
}

/** Exit code 2 for the caller's mistakes (usage, input, settings), the failure's own code otherwise. */
export function exitCodeOf(e: unknown): number {
  if (e instanceof UsageError || e instanceof InputError || e instanceof SetupError) return 2;
  return e instanceof CommandFailure ? e.exitCode : 1;
}

export function reportError(err: unknown): number {
  const e = err instanceof Error ? err : new Error(String(err));
  const code = exitCodeOf(e);
  const message = e instanceof InputError ? describeInput(e) : e.message;
  const paint = painter(process.stderr);
  process.stderr.write(`${paint('red', tr('cli.error.prefix'))} ${message}\n`);
  if (process.env.CEAC_DEBUG && e.stack) process.stderr.write(e.stack + '\n');
  return code;
}

/** Input past a command's limit: a usage error, raised as soon as the limit is passed. */
export class InputTooLarge extends UsageError {
  override name = 'InputTooLarge';
}

/**
 * Reads all of stdin as UTF-8 (for `ceac explain` with no TEXT), at most `limitBytes`: past that it
 * stops reading at once and throws InputTooLarge (an endless pipe never hangs the command).
 */
export async function readStdin(limitBytes = Infinity, what = 'stdin'): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) {
      process.stdin.destroy();
      throw new InputTooLarge(tr('cli.input.tooLong', { what, megabytes: megabytes(limitBytes) }));
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Reads a file as UTF-8, at most `limitBytes`, whatever it is (a regular file, /dev/zero, a FIFO):
 * past the limit it stops and throws InputTooLarge. Other errors are the caller's to phrase.
 */
export async function readBounded(path: string, limitBytes: number, what: string): Promise<string> {
  const { open } = await import('node:fs/promises');
  const file = await open(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let size = 0;
    for (;;) {
      const buffer = Buffer.allocUnsafe(Math.min(1024 * 1024, limitBytes + 1 - size));
      const { bytesRead } = await file.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      size += bytesRead;
      if (size > limitBytes)
        throw new InputTooLarge(tr('cli.input.tooLong', { what, megabytes: megabytes(limitBytes) }));
      chunks.push(buffer.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    await file.close();
  }
}

function megabytes(bytes: number): number {
  return Math.round(bytes / 1048576);
}
