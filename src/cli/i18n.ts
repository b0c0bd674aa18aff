import type { MessageKey, MessageValue } from '../i18n/catalog.js';
import { en } from '../i18n/catalogs/en.js';
import { type Language, languageFromEnv, LANGUAGES, matchLanguage } from '../i18n/languages.js';
import { createTranslator, english, loadTranslator, type Translator } from '../i18n/translator.js';

/**
 * The language of the CLI's human output, chosen once per run before any command runs: the global `--lang` flag,
 * else LC_ALL / LC_MESSAGES / LANG, else English. JSON output never uses it (stable ids, English text).
 */

let current: Translator = english;

/** The translator of this run's human output. */
export const cliTranslator = (): Translator => current;

/** One CLI message in this run's language. */
export const tr = (key: MessageKey, values?: Readonly<Record<string, MessageValue>>): string =>
  current.text(key, values);

/**
 * Takes the global `--lang X` / `--lang=X` out of argv (anywhere before `--`), so that every command accepts it
 * without declaring it. Returns the remaining argv and the flag's value.
 */
export function takeLangFlag(argv: readonly string[]): { argv: string[]; flag: string | undefined } {
  const rest: string[] = [];
  let flag: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === '--lang' && i + 1 < argv.length) {
      flag = argv[++i];
    } else if (arg.startsWith('--lang=')) {
      flag = arg.slice('--lang='.length);
    } else {
      rest.push(arg);
    }
  }
  return { argv: rest, flag };
}

/**
 * Pseudo-localisation, for the test that every word the CLI prints comes from a catalogue: each English message
 * wrapped in ⟦…⟧ (its ICU arguments intact). Honoured only under NODE_ENV=test, so no user can select it, and it is
 * no language: `--lang` and LANG never reach it.
 */
function pseudoTranslator(): Translator | undefined {
  if (process.env.NODE_ENV !== 'test' || process.env.CEAC_PSEUDO_LOCALISE !== '1') return undefined;
  const wrapped = Object.fromEntries(Object.entries(en).map(([key, text]) => [key, `⟦${text}⟧`]));
  return createTranslator('en', wrapped as Record<MessageKey, string>);
}

/**
 * Chooses this run's language (flag, then environment) and loads only its catalogue. A flag naming a language we
 * do not speak leaves the environment's language in place and returns false: the caller reports it (exit 2).
 */
export async function chooseCliLanguage(flag: string | undefined, env: NodeJS.ProcessEnv = process.env) {
  const known = flag === undefined || matchLanguage(flag) !== undefined;
  const language: Language = languageFromEnv(known ? flag : undefined, env);
  current = pseudoTranslator() ?? (await loadTranslator(language));
  return known;
}

/** The message for a `--lang` we do not speak, in this run's language. */
export const unknownLanguage = (given: string): string =>
  tr('cli.lang.unknown', { given, languages: LANGUAGES.join(', ') });

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** A moment in this run's language, in UTC (the CLI runs on servers as often as on laptops); "—" for none. */
export function when(ms: number | null): string {
  if (ms === null) return '—';
  const language = current.language;
  let format = dateTimeFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
    dateTimeFormats.set(language, format);
  }
  return `${format.format(ms)} UTC`;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number (or, with `style: 'percent'`, a share) in this run's language. */
export function formatNumber(n: number, options: Intl.NumberFormatOptions = {}): string {
  const id = `${current.language} ${JSON.stringify(options)}`;
  let format = numberFormats.get(id);
  if (!format) {
    format = new Intl.NumberFormat(current.language, options);
    numberFormats.set(id, format);
  }
  return format.format(n);
}
