import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { statusTextFor } from '../knowledge/statuses.js';
import type { DecodeContext, Observation } from '../knowledge/types.js';
import { interpret } from './interpret.js';

const obs = (status: string | null, variant?: string, extra: Partial<Observation> = {}): Observation => ({
  status,
  caseNumber: null,
  caseCreated: null,
  caseLastUpdated: null,
  post: null,
  message: variant ? statusTextFor(variant)!.text : null,
  ...extra,
});
const LONG = obs('Refused', 'refused_221g');
const LETTER = obs('Refused', 'refused_letter');
const LEGACY = obs('Refused', 'refused_letter_legacy');
const AP = obs('Administrative Processing', 'administrative_processing');
const APPROVED = obs('Approved');
const ISSUED = obs('Issued', 'issued');
const all = (i: ReturnType<typeof interpret>) =>
  [i.headline, i.meaning, ...i.nextSteps, ...i.watchFor, ...i.notes].join('\n');

describe('interpret without context', () => {
  it.each([
    [LONG, 'refused', 'refused_221g', 'in_progress'],
    [LETTER, 'refused', 'refused_letter', 'uncertain'],
    [LEGACY, 'refused', 'refused_letter_legacy', 'uncertain'],
    [obs('Refused'), 'refused', 'refused', 'uncertain'],
    [AP, 'administrative_processing', 'administrative_processing', 'in_progress'],
    [APPROVED, 'approved', 'approved', 'in_progress'],
    [ISSUED, 'issued', 'issued', 'final_positive'],
    [obs('Issued', 'issued_iv'), 'issued', 'issued_iv', 'final_positive'],
    [obs('No Status'), 'no_status', 'no_status', 'in_progress'],
    [obs('At NVC'), 'at_nvc', 'at_nvc', 'in_progress'],
    [obs(null), 'unknown', 'unknown', 'uncertain'],
  ])('%# -> %s / %s / %s', (o, state, variant, finality) => {
    const i = interpret(o);
    expect(i).toMatchObject({ state, variant, finality });
    expect(i.confidence).toBeGreaterThanOrEqual(0);
    expect(i.confidence).toBeLessThanOrEqual(1);
    expect(i.headline.length).toBeGreaterThan(10);
    if (state !== 'unknown') expect(i.nextSteps.length).toBeGreaterThan(0);
  });

  it('an immigrant case shown as Issued without its text gets the immigrant-visa answer', () => {
    expect(interpret(obs('Issued', undefined, { caseNumber: 'LMA2020656002' })).variant).toBe('issued_iv');
    expect(interpret(obs('Issued'), { applicationType: 'IV' }).variant).toBe('issued_iv');
    expect(interpret(obs('Issued', undefined, { caseNumber: 'AA0020AKAX' })).variant).toBe('issued');
    // The text, when present, decides.
    expect(interpret(obs('Issued', 'issued', { caseNumber: 'LMA2020656002' })).variant).toBe('issued');
  });

  it('takes the state from the text when the status word is missing', () => {
    expect(interpret({ ...LONG, status: null })).toMatchObject({ state: 'refused', variant: 'refused_221g' });
  });

  it('cites the 2020 change, 60/180 days and the 12-month rule for the long text', () => {
    const s = interpret(LONG).sources.join('\n');
    expect(s).toMatch(/2020-03-03/);
    expect(s).toMatch(/60 days/);
    expect(s).toMatch(/180 days/);
    expect(s).toMatch(/12 months/);
  });

  it('never calls the short refusal text final without the officer saying so', () => {
    const contexts = fc.record(
      {
        route: fc.constantFrom('dropbox' as const, 'interview' as const),
        slip: fc.constantFrom(
          'white' as const,
          'pink' as const,
          'yellow' as const,
          'blue' as const,
          'green' as const,
          'other' as const,
        ),
        officer: fc.constantFrom('approved' as const, '221g' as const, 'none' as const),
        passport: fc.constantFrom('kept' as const, 'returned' as const),
        since: fc.constantFrom('2025-01-01', '2025-06-01', '2025-11-01'),
        previous: fc.constantFrom('Approved', 'Administrative Processing', 'Refused', 'Application Received', 'issued'),
        today: fc.constant('2025-12-01'),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.constantFrom(LETTER, LEGACY, obs('Refused')), contexts, (o, ctx) => {
        expect(interpret(o, ctx).finality).not.toBe('final_negative');
      }),
      { numRuns: 500 },
    );
  });
});

describe('each piece of context changes the answer where it should', () => {
  it('officer said refused: the short text becomes a likely final refusal', () => {
    const i = interpret(LETTER, { officer: 'refused' });
    expect(i.finality).toBe('final_negative');
    expect(i.confidence).toBeGreaterThanOrEqual(0.7);
    expect(i.confidence).toBeLessThan(1);
    expect(i.meaning).toMatch(/214\(b\)/);
  });

  it('officer said refused but the long text shows: uncertain, read the letter', () => {
    const i = interpret(LONG, { officer: 'refused' });
    expect(i.finality).toBe('uncertain');
    expect(i.meaning).toMatch(/cites 221\(g\)/);
  });

  it('officer said 221(g): the short text is processing', () => {
    const i = interpret(LETTER, { officer: '221g' });
    expect(i.finality).toBe('in_progress');
    expect(i.headline).toMatch(/221\(g\)/);
  });

  it('officer said approved: Refused (long) is processing after approval', () => {
    const without = interpret(LONG);
    const i = interpret(LONG, { officer: 'approved' });
    expect(i.finality).toBe('in_progress');
    expect(i.meaning).not.toBe(without.meaning);
    expect(i.meaning).toMatch(/told you the visa was approved/);
  });

  it('route dropbox: passport back in 1-2 weeks with a 221(g) slip; check e-mail and tracking', () => {
    const without = interpret(LONG);
    const i = interpret(LONG, { route: 'dropbox' });
    expect(i.headline).toMatch(/dropbox/);
    expect(i.nextSteps[0]).toMatch(/1-2 weeks/);
    expect(i.nextSteps[0]).toMatch(/221\(g\) slip/);
    expect(i.nextSteps[0]).toMatch(/e-mail/);
    expect(i.nextSteps[0]).toMatch(/passport-tracking/);
    expect(all(without)).not.toMatch(/1-2 weeks/);
  });

  it('route dropbox after the passport came back, or weeks later: the step says so', () => {
    expect(interpret(LONG, { route: 'dropbox', passport: 'returned' }).nextSteps[0]).toMatch(
      /Read the 221\(g\) slip that came back/,
    );
    expect(interpret(LONG, { route: 'dropbox', since: '2025-10-01', today: '2025-12-01' }).nextSteps[0]).toMatch(
      /after 61 days, if yours has not/,
    );
  });

  it('past 60 or 180 days the dated advice replaces the generic "wait 180 days"', () => {
    const generic = (i: ReturnType<typeof interpret>) =>
      i.nextSteps.filter((s) => s.startsWith('Wait at least 180 days'));
    expect(generic(interpret(LONG))).toHaveLength(1);
    expect(generic(interpret(LONG, { since: '2025-08-01', today: '2025-12-01' }))).toHaveLength(0);
    expect(generic(interpret(LONG, { since: '2025-01-01', today: '2025-12-01' }))).toHaveLength(0);
  });

  it('accepts the since date in CEAC form too', () => {
    expect(interpret(AP, { since: '01-Aug-2025', today: '2025-12-01' }).meaning).toMatch(/122 days/);
  });

  it('route dropbox with the short text: the letter comes with the passport', () => {
    expect(interpret(LETTER, { route: 'dropbox' }).meaning).toMatch(/comes back with your passport/);
  });

  it('route interview with the short text: look for 214(b) or 221(g) on the letter', () => {
    expect(interpret(LETTER, { route: 'interview' }).nextSteps[0]).toMatch(/214\(b\).*221\(g\)/);
  });

  it('a 221(g) slip turns the short text into processing and adds the colour hint as uncertain', () => {
    const i = interpret(LETTER, { slip: 'pink' });
    expect(i.finality).toBe('in_progress');
    expect(i.notes.join(' ')).toMatch(/pink: commonly reported for further checks/);
    expect(i.notes.join(' ')).toMatch(/no official colour code/);
    expect(i.nextSteps[0]).toMatch(/12 months/);
  });

  it.each(['white', 'yellow', 'blue', 'green', 'other'] as const)('slip %s gives its own hint', (slip) => {
    const notes = interpret(LONG, { slip }).notes.join(' ');
    expect(notes).toMatch(new RegExp(`Slip colour ${slip}:`));
  });

  it('passport kept points a short-text refusal to 221(g)', () => {
    const i = interpret(LETTER, { passport: 'kept' });
    expect(i.finality).toBe('in_progress');
    expect(i.meaning).toMatch(/kept your passport/);
  });

  it('passport returned after Approved: watch for Refused', () => {
    const i = interpret(APPROVED, { passport: 'returned' });
    expect(i.watchFor[0]).toMatch(/Refused/);
    expect(i.confidence).toBeLessThan(interpret(APPROVED).confidence);
  });

  it('passport returned while Refused: look for the 221(g) slip', () => {
    expect(interpret(LONG, { passport: 'returned' }).nextSteps[0]).toMatch(/221\(g\) slip/);
  });

  it.each([
    ['2025-11-20', /within 60 days/, null],
    ['2025-08-01', /past the 60 days/, /around 2026-01-28/],
    ['2025-03-01', /more than the 180 days/, /contact the consulate/],
  ])('since %s in administrative processing', (since, meaning, steps) => {
    const i = interpret(AP, { since, today: '2025-12-01' });
    expect(i.meaning).toMatch(meaning);
    if (steps) expect(i.nextSteps.join(' ')).toMatch(steps);
  });

  it('time in status counts for the long Refused text too', () => {
    expect(interpret(LONG, { since: '2025-08-01', today: '2025-12-01' }).meaning).toMatch(/122 days, past the 60 days/);
  });

  it('Issued for more than 10 working days: contact the post', () => {
    expect(interpret(ISSUED, { since: '2025-11-01', today: '2025-12-01' }).nextSteps[0]).toMatch(
      /30 days since Issued/,
    );
    expect(interpret(ISSUED, { since: '2025-11-28', today: '2025-12-01' }).meaning).toMatch(/10 working days/);
  });

  it('a since date after today is ignored with a note', () => {
    const i = interpret(AP, { since: '2026-01-01', today: '2025-12-01' });
    expect(i.notes.join(' ')).toMatch(/not a date before today/);
    expect(i.meaning).toBe(interpret(AP).meaning);
  });

  it('previous Approved -> Refused: went back for processing', () => {
    const i = interpret(LONG, { previous: 'approved' });
    expect(i.headline).toMatch(/after Approved/);
    expect(i.finality).toBe('in_progress');
    expect(i.watchFor[0]).toMatch(/Approved again/);
  });

  it('previous Refused -> Administrative Processing: progress', () => {
    const i = interpret(AP, { previous: 'Refused' });
    expect(i.meaning).toMatch(/progress/);
    expect(i.confidence).toBeGreaterThan(interpret(AP).confidence);
  });

  it('previous same as now: Case Last Updated moving is not a decision', () => {
    expect(interpret(LONG, { previous: 'refused_221g' }).meaning).toMatch(/has not changed/);
  });

  it('previous Issued -> Refused is unusual', () => {
    expect(interpret(LONG, { previous: 'Issued' })).toMatchObject({ finality: 'uncertain' });
  });

  it('an unknown previous status is noted, not used', () => {
    const i = interpret(LONG, { previous: 'sleeping' });
    expect(i.notes.join(' ')).toMatch(/"sleeping" is not a CEAC status/);
    expect(i.meaning).toBe(interpret(LONG).meaning);
  });

  it('a DV case number brings the 30 September deadline', () => {
    const i = interpret({ ...LONG, caseNumber: '2025AS0001234' });
    expect(i.notes.join(' ')).toMatch(/30 September 2025/);
  });

  it('context never turns unknown into a decision', () => {
    const ctx: DecodeContext = {
      route: 'dropbox',
      slip: 'white',
      officer: 'approved',
      passport: 'kept',
      since: '2025-01-01',
      previous: 'Approved',
    };
    expect(interpret(obs(null), ctx)).toMatchObject({ state: 'unknown', finality: 'uncertain', confidence: 0 });
  });
});
