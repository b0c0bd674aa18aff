/**
 * Free-text timeline posts ("Oct 14- submitted, Oct 17- Case created, Oct 21- Refused, Oct 27-
 * passport back with 221g (white) … Nov 01- Issued") to dated events, each with a confidence, for
 * a person to confirm before anything is saved.
 *
 * How it reads a post: every date mention (ISO, 10/14/2025, 10/14, Oct 14, 14th October 2025,
 * "3 days later", "yesterday") anchors a clause; the clause's words say what happened. Missing
 * years are resolved backwards from the date the post was written: the last event is the latest
 * such date not after the post, each earlier one the latest not after the event that follows it.
 * A post with no dated visa event gives no timeline.
 */
import { createHash } from 'node:crypto';

import { LOCATIONS } from '../knowledge/locations.js';
import type { Route, SlipColor, State } from '../knowledge/types.js';
import { visaClassOrAsWritten } from '../knowledge/visa-classes.js';
import { addDays, dateFromDayNumber, dayNumber, type Entry, type EventKind, type Timeline } from './model.js';

export interface ExtractedEvent {
  date: string;
  kind: EventKind;
  status?: State;
  color?: SlipColor;
  /** 0..1: how sure we are of both the date and what happened. */
  confidence: number;
  /** The words the event was read from. */
  text: string;
}

export interface ExtractedTimeline {
  visaClass: string | null;
  post: string | null;
  route: Route | null;
  entry: Entry | null;
  events: ExtractedEvent[];
  /** The post itself, for the person reviewing it (and the dedupe key when saved). */
  source: string;
}

export interface ExtractOptions {
  /** YYYY-MM-DD the post was written; defaults to today. */
  posted?: string | undefined;
}

// ---------------------------------------------------------------- dates

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(?:,?\\s*(\\d{4}))?';

interface DateMention {
  start: number;
  end: number;
  /** Absolute parts; year null when the text leaves it out. */
  year: number | null;
  month: number;
  day: number;
  /** Days relative to the previous event, or to the post date; set instead of month/day. */
  relative?: { from: 'previous' | 'posted'; days: number };
  certainty: number;
}

/**
 * How a post writes its numeric dates, read from the whole post: `dayFirst` when one of its a/b dates can only be
 * day/month (14/10), so that its 12/09 is 12 September too; `dotted` when it writes several month.day dates
 * without a year (Chinese posts: "10.14 interview … 11.3 AP"), which alone would be read as numbers.
 */
interface DateStyle {
  dayFirst: boolean;
  dotted: boolean;
}

export function dateStyleOf(post: string): DateStyle {
  // With or without a year (14/10/2025 tells as much as 14/10); not inside an ISO date (2025-10-14).
  const pairs = [...post.matchAll(/(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})(?:[/.-]\d{2,4})?\b(?![/.-]\d)/g)].map(
    (m) => [+m[1]!, +m[2]!] as const,
  );
  const dayFirst = pairs.some(([a, b]) => a > 12 && b <= 12) && !pairs.some(([a, b]) => a <= 12 && b > 12);
  const dotted =
    [...post.matchAll(/(?:^|[\s(])(\d{1,2})\.(\d{1,2})(?=[\s,;:)]|$)/gm)].filter((m) => +m[1]! <= 12 && +m[2]! <= 31)
      .length >= 2;
  return { dayFirst, dotted };
}

let style: DateStyle = { dayFirst: false, dotted: false };

const DATE_PATTERNS: { re: RegExp; read: (m: RegExpExecArray) => Omit<DateMention, 'start' | 'end'> | null }[] = [
  {
    // 2025-10-14, 2025/10/14, 2025.10.14
    re: /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/gi,
    read: (m) => ({ year: +m[1]!, month: +m[2]!, day: +m[3]!, certainty: 1 }),
  },
  {
    // 04-Aug, 15-Oct-2025
    re: new RegExp(`\\b${DAY}-${MONTH}(?![a-z])(?:-(\\d{4}))?`, 'gi'),
    read: (m) => ({
      year: m[3] ? +m[3] : null,
      month: MONTHS[m[2]!.toLowerCase().replace('.', '')]!,
      day: +m[1]!,
      certainty: 1,
    }),
  },
  {
    // 10/14/2025, 14/10/2025, 10/14/25, 10/14, 14.10.2025 (dotted only with a year: "GPA 3.5" is no date)
    re: /\b(\d{1,2})(?:\/(\d{1,2})(?:\/(\d{4}|\d{2}))?|\.(\d{1,2})\.(\d{4}|\d{2}))\b/gi,
    read: (m) => {
      const a = +m[1]!;
      const b = +(m[2] ?? m[4])!;
      const y = m[3] ?? m[5];
      const year = y ? (y.length === 2 ? 2000 + +y : +y) : null;
      if (a > 12 && b <= 12) return { year, month: b, day: a, certainty: 0.9 };
      if (a <= 12 && b > 12) return { year, month: a, day: b, certainty: 0.9 };
      // Month first, as US forms, unless the post writes day first elsewhere.
      if (a <= 12 && b <= 12)
        return style.dayFirst ? { year, month: b, day: a, certainty: 0.8 } : { year, month: a, day: b, certainty: 0.6 };
      return null;
    },
  },
  {
    // 10.14 or 7.21 without a year: only in posts that write several such dates (see dateStyleOf)
    re: /(?<=^|[\s(])(\d{1,2})\.(\d{1,2})(?=[\s,;:)]|$)/gm,
    read: (m) => (style.dotted && +m[1]! <= 12 ? { year: null, month: +m[1]!, day: +m[2]!, certainty: 0.8 } : null),
  },
  {
    // Oct 14, October 14th, 2025, Oct. 14
    re: new RegExp(`\\b${MONTH}\\s+${DAY}\\b${YEAR}`, 'gi'),
    read: (m) => ({
      year: m[3] ? +m[3] : null,
      month: MONTHS[m[1]!.toLowerCase().replace('.', '')]!,
      day: +m[2]!,
      certainty: 1,
    }),
  },
  {
    // 14 Oct, 14th of October 2025
    re: new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH}(?![a-z])${YEAR}`, 'gi'),
    read: (m) => ({
      year: m[3] ? +m[3] : null,
      month: MONTHS[m[2]!.toLowerCase().replace('.', '')]!,
      day: +m[1]!,
      certainty: 1,
    }),
  },
];

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};
const RELATIVE_PATTERNS: { re: RegExp; read: (m: RegExpExecArray) => DateMention['relative'] }[] = [
  { re: /\btoday\b/gi, read: () => ({ from: 'posted', days: 0 }) },
  { re: /\byesterday\b/gi, read: () => ({ from: 'posted', days: -1 }) },
  { re: /\b(?:the\s+)?next\s+day\b/gi, read: () => ({ from: 'previous', days: 1 }) },
  {
    re: /\b(\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(day|week|month)s?\s+(later|after(?:wards)?|ago)\b/gi,
    read: (m) => {
      const n = NUMBER_WORDS[m[1]!.toLowerCase()] ?? Number(m[1]);
      const unit = m[2]!.toLowerCase() === 'week' ? 7 : m[2]!.toLowerCase() === 'month' ? 30 : 1;
      return m[3]!.toLowerCase() === 'ago' ? { from: 'posted', days: -n * unit } : { from: 'previous', days: n * unit };
    },
  },
  {
    // Not "after 45 days of AP" (how long a state lasted).
    re: /\bafter\s+(\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(day|week)s?\b(?!\s+(?:of|in)\b)/gi,
    read: (m) => ({
      from: 'previous',
      days: (NUMBER_WORDS[m[1]!.toLowerCase()] ?? Number(m[1])) * (m[2]!.toLowerCase() === 'week' ? 7 : 1),
    }),
  },
];

function findDates(line: string): DateMention[] {
  const found: DateMention[] = [];
  const taken = (s: number, e: number) => found.some((f) => s < f.end && e > f.start);
  for (const { re, read } of DATE_PATTERNS) {
    for (const m of line.matchAll(re)) {
      const s = m.index;
      const e = s + m[0].length;
      if (taken(s, e)) continue;
      // "221g" or "DS-160" numbers and times (10:30) are not dates.
      const parsed = read(m);
      if (!parsed || parsed.month < 1 || parsed.month > 12 || parsed.day < 1 || parsed.day > 31) continue;
      found.push({ start: s, end: e, ...parsed });
    }
  }
  for (const { re, read } of RELATIVE_PATTERNS) {
    for (const m of line.matchAll(re)) {
      const s = m.index;
      const e = s + m[0].length;
      if (taken(s, e)) continue;
      found.push({
        start: s,
        end: e,
        year: null,
        month: 0,
        day: 0,
        relative: read(m),
        certainty: 0.75,
      });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------- what happened

const STATUS_WORDS: [RegExp, State][] = [
  // Spelled as people type them: "adminstrative", "admin proc", "administrative possessing", "proccessing".
  [
    /\bad?mi?n(?:i?s?t?r?a?t?i?ve?|s?itrative)?(?:ly)?\s+(?:pro[cs]+e?s+(?:ing|ed)?|possessing|proc)\b/i,
    'administrative_processing',
  ],
  [/\b(?:appl(?:ication)?|app|status)\s+re(?:c(?:ei|ie|i|e))?ve?d\b|\brcvd\b(?!\s+221)/i, 'application_received'],
  [/\btransfer\s+in\s+progress\b/i, 'transfer_in_progress'],
  [/\bin\s+transit\b/i, 'in_transit'],
  [/\bno\s+status\b/i, 'no_status'],
  [/\bat\s+nvc\b/i, 'at_nvc'],
  [/\b(?:visa\s+)?(?:issued|isued|issud)\b|\bvisa\s+(?:printed|stamped)\b|\bgot\s+(?:the\s+|my\s+)?visa\b/i, 'issued'],
  [/\bappro?ved?\b|\bapprovd\b/i, 'approved'],
  [/\bre(?:fused|fsued|fusd|jected)\b|\brefusal\b/i, 'refused'],
  [/\bready\b(?!\s+for\s+pick)/i, 'ready'],
  [/\bAP\b|(?<=^\s*)ap\b/, 'administrative_processing'],
  [/\bclear(?:ed)?\b|\bcomplete(?:d)?\s+date\b/i, 'issued'],
  [/\bcheck(?:ed)?\s+date\b|\bgot\s+checked\b/i, 'administrative_processing'],
  // A bare "Received" or "check" (checkee's word for administrative processing) standing alone in a clause.
  [/^[\s,.:;-]*(?:status\s*:?\s*)?re(?:c(?:ei|ie|i|e))?ve?d[\s,.!:;-]*$/i, 'application_received'],
  [/(?:^|,)\s*(?:got\s+)?check(?:ed)?[\s.!]*$/i, 'administrative_processing'],
];
const COLORS: SlipColor[] = ['white', 'pink', 'yellow', 'blue', 'green'];
const DROPBOX = /\bdrop\s*-?\s*box\b/;
const DURATION =
  /\b(?:after|for|in)\s+(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:days?|weeks?|months?)\s+(?:only\s+)?(?:of|in)\s+[\w()-]+/gi;

interface Reading {
  kind: EventKind;
  status?: State;
  color?: SlipColor;
  certainty: number;
}

/**
 * The status a clause reports: of several status words the one written last ("went from Refused
 * to AP" is AP; "AP cleared" is cleared). `weak` for the bare abbreviation "AP".
 */
/** The status words as global patterns, compiled once (statusIn runs for every clause and piece). */
const STATUS_WORDS_GLOBAL: [RegExp, State][] = STATUS_WORDS.map(([re, state]) => [
  new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`),
  state,
]);

function statusIn(clause: string): { state: State; weak: boolean } | null {
  let best: { state: State; at: number; weak: boolean } | null = null;
  for (const [global, state] of STATUS_WORDS_GLOBAL) {
    for (const m of clause.matchAll(global)) {
      const end = m.index + m[0].length;
      if (!best || end > best.at) best = { state, at: end, weak: m[0] === 'AP' };
    }
  }
  return best && { state: best.state, weak: best.weak };
}

// The long phrase patterns, in named parts (each alternative on its own line).
const PAPERS = String.raw`\b(?:documents?|docs|ds-?5535|cv|resume|info(?:rmation)?|forms?|passport|study\s+plan|publications?)\b`;
const PASSPORT_BACK = new RegExp(
  [
    String.raw`\bpassports?\s+(?:was\s+|were\s+)?(?:back|returned|received|collected|picked\s+up|delivered|ready\s+for\s+pick|got\s+back)`,
    String.raw`\b(?:got|received|collected|picked\s+up)\s+(?:my\s+|our\s+|the\s+)?passports?(?:\s+back)?\b`,
    String.raw`\bpp\s+(?:back|returned)`,
    String.raw`\bgot\s+it\s+back\b`,
  ].join('|'),
);
const ASKED = String.raw`\b(?:request(?:ed|ing)?|asked\s+for|asking\s+for|ask(?:ed)?\s+(?:me\s+)?(?:to\s+)?(?:send|submit|provide))\b`;
const DOCS_REQUESTED = new RegExp(
  [
    `${ASKED}.*${PAPERS}`,
    String.raw`\b(?:documents?|docs|ds-?5535)\s+request(?:ed)?\b`,
    String.raw`\bemail\s+(?:from\s+(?:the\s+)?(?:embassy|consulate)\s+)?asking\b`,
  ].join('|'),
);
const SENT = String.raw`\b(?:sent|send|submit|submitted|emailed|e-mailed|uploaded|provided|replied\s+with|turned\s+in|handed\s+in)\b`;
const DOCS_SENT = new RegExp(
  [`${SENT}.*${PAPERS}`, String.raw`\b(?:documents?|docs|ds-?5535)\s+(?:sent|submitted|emailed|uploaded)\b`].join('|'),
);

/** What a clause says happened, most specific first; a clause may say two things (passport + slip). */
export function classify(written: string): Reading[] {
  // "after 45 days of AP", "one week in 221g": how long a state lasted, not a new state.
  const clause = written.replace(DURATION, ' ');
  const t = clause.toLowerCase();
  const out: Reading[] = [];
  const has221g = /\b221\s*\(?\s*g\s*\)?/.test(t) && !/\bin\s+221\s*\(?\s*g/.test(t);
  const passportBack = PASSPORT_BACK.test(t);
  const docsRequested = DOCS_REQUESTED.test(t);
  const docsSent = DOCS_SENT.test(t);
  const statusChange = /\bstatus\s+(?:changed|change|updated|moved|went|is\s+now|now)\b.*?\b(?:to|:)?\s*/.test(t);

  if (passportBack) out.push({ kind: 'passport_returned', certainty: 0.9 });
  if (has221g) {
    const color = COLORS.find((c) => t.includes(c));
    out.push({ kind: 'slip_221g', ...(color ? { color } : {}), certainty: 0.95 });
  }
  if (docsRequested && !/\b(?:submitted|sent|send|submit)\s+(?:the\s+)?requested\b/.test(t))
    out.push({ kind: 'documents_requested', certainty: 0.85 });
  else if (docsSent && !(DROPBOX.test(t) && !has221g && !/\b(?:requested|additional|more)\b/.test(t)))
    out.push({ kind: 'documents_submitted', certainty: 0.85 });
  else if (
    !passportBack &&
    /\b(?:drop\s*-?\s*box|dropped\s+(?:off|my|his|her|our|their|the|docs|documents|passports?|application)|submitted|handed\s+in|vac\s+appointment|biometrics)\b/.test(
      t,
    )
  ) {
    out.push({ kind: 'submitted', certainty: /drop/.test(t) ? 0.9 : 0.75 });
  }
  // "Went for my stamping" is the interview, unless the stamping went through the drop box.
  if (
    (/\bin?te?r?view(?:ed)?\b/.test(t) && !/\binterview\s+waiver\b/.test(t)) ||
    (/\bstamping\b/.test(t) && !DROPBOX.test(t))
  )
    out.push({ kind: 'interview', certainty: 0.9 });
  if (/\bcase\s+(?:was\s+)?created\b|\bcreated\b/.test(t))
    out.push({ kind: 'case_created', certainty: /case/.test(t) ? 0.95 : 0.7 });

  // "Case last updated" moving is its own event; "status still Refused" beside it is no change.
  const lastUpdated =
    /\b(?:case\s+)?last\s+updated?\b|\bcase\s+(?:was\s+|got\s+)?updated\b|\bupdate\s+date\b|\bclu\b/.test(t) ||
    // A bare "updated" ("9/2 updated", "Updated 18 Sept", "updated again") when no status is named.
    (/\bupdated\b(?!\s+(?:resume|cv|documents?|docs|forms?|passport|ds|info))/.test(t) &&
      !/\bstatus\b|\bto\b/.test(t) &&
      statusIn(clause) === null);
  if (lastUpdated) out.push({ kind: 'last_updated', certainty: /last\s+updated/.test(t) ? 0.95 : 0.8 });
  const status = statusIn(clause);
  // "Still AP", "still in refused": the status did not change, so it dates nothing; but "still in AP since Sep 3"
  // dates when it began.
  if (status && (!/\bstill\b/.test(t) || /\b(?:since|from)\b/.test(t))) {
    const { state } = status;
    const skip =
      (state === 'issued' && out.some((o) => o.kind === 'passport_returned') && !/\bissued\b|\bvisa\b/.test(t)) ||
      (state === 'ready' && out.length > 0);
    if (!skip) {
      const certainty = statusChange || /\bstatus\b/.test(t) ? 1 : status.weak ? 0.7 : 0.9;
      out.push({ kind: 'status', status: state, certainty });
    }
  }
  return out;
}

// ---------------------------------------------------------------- clauses

interface Clause {
  date: DateMention;
  /** The clause as written, date included (shown to the person). */
  text: string;
  /** The clause without its date, which is what gets classified. */
  words: string;
}

/**
 * Cuts a line into one clause per date. A line is first cut into its comma-separated pieces ("appl received
 * 6th Oct, refused 8th Oct, passport got back 13th Oct"): a piece with a date and words of its own is one
 * group; a dated piece with no words takes the undated piece before it as its label ("Administrative
 * Processing (since Aug 28)") or repeats the dated piece before it ("updated on Oct 7 and Oct 21"); an undated
 * piece with something to say belongs to the dated piece before it ("Interview Oct 8, 221g white").
 * Within a group, the dates split it as `within` says.
 */
function clauses(line: string): Clause[] {
  const dates = findDates(line);
  if (dates.length === 0) return [];
  const groups: { from: number; to: number; dated: boolean }[] = [];
  // An undated piece waiting for its group; `joins` when it may belong to the dated piece before it.
  let pending: { from: number; to: number; joins: boolean } | null = null;
  for (const piece of pieces(line, dates)) {
    const own = dates.filter((d) => d.start >= piece.from && d.end <= piece.to);
    let words = line.slice(piece.from, piece.to);
    for (const d of [...own].reverse())
      words = words.slice(0, d.start - piece.from) + ' ' + words.slice(d.end - piece.from);
    const readings = classify(words);
    const says = readings.length > 0;
    const last = groups[groups.length - 1];
    if (own.length === 0) {
      if (!says) continue;
      if (pending?.joins && last) last.to = pending.to;
      pending = {
        from: pending && !last ? pending.from : piece.from,
        to: piece.to,
        joins: readings.every((r) => SAME_MOMENT.has(r.kind)),
      };
      continue;
    }
    if (!says && pending) {
      groups.push({ from: pending.from, to: piece.to, dated: true });
    } else if (!says && last?.to === piece.previousEnd) {
      last.to = piece.to;
    } else {
      // An undated piece that cannot belong to the moment before it is the label of this one ("…, interview
      // and 221g on Oct 3"); one that can stays with the moment before ("Interview Oct 8, 221g white, AP Oct 9").
      if (pending?.joins && last) last.to = pending.to;
      groups.push({
        from: pending && (!last || !pending.joins) ? pending.from : piece.from,
        to: piece.to,
        dated: true,
      });
    }
    pending = null;
  }
  const lastGroup = groups[groups.length - 1];
  if (pending?.joins && lastGroup) lastGroup.to = pending.to;
  return groups.flatMap((g) => within(line.slice(g.from, g.to)));
}

/**
 * What an undated piece may tell of the moment of the dated piece before it ("Interview Oct 8, 221g white";
 * "Interview Sep 25, check"): a slip, a request, the passport, a status. A submission or an interview has a
 * date of its own ("issued 10/14 (dropbox, submitted 9/5)").
 */
const SAME_MOMENT = new Set<EventKind>(['slip_221g', 'documents_requested', 'passport_returned', 'status']);

/** Separators of a line's pieces, never inside a date ("Oct 14, 2025"). " and "/" then " only before words. */
const PIECE_BREAK = /\s*(?:[,;()]|->|→|\band\s+then\b|\bthen\b|\band\b(?!\s+(?:again|also|on|the|\d)))\s*/gi;

function parenthesisHoldsDate(line: string, at: number, dates: DateMention[]): boolean {
  const open = line[at] === '(' ? at : line.lastIndexOf('(', at);
  if (open < 0) return false;
  const close = line.indexOf(')', open);
  const end = close < 0 ? line.length : close;
  return dates.some((d) => d.start > open && d.end <= end);
}

function pieces(line: string, dates: DateMention[]): { from: number; to: number; previousEnd: number }[] {
  const out: { from: number; to: number; previousEnd: number }[] = [];
  let from = 0;
  let previousEnd = -1;
  for (const m of line.matchAll(PIECE_BREAK)) {
    const s = m.index;
    const e = s + m[0].length;
    if (dates.some((d) => s < d.end && e > d.start)) continue;
    // A parenthesis is its own piece only when it holds a date ("(since Aug 28)"), not "(white)" or "221(g)".
    const paren = m[0].search(/[()]/);
    if (paren >= 0 && !parenthesisHoldsDate(line, s + paren, dates)) continue;
    if (s > from) {
      out.push({ from, to: s, previousEnd });
      previousEnd = s;
    }
    from = e;
  }
  if (from < line.length) out.push({ from, to: line.length, previousEnd });
  return out;
}

/**
 * Cuts a group into one clause per date. Posts write either "Oct 14 - submitted" (date first) or
 * "Interview: Oct 14" (label first); the words before the first date tell which.
 */
function within(line: string): Clause[] {
  const dates = findDates(line);
  if (dates.length === 0) return [];
  const before = line.slice(0, dates[0]!.start);
  const after = line.slice(dates[0]!.end, dates[1]?.start ?? line.length);
  // "… to AP on March 14 and to Issued on April 2": a date after "on"/"at"/":" closes its clause.
  const connector = /(?:\bon|\bat|\bsince|\bwas|\bis|\bdate|:|=|->|→)\s*(?:the\s+)?$/i.test(before);
  const labelFirst = classify(before).length > 0 && (connector || classify(after).length === 0);
  return dates.map((d, i) => {
    const from = labelFirst ? (i === 0 ? 0 : dates[i - 1]!.end) : i === 0 ? 0 : d.start;
    // The words after the last date still belong to it ("Got it back on March 10th with a 221g").
    const to = labelFirst ? (i === dates.length - 1 ? line.length : d.end) : (dates[i + 1]?.start ?? line.length);
    return {
      date: d,
      text: tidy(line.slice(from, to)),
      words: `${line.slice(from, d.start)} ${line.slice(d.end, to)}`,
    };
  });
}

function tidy(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:.\-–—>•*|]+|[\s,;:\-–—>•*|]+$/g, '')
    .trim();
}

/** Splits a file of posts: posts are separated by a line of three or more dashes or equals signs. */
export function splitPosts(text: string): string[] {
  return text
    .split(/^\s*(?:-{3,}|={3,})\s*$/m)
    .map((p) => p.trim())
    .filter(Boolean);
}

// ---------------------------------------------------------------- posts

const VISA = /\b(F|J|H|B|L|O|E|K|M)-?(1|2|3|4)(B)?(?:\s*\/\s*(?:B-?)?2)?\b/i;
/** Cities that are also common names or words, so a mention is no evidence of the post. */
const AMBIGUOUS_CITIES = new Set(['hamilton', 'florence', 'washington', 'new york', 'u.s. domestic', 'victoria']);
const POST_ALIASES: [string, string][] = [
  ['delhi', 'NWD'],
  ['bombay', 'BMB'],
  ['madras', 'MDR'],
  ['calcutta', 'CLC'],
  ['saigon', 'HCM'],
  ['hcmc', 'HCM'],
  ['peking', 'BEJ'],
];
/** Every CEAC post by its city as people write it, longest first ("New Delhi" before "Delhi"). */
const POSTS: { re: RegExp; code: string }[] = [
  ...LOCATIONS.map((l) => [l.displayName.split(',')[0]!.trim().toLowerCase(), l.code] as [string, string]),
  ...POST_ALIASES,
]
  .filter(([city]) => !AMBIGUOUS_CITIES.has(city))
  .sort((a, b) => b[0].length - a[0].length)
  .map(([city, code]) => ({
    re: new RegExp(`\\b${city.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s*')}\\b`, 'i'),
    code,
  }));

/** The post mentioned first in the text (accents ignored: "Bogotá" is Bogota). */
function postOf(written: string): string | null {
  const text = written.normalize('NFD').replace(/\p{M}/gu, '');
  let best: { at: number; code: string } | null = null;
  for (const { re, code } of POSTS) {
    const m = re.exec(text);
    if (m && (!best || m.index < best.at)) best = { at: m.index, code };
  }
  return best?.code ?? null;
}

function visaClassOf(text: string): string | null {
  const m = VISA.exec(text);
  if (!m) return null;
  return visaClassOrAsWritten(m[0].includes('/') ? `${m[1]!}1/B2` : m[0]);
}

/** Turns each post of `text` into a timeline; posts without dated visa events give none. */
export function extractTimelines(text: string, options: ExtractOptions = {}): ExtractedTimeline[] {
  const posted = options.posted ?? new Date().toISOString().slice(0, 10);
  if (dayNumber(posted) === null) throw new RangeError(`posted date "${posted}" is not YYYY-MM-DD`);
  return splitPosts(text).flatMap((post) => {
    const t = extractOne(post, posted);
    return t ? [t] : [];
  });
}

/** Lines, sentences (not after "Oct."), and "…" separate clauses. */
const MONTH_ABBREVIATION = String.raw`\b(?:[Jj]an|[Ff]eb|[Mm]ar|[Aa]pr|[Jj]un|[Jj]ul|[Aa]ug|[Ss]ept?|[Oo]ct|[Nn]ov|[Dd]ec)\.`;
const SENTENCE_BREAK = new RegExp(
  [
    String.raw`\r?\n`,
    // A sentence ends at . ! ? before a capital or a digit, except "Oct. 14" (an abbreviated month and its day).
    String.raw`(?<=[.!?])\s+(?=[A-Z])`,
    String.raw`(?<!${MONTH_ABBREVIATION})(?<=[.!?])\s+(?=\d)`,
    String.raw`\s*;\s*`,
    String.raw`\s+(?:\.{3}|…)\s+`,
  ].join('|'),
);

/** What happens at an interview, so that a sentence dating the interview dates them too. */
const DATED_WITH = new Set<EventKind>(['slip_221g', 'documents_requested']);
/** A clause that only says it sent something ("Sent Oct 23", "submitted them"). */
const BARE_SENT =
  /^[\s,.:;-]*(?:i\s+|we\s+)?(?:sent|submitted|emailed|uploaded|replied)(?:\s+(?:them|it|all|back|everything))?[\s,.!:;-]*$/i;
/** "That was on", "It happened on": the sentence only dates the one before it. */
const THAT_WAS = /^\s*(?:that|it|this)\s+(?:was|happened|is)\b/i;
/** The words between two dates of one clause that add nothing ("and", "and again on", ","). */
const CONNECTOR_ONLY = /^[\s,&]*(?:(?:and|again|also|then|on|the)\b[\s,]*)*[\s.,)]*$/i;

function extractOne(post: string, posted: string): ExtractedTimeline | null {
  // `mention` indexes the date a reading belongs to; an undated line right after a dated one
  // ("Interview: 12/03" then "221g white slip, asked for CV") inherits that date, less surely.
  style = dateStyleOf(post);
  const found: { mention: number; text: string; readings: Reading[]; inherited: boolean }[] = [];
  const mentions: DateMention[] = [];
  // An undated sentence whose date the next one gives ("… a 221g slip at the interview. That was on July 7").
  let waiting: { text: string; readings: Reading[] } | null = null;
  for (const line of post.split(SENTENCE_BREAK)) {
    const cut = clauses(line);
    if (cut.length === 0) {
      // An undated line right after a dated one inherits its date, but only for what is told at the same moment
      // (a slip, a request, the passport): a status or a submission with no date of its own gets none, rather
      // than a neighbour's ("Status is AP now, not sure since when"; "I submitted the documents later").
      const all = classify(line);
      const readings = all.filter(
        (r) =>
          r.kind === 'slip_221g' ||
          r.kind === 'documents_requested' ||
          r.kind === 'passport_returned' ||
          /\bsame\s+day\b/i.test(line),
      );
      waiting = all.length ? { text: tidy(line), readings: all } : null;
      if (readings.length && mentions.length && !/\b(?:later|some\s+point|remember)\b/i.test(line)) {
        found.push({ mention: mentions.length - 1, text: tidy(line), readings, inherited: true });
      }
      continue;
    }
    let previous: Reading[] = [];
    for (const [i, clause] of cut.entries()) {
      let readings = classify(clause.words);
      if (!readings.length && i === 0 && waiting && THAT_WAS.test(clause.words)) {
        // The previous sentence's event, dated here; drop the neighbour's guess made for it.
        const told = waiting;
        const at = found.findIndex((f) => f.inherited && f.text === told.text);
        if (at >= 0) found.splice(at, 1);
        readings = told.readings;
      }
      // "… but I got 221g. Interview date Oct 20.": the sentence dates the same interview, so its slip too.
      if (
        i === 0 &&
        waiting &&
        readings.some((r) => r.kind !== 'status' && waiting?.readings.some((w) => w.kind === r.kind))
      ) {
        const told = waiting;
        const at = found.findIndex((f) => f.inherited && f.text === told.text);
        if (at >= 0) found.splice(at, 1);
        const more = told.readings.filter((w) => DATED_WITH.has(w.kind) && !readings.some((r) => r.kind === w.kind));
        readings = [...readings, ...more];
      }
      // A bare "Sent Oct 23" after a request for documents sends those documents.
      if (
        BARE_SENT.test(clause.words) &&
        found.some((f) => f.readings.some((r) => r.kind === 'documents_requested' || r.kind === 'slip_221g'))
      )
        readings = [{ kind: 'documents_submitted', certainty: 0.7 }];
      // "updated twice, on Sep 4 and Sep 18": a date with only a connector repeats the clause before it.
      if (!readings.length && i > 0 && CONNECTOR_ONLY.test(clause.words)) readings = previous;
      if (!readings.length) continue;
      previous = readings;
      mentions.push(clause.date);
      found.push({ mention: mentions.length - 1, text: clause.text, readings, inherited: false });
    }
    waiting = null;
  }
  if (found.length === 0) return null;
  const dates = resolveDates(mentions, posted);
  const events: ExtractedEvent[] = [];
  for (const f of found) {
    const resolved = dates[f.mention];
    // Nothing happened after the post was written ("3 weeks later" read from the wrong event).
    if (!resolved || resolved.date > posted) continue;
    for (const r of f.readings) {
      events.push({
        date: resolved.date,
        kind: r.kind,
        ...(r.status ? { status: r.status } : {}),
        ...(r.color ? { color: r.color } : {}),
        confidence: Math.round(resolved.certainty * r.certainty * (f.inherited ? 0.6 : 1) * 100) / 100,
        text: f.text,
      });
    }
  }
  const starts = events.some(
    (e) =>
      e.kind === 'slip_221g' ||
      (e.kind === 'status' && (e.status === 'refused' || e.status === 'administrative_processing')),
  );
  // One lone event is a remark, not a timeline, unless it is the start of a wait.
  if (events.length === 0 || (new Set(events.map((e) => e.date)).size < 2 && !starts)) return null;
  const lower = post.toLowerCase();
  const route: Route | null = /\bdrop\s*-?\s*box\b|\binterview\s+waiver\b|\biwp\b/.test(lower)
    ? 'dropbox'
    : /\binterview/.test(lower)
      ? 'interview'
      : null;
  const entry: Entry | null = /\brenew(?:al|ing)?\b/.test(lower)
    ? 'renewal'
    : /\bfirst[-\s]time\b|\bnew\s+(?:application|visa|case)\b|\b[a-z]-?\d[a-z]?,?\s+new\b/.test(lower)
      ? 'new'
      : null;
  return {
    visaClass: visaClassOf(post),
    post: postOf(post),
    route,
    entry,
    events,
    source: post,
  };
}

/**
 * Absolute dates for the mentions, in text order: years resolved backwards from the post date,
 * relative mentions from the event before them (or from the post date).
 */
function resolveDates(mentions: DateMention[], posted: string): ({ date: string; certainty: number } | null)[] {
  const postedDay = dayNumber(posted)!;
  const out: ({ date: string; certainty: number } | null)[] = mentions.map(() => null);
  // Backwards: the bound is the date of the next event (or the post) that is known.
  let bound = postedDay;
  for (let i = mentions.length - 1; i >= 0; i--) {
    const m = mentions[i]!;
    if (m.relative) {
      if (m.relative.from === 'posted') {
        const day = postedDay + m.relative.days;
        out[i] = { date: dateFromDayNumber(day), certainty: 0.85 };
        bound = Math.min(bound, day);
      }
      continue;
    }
    if (m.year !== null) {
      const day = dayNumber(isoOf(m.year, m.month, m.day));
      if (day === null) continue;
      out[i] = { date: dateFromDayNumber(day), certainty: m.certainty };
      bound = day;
      continue;
    }
    // Posts do not always tell events in order ("AP since Sep 12, after my interview on Sep 5"), so a date may
    // fall up to OUT_OF_ORDER_DAYS after the event told after it, never after the post.
    const limit = Math.min(postedDay, bound + OUT_OF_ORDER_DAYS);
    let year = new Date(limit * 86_400_000).getUTCFullYear();
    let day = dayNumber(isoOf(year, m.month, m.day));
    if (day !== null && day > limit) day = dayNumber(isoOf(--year, m.month, m.day));
    if (day === null) continue; // Feb 30 and the like
    out[i] = { date: dateFromDayNumber(day), certainty: m.certainty * 0.9 };
    bound = day;
  }
  // Forwards: "3 days later" counts from the event before it.
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    if (m.relative?.from !== 'previous') continue;
    const prev = out
      .slice(0, i)
      .reverse()
      .find((x) => x !== null);
    if (!prev) continue;
    out[i] = { date: addDays(prev.date, m.relative.days), certainty: Math.min(prev.certainty, 0.75) };
  }
  return out;
}

/** How far a year-less date may lie after the one told after it (about a season; a wait of a year is rare). */
const OUT_OF_ORDER_DAYS = 90;

function isoOf(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// ---------------------------------------------------------------- saving

const WAIT_STARTS = (e: ExtractedEvent) =>
  e.kind === 'slip_221g' ||
  (e.kind === 'status' && (e.status === 'refused' || e.status === 'administrative_processing'));

/**
 * The stored form of a confirmed extraction: the wait starts at the first 221(g) slip or
 * refusal/administrative-processing status; it ends at an issued/approved status after that, or
 * stays pending as of the post date.
 */
export function toStoredTimeline(
  t: ExtractedTimeline,
  options: ExtractOptions = {},
): { timeline: Timeline } | { reason: string } {
  const events = [...t.events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const start = events.find(WAIT_STARTS);
  if (!start) return { reason: 'no 221(g) slip or refusal date, so the wait has no start' };
  const end = events.find(
    (e) => e.date >= start.date && e.kind === 'status' && (e.status === 'issued' || e.status === 'approved'),
  );
  const lastDate = events[events.length - 1]!.date;
  const pendingUntil = options.posted && options.posted > lastDate ? options.posted : lastDate;
  const timeline: Timeline = {
    source: 'text',
    sourceKey: createHash('sha256')
      .update(`text|${t.source.replace(/\s+/g, ' ').trim()}`)
      .digest('base64url')
      .slice(0, 32),
    visaClass: t.visaClass,
    entry: t.entry,
    route: t.route,
    post: t.post,
    startDate: start.date,
    outcome: end ? 'issued' : 'pending',
    outcomeDate: end ? end.date : pendingUntil,
    events: events.map((e) => ({
      date: e.date,
      kind: e.kind,
      ...(e.status ? { status: e.status } : {}),
      ...(e.color ? { color: e.color } : {}),
    })),
  };
  return { timeline };
}
