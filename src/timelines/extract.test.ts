import { describe, expect, it } from 'vitest';

import { classify, type ExtractedEvent, extractTimelines, splitPosts, toStoredTimeline } from './extract.js';

/** The events as "date kind[:status|color]" for compact expectations. */
function brief(events: ExtractedEvent[]): string[] {
  return events.map((e) => `${e.date} ${e.kind}${e.status ? `:${e.status}` : ''}${e.color ? `:${e.color}` : ''}`);
}

function one(text: string, posted: string) {
  const all = extractTimelines(text, { posted });
  expect(all).toHaveLength(1);
  return all[0]!;
}

describe('free-text timeline posts', () => {
  it('reads the dash-separated comment style of the issue, years resolved back from the post date', () => {
    const t = one(
      'Oct 14- submitted, Oct 17- Case created, Oct 21- Refused, Oct 27- passport back with 221g (white) … Nov 01- Issued',
      '2025-11-10',
    );
    expect(brief(t.events)).toEqual([
      '2025-10-14 submitted',
      '2025-10-17 case_created',
      '2025-10-21 status:refused',
      '2025-10-27 passport_returned',
      '2025-10-27 slip_221g:white',
      '2025-11-01 status:issued',
    ]);
    expect(t.events[2]!.text).toBe('Oct 21- Refused');
    for (const e of t.events) expect(e.confidence).toBeGreaterThan(0.5);
  });

  it('crosses a new year backwards: a January post about December events', () => {
    const t = one('Dec 20 interview in Shanghai, got 221g pink slip. Jan 5 status changed to Issued', '2026-01-10');
    expect(brief(t.events)).toEqual(['2025-12-20 slip_221g:pink', '2025-12-20 interview', '2026-01-05 status:issued']);
    expect(t.post).toBe('SHG');
    expect(t.route).toBe('interview');
  });

  it('reads label-first lines, numeric US dates, and undated lines that continue the line above', () => {
    const t = one(
      [
        'F1 renewal, dropbox at Beijing.',
        'Dropped docs: 12/03/2025',
        '221g white slip, asked for CV and study plan',
        'Sent documents 12/05',
        'Status changed to Administrative Processing on Dec 8',
        'Jan 14 - status changed to Issued!! Good luck everyone',
      ].join('\n'),
      '2026-02-01',
    );
    expect(t.visaClass).toBe('F1');
    expect(t.post).toBe('BEJ');
    expect(t.route).toBe('dropbox');
    expect(t.entry).toBe('renewal');
    expect(brief(t.events)).toEqual([
      '2025-12-03 submitted',
      '2025-12-03 slip_221g:white',
      '2025-12-03 documents_requested',
      '2025-12-05 documents_submitted',
      '2025-12-08 status:administrative_processing',
      '2026-01-14 status:issued',
    ]);
    // An inherited date and an ambiguous 12/03 are less sure than a spelled-out "Dec 8".
    const inherited = t.events.find((e) => e.kind === 'slip_221g')!;
    const spelled = t.events.find((e) => e.status === 'administrative_processing')!;
    expect(inherited.confidence).toBeLessThan(spelled.confidence);
  });

  it('counts relative days from the event before and "ago"/"yesterday" from the post date', () => {
    const t = one(
      'Got 221g (yellow) on March 3 2026. 10 days later I emailed the documents. Two weeks later status changed to Issued.',
      '2026-04-20',
    );
    expect(brief(t.events)).toEqual([
      '2026-03-03 slip_221g:yellow',
      '2026-03-13 documents_submitted',
      '2026-03-27 status:issued',
    ]);
    const y = one(
      'Interview 3 days ago, refused with 221g. Status updated to Administrative Processing yesterday.',
      '2026-03-10',
    );
    expect(brief(y.events)).toEqual([
      '2026-03-07 slip_221g',
      '2026-03-07 interview',
      '2026-03-07 status:refused',
      '2026-03-09 status:administrative_processing',
    ]);
  });

  it('reads ISO dates, day-first dates and spelled days ("14th of October")', () => {
    const t = one(
      'H1B Chennai\n2025-10-07: interview, 221g blue\n15/10 - docs submitted via email\n14th of November 2025 case last updated\n2nd December: approved',
      '2025-12-20',
    );
    expect(brief(t.events)).toEqual([
      '2025-10-07 slip_221g:blue',
      '2025-10-07 interview',
      '2025-10-15 documents_submitted',
      '2025-11-14 last_updated',
      '2025-12-02 status:approved',
    ]);
    expect(t.visaClass).toBe('H1B');
    expect(t.post).toBe('MDR');
  });

  it('reads checkee-style check and complete dates', () => {
    const t = one('J1 new, GuangZhou. Check date: 2025-11-21. Complete date: 2026-01-05', '2026-01-06');
    expect(brief(t.events)).toEqual(['2025-11-21 status:administrative_processing', '2026-01-05 status:issued']);
    expect(t.entry).toBe('new');
  });

  it('gives no timeline for posts with no timeline in them', () => {
    const none = [
      'Does anyone know how long 221g takes in Mumbai? I am so anxious.',
      '221g for 3 months now, any idea what to do?',
      'Thanks everyone, I posted this on Oct 3 and got great answers!',
      'My appointment is at 10:30, should I bring my I-20 and DS-160 confirmation?',
      '',
    ].join('\n---\n');
    expect(extractTimelines(none, { posted: '2026-01-01' })).toEqual([]);
  });

  it('splits a file into posts at --- lines and keeps pending waits (a lone 221(g) start)', () => {
    const posts =
      'Oct 2 interview, 221g white. Still waiting :(\n---\nnothing here\n===\nNov 3 - refused (221g), Nov 20 - issued';
    expect(splitPosts(posts)).toHaveLength(3);
    const all = extractTimelines(posts, { posted: '2025-12-01' });
    expect(all.map((t) => brief(t.events)[0])).toEqual(['2025-10-02 slip_221g:white', '2025-11-03 slip_221g']);
  });

  it('does not take a GPA, a time or a form number for a date', () => {
    const t = one(
      'GPA 3.5, MS in EE. Interview went well on Oct 3 at 10:30 but got 221g (DS-160 AA00ABCD12). 14.11.2025 issued',
      '2025-12-01',
    );
    expect(brief(t.events)).toEqual(['2025-10-03 slip_221g', '2025-10-03 interview', '2025-11-14 status:issued']);
  });

  it('does not take a 221(g) slip or DS form number for a date, nor "ready for pickup" for a status', () => {
    expect(classify('passport ready for pickup')).toEqual([{ kind: 'passport_returned', certainty: 0.9 }]);
    const t = one('Sep 9 - 221g, DS-5535 requested. Sep 12 - DS-5535 submitted', '2025-10-01');
    expect(brief(t.events)).toEqual([
      '2025-09-09 slip_221g',
      '2025-09-09 documents_requested',
      '2025-09-12 documents_submitted',
    ]);
  });
});

describe('saving an extracted timeline', () => {
  it('starts the wait at the 221(g) slip and ends it at Issued', () => {
    const t = one('Oct 21- Refused, Oct 27- passport back with 221g (white), Nov 01- Issued. F1 Beijing', '2025-11-10');
    const r = toStoredTimeline(t, { posted: '2025-11-10' });
    expect('timeline' in r && r.timeline).toMatchObject({
      source: 'text',
      startDate: '2025-10-21',
      outcome: 'issued',
      outcomeDate: '2025-11-01',
      visaClass: 'F1',
      post: 'BEJ',
    });
  });

  it('keeps an unfinished wait pending as of the post date, and refuses a timeline with no start', () => {
    const pending = toStoredTimeline(one('Oct 2 interview, 221g white. Oct 9 docs sent.', '2025-12-01'), {
      posted: '2025-12-01',
    });
    expect('timeline' in pending && pending.timeline).toMatchObject({
      startDate: '2025-10-02',
      outcome: 'pending',
      outcomeDate: '2025-12-01',
    });
    const noStart = toStoredTimeline(one('Oct 14 - dropbox, Oct 20 - issued', '2025-11-01'));
    expect(noStart).toEqual({ reason: 'no 221(g) slip or refusal date, so the wait has no start' });
  });
});

describe('posts, classes and routes named in a post', () => {
  it('finds the post among every CEAC post, the first one named winning, old names included', () => {
    const lagos = one(
      'B1/B2 interview at Lagos on Jan 5, refused under 221g. Feb 20 issued! (was told Abuja is faster)',
      '2026-03-01',
    );
    expect(lagos.post).toBe('LGS');
    expect(lagos.visaClass).toBe('B1/B2');
    expect(one('Saigon, F1. Mar 2 - 221g blue. Mar 30 - issued', '2026-04-01').post).toBe('HCM');
    expect(one('New Delhi H4: Jun 3 interview + 221g pink. Jul 1 status changed to Issued', '2026-07-02').post).toBe(
      'NWD',
    );
    expect(one('J1 Bogotá… 2026-01-10 221g white, 2026-02-02 approved', '2026-02-03').post).toBe('BGT');
    expect(one('J1 Bogota. 2026-01-10 221g white, 2026-02-02 approved', '2026-02-03').post).toBe('BGT');
    // "Florence" is a person more often than the post.
    expect(one('Florence (my wife) and I: Oct 2 interview, 221g. Oct 20 issued', '2025-11-01').post).toBeNull();
  });
});

describe('more ways people write their timelines', () => {
  it('a bulleted list with numeric dates and a "Case Last Updated" line that is not a status change', () => {
    const t = one(
      [
        'My timeline (F1, Chennai, first time):',
        '• 08/12 – Interview, handed 221(g) blue slip',
        '• 08/20 – Submitted documents at VAC',
        '• Case Last Updated changed to 9/2, status still Refused',
        '• 09/15 – Administrative Processing',
        '• 10/01 – Issued 🎉',
      ].join('\n'),
      '2025-10-05',
    );
    expect([t.visaClass, t.post, t.route, t.entry]).toEqual(['F1', 'MDR', 'interview', 'new']);
    expect(brief(t.events)).toEqual([
      '2025-08-12 slip_221g:blue',
      '2025-08-12 interview',
      '2025-08-20 documents_submitted',
      '2025-09-02 last_updated',
      '2025-09-15 status:administrative_processing',
      '2025-10-01 status:issued',
    ]);
  });

  it('a markdown table', () => {
    const t = one(
      '| Date | Event |\n|---|---|\n| 2025-06-03 | Interview at Frankfurt, 221g |\n| 2025-06-10 | Emailed DS-5535 |\n| 2025-07-22 | Approved |\n| 2025-07-25 | Issued |',
      '2025-10-05',
    );
    expect(t.post).toBe('FRN');
    expect(brief(t.events)).toEqual([
      '2025-06-03 slip_221g',
      '2025-06-03 interview',
      '2025-06-10 documents_submitted',
      '2025-07-22 status:approved',
      '2025-07-25 status:issued',
    ]);
  });

  it('a story in sentences: "got it back", "same day", "went from Refused to AP on … and to Issued on …"', () => {
    const t = one(
      'H1B renewal via dropbox (IWP) in Toronto. Dropped passport on March 3rd. Got it back on March 10th with a 221g white slip ' +
        'asking for updated resume. Sent resume same day. Status went from Refused to AP on March 14 and to Issued on April 2nd.',
      '2025-10-05',
    );
    expect([t.visaClass, t.post, t.route, t.entry]).toEqual(['H1B', 'TRT', 'dropbox', 'renewal']);
    expect(brief(t.events)).toEqual([
      '2025-03-03 submitted',
      '2025-03-10 passport_returned',
      '2025-03-10 slip_221g:white',
      '2025-03-10 documents_requested',
      '2025-03-10 documents_submitted',
      '2025-03-14 status:administrative_processing',
      '2025-04-02 status:issued',
    ]);
    const sameDay = t.events.find((e) => e.kind === 'documents_submitted')!;
    expect(sameDay.text).toBe('Sent resume same day.');
    expect(sameDay.confidence).toBeLessThan(0.6);
  });

  it('an update post: "Today" is the post date, and a month with no day is no date', () => {
    const t = one(
      'Update: AP cleared! 62 days. Interview was Jan 8, got 221g. Today status changed to issued.',
      '2025-10-05',
    );
    expect(brief(t.events)).toEqual(['2025-01-08 slip_221g', '2025-01-08 interview', '2025-10-05 status:issued']);
    expect(
      extractTimelines('Anyone else stuck in AP since June? No updates at all, getting really frustrated.', {
        posted: '2025-10-05',
      }),
    ).toEqual([]);
  });
});

describe('the general rules of the second corpus round (issue 15)', () => {
  it('a comma list gives each date the words of its own piece, and an undated piece the moment before it', () => {
    const t = one(
      'Dropbox done 4th Oct at Hyderabad, appl received 6th Oct, refused 8th Oct, passport got back 13th Oct with 221g pink.',
      '2025-11-01',
    );
    expect(brief(t.events)).toEqual([
      '2025-10-04 submitted',
      '2025-10-06 status:application_received',
      '2025-10-08 status:refused',
      '2025-10-13 passport_returned',
      '2025-10-13 slip_221g:pink',
    ]);
    // The undated "221g white" is told of the interview's day; a parenthesis with its own date stands apart.
    expect(
      brief(one('Interview Nov 12 Beijing F1, 221g white, sent CV Nov 13, AP Nov 24.', '2025-12-01').events),
    ).toEqual([
      '2025-11-12 slip_221g:white',
      '2025-11-12 interview',
      '2025-11-13 documents_submitted',
      '2025-11-24 status:administrative_processing',
    ]);
    expect(brief(one('Refused 9/12, issued 10/14 (Hyderabad dropbox, submitted 9/5)', '2025-11-01').events)).toEqual([
      '2025-09-12 status:refused',
      '2025-10-14 status:issued',
      '2025-09-05 submitted',
    ]);
  });

  it('an undated piece that cannot be of the moment before it labels the next date ("…, interview and 221g on Oct 3")', () => {
    expect(brief(one('Refused Oct 1, interview and 221g on Oct 3. Issued Oct 20.', '2025-12-01').events)).toEqual([
      '2025-10-01 status:refused',
      '2025-10-03 slip_221g',
      '2025-10-03 interview',
      '2025-10-20 status:issued',
    ]);
  });

  it('a post told out of order keeps the post year for a date a little after the one told after it', () => {
    const t = one('Administrative possessing since Sep 12 after my interview on Sep 5 in Mumbai.', '2025-12-01');
    expect(brief(t.events)).toEqual(['2025-09-12 status:administrative_processing', '2025-09-05 interview']);
    // A long-ago date told after a recent one still goes back a year when it must (Dec before a January post).
    expect(brief(one('Issued Jan 8. Refused Dec 2 after the interview.', '2026-01-12').events)).toEqual([
      '2026-01-08 status:issued',
      '2025-12-02 interview',
      '2025-12-02 status:refused',
    ]);
  });

  it('"still AP" dates no status; "after 45 days of AP" and "one week in 221g" are durations, not events', () => {
    expect(brief(one('Case updated Oct 9 and Oct 23, still AP. Nov 6 issued.', '2025-12-01').events)).toEqual([
      '2025-10-09 last_updated',
      '2025-10-23 last_updated',
      '2025-11-06 status:issued',
    ]);
    expect(
      brief(
        one('My F1 got issued today after 45 days of AP. Interview was Oct 10, AP from Oct 17.', '2025-12-01').events,
      ),
    ).toEqual(['2025-12-01 status:issued', '2025-10-10 interview', '2025-10-17 status:administrative_processing']);
    // "Still in AP since Sep 3" does date the start; "still AP as of Nov 20" dates nothing.
    expect(brief(one('Interview Sep 2. Still in AP since Sep 3. Still AP as of Nov 20.', '2025-12-01').events)).toEqual(
      ['2025-09-02 interview', '2025-09-03 status:administrative_processing'],
    );
    expect(brief(one('Refused 9th Sep. Issued 16th Sep. Total one week only in 221g.', '2025-10-01').events)).toEqual([
      '2025-09-09 status:refused',
      '2025-09-16 status:issued',
    ]);
  });

  it('day-first dates with a year tell the post writes day first; the drop box and "stamping" are read', () => {
    expect(
      brief(
        one('Submitted documents at dropbox 1/10/2025. Refused 7/10/2025. Issued 21/10/2025.', '2025-11-01').events,
      ),
    ).toEqual(['2025-10-01 submitted', '2025-10-07 status:refused', '2025-10-21 status:issued']);
    expect(
      brief(one('Went for my stamping at Chennai on Sep 22. Got 221g. Issued Oct 3.', '2025-11-01').events),
    ).toEqual(['2025-09-22 interview', '2025-09-22 slip_221g', '2025-10-03 status:issued']);
  });

  it('a later sentence dating the interview dates its slip; a bare "Sent" after a request sends the documents', () => {
    const t = one(
      'Interview went ok but I got 221g. Interview date Oct 20. Docs requested by email Oct 22. Sent Oct 23.',
      '2025-12-01',
    );
    expect(brief(t.events)).toEqual([
      '2025-10-20 interview',
      '2025-10-20 slip_221g',
      '2025-10-22 documents_requested',
      '2025-10-23 documents_submitted',
    ]);
    // Without a request before it, a bare "Sent" is nothing: no event is invented.
    expect(brief(one('Interview Oct 20. Sent Oct 23. Issued Nov 2.', '2025-12-01').events)).toEqual([
      '2025-10-20 interview',
      '2025-11-02 status:issued',
    ]);
  });
});
