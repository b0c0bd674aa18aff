import { msg } from '../i18n/catalog.js';
import { english } from '../i18n/translator.js';
import type { RoundResult } from './answer.js';
import { type CheckOutcome, defaultWords } from './outcome.js';
import { type CaseQuery, validateCaseQuery } from './query.js';

/**
 * What both transports (HTTP and browser) keep of one check while it runs, and how its last round
 * becomes the outcome: tries, requests sent and time taken, and the default message of each kind.
 */
export class CheckTally {
  attempts = 0;
  requests = 0;
  private readonly started = performance.now();

  constructor(private readonly timeoutMs: number) {}

  finish(v: RoundResult): CheckOutcome {
    const { solverFailed: _ignored, ...verdict } = v;
    const words = v.words ?? defaultWords(v, this.timeoutMs);
    return {
      ...verdict,
      message: english(words),
      words,
      attempts: this.attempts,
      requests: this.requests,
      durationMs: Math.round(performance.now() - this.started),
    };
  }

  /** The outcome once CEAC turned down every captcha answer the check was allowed. */
  captchaGaveUp(v: RoundResult, tries: number): CheckOutcome {
    return this.finish({ ...v, words: msg('ceac.outcome.captchaGaveUp', { tries }) });
  }
}

/**
 * Starts a check: the query as it will be sent, or the outcome that refuses it before any request
 * (a query the site would refuse anyway is never sent).
 */
export function startCheck(
  query: CaseQuery,
  timeoutMs: number,
): { tally: CheckTally; query: CaseQuery; refused?: undefined } | { refused: CheckOutcome } {
  const tally = new CheckTally(timeoutMs);
  const valid = validateCaseQuery({ ...query });
  if (!valid.ok) {
    return {
      refused: tally.finish({
        kind: 'invalid_case_number',
        words: valid.errors
          .map((e) => msg('ceac.outcome.problem', { field: e.field, problem: e.words }))
          .reduce((before, next) => msg('ceac.outcome.problems', { before, next })),
      }),
    };
  }
  return { tally, query: valid.query };
}
