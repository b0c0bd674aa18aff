import { findLocation, searchLocations } from '../../knowledge/locations.js';
import { CaseEditSchema, NewCaseSchema, type CaseView, type NewCase, type CaseEdit } from '../../store/cases.js';
import type { FieldErrors } from '../pages/auth.js';
import { EMPTY_CASE_FORM, type CaseFormValues } from '../pages/cases.js';

/** Turns the case form into repository input, with every problem said in the words of the page. */

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
    route: ['dropbox', 'interview'].includes(s('route')) ? s('route') : '',
    visaClass: s('visaClass'),
    entry: ['new', 'renewal'].includes(s('entry')) ? s('entry') : '',
    interviewDate: s('interviewDate'),
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
    share: c.shareTimeline,
  };
}

/** A CEAC location code for what the person typed ("Mumbai", "BMB", "INDIA, MUMBAI"), or the reason there is none. */
export function resolveLocation(text: string): { code: string } | { error: string } {
  const found = findLocation(text);
  if (found) return { code: found.code };
  const candidates = searchLocations(text, 5);
  if (candidates.length > 1) {
    return { error: `“${text}” fits several consulates: ${candidates.map((l) => `${l.displayName} (${l.code})`).join(', ')}. Pick one of them.` };
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
    const msg = /needs --/.test(i.message) ? (FRIENDLY[field] ?? i.message) : i.message.charAt(0).toUpperCase() + i.message.slice(1) + '.';
    out[field] ??= msg;
  }
  return out;
}

function context(v: CaseFormValues) {
  return {
    ...(v.route && { route: v.route as 'dropbox' | 'interview' }),
    ...(v.visaClass && { visaClass: v.visaClass }),
    ...(v.entry && { entry: v.entry as 'new' | 'renewal' }),
    ...(v.interviewDate && { interviewDate: v.interviewDate }),
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
  if (v.app === 'NIV') for (const k of ['location', 'passport', 'surname'] as const) if (!v[k]) errors[k] ??= FRIENDLY[k];
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
  const patch: CaseEdit = { label: v.label || null, group: v.group || null, context: context(v), shareTimeline: v.share };
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
