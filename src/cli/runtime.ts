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
  // A bad setting is a usage error too. Matched by name so that this module never loads config.ts
  // (and zod) on the fast `ceac explain` path.
  const usage = e instanceof UsageError || e.name === 'ConfigError';
  const code = usage ? 2 : e instanceof CommandFailure ? e.exitCode : 1;
  const paint = painter(process.stderr);
  process.stderr.write(`${paint('red', 'error:')} ${e.message}\n`);
  if (process.env.CEAC_DEBUG && e.stack) process.stderr.write(e.stack + '\n');
  return code;
}

/** Reads all of stdin as UTF-8 (for `ceac explain` with no TEXT). */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
