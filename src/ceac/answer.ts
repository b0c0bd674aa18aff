import { isAjaxDelta, parseAjaxDelta, parseCeacResponse } from '../decode/page.js';
import { msg } from '../i18n/catalog.js';
import { looksBlocked, looksChallenged, looksLikeMaintenance } from './form.js';
import type { Verdict } from './outcome.js';
import { type CaseQuery, sameCaseNumber } from './query.js';

const MAX_KEPT_BODY = 256 * 1024;

/** The first few failures end a round; the client decides whether another round makes sense. */
export type RoundResult = Verdict & { solverFailed?: boolean };

/** What an answer to the postback (a delta or a whole page) means for the query. */
export function readAnswer(body: string, q: CaseQuery): RoundResult {
  const parsed = parseCeacResponse(body);
  switch (parsed.kind) {
    case 'status': {
      const returned = parsed.observation.caseNumber;
      if (returned && !sameCaseNumber(returned, q.id)) return { kind: 'wrong_case', returned };
      return { kind: 'ok', observation: parsed.observation, applicationName: parsed.applicationName };
    }
    case 'error':
      if (parsed.error === 'captcha_rejected') return { kind: 'captcha_rejected' };
      if (parsed.error === 'not_found') return { kind: 'case_not_found' };
      return { kind: 'invalid_case_number' };
    case 'form':
      return {
        kind: 'layout_changed',
        body: body.slice(0, MAX_KEPT_BODY),
        words: msg('ceac.outcome.formWithoutResult'),
      };
    case 'unrecognised': {
      // An MS-AJAX error record is the server failing mid-postback: a 5xx in other clothes.
      const failure = isAjaxDelta(body) ? parseAjaxDelta(body)?.find((r) => r.type === 'error') : undefined;
      if (failure) {
        const status = /^\d{3}$/.test(failure.id) ? Number(failure.id) : 500;
        return { kind: 'http_error', status, words: msg('ceac.outcome.serverFailed', { status }) };
      }
      if (looksChallenged({}, body)) return { kind: 'challenge' };
      if (looksBlocked(200, {}, body)) return { kind: 'blocked' };
      if (looksLikeMaintenance(body)) return { kind: 'maintenance' };
      return { kind: 'layout_changed', body: body.slice(0, MAX_KEPT_BODY) };
    }
  }
}

/** What a page without the status form is: a challenge, a block, maintenance or a new layout. */
export function notAForm(html: string): RoundResult {
  if (looksChallenged({}, html)) return { kind: 'challenge' };
  if (looksBlocked(200, {}, html)) return { kind: 'blocked' };
  if (looksLikeMaintenance(html)) return { kind: 'maintenance' };
  return {
    kind: 'layout_changed',
    body: html.slice(0, MAX_KEPT_BODY),
    words: msg('ceac.outcome.noForm'),
  };
}
