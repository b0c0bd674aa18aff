import { validateCaseQuery } from '../../ceac/index.js';
import type { InputError } from '../../errors.js';
import { findLocation, searchLocations } from '../../knowledge/locations.js';
import { ENTRIES, OFFICER_SAID, PASSPORT_STATES, ROUTES, SLIP_COLORS } from '../../knowledge/types.js';
import { type CaseEdit, CaseEditSchema, type CaseView, type NewCase, NewCaseSchema } from '../../store/cases.js';
import type { FieldErrors } from '../pages/auth.js';
import { type CaseFormValues, EMPTY_CASE_FORM } from '../pages/cases.js';

/** Turns the case form into repository input, with every problem said in the words of the page. */

/** The form's label of each field of a case, for naming it in the page's words. */
const LABELS: Record<string, string> = {
  app: 'application type',
  caseNumber: 'case number',
  location: 'consulate',
  passport: 'passport number',
  surname: 'surname',
  label: 'label',
  group: 'group',
  'context.route': 'how you applied',
  'context.visaClass': 'visa class',
  'context.entry': 'first visa or renewal',
  'context.slip': '221(g) slip',
  'context.officer': 'what the officer said',
  'context.passport': 'passport kept or returned',
  'context.interviewDate': 'interview date',
};

/** An input error in the words of the case form: "passport number: …; consulate: …". */
export function describeFields(err: InputError): string {
  return err.fields.map((f) => `${LABELS[f.field] ?? f.field}: ${f.problem}`).join('; ');
}

/** The value when it is one of the list, else '' (not chosen). */
const oneOf = (list: readonly string[], value: string): string => (list.includes(value) ? value : '');

export function formValues(f: Record<string, string>): CaseFormValues {
  const s = (k: keyof CaseFormValues) => (f[k] ?? '').trim();
  return {
    app: s('app') === 'IV' ? 'IV' : 'NIV',
    location: s('location'),
    caseNumber: s('caseNumber'),
    passport: s('passport'),
    surname: s('surname'),
    label: s('label'),
    group: s('group'),
    route: oneOf(ROUTES, s('route')),
    visaClass: s('visaClass'),
    entry: oneOf(ENTRIES, s('entry')),
    interviewDate: s('interviewDate'),
    slip: oneOf(SLIP_COLORS, s('slip')),
    officer: oneOf(OFFICER_SAID, s('officer')),
    passportKept: oneOf(PASSPORT_STATES, s('passportKept')),
    share: f.share === 'yes',
  };
}

export function valuesOf(c: CaseView): CaseFormValues {
  return {
    ...EMPTY_CASE_FORM,
    app: c.app,
    location: c.location ?? '',
    caseNumber: c.caseNumber,
    label: c.label ?? '',
    group: c.group ?? '',
    route: c.context.route ?? '',
    visaClass: c.context.visaClass ?? '',
    entry: c.context.entry ?? '',
    interviewDate: c.context.interviewDate ?? '',
    slip: c.context.slip ?? '',
    officer: c.context.officer ?? '',
    passportKept: c.context.passport ?? '',
    share: c.shareTimeline,
  };
}

/** A CEAC location code for what the person typed ("Mumbai", "BMB", "INDIA, MUMBAI"), or the reason there is none. */
export function resolveLocation(text: string): { code: string } | { error: string } {
  const found = findLocation(text);
  if (found) return { code: found.code };
  const candidates = searchLocations(text, 5);
  if (candidates.length > 1) {
    return {
      error: `“${text}” fits several consulates: ${candidates.map((l) => `${l.displayName} (${l.code})`).join(', ')}. Pick one of them.`,
    };
  }
  if (candidates.length === 1) return { code: candidates[0]!.code };
  return { error: `We do not know the consulate “${text}”. Type its city (e.g. Mumbai) or its CEAC code (e.g. BMB).` };
}

const FRIENDLY: Record<string, string> = {
  location: 'Choose the embassy or consulate: CEAC needs it for nonimmigrant cases.',
  passport: 'Enter the passport number: CEAC needs it for nonimmigrant cases.',
  surname: 'Enter the surname (at least its first five letters): CEAC needs it for nonimmigrant cases.',
};

function fieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const i of issues) {
    const path = i.path.map(String);
    const field = path[0] === 'context' ? (path[1] ?? 'form') : (path[0] ?? 'form');
    out[field] ??= i.message.charAt(0).toUpperCase() + i.message.slice(1) + '.';
  }
  return out;
}

const sentence = (m: string) => m.charAt(0).toUpperCase() + m.slice(1) + (/[.?!]$/.test(m) ? '' : '.');

/**
 * The CEAC client's own checks of what the form will send (the ones a check would fail on), as
 * field messages: the same words whether the case is added here, by the API or by the CLI.
 */
export function queryErrors(q: {
  app: string;
  location?: string | undefined;
  caseNumber: string;
  passport?: string | undefined;
  surname?: string | undefined;
}): FieldErrors {
  const r = validateCaseQuery({
    app: q.app,
    id: q.caseNumber,
    ...(q.location && { location: q.location }),
    ...(q.passport && { passport: q.passport }),
    ...(q.surname && { surname: q.surname }),
  });
  const out: FieldErrors = {};
  if (!r.ok) for (const e of r.errors) out[e.field === 'id' ? 'caseNumber' : e.field] ??= sentence(e.message);
  return out;
}

function context(v: CaseFormValues) {
  return {
    ...(v.route && { route: v.route as 'dropbox' | 'interview' }),
    ...(v.visaClass && { visaClass: v.visaClass }),
    ...(v.entry && { entry: v.entry as 'new' | 'renewal' }),
    ...(v.interviewDate && { interviewDate: v.interviewDate }),
    ...(v.slip && { slip: v.slip as 'white' | 'pink' | 'yellow' | 'blue' | 'green' | 'other' }),
    ...(v.officer && { officer: v.officer as 'approved' | 'refused' | '221g' | 'none' }),
    ...(v.passportKept && { passport: v.passportKept as 'kept' | 'returned' }),
  };
}

export function toNewCase(v: CaseFormValues, ownerId: number): { input: NewCase } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  let location: string | undefined;
  if (v.location) {
    const r = resolveLocation(v.location);
    if ('error' in r) errors.location = r.error;
    else location = r.code;
  }
  if (!v.caseNumber) errors.caseNumber = 'Enter the case number, e.g. AA0012AB34.';
  const fromClient = queryErrors({
    app: v.app,
    location: location ?? (errors.location ? undefined : v.location),
    caseNumber: v.caseNumber,
    passport: v.passport,
    surname: v.surname,
  });
  for (const [k, m] of Object.entries(fromClient)) if (k !== 'location' || !errors.location) errors[k] ??= m;
  if (v.app === 'NIV')
    for (const k of ['location', 'passport', 'surname'] as const) if (!v[k]) errors[k] ??= FRIENDLY[k];
  const input: NewCase = {
    ownerId,
    app: v.app as 'NIV' | 'IV',
    caseNumber: v.caseNumber,
    ...(location && { location }),
    ...(v.passport && { passport: v.passport }),
    ...(v.surname && { surname: v.surname }),
    ...(v.label && { label: v.label }),
    ...(v.group && { group: v.group }),
    context: context(v),
    shareTimeline: v.share,
  };
  const parsed = NewCaseSchema.safeParse(input);
  if (!parsed.success) Object.assign(errors, { ...fieldErrors(parsed.error.issues), ...errors });
  return Object.keys(errors).length ? { errors } : { input };
}

export function toCaseEdit(v: CaseFormValues, current: CaseView): { patch: CaseEdit } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const patch: CaseEdit = {
    label: v.label || null,
    group: v.group || null,
    context: context(v),
    shareTimeline: v.share,
  };
  if (v.location && v.location !== current.location) {
    const r = resolveLocation(v.location);
    if ('error' in r) errors.location = r.error;
    else patch.location = r.code;
  }
  if (v.passport) patch.passport = v.passport;
  if (v.surname) patch.surname = v.surname;
  const parsed = CaseEditSchema.safeParse(patch);
  if (!parsed.success) Object.assign(errors, { ...fieldErrors(parsed.error.issues), ...errors });
  return Object.keys(errors).length ? { errors } : { patch };
}
