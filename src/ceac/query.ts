import { type Msg, msg } from '../i18n/catalog.js';
import { english } from '../i18n/translator.js';
import { findLocation, searchLocations } from '../knowledge/locations.js';

/** What identifies one case on the CEAC status form. */
export interface CaseQuery {
  app: 'NIV' | 'IV';
  /** CEAC location code, NIV only. */
  location?: string;
  id: string;
  passport?: string;
  surname?: string;
}

/** One problem with a query: the field, what is wrong in the reader's words (`words`), and in English (`message`). */
export interface QueryProblem {
  field: string;
  message: string;
  words: Msg;
}

export type QueryValidation = { ok: true; query: CaseQuery } | { ok: false; errors: QueryProblem[] };

const NIV_ID = /^AA[A-Z0-9]{8}$/;
const IV_CASE = /^[A-Z]{3}\d{10}$/;
const DV_CASE = /^(\d{4})(AF|AS|EU|NA|OC|SA)(\d{1,10})$/;

const NIV_HELP = msg('ceac.query.nivHelp');
const IV_HELP = msg('ceac.query.ivHelp');

const problem = (field: string, words: Msg): QueryProblem => ({ field, message: english(words), words });

/** Case numbers as CEAC compares them: upper case, no spaces or dashes. */
export function compactId(id: string): string {
  return id.replace(/[\s-]+/g, '').toUpperCase();
}

/** DV numbers are sent without the zeros after the region (2019AF000012345 -> 2019AF12345). */
export function normaliseCaseNumber(id: string): string {
  const s = compactId(id);
  const dv = DV_CASE.exec(s) ?? /^(\d{4})([A-Z]{2})(\d+)$/.exec(s);
  return dv ? `${dv[1]}${dv[2]}${String(Number(dv[3]))}` : s;
}

/** True when two case numbers name the same case (case, spaces and DV zeros ignored). */
export function sameCaseNumber(a: string, b: string): boolean {
  return normaliseCaseNumber(a) === normaliseCaseNumber(b);
}

/** The first five letters of a surname, as the form takes them; "NA" stays "NA" (pre-2022 cases). */
export function surnameForForm(surname: string): string {
  return surname
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z]/g, '')
    .toUpperCase()
    .slice(0, 5);
}

function text(input: Record<string, unknown>, key: string): string | undefined {
  const v = input[key];
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
}

/**
 * Checks and normalises a case query before any request is made. Every problem is reported, each
 * with what a good value looks like; no message repeats the passport number or the surname.
 */
export function validateCaseQuery(input: Record<string, unknown>): QueryValidation {
  const errors: QueryProblem[] = [];
  for (const field of ['app', 'location', 'id', 'passport', 'surname']) {
    const v = input[field];
    if (v !== undefined && v !== null && typeof v !== 'string')
      errors.push(problem(field, msg('ceac.query.notText', { field })));
  }
  const appText = text(input, 'app')?.toUpperCase();
  const app = appText === 'NIV' || appText === 'IV' ? appText : undefined;
  if (!app) errors.push(problem('app', msg('ceac.query.app')));

  const rawId = text(input, 'id');
  let id: string | undefined;
  if (!rawId) {
    errors.push(problem('id', msg('ceac.query.idMissing', { help: app === 'IV' ? IV_HELP : NIV_HELP })));
  } else {
    const c = compactId(rawId);
    const looksNiv = NIV_ID.test(c);
    const looksIv = IV_CASE.test(c) || DV_CASE.test(c);
    if (app === 'NIV') {
      if (looksNiv) id = c;
      else if (looksIv) errors.push(problem('id', msg('ceac.query.looksIv')));
      else errors.push(problem('id', msg('ceac.query.notNiv', { value: rawId.slice(0, 20), help: NIV_HELP })));
    } else if (app === 'IV') {
      if (looksIv) id = normaliseCaseNumber(c);
      else if (looksNiv) errors.push(problem('id', msg('ceac.query.looksNiv')));
      else errors.push(problem('id', msg('ceac.query.notIv', { value: rawId.slice(0, 20), help: IV_HELP })));
    }
  }

  const rawLocation = text(input, 'location');
  let location: string | undefined;
  if (app === 'NIV') {
    if (!rawLocation) {
      errors.push(problem('location', msg('ceac.query.locationMissing')));
    } else {
      const found = findLocation(rawLocation);
      if (found) location = found.code;
      else {
        const guesses = searchLocations(rawLocation, 4).map((l) => `${l.displayName} (${l.code})`);
        const value = rawLocation.slice(0, 40);
        errors.push(
          problem(
            'location',
            guesses.length
              ? msg('ceac.query.locationGuess', { value, guesses: guesses.join(', ') })
              : msg('ceac.query.locationUnknown', { value }),
          ),
        );
      }
    }
  } else if (app === 'IV' && rawLocation) {
    errors.push(problem('location', msg('ceac.query.ivLocation')));
  }

  const rawPassport = text(input, 'passport');
  let passport: string | undefined;
  if (rawPassport !== undefined) {
    const p = compactId(rawPassport);
    if (/^[A-Z0-9]{2,20}$/.test(p)) passport = p;
    else errors.push(problem('passport', msg('ceac.query.passport')));
  }

  const rawSurname = text(input, 'surname');
  let surname: string | undefined;
  if (rawSurname !== undefined) {
    const s = surnameForForm(rawSurname);
    if (/\d/.test(rawSurname) || s.length === 0) {
      errors.push(problem('surname', msg('ceac.query.surname')));
    } else surname = s;
  }

  if (errors.length || !app || !id) return { ok: false, errors };
  const query: CaseQuery = { app, id };
  if (location) query.location = location;
  if (passport) query.passport = passport;
  if (surname) query.surname = surname;
  return { ok: true, query };
}
