import type { Command } from 'commander';

import { NotEnoughDataError, type Prediction, predictionNoteWords, predictWithFallback } from '../stats/predict.js';
import { tabulate } from '../stats/table.js';
import { loadDurations } from '../timelines/repository.js';
import { cliTranslator, formatNumber, tr } from './i18n.js';
import { action, CommandFailure, painter, printJson, UsageError } from './runtime.js';
import { withTimelineStore } from './shared.js';
import { parseCiType, parseEntry, parsePost, parseVisa } from './stats.js';

interface PredictOptions {
  visa?: string;
  post?: string;
  entry?: string;
  waited?: string;
  ci?: string;
  json?: boolean;
}

const pct = (x: number | null) => (x === null ? '—' : formatNumber(x, { style: 'percent' }));

function printHuman(p: Prediction): void {
  const paint = painter();
  const out: string[] = [];
  out.push(paint('bold', tr('cli.predict.title', { waited: p.waited, comparable: p.comparable, group: p.groupLabel })));
  for (const [h, c] of Object.entries(p.within)) {
    out.push(
      `  ${tr('cli.predict.within', { days: Number(h) })}: ${pct(c.p).padStart(4)}  (${pct(c.low)}–${pct(c.high)})`,
    );
  }
  const m = p.medianRemaining;
  out.push(
    m.days === null
      ? `  ${tr('cli.predict.medianNotReached')}`
      : `  ${tr('cli.predict.median', { days: m.days, low: m.low ?? '—', high: m.high ?? '—' })}`,
  );
  for (const n of predictionNoteWords(p)) out.push(`${paint('yellow', tr('cli.note'))} ${cliTranslator()(n)}`);
  process.stdout.write(out.join('\n') + '\n');
}

export function register(program: Command): void {
  program
    .command('predict')
    .description('chance of a decision within 7/30/60/90 more days, and the median remaining wait, for an open case')
    .requiredOption('--visa <class>', 'visa class, e.g. F1')
    .option('--post <post>', 'CEAC location code or post name, e.g. BEJ or Beijing')
    .option('--entry <entry>', 'new or renewal')
    .requiredOption('--waited <days>', 'days waited so far (since the 221(g)/check date)')
    .option('--ci <type>', 'interval type: log, log-log or plain', 'log')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nUses the cases of the same post, class and entry still pending after the same wait; with fewer than 5 it\n' +
        'falls back to post + class, then class + entry, then class alone, and says so.',
    )
    .action(
      action(async (o: PredictOptions) => {
        const waited = Number(o.waited);
        if (!/^\d+$/.test(o.waited ?? '') || !Number.isSafeInteger(waited)) {
          throw new UsageError(tr('cli.predict.badWaited', { given: o.waited ?? '' }));
        }
        const visaClass = parseVisa(o.visa)!;
        const post = parsePost(o.post);
        const entry = parseEntry(o.entry);
        const ciType = parseCiType(o.ci);
        const prediction = await withTimelineStore(async (store) => {
          try {
            return await predictWithFallback(
              async (g) => {
                const { days, cause } = await loadDurations(store.db, g);
                return tabulate(days, cause);
              },
              { visaClass, post, entry, waited, ciType },
            );
          } catch (err) {
            if (err instanceof NotEnoughDataError) throw new CommandFailure(err.message);
            throw err;
          }
        });
        if (o.json) printJson(prediction);
        else printHuman(prediction);
      }),
    );
}
