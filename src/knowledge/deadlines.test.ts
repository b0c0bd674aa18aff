import { describe, expect, it } from 'vitest';

import { english, loadTranslator } from '../i18n/translator.js';
import {
  addMonths,
  addWorkingDays,
  deadlineBasisWords,
  type DeadlineFacts,
  deadlinesFor,
  deadlineTitleWords,
  dvFiscalYear,
  remindersDue,
  reminderSentence,
} from './deadlines.js';

const niv = (over: Partial<DeadlineFacts>): DeadlineFacts => ({
  appType: 'NIV',
  caseNumber: 'AA0012345678',
  state: 'refused',
  history: [{ date: '2025-03-04', state: 'refused' }],
  ...over,
});

const only = (facts: DeadlineFacts, kind: string) => deadlinesFor(facts).filter((d) => d.kind === kind);

describe('the 12-month edge', () => {
  it('is the same day a year later, or the last day of a shorter month', () => {
    expect(addMonths('2025-03-04', 12)).toBe('2026-03-04');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-12-31', 12)).toBe('2026-12-31');
  });
});

describe('documents_due_221g', () => {
  it('runs 12 months from the slip date when it is known', () => {
    const [d] = only(niv({ slipDate: '2024-02-29', interviewDate: '2024-02-28' }), 'documents_due_221g');
    expect(d?.date).toBe('2025-02-28');
    expect(d?.basis).toContain('slip date 2024-02-29');
    expect(d?.source).toMatch(/12 months/);
  });

  it('falls back to the interview where the slip was given, then to the first Refused seen', () => {
    expect(only(niv({ officer: '221g', interviewDate: '2025-05-10' }), 'documents_due_221g')[0]?.date).toBe(
      '2026-05-10',
    );
    expect(only(niv({ slip: 'white' }), 'documents_due_221g')[0]?.date).toBe('2026-03-04');
  });

  it('is not shown without a 221(g), after documents were handed in, or once cleared', () => {
    expect(only(niv({}), 'documents_due_221g')).toEqual([]);
    expect(only(niv({ slipDate: '2025-03-04', documentsDate: '2025-04-01' }), 'documents_due_221g')).toEqual([]);
    expect(only(niv({ slipDate: '2025-03-04', state: 'issued' }), 'documents_due_221g')).toEqual([]);
  });
});

describe('may_enquire', () => {
  it('is 180 days after the later of the interview and the last documents', () => {
    expect(only(niv({ interviewDate: '2025-01-10' }), 'may_enquire')[0]?.date).toBe('2025-07-09');
    const later = only(niv({ interviewDate: '2025-01-10', documentsDate: '2025-02-01' }), 'may_enquire')[0];
    expect(later?.date).toBe('2025-07-31');
    expect(later?.basis).toContain('last documents');
  });

  it('only while the case is Refused or in Administrative Processing', () => {
    expect(only(niv({ interviewDate: '2025-01-10', state: 'approved' }), 'may_enquire')).toEqual([]);
    expect(only(niv({ interviewDate: '2025-01-10', state: 'administrative_processing' }), 'may_enquire')).toHaveLength(
      1,
    );
  });
});

describe('dv_issue_by', () => {
  it('is 30 September of the fiscal year in the DV case number', () => {
    expect(dvFiscalYear('2025AS00012345')).toBe(2025);
    expect(dvFiscalYear('2026eu1234')).toBe(2026);
    expect(dvFiscalYear('BMB2024123456')).toBeNull();
    const iv = { appType: 'IV' as const, caseNumber: '2026AF00001234', history: [] };
    expect(only({ ...iv, state: 'administrative_processing' }, 'dv_issue_by')[0]?.date).toBe('2026-09-30');
    expect(only({ ...iv, state: 'at_nvc' }, 'dv_issue_by')[0]?.date).toBe('2026-09-30');
  });

  it('not for an NIV, not for a non-DV immigrant case, and not once Issued', () => {
    expect(only(niv({ caseNumber: '2026AF00001234' }), 'dv_issue_by')).toEqual([]);
    expect(only({ appType: 'IV', caseNumber: 'BMB2024123456', state: 'refused', history: [] }, 'dv_issue_by')).toEqual(
      [],
    );
    expect(only({ appType: 'IV', caseNumber: '2026AF1', state: 'issued', history: [] }, 'dv_issue_by')).toEqual([]);
  });
});

describe('issued_no_passport', () => {
  it('is 10 working days after Issued was first seen, skipping weekends', () => {
    // Friday 2025-11-07 + 10 working days = Friday 2025-11-21.
    expect(addWorkingDays('2025-11-07', 10)).toBe('2025-11-21');
    const facts = niv({
      state: 'issued',
      history: [
        { date: '2025-10-01', state: 'refused' },
        { date: '2025-11-07', state: 'issued' },
      ],
    });
    expect(only(facts, 'issued_no_passport')[0]?.date).toBe('2025-11-21');
    expect(only(niv({}), 'issued_no_passport')).toEqual([]);
  });
});

describe('remindersDue', () => {
  const [due] = deadlinesFor(niv({ slipDate: '2025-03-04' }));

  it('sends 30, 7 and 1 days before, one key each, and nothing before or after', () => {
    const on = (today: string) => remindersDue(9, [due!], today).map((r) => r.offset);
    expect(on('2026-02-01')).toEqual([]);
    expect(on('2026-02-02')).toEqual([30]);
    expect(on('2026-02-20')).toEqual([30]);
    expect(on('2026-02-25')).toEqual([7]);
    expect(on('2026-03-03')).toEqual([1]);
    expect(on('2026-03-04')).toEqual([1]);
    expect(on('2026-03-05')).toEqual([]);
    expect(remindersDue(9, [due!], '2026-02-25')[0]?.key).toBe('reminder:9:documents_due_221g:2026-03-04:7');
  });

  it('words a reminder as a date with its basis, not a promise', () => {
    const [r] = remindersDue(9, [due!], '2026-02-25');
    expect(reminderSentence(r!)).toBe(
      '221(g) documents due: 2026-03-04 (in 7 days); 12 months after the slip date 2025-03-04.',
    );
  });
});

describe('the words of a deadline, for the reader', () => {
  // One case of each basis: every English title and basis the messages give is the one stored on the deadline.
  const all = [
    ...deadlinesFor(niv({ slipDate: '2025-03-04' })),
    ...deadlinesFor(niv({ officer: '221g', interviewDate: '2025-03-01' })),
    ...deadlinesFor(niv({ officer: '221g' })),
    ...deadlinesFor(niv({ interviewDate: '2025-03-01', documentsDate: '2025-04-01' })),
    ...deadlinesFor(niv({ interviewDate: '2025-03-01', state: 'administrative_processing' })),
    ...deadlinesFor({
      appType: 'IV',
      caseNumber: '2025AS00012345',
      state: 'issued',
      history: [{ date: '2025-06-02', state: 'issued' }],
    }),
    ...deadlinesFor({ appType: 'IV', caseNumber: '2026EU00012345', state: 'refused', history: [] }),
  ];

  it('says in English exactly what the deadline says, for every fact it may be counted from', () => {
    expect(new Set(all.map((d) => d.from.fact))).toEqual(
      new Set([
        'slip_date',
        'interview_221g',
        'refused_seen',
        'interview',
        'documents',
        'issued_seen',
        'dv_fiscal_year',
      ]),
    );
    for (const d of all) {
      expect(english(deadlineBasisWords(d.from))).toBe(d.basis);
      expect(english(deadlineTitleWords(d.kind))).toBe(d.title);
    }
  });

  it('says it in Chinese with the date as given', async () => {
    const zh = await loadTranslator('zh-CN');
    const [slip] = deadlinesFor(niv({ slipDate: '2025-03-04' }));
    expect(zh(deadlineBasisWords(slip!.from))).toBe('221(g) 单上的日期 2025-03-04 之后 12 个月');
    expect(zh(deadlineTitleWords(slip!.kind))).toBe('221(g) 补交材料截止');
  });
});
