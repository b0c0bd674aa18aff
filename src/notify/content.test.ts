import { describe, expect, it } from 'vitest';

import { type CaseFacts, type EventFacts, maskLast4, renderDigest, renderEvent } from './content.js';
import { WebhookPayload } from './payload.js';

const CASE: CaseFacts = {
  id: 9,
  label: 'AA0012345678 (dad)',
  group_name: null,
  case_number: 'AA0012345678',
  app_type: 'NIV',
  location: 'BMB',
};
const obs = (status: string, updated: string) =>
  JSON.stringify({
    status,
    caseNumber: 'AA0012345678',
    caseCreated: '2026-10-01',
    caseLastUpdated: updated,
    post: 'U.S. Consulate General Mumbai',
    message: 'Text for AA0012345678.',
  });
const EVENT: EventFacts = {
  id: 77,
  case_id: 9,
  kind: 'status_changed',
  at: Date.parse('2026-11-26T06:12:34Z'),
  from_json: obs('Refused', '2026-11-01'),
  to_json: obs('Approved', '2026-11-25'),
  interpretation_json: JSON.stringify({
    state: 'approved',
    variant: 'approved',
    finality: 'final_positive',
    confidence: 0.8,
    headline: 'Approved',
    meaning: 'The visa was approved.',
    nextSteps: ['Wait for the passport'],
    watchFor: [],
    sources: [],
    notes: [],
  }),
  detail_json: null,
};

describe('notification content', () => {
  it('masks the case number to its last 4 everywhere, even inside the label and the status text', () => {
    expect(maskLast4('AA0012345678')).toBe('********5678');
    expect(maskLast4('1234')).toBe('****');
    const n = renderEvent(EVENT, CASE, null);
    for (const text of [n.title, n.text, n.html, JSON.stringify(n.payload)]) {
      expect(text).not.toContain('AA0012345678');
      expect(text).toContain('5678');
    }
    expect(n.title).toBe('********5678 (dad) (********5678): Refused → Approved');
  });

  it('says previous → new status, the decoded meaning, next steps, dates and the link', () => {
    const n = renderEvent(EVENT, { ...CASE, label: 'Dad' }, 'https://watch.example.org/');
    expect(n.text).toBe(
      [
        'Case: Dad (********5678), BMB',
        'Refused → Approved',
        '',
        'Approved',
        'The visa was approved.',
        '',
        'Next steps:',
        '- Wait for the passport',
        '',
        'Case Created: 2026-10-01',
        'Case Last Updated: 2026-11-25',
        'Seen: 2026-11-26 06:12 UTC',
        'Open: https://watch.example.org/cases/9',
      ].join('\n'),
    );
    expect(n.priority).toBe('high');
    expect(n.idempotencyKey).toBe('ceac-watch-event-77');
    expect(WebhookPayload.parse(n.payload)).toEqual(n.payload);
  });

  it('escapes status text in HTML mail', () => {
    const hostile = {
      ...EVENT,
      interpretation_json: JSON.stringify({
        ...JSON.parse(EVENT.interpretation_json!),
        meaning: '<script>alert(1)</script>',
      }),
    };
    const n = renderEvent(hostile, CASE, null);
    expect(n.html).not.toContain('<script>');
    expect(n.html).toContain('&#60;script&#62;');
  });

  it('tells a health alarm with its reason, and a digest with one line per case', () => {
    const failing = renderEvent(
      {
        ...EVENT,
        kind: 'check_failing',
        from_json: null,
        to_json: null,
        interpretation_json: null,
        detail_json: JSON.stringify({ outcome: 'blocked', message: 'CEAC blocked us', failures: 9 }),
      },
      CASE,
      null,
    );
    expect(failing.title).toMatch(/Checks are failing$/);
    expect(failing.text).toContain('Last error: CEAC blocked us');
    const digest = renderDigest(
      [{ event: { ...EVENT, kind: 'last_updated_changed' }, case: { ...CASE, label: 'Dad' } }],
      'k',
      null,
    );
    expect(digest.title).toBe('Daily digest: 1 "Case Last Updated" change');
    expect(digest.text).toContain('- Dad (********5678): Approved: Case Last Updated moved 2026-11-01 → 2026-11-25');
  });
});
