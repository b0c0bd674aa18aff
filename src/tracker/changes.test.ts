import { describe, expect, it } from 'vitest';

import {
  classifyChange,
  healthAfterFailure,
  healthAfterSuccess,
  observationHash,
  type SeenObservation,
} from './changes.js';
import { HOUR } from './schedule.js';

const LONG =
  'A U.S. consular officer has adjudicated and refused your visa application. Please follow any instructions provided by the consular officer. If you were informed by the consular officer that your case was refused for administrative processing, your case will remain refused while undergoing such processing.';
const SHORT = 'This visa application has been refused. Please see the letter you received at the interview.';

const refusedLong: SeenObservation = {
  status: 'Refused',
  caseNumber: 'AA0020AKAX',
  caseCreated: '2026-01-10',
  caseLastUpdated: '2026-02-01',
  post: 'U.S. Embassy Belgrade',
  message: LONG,
  state: 'refused',
  variant: 'refused_221g',
};

describe('classifyChange — the transition table', () => {
  const cases: [string, SeenObservation | null, Partial<SeenObservation>, ReturnType<typeof classifyChange>][] = [
    ['first look', null, {}, 'first_seen'],
    ['nothing moved', refusedLong, {}, null],
    ['only whitespace differs', refusedLong, { message: `  ${LONG.replace(/ /g, '  ')} ` }, null],
    [
      'status word and state',
      refusedLong,
      { status: 'Administrative Processing', state: 'administrative_processing', variant: 'administrative_processing' },
      'status_changed',
    ],
    [
      'same word, other variant (short → long Refused)',
      { ...refusedLong, message: SHORT, variant: 'refused_letter' },
      {},
      'status_changed',
    ],
    ['same state, new text', refusedLong, { message: LONG + ' Extra sentence.' }, 'text_changed'],
    ['post changed', refusedLong, { post: 'U.S. Embassy Podgorica' }, 'text_changed'],
    ['only Case Last Updated', refusedLong, { caseLastUpdated: '2026-02-20' }, 'last_updated_changed'],
    [
      'status and date together: the status wins',
      refusedLong,
      { status: 'Issued', state: 'issued', variant: 'issued', caseLastUpdated: '2026-03-01' },
      'status_changed',
    ],
  ];
  it.each(cases)('%s', (_name, prev, patch, expected) => {
    expect(classifyChange(prev, { ...refusedLong, ...patch })).toBe(expected);
  });

  it('hashes what the page showed, ignoring whitespace and the case number', () => {
    expect(observationHash(refusedLong)).toBe(
      observationHash({ ...refusedLong, caseNumber: null, message: ` ${LONG} ` }),
    );
    expect(observationHash(refusedLong)).not.toBe(observationHash({ ...refusedLong, caseLastUpdated: '2026-02-02' }));
  });
});

describe('health of the checks', () => {
  const facts = {
    failingSince: null,
    failingReported: false,
    now: 10 * HOUR,
    lastSuccessAt: 9 * HOUR,
    createdAt: 0,
    failingAfterMs: 6 * HOUR,
    outcome: 'timeout',
    foundBefore: true,
  };

  it('does not report a short run of failures', () => {
    expect(healthAfterFailure(facts)).toEqual({
      health: { failingSince: 10 * HOUR, failingReported: false },
      report: false,
    });
  });

  it('reports once when no check has succeeded for the threshold', () => {
    const first = healthAfterFailure({ ...facts, failingSince: 9.5 * HOUR, now: 15 * HOUR });
    expect(first).toEqual({ health: { failingSince: 9.5 * HOUR, failingReported: true }, report: true });
    const again = healthAfterFailure({ ...facts, ...first.health, now: 20 * HOUR });
    expect(again.report).toBe(false);
  });

  it('counts from the creation of a case that never succeeded', () => {
    expect(healthAfterFailure({ ...facts, lastSuccessAt: null, now: 6 * HOUR }).report).toBe(true);
  });

  it('reports at once when CEAC stops finding a case it found before, not for a new case', () => {
    expect(healthAfterFailure({ ...facts, outcome: 'case_not_found' }).report).toBe(true);
    expect(healthAfterFailure({ ...facts, outcome: 'case_not_found', foundBefore: false }).report).toBe(false);
  });

  it('reports recovery only after a reported failure', () => {
    expect(healthAfterSuccess({ failingSince: 1, failingReported: true }).report).toBe(true);
    expect(healthAfterSuccess({ failingSince: 1, failingReported: false })).toEqual({
      health: { failingSince: null, failingReported: false },
      report: false,
    });
  });
});
