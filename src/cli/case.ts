import type { Command } from 'commander';
import { action, CommandFailure } from './runtime.js';

// Placeholder until this command group lands; it says so instead of pretending to work.
export function register(program: Command): void {
  program
    .command('case')
    .description('(not available yet)')
    .allowUnknownOption()
    .action(
      action(() => {
        throw new CommandFailure("'ceac case' is not available in this build yet");
      }),
    );
}
