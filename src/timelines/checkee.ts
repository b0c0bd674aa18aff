/**
 * Importer for checkee.info data: the historical CSV (UserName, VisaType, ..., CheckDate,
 * CompleteDate) and live exports (CSV or JSONL: visa_type, consulate, status, check_date,
 * complete_date 0000-00-00 while pending). Columns are found by name, not position.
 *
 * Pure: text in, timelines plus a report out. Nicknames are read only to recognise the same person
 * posting twice, hashed into the dedupe key together with the case's dates, and never kept.
 *
 * Censoring rule for pending rows ("the wall" of abandoned cases): a pending case is censored at the
 * last date it is known to have been pending: its own last-update date when the export has one
 * (update_date / last_update), otherwise the export date (--as-of, or check_date + observed_days
 * when the export states how long each case had been pending). Never at a later date: a case that
 * nobody updated for a year must not count as a year of observed waiting past its last update.
 */
import { createHash } from 'node:crypto';

import { AppError } from '../errors.js';
import { type Msg, msg } from '../i18n/catalog.js';
import { english } from '../i18n/translator.js';
import { normaliseVisaClass, visaClassOrAsWritten } from '../knowledge/visa-classes.js';
import { readCsv } from './csv.js';
import { dayNumber, type Entry, type Outcome, type Timeline } from './model.js';
import { postFromCheckee } from './posts.js';

export interface ImportOptions {
  /** The export date (YYYY-MM-DD): pending rows without a last-update date are censored here. */
  asOf?: string;
}

export interface RowError {
  line: number;
  /** What is wrong with the row, in English, and as a message for the reader's language. */
  message: string;
  words: Msg;
}

export interface CheckeeImport {
  /** One per distinct case, duplicates removed. */
  timelines: Timeline[];
  rows: number;
  duplicates: number;
  errors: RowError[];
  /** What the source leaves out, in English words, and as codes any language can word (importWarningWords). */
  warnings: string[];
  warningCodes: ImportWarning[];
  counts: { decided: number; pending: number; refused: number };
}

/** Canonical column -> the header names it goes by (lower case, non-letters removed). */
const COLUMNS = {
  nickname: ['username', 'nickname', 'user'],
  visaType: ['visatype', 'visa'],
  entry: ['visaentry', 'entry'],
  consulate: ['city', 'consulate', 'location'],
  status: ['visastatus', 'status'],
  checkDate: ['checkdate'],
  completeDate: ['completedate'],
  lastUpdate: ['updatedate', 'lastupdate', 'lastupdated', 'updated', 'updatedat'],
  observedDays: ['observeddays'],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: readonly Column[] = ['visaType', 'consulate', 'status', 'checkDate', 'completeDate'];

function squash(name: string): string {
  return name.toLowerCase().replace(/[^a-z]/g, '');
}

export class CheckeeFormatError extends AppError {
  override name = 'CheckeeFormatError';
  override readonly code = 'checkee_format';
}

/** Where each column sits, from a header row (CSV) or an object's keys (JSONL). */
function locate(names: readonly string[]): Partial<Record<Column, string>> {
  const found: Partial<Record<Column, string>> = {};
  const squashed = new Map(names.map((n) => [squash(n), n]));
  for (const [column, aliases] of Object.entries(COLUMNS) as [Column, readonly string[]][]) {
    for (const alias of aliases) {
      const name = squashed.get(alias);
      if (name !== undefined) {
        found[column] = name;
        break;
      }
    }
  }
  return found;
}

function missingColumns(found: Partial<Record<Column, string>>): Column[] {
  return REQUIRED.filter((c) => found[c] === undefined);
}

type Row = Partial<Record<Column, string>>;

/** Reads a checkee CSV or JSONL export (the format is told by the first character). */
export function importCheckee(text: string, options: ImportOptions = {}): CheckeeImport {
  if (options.asOf !== undefined && dayNumber(options.asOf) === null) {
    throw new CheckeeFormatError(`--as-of "${options.asOf}" is not a date: use YYYY-MM-DD`);
  }
  const trimmed = text.trimStart().replace(/^\ufeff/, '');
  const rows = trimmed.startsWith('{') ? jsonlRows(text) : csvRows(text);
  return collect(rows, options);
}

function* csvRows(text: string): Generator<{ line: number; row?: Row; error?: Msg }> {
  const records = readCsv(text);
  const header = records.next();
  if (header.done) throw new CheckeeFormatError('the file is empty: expected a header row and one row per case');
  const names = header.value.fields;
  const found = locate(names);
  const missing = missingColumns(found);
  if (missing.length) {
    throw new CheckeeFormatError(
      `the header has no ${missing.join(', ')} column (found: ${names.filter(Boolean).join(', ')}); ` +
        'expected checkee columns such as VisaType, City/consulate, VisaStatus, CheckDate, CompleteDate',
    );
  }
  const index = Object.fromEntries(Object.entries(found).map(([c, name]) => [c, names.indexOf(name)])) as Record<
    Column,
    number
  >;
  for (const record of records) {
    if (record.fields.length !== names.length) {
      yield {
        line: record.line,
        error: msg('import.row.misaligned', { expected: names.length, found: record.fields.length }),
      };
      continue;
    }
    const row: Row = {};
    for (const [c, at] of Object.entries(index) as [Column, number][]) row[c] = record.fields[at];
    yield { line: record.line, row };
  }
}

function* jsonlRows(text: string): Generator<{ line: number; row?: Row; error?: Msg }> {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const source = lines[i]!.trim();
    if (!source) continue;
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch {
      yield { line: i + 1, error: msg('import.row.notJson') };
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      yield { line: i + 1, error: msg('import.row.notObject') };
      continue;
    }
    const object = value as Record<string, unknown>;
    const found = locate(Object.keys(object));
    const missing = missingColumns(found);
    if (missing.length) {
      yield { line: i + 1, error: msg('import.row.missing', { fields: missing.join(', ') }) };
      continue;
    }
    const row: Row = {};
    for (const [c, key] of Object.entries(found) as [Column, string][]) {
      const v = object[key];
      row[c] = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
    }
    yield { line: i + 1, row };
  }
}

const STATUS: Record<string, Outcome> = {
  clear: 'cleared',
  cleared: 'cleared',
  reject: 'refused',
  rejected: 'refused',
  pending: 'pending',
};
const ENTRY: Record<string, Entry> = { new: 'new', renewal: 'renewal', renew: 'renewal' };

/** Turns one row into a timeline plus the key that recognises the same case, or says what is wrong. */
export function checkeeRowToTimeline(
  row: Row,
  options: ImportOptions,
): { timeline: Timeline; identity: string } | { error: Msg } {
  const visaClass = (row.visaType ?? '').trim().toUpperCase();
  // Any spelling the one normaliser reads ("H-1B", "h 1b", "B1/B2"), as every other import path accepts.
  if (normaliseVisaClass(visaClass) === null)
    return { error: msg('import.row.visaType', { value: clip(row.visaType) }) };
  const statusWord = (row.status ?? '').trim().toLowerCase();
  const outcome = STATUS[statusWord];
  if (!outcome) return { error: msg('import.row.status', { value: clip(row.status) }) };
  const checkDate = (row.checkDate ?? '').trim();
  const start = dayNumber(checkDate);
  if (start === null) return { error: msg('import.row.checkDate', { value: clip(row.checkDate) }) };
  const entryWord = (row.entry ?? '').trim().toLowerCase();
  const entry = entryWord ? ENTRY[entryWord] : null;
  if (entry === undefined) return { error: msg('import.row.entry', { value: clip(row.entry) }) };
  const completeDate = (row.completeDate ?? '').trim();
  let outcomeDate: string;
  if (outcome === 'pending') {
    const censored = censoringDate(row, checkDate, options);
    if ('error' in censored) return censored;
    outcomeDate = censored.date;
  } else {
    const end = dayNumber(completeDate);
    if (end === null) return { error: msg('import.row.completeDate', { value: clip(row.completeDate) }) };
    if (end < start) return { error: msg('import.row.completeBeforeCheck', { completeDate, checkDate }) };
    outcomeDate = completeDate;
  }
  const post = postFromCheckee(row.consulate ?? '');
  const nickname = (row.nickname ?? '').trim().toLowerCase();
  // Without a nickname two different people could share the rest, so the whole row must match.
  const identity = nickname
    ? `${nickname}|${visaClass}|${checkDate}|${post ?? ''}`
    : `|${visaClass}|${checkDate}|${post ?? ''}|${entry ?? ''}|${statusWord}|${completeDate}`;
  const timeline: Timeline = {
    source: 'checkee',
    sourceKey: createHash('sha256').update(`checkee|${identity}`).digest('base64url').slice(0, 32),
    // Stored and grouped in one spelling (F-1 = F1); the identity above keeps the source's, so re-imports match.
    visaClass: visaClassOrAsWritten(visaClass),
    entry,
    // Checkee does not say whether the case went through an interview or the dropbox.
    route: null,
    post,
    startDate: checkDate,
    outcome,
    outcomeDate,
    events: [],
  };
  return { timeline, identity };
}

/** The rule of the module comment: last update, else export date, never past either. */
function censoringDate(row: Row, checkDate: string, options: ImportOptions): { date: string } | { error: Msg } {
  const start = dayNumber(checkDate)!;
  const candidates: number[] = [];
  const lastUpdate = (row.lastUpdate ?? '').trim();
  if (lastUpdate && lastUpdate !== '0000-00-00') {
    const d = dayNumber(lastUpdate.slice(0, 10));
    if (d === null) return { error: msg('import.row.lastUpdate', { value: clip(row.lastUpdate) }) };
    candidates.push(d);
  }
  if (options.asOf) candidates.push(dayNumber(options.asOf)!);
  const observed = (row.observedDays ?? '').trim();
  if (observed && /^\d+$/.test(observed)) candidates.push(start + Number(observed));
  if (candidates.length === 0) {
    return { error: msg('import.row.noExportDate') };
  }
  const at = Math.min(...candidates);
  if (at < start) return { error: msg('import.row.afterExport', { checkDate }) };
  return { date: new Date(at * 86_400_000).toISOString().slice(0, 10) };
}

function clip(value: string | undefined): string {
  const v = (value ?? '').trim();
  return v.length > 40 ? `${v.slice(0, 40)}…` : v;
}

function collect(rows: Iterable<{ line: number; row?: Row; error?: Msg }>, options: ImportOptions): CheckeeImport {
  const byIdentity = new Map<string, Timeline>();
  const errors: RowError[] = [];
  let count = 0;
  let duplicates = 0;
  for (const { line, row, error } of rows) {
    count++;
    if (error || !row) {
      const words = error ?? msg('import.row.unreadable');
      errors.push({ line, message: english(words), words });
      continue;
    }
    const result = checkeeRowToTimeline(row, options);
    if ('error' in result) {
      errors.push({ line, message: english(result.error), words: result.error });
      continue;
    }
    const seen = byIdentity.get(result.identity);
    if (seen) {
      duplicates++;
      // The same person posting the same case twice: keep the more informative row (a decision
      // beats a stale pending row; otherwise the later news).
      if (isBetter(result.timeline, seen)) byIdentity.set(result.identity, result.timeline);
      continue;
    }
    byIdentity.set(result.identity, result.timeline);
  }
  const timelines = [...byIdentity.values()];
  const pending = timelines.filter((t) => t.outcome === 'pending').length;
  const refused = timelines.filter((t) => t.outcome === 'refused').length;
  const warningCodes: ImportWarning[] = [];
  if (timelines.length > 0 && pending === 0) warningCodes.push('only_finished');
  if (timelines.length > 0 && refused === 0) warningCodes.push('no_refused');
  const warnings = warningCodes.map((c) => english(importWarningWords(c)));
  return {
    timelines,
    rows: count,
    duplicates,
    errors,
    warnings,
    warningCodes,
    counts: { decided: timelines.length - pending, pending, refused },
  };
}

/** Whether a newer report of the same case should replace the one we hold. */
export function isBetter(candidate: Timeline, current: Timeline): boolean {
  const decided = (t: Timeline) => t.outcome !== 'pending';
  if (decided(candidate) !== decided(current)) return decided(candidate);
  return candidate.outcomeDate > current.outcomeDate;
}

/** What an imported source leaves out. */
export type ImportWarning = 'only_finished' | 'no_refused';

export function importWarningWords(w: ImportWarning): Msg {
  return w === 'only_finished' ? msg('import.warning.only_finished') : msg('import.warning.no_refused');
}
