import type { CommanderError } from 'commander';

import { tr } from './i18n.js';
import { painter } from './runtime.js';

/**
 * Commander's usage errors in the user's language. Commander words them in English only; they are matched by their
 * stable code, and the names it quotes (an option's flags, an argument, a command) are taken from its message. A
 * message this does not know is shown as commander wrote it.
 */
export function commanderMessage(err: CommanderError): string {
  const paint = painter(process.stderr);
  const quoted = [...err.message.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
  const [first = '', second = ''] = quoted;
  const suggestion = /\(Did you mean (.+)\?\)/.exec(err.message)?.[1];
  const hint = suggestion ? ' ' + tr('cli.usage.didYouMean', { suggestion }) : '';
  const words = ((): string | undefined => {
    switch (err.code) {
      case 'commander.unknownOption':
        return tr('cli.usage.unknownOption', { option: first }) + hint;
      case 'commander.unknownCommand':
        return tr('cli.usage.unknownCommand', { command: first }) + hint;
      case 'commander.missingArgument':
        return tr('cli.usage.missingArgument', { argument: first });
      case 'commander.optionMissingArgument':
        return tr('cli.usage.optionMissingArgument', { option: first });
      case 'commander.missingMandatoryOptionValue':
        return tr('cli.usage.missingOption', { option: first });
      case 'commander.excessArguments': {
        const counts = /Expected (\d+) arguments? but got (\d+)/.exec(err.message);
        return tr('cli.usage.excessArguments', {
          command: quoted.length > 0 ? first : 'ceac',
          expected: Number(counts?.[1] ?? 0),
          received: Number(counts?.[2] ?? 0),
        });
      }
      case 'commander.conflictingOption':
        return tr('cli.usage.conflictingOption', { option: first, other: second });
      case 'commander.invalidArgument': {
        const choices = /Allowed choices are (.+)\.$/.exec(err.message)?.[1];
        const option = /option '([^']*)'/.exec(err.message)?.[1] ?? first;
        const value = /argument '([^']*)' is invalid/.exec(err.message)?.[1] ?? second;
        if (choices) return tr('cli.usage.invalidChoice', { option, value, choices });
        const reason = /is invalid\. (.+)$/s.exec(err.message)?.[1] ?? '';
        return tr('cli.usage.invalidValue', { option, value, reason });
      }
      default:
        return undefined;
    }
  })();
  return `${paint('red', tr('cli.error.prefix'))} ${words ?? err.message.replace(/^error: /, '')}`;
}
