import { Command, CommanderError } from 'commander';
import { vi } from 'vitest';

import { chooseCliLanguage, takeLangFlag, unknownLanguage } from '../../src/cli/i18n.js';

/** What one in-process `ceac` command did: its exit code, what it wrote, and stdout read as JSON. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
  json: () => Record<string, unknown>;
}

/**
 * Runs `ceac <group> ...` in-process through the group's real command module (src/cli/<group>.ts),
 * as src/cli/index.ts registers it, with stdout and stderr captured.
 */
export async function ceac(...args: string[]): Promise<CliRun> {
  const group = args[0]!;
  const module = (await import(`../../src/cli/${group}.ts`)) as { register(p: Command): void };
  return runCli(module.register, args);
}

/**
 * Runs `ceac ...args` in-process with the command group that `register` adds, with stdout and stderr
 * captured. Usage errors exit 2, help 0; anything else the command sets in process.exitCode. The global
 * `--lang` and LC_ALL/LANG choose the language as src/cli/index.ts does.
 */
export async function runCli(register: (p: Command) => void, given: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const { argv: args, flag } = takeLangFlag(given);
  if (!(await chooseCliLanguage(flag)))
    return { code: 2, out: '', err: `error: ${unknownLanguage(flag ?? '')}\n`, json: () => ({}) };
  const program = new Command('ceac')
    .exitOverride()
    .configureOutput({ writeErr: (s) => void err.push(s), writeOut: (s) => void out.push(s) });
  register(program);
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  process.exitCode = undefined;
  let code: number;
  try {
    await program.parseAsync(['node', 'ceac', ...args]);
    code = typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    code = e.code === 'commander.helpDisplayed' ? 0 : 2;
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
    process.exitCode = undefined;
  }
  const text = out.join('');
  return { code, out: text, err: err.join(''), json: () => JSON.parse(text) as Record<string, unknown> };
}

/** Remembers the environment variables `keys` now; the returned function puts them back as they were. */
export function rememberEnv(keys: readonly string[]): () => void {
  const saved = new Map(keys.map((k) => [k, process.env[k]]));
  return () => {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}
