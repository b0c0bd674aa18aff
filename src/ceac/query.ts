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

export type QueryValidation =
  { ok: true; query: CaseQuery } | { ok: false; errors: { field: string; message: string }[] };

const NIV_ID = /^AA[A-Z0-9]{8}$/;
const IV_CASE = /^[A-Z]{3}\d{10}$/;
const DV_CASE = /^(\d{4})(AF|AS|EU|NA|OC|SA)(\d{1,10})$/;

const NIV_HELP =
  'an NIV application ID is 10 letters and digits starting with AA, e.g. AA0020AKAX (from the DS-160 confirmation page)';
const IV_HELP =
  'an IV case number is a 3-letter post code and 10 digits, e.g. LMA2020656002, or a DV number: fiscal year, region and digits, e.g. 2023EU0012345';

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
  const errors: { field: string; message: string }[] = [];
  for (const field of ['app', 'location', 'id', 'passport', 'surname']) {
    const v = input[field];
    if (v !== undefined && v !== null && typeof v !== 'string')
      errors.push({ field, message: `${field} must be text` });
  }
  const appText = text(input, 'app')?.toUpperCase();
  const app = appText === 'NIV' || appText === 'IV' ? appText : undefined;
  if (!app)
    errors.push({
      field: 'app',
      message: 'the application type must be NIV (nonimmigrant visa) or IV (immigrant visa, including DV)',
    });

  const rawId = text(input, 'id');
  let id: string | undefined;
  if (!rawId) {
    errors.push({
      field: 'id',
      message: `the application ID or case number is missing: ${app === 'IV' ? IV_HELP : NIV_HELP}`,
    });
  } else {
    const c = compactId(rawId);
    const looksNiv = NIV_ID.test(c);
    const looksIv = IV_CASE.test(c) || DV_CASE.test(c);
    if (app === 'NIV') {
      if (looksNiv) id = c;
      else if (looksIv)
        errors.push({
          field: 'id',
          message: 'this looks like an immigrant visa case number: use the application type IV',
        });
      else errors.push({ field: 'id', message: `"${rawId.slice(0, 20)}" is not an NIV application ID: ${NIV_HELP}` });
    } else if (app === 'IV') {
      if (looksIv) id = normaliseCaseNumber(c);
      else if (looksNiv)
        errors.push({
          field: 'id',
          message: 'this looks like an NIV application ID (starts with AA): use the application type NIV',
        });
      else errors.push({ field: 'id', message: `"${rawId.slice(0, 20)}" is not an IV case number: ${IV_HELP}` });
    }
  }

  const rawLocation = text(input, 'location');
  let location: string | undefined;
  if (app === 'NIV') {
    if (!rawLocation) {
      errors.push({
        field: 'location',
        message:
          'an NIV check needs the location (consulate) of the application: a CEAC code such as BMB, or a name such as "INDIA, MUMBAI" or "Mumbai"',
      });
    } else {
      const found = findLocation(rawLocation);
      if (found) location = found.code;
      else {
        const guesses = searchLocations(rawLocation, 4).map((l) => `${l.displayName} (${l.code})`);
        errors.push({
          field: 'location',
          message:
            `"${rawLocation.slice(0, 40)}" is not one CEAC location` +
            (guesses.length
              ? `; did you mean ${guesses.join(', ')}?`
              : ': use a CEAC code such as BMB or a city such as "Mumbai"'),
        });
      }
    }
  } else if (app === 'IV' && rawLocation) {
    errors.push({ field: 'location', message: 'IV cases are checked without a location: leave it out' });
  }

  const rawPassport = text(input, 'passport');
  let passport: string | undefined;
  if (rawPassport !== undefined) {
    const p = compactId(rawPassport);
    if (/^[A-Z0-9]{2,20}$/.test(p)) passport = p;
    else
      errors.push({
        field: 'passport',
        message:
          'the passport number must be 2 to 20 letters and digits as printed in the passport (or NA for applications before 2022)',
      });
  }

  const rawSurname = text(input, 'surname');
  let surname: string | undefined;
  if (rawSurname !== undefined) {
    const s = surnameForForm(rawSurname);
    if (/\d/.test(rawSurname) || s.length === 0) {
      errors.push({
        field: 'surname',
        message:
          'the surname must be written in Latin letters as in the passport (only the first 5 letters are sent; NA for applications before 2022)',
      });
    } else surname = s;
  }

  if (errors.length || !app || !id) return { ok: false, errors };
  const query: CaseQuery = { app, id };
  if (location) query.location = location;
  if (passport) query.passport = passport;
  if (surname) query.surname = surname;
  return { ok: true, query };
}
