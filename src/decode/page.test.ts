import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { parseAjaxDelta, parseCeacResponse } from './page.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('parseCeacResponse', () => {
  it('reads the status out of an UpdatePanel delta', () => {
    const r = parseCeacResponse(fixture('delta-refused-221g.txt'));
    expect(r.kind).toBe('status');
    if (r.kind !== 'status') return;
    expect(r.applicationName).toBe('NONIMMIGRANT VISA APPLICATION');
    expect(r.observation).toMatchObject({
      status: 'Refused',
      caseNumber: 'AA00ABCD12',
      caseCreated: '2022-07-28',
      caseLastUpdated: '2022-08-05',
      post: 'U.S. Consulate General Mumbai',
    });
    // Doubled spaces squashed, the post sentence taken off, the text's own TRAVEL.STATE.GOV sentence kept.
    expect(r.observation.message).toMatch(
      /^A U\.S\. Consular Officer has adjudicated and refused your visa application\. Please follow/,
    );
    expect(r.observation.message).toMatch(/at which you made your visa application\.$/);
    expect(r.observation.message).not.toContain('  ');
    expect(r.observation.message).not.toContain('Mumbai');
  });

  it('reads the status out of a whole saved page', () => {
    const r = parseCeacResponse(fixture('page-issued.html'));
    expect(r).toMatchObject({
      kind: 'status',
      observation: {
        status: 'Issued',
        caseNumber: 'AA00WXYZ34',
        caseCreated: '2025-10-14',
        caseLastUpdated: '2025-11-01',
        post: null,
      },
    });
    if (r.kind === 'status') expect(r.observation.message).toMatch(/^Your visa is in final processing\./);
  });

  it.each([
    ['delta-captcha.txt', 'captcha_rejected', 'The code entered does not match the code displayed on the page.'],
    ['delta-not-found.txt', 'not_found', 'Your search did not return any data.'],
    ['page-invalid-id.html', 'invalid_id', 'Invalid Application ID or Case Number.'],
  ])('recognises the form error in %s', (file, error, message) => {
    expect(parseCeacResponse(fixture(file))).toEqual({ kind: 'error', error, message });
  });

  it('recognises the bare form (no result, no error)', () => {
    expect(parseCeacResponse(fixture('page-form.html'))).toEqual({ kind: 'form' });
  });

  it.each(['page-blocked.html', 'page-maintenance.html'])('never mistakes %s for a status', (file) => {
    const r = parseCeacResponse(fixture(file));
    expect(r.kind).toBe('unrecognised');
  });

  it('says why a delta carrying a server error is not a status', () => {
    const r = parseCeacResponse('1|#||4|24|error|500|Unexpected server error.|');
    expect(r).toEqual({ kind: 'unrecognised', reason: expect.stringContaining('Unexpected server error') });
  });

  it('treats an empty status span as no status', () => {
    const html = '<span id="ctl00_ContentPlaceHolder1_ucApplicationStatusView_lblStatus">  </span>';
    expect(parseCeacResponse(html).kind).toBe('unrecognised');
  });

  it('keeps impossible dates out of the observation', () => {
    const v = 'ctl00_ContentPlaceHolder1_ucApplicationStatusView_';
    const html = `<span id="${v}lblStatus">Approved</span><span id="${v}lblSubmitDate">31-Feb-2023</span><span id="${v}lblStatusDate">02-Mar-2023</span>`;
    const r = parseCeacResponse(html);
    expect(r).toMatchObject({
      kind: 'status',
      observation: { status: 'Approved', caseCreated: null, caseLastUpdated: '2023-03-02', message: null },
    });
  });

  it.each(['', 'Refused', '1|#||4|', '\u0000\u0001binary', '<html><body>hello</body></html>'])(
    'answers unrecognised for %j',
    (body) => {
      expect(parseCeacResponse(body).kind).toBe('unrecognised');
    },
  );
});

describe('parseAjaxDelta', () => {
  it('honours declared lengths when content contains "|"', () => {
    const records = parseAjaxDelta(fixture('delta-refused-221g.txt'));
    expect(records?.map((r) => r.type)).toContain('scriptBlock');
    expect(records?.find((r) => r.type === 'scriptBlock')?.content).toBe("if (window.x) { var a = 'b|c|d'; }");
    expect(records?.[0]).toEqual({ type: '#', id: '', content: '4' });
  });

  it('rejects a body whose lengths do not add up', () => {
    expect(parseAjaxDelta('1|#||4|99|updatePanel|x|short|')).toBeNull();
  });
});
