import { styleText } from 'node:util';

/** A mistake in how the command was called: exit code 2 with a one-line message. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A failure of the work itself (a check that failed, a file that cannot be read): exit code 1. */
export class CommandFailure extends Error {
  override name = 'CommandFailure';
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

export function reportError(err: unknown): number {
  const e = err instanceof Error ? err : new Error(String(err));
  // A bad setting (or a key that does not open the data) is a usage error too. Matched by name so that this module never loads config.ts
  // (and zod) on the fast `ceac explain` path.
  const usage = e instanceof UsageError || e.name === 'ConfigError' || e.name === 'KeyMismatchError';
  const code = usage ? 2 : e instanceof CommandFailure ? e.exitCode : 1;
  const paint = painter(process.stderr);
  process.stderr.write(`${paint('red', 'error:')} ${e.message}\n`);
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
      throw new InputTooLarge(`${what} is longer than ${megabytes(limitBytes)}; a CEAC status is a few KB`);
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
        throw new InputTooLarge(`${what} is longer than ${megabytes(limitBytes)}; a CEAC status is a few KB`);
      chunks.push(buffer.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    await file.close();
  }
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1048576)} MB`;
}
