/**
 * Dates that matter to a waiting applicant, derived from what we know of a case, each with its source and what
 * it was computed from. Pure: facts in, deadlines out. The rules:
 *
 * - `documents_due_221g`: documents asked for under 221(g) are due within 12 months of the refusal (the slip);
 *   after that the application is terminated. From the slip date, else the interview date when the officer gave a
 *   221(g) slip there, else the first day we saw Refused. Not shown once documents were handed in or the case
 *   cleared.
 * - `may_enquire`: posts ask applicants to wait 180 days after the interview or the last document submission
 *   before asking about a case in administrative processing. Only while the case is Refused or in
 *   Administrative Processing.
 * - `dv_issue_by`: a diversity visa can only be issued until 30 September of its fiscal year (the year in the DV
 *   case number, e.g. 2025AS00012345), whether or not processing is finished. Until Issued.
 * - `issued_no_passport`: CEAC's Issued text asks applicants who have not received their visa "in more than 10
 *   working days" to contact the post: 10 working days (Monday to Friday; local holidays are not known to us)
 *   after Issued was first seen.
 */
import { type Msg, msg } from '../i18n/catalog.js';
import { en } from '../i18n/catalogs/en.js';
import type { State } from './types.js';

export const DEADLINE_KINDS = ['documents_due_221g', 'may_enquire', 'dv_issue_by', 'issued_no_passport'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const DEADLINE_SOURCES: Readonly<Record<DeadlineKind, string>> = {
  documents_due_221g: en['source.twelveMonths'],
  may_enquire: en['source.wait180'],
  dv_issue_by:
    'INA 204(a)(1)(I)(ii)(II) and travel.state.gov DV instructions: diversity visas can be issued only until 30 September of the fiscal year, "regardless of additional administrative processing".',
  issued_no_passport:
    'CEAC Issued text: "If you have not received it in more than 10 working days, please see the webpage for contact information of the embassy or consulate".',
};

/** What each kind is called on a page, in a reminder and in a calendar. */
export const DEADLINE_TITLES: Readonly<Record<DeadlineKind, string>> = {
  documents_due_221g: '221(g) documents due',
  may_enquire: 'You may now ask the consulate about the case',
  dv_issue_by: 'Last day a diversity visa can be issued',
  issued_no_passport: 'Visa issued 10 working days ago: contact the post if no passport news',
};

/** What each kind is called, as a message for the reader's language (the web's words; English as above). */
export function deadlineTitleWords(kind: DeadlineKind): Msg {
  switch (kind) {
    case 'documents_due_221g':
      return msg('cases.deadline.documentsDue');
    case 'may_enquire':
      return msg('cases.deadline.mayEnquire');
    case 'dv_issue_by':
      return msg('cases.deadline.dvIssueBy');
    case 'issued_no_passport':
      return msg('cases.deadline.issuedNoPassport');
  }
}

/** What a deadline was counted from, as a message (English: `Deadline.basis` word for word; dates as YYYY-MM-DD). */
export function deadlineBasisWords(from: DeadlineBasis): Msg {
  if (from.fact === 'dv_fiscal_year') return msg('deadline.basis.dvFiscalYear', { year: String(from.year) });
  const date = from.date;
  switch (from.fact) {
    case 'slip_date':
      return msg('deadline.basis.slipDate', { date });
    case 'interview_221g':
      return msg('deadline.basis.interview221g', { date });
    case 'refused_seen':
      return msg('deadline.basis.refusedSeen', { date });
    case 'interview':
      return msg('deadline.basis.interview', { date });
    case 'documents':
      return msg('deadline.basis.documents', { date });
    case 'issued_seen':
      return msg('deadline.basis.issuedSeen', { date });
  }
}

/** One deadline as a line's words: its title and, beside it, what it was counted from. */
export const deadlineLineWords = (d: Pick<Deadline, 'kind' | 'from'>): Msg =>
  msg('deadline.line', { title: deadlineTitleWords(d.kind), basis: deadlineBasisWords(d.from) });

/** Days before a deadline on which a reminder goes out (0 = on the day). */
export const REMINDER_OFFSETS: Readonly<Record<DeadlineKind, readonly number[]>> = {
  documents_due_221g: [30, 7, 1],
  dv_issue_by: [30, 7, 1],
  // Dates from which something becomes possible: a reminder on the day, not a countdown.
  may_enquire: [0],
  issued_no_passport: [0],
};

export interface DeadlineFacts {
  appType: 'NIV' | 'IV';
  caseNumber: string;
  /** Current decoded state, and statuses seen (oldest first) with the day each was first seen. */
  state: State | null;
  history: readonly { date: string; state: State }[];
  interviewDate?: string | undefined;
  /** Date on the 221(g) slip. */
  slipDate?: string | undefined;
  /** Last day documents were handed in for the 221(g). */
  documentsDate?: string | undefined;
  officer?: 'approved' | 'refused' | '221g' | 'none' | undefined;
  slip?: string | undefined;
}

export interface Deadline {
  kind: DeadlineKind;
  /** YYYY-MM-DD */
  date: string;
  title: string;
  source: string;
  /** What the date was computed from, e.g. "12 months after the slip date 2025-03-04". */
  basis: string;
  /** The same, as data, for a page that says it in another language. */
  from: DeadlineBasis;
}

/** What a deadline was counted from: which fact, and its date (or the DV fiscal year). */
export type DeadlineBasis =
  | { fact: 'slip_date' | 'interview_221g' | 'refused_seen' | 'interview' | 'documents' | 'issued_seen'; date: string }
  | { fact: 'dv_fiscal_year'; year: number };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): [number, number, number] {
  const m = ISO.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The same day `months` later; when that month is shorter, its last day (2024-02-29 + 12 months = 2025-02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return iso(Date.UTC(y, m - 1 + months, Math.min(d, lastDay)));
}

export function addCalendarDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return iso(Date.UTC(y, m - 1, d + days));
}

/** `n` working days (Monday to Friday) after `date`. */
export function addWorkingDays(date: string, n: number): string {
  const [y, m, d] = parts(date);
  let t = Date.UTC(y, m - 1, d);
  for (let left = n; left > 0;) {
    t += 86_400_000;
    const wd = new Date(t).getUTCDay();
    if (wd !== 0 && wd !== 6) left--;
  }
  return iso(t);
}

/** The fiscal year of a DV case number (2025AS00012345 → 2025), or null when it is not one. */
export function dvFiscalYear(caseNumber: string): number | null {
  const m = /^(\d{4})(AF|AS|EU|NA|OC|SA)\d+$/i.exec(caseNumber.trim());
  return m ? Number(m[1]) : null;
}

const PROCESSING: readonly State[] = ['refused', 'administrative_processing'];
const CLEARED: readonly State[] = ['approved', 'issued'];

function firstSeen(facts: DeadlineFacts, states: readonly State[]): string | undefined {
  return facts.history.find((h) => states.includes(h.state))?.date;
}

/** Every deadline that applies to the case now, earliest first. */
export function deadlinesFor(facts: DeadlineFacts): Deadline[] {
  const out: Deadline[] = [];
  const add = (kind: DeadlineKind, date: string, basis: string, from: DeadlineBasis) =>
    out.push({ kind, date, title: DEADLINE_TITLES[kind], source: DEADLINE_SOURCES[kind], basis, from });
  const cleared = facts.state !== null && CLEARED.includes(facts.state);
  const processing = facts.state !== null && PROCESSING.includes(facts.state);
  const in221g = facts.officer === '221g' || facts.slip !== undefined || facts.slipDate !== undefined;

  if (!cleared && facts.documentsDate === undefined) {
    const refusedSeen = facts.state === 'refused' ? firstSeen(facts, ['refused']) : undefined;
    if (facts.slipDate !== undefined)
      add('documents_due_221g', addMonths(facts.slipDate, 12), `12 months after the slip date ${facts.slipDate}`, {
        fact: 'slip_date',
        date: facts.slipDate,
      });
    else if (in221g && facts.interviewDate !== undefined)
      add(
        'documents_due_221g',
        addMonths(facts.interviewDate, 12),
        `12 months after the interview on ${facts.interviewDate}, where the 221(g) slip was given`,
        { fact: 'interview_221g', date: facts.interviewDate },
      );
    else if (in221g && refusedSeen !== undefined)
      add(
        'documents_due_221g',
        addMonths(refusedSeen, 12),
        `12 months after ${refusedSeen}, the first day Refused was seen (give the slip date for an exact date)`,
        { fact: 'refused_seen', date: refusedSeen },
      );
  }

  if (processing) {
    const from = [facts.interviewDate, facts.documentsDate].filter((d): d is string => d !== undefined).sort();
    const last = from.at(-1);
    if (last !== undefined) {
      const documents = last === facts.documentsDate;
      const what = documents ? 'the last documents were handed in' : 'the interview';
      add('may_enquire', addCalendarDays(last, 180), `180 days after ${what} on ${last}`, {
        fact: documents ? 'documents' : 'interview',
        date: last,
      });
    }
  }

  const fy = facts.appType === 'IV' ? dvFiscalYear(facts.caseNumber) : null;
  if (fy !== null && facts.state !== 'issued')
    add('dv_issue_by', `${fy}-09-30`, `30 September of fiscal year ${fy}, from the DV case number`, {
      fact: 'dv_fiscal_year',
      year: fy,
    });

  if (facts.state === 'issued') {
    const issued = [...facts.history].reverse().find((h) => h.state === 'issued')?.date;
    if (issued !== undefined)
      add(
        'issued_no_passport',
        addWorkingDays(issued, 10),
        `10 working days after Issued was first seen on ${issued}`,
        {
          fact: 'issued_seen',
          date: issued,
        },
      );
  }

  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export interface DueReminder {
  deadline: Deadline;
  /** Days before the deadline this reminder stands for (0 = on the day). */
  offset: number;
  /** Unique per case, deadline and offset: the database refuses a second one. */
  key: string;
}

/**
 * The reminder due `today` for each deadline: the nearest offset already reached (a reminder missed while the
 * tracker was down is sent late, once; an earlier one that was skipped is not sent too). None after the date.
 */
export function remindersDue(caseId: number, deadlines: readonly Deadline[], today: string): DueReminder[] {
  const out: DueReminder[] = [];
  for (const d of deadlines) {
    if (today > d.date) continue;
    const reached = REMINDER_OFFSETS[d.kind].filter((o) => addCalendarDays(d.date, -o) <= today);
    if (reached.length === 0) continue;
    const offset = Math.min(...reached);
    out.push({ deadline: d, offset, key: `reminder:${caseId}:${d.kind}:${d.date}:${offset}` });
  }
  return out;
}

/** The reminder's sentence: the date, what it means and where that comes from. Never a promise. */
export function reminderSentence(r: DueReminder): string {
  const when = r.offset === 0 ? 'today' : r.offset === 1 ? 'tomorrow' : `in ${r.offset} days`;
  return `${r.deadline.title}: ${r.deadline.date} (${when}); ${r.deadline.basis}.`;
}
