import { validateCaseQuery } from '../../ceac/index.js';
import { parseIsoDate } from '../../decode/dates.js';
import { type InputError, isRequired } from '../../errors.js';
import type { MessageKey } from '../../i18n/catalog.js';
import { english, type Translator } from '../../i18n/translator.js';
import { findLocation, searchLocations } from '../../knowledge/locations.js';
import { ENTRIES, OFFICER_SAID, PASSPORT_STATES, ROUTES, SLIP_COLORS } from '../../knowledge/types.js';
import { type CaseEdit, CaseEditSchema, type CaseView, type NewCase, NewCaseSchema } from '../../store/cases.js';
import { t, translator } from '../language.js';
import type { FieldErrors } from '../pages/auth.js';
import { type CaseFormValues, EMPTY_CASE_FORM } from '../pages/cases.js';

/** Turns the case form into repository input, with every problem said in the words of the page. */

/** The form's label of each field of a case, for naming it in the page's words. */
const LABELS: Readonly<Record<string, MessageKey>> = {
  app: 'cases.field.app',
  caseNumber: 'cases.field.caseNumber',
  location: 'cases.field.location',
  passport: 'cases.field.passport',
  surname: 'cases.field.surname',
  label: 'cases.field.label',
  group: 'cases.field.group',
  'context.route': 'cases.field.route',
  'context.visaClass': 'cases.field.visaClass',
  'context.entry': 'cases.field.entry',
  'context.slip': 'cases.field.slip',
  'context.officer': 'cases.field.officer',
  'context.passport': 'cases.field.passportKept',
  'context.interviewDate': 'cases.field.interviewDate',
  'context.slipDate': 'cases.field.slipDate',
  'context.documentsDate': 'cases.field.documentsDate',
};

/**
 * What each field must look like, in the page's words: said instead of the English of the layer that found the
 * problem (the store's schema, the CEAC client's checks) when the page is in another language.
 */
const EXPECTED: Readonly<Record<string, MessageKey>> = {
  app: 'cases.expected.app',
  caseNumber: 'cases.expected.caseNumber',
  passport: 'cases.expected.passport',
  surname: 'cases.expected.surname',
  location: 'cases.expected.location',
  label: 'cases.expected.name',
  group: 'cases.expected.name',
  visaClass: 'cases.expected.visaClass',
  interviewDate: 'cases.expected.date',
  slipDate: 'cases.expected.date',
  documentsDate: 'cases.expected.date',
  route: 'cases.expected.choice',
  entry: 'cases.expected.choice',
  slip: 'cases.expected.choice',
  officer: 'cases.expected.choice',
  passportKept: 'cases.expected.choice',
};

/** A problem with a field (by its form name), in the page's language: the English as found, else what is expected. */
function problemIn(field: string, said: string, tr: Translator = translator()): string {
  if (tr.language === 'en') return said;
  const key = EXPECTED[field === 'context.passport' ? 'passportKept' : field.replace(/^context\./, '')];
  return key ? tr.text(key) : said;
}

/** An input error in the words of the case form: "passport number: …; consulate: …". */
export function describeFields(err: InputError): string {
  return err.fields
    .map((f) => {
      const label = LABELS[f.field];
      const problem = isRequired(f) ? friendly(f.field) : undefined;
      return t('cases.field.problem', {
        field: label ? t(label) : f.field,
        problem: translator().language === 'en' ? f.problem : (problem ?? problemIn(f.field, f.problem)),
      });
    })
    .join(t('cases.field.separator'));
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
    slipDate: s('slipDate'),
    documentsDate: s('documentsDate'),
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
    slipDate: c.context.slipDate ?? '',
    documentsDate: c.context.documentsDate ?? '',
    officer: c.context.officer ?? '',
    passportKept: c.context.passport ?? '',
    share: c.shareTimeline,
  };
}

/**
 * A CEAC location code for what the person typed ("Mumbai", "BMB", "INDIA, MUMBAI"), or the reason there is none,
 * in `tr`'s language (English unless a page asks: the API speaks English).
 */
export function resolveLocation(text: string, tr: Translator = english): { code: string } | { error: string } {
  const found = findLocation(text);
  if (found) return { code: found.code };
  const candidates = searchLocations(text, 5);
  if (candidates.length > 1) {
    return {
      error: tr.text('cases.location.several', {
        text,
        candidates: candidates.map((l) => `${l.displayName} (${l.code})`).join(', '),
      }),
    };
  }
  if (candidates.length === 1) return { code: candidates[0]!.code };
  return { error: tr.text('cases.location.unknown', { text }) };
}

const FRIENDLY: Readonly<Record<string, MessageKey>> = {
  location: 'cases.missing.location',
  passport: 'cases.missing.passport',
  surname: 'cases.missing.surname',
};
const friendly = (field: string): string | undefined => {
  const key = FRIENDLY[field];
  return key ? t(key) : undefined;
};

function fieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const i of issues) {
    const path = i.path.map(String);
    const field = path[0] === 'context' ? (path[1] ?? 'form') : (path[0] ?? 'form');
    out[field] ??= problemIn(field, i.message.charAt(0).toUpperCase() + i.message.slice(1) + '.');
  }
  return out;
}

/** A message as a sentence: a capital and a full stop (the Chinese one after Chinese text). */
const sentence = (m: string) =>
  m.charAt(0).toUpperCase() + m.slice(1) + (/[.?!。？！]$/.test(m) ? '' : /[\u4e00-\u9fff]/.test(m) ? '。' : '.');

/**
 * The CEAC client's own checks of what the form will send (the ones a check would fail on), as
 * field messages: the same words whether the case is added here, by the API or by the CLI.
 */
export function queryErrors(
  q: {
    app: string;
    location?: string | undefined;
    caseNumber: string;
    passport?: string | undefined;
    surname?: string | undefined;
  },
  tr: Translator = english,
): FieldErrors {
  const r = validateCaseQuery({
    app: q.app,
    id: q.caseNumber,
    ...(q.location && { location: q.location }),
    ...(q.passport && { passport: q.passport }),
    ...(q.surname && { surname: q.surname }),
  });
  const out: FieldErrors = {};
  if (!r.ok)
    for (const e of r.errors) {
      const field = e.field === 'id' ? 'caseNumber' : e.field;
      // The client's own words for the problem, translated: more precise than what the field expects in general.
      out[field] ??= sentence(tr(e.words));
    }
  return out;
}

/**
 * The dates of the 221(g) (issue 15): real days, not in the future, and not before the interview (the slip is
 * given at it or after it; documents are handed in after the slip).
 */
function dateErrors(v: CaseFormValues, today: string): FieldErrors {
  const out: FieldErrors = {};
  const real = (field: 'interviewDate' | 'slipDate' | 'documentsDate'): string | null => {
    const value = v[field];
    if (!value) return null;
    const iso = parseIsoDate(value);
    if (!iso) out[field] = t('cases.date.notADate', { value });
    return iso;
  };
  const interview = real('interviewDate');
  const slip = real('slipDate');
  const documents = real('documentsDate');
  for (const [field, date] of [
    ['slipDate', slip],
    ['documentsDate', documents],
  ] as const) {
    if (date === null) continue;
    if (date > today) out[field] = t('cases.date.future', { today });
    else if (interview !== null && date < interview)
      out[field] = t(field === 'slipDate' ? 'cases.date.beforeInterview' : 'cases.date.documentsBeforeInterview', {
        interview,
      });
  }
  if (documents !== null && slip !== null && !out.documentsDate && documents < slip)
    out.documentsDate = t('cases.date.beforeSlip', { slip });
  return out;
}

/** The context fields the case form shows. */
const FORM_CONTEXT_FIELDS = [
  'route',
  'visaClass',
  'entry',
  'interviewDate',
  'slip',
  'slipDate',
  'documentsDate',
  'officer',
  'passport',
] as const;

function context(v: CaseFormValues) {
  return {
    ...(v.route && { route: v.route as 'dropbox' | 'interview' }),
    ...(v.visaClass && { visaClass: v.visaClass }),
    ...(v.entry && { entry: v.entry as 'new' | 'renewal' }),
    ...(v.interviewDate && { interviewDate: v.interviewDate }),
    ...(v.slip && { slip: v.slip as 'white' | 'pink' | 'yellow' | 'blue' | 'green' | 'other' }),
    ...(v.slipDate && { slipDate: v.slipDate }),
    ...(v.documentsDate && { documentsDate: v.documentsDate }),
    ...(v.officer && { officer: v.officer as 'approved' | 'refused' | '221g' | 'none' }),
    ...(v.passportKept && { passport: v.passportKept as 'kept' | 'returned' }),
  };
}

export function toNewCase(
  v: CaseFormValues,
  ownerId: number,
  today: string,
): { input: NewCase } | { errors: FieldErrors } {
  const errors: FieldErrors = dateErrors(v, today);
  let location: string | undefined;
  if (v.location) {
    const r = resolveLocation(v.location, translator());
    if ('error' in r) errors.location = r.error;
    else location = r.code;
  }
  if (!v.caseNumber) errors.caseNumber = t('cases.missing.caseNumber');
  const fromClient = queryErrors(
    {
      app: v.app,
      location: location ?? (errors.location ? undefined : v.location),
      caseNumber: v.caseNumber,
      passport: v.passport,
      surname: v.surname,
    },
    translator(),
  );
  for (const [k, m] of Object.entries(fromClient)) if (k !== 'location' || !errors.location) errors[k] ??= m;
  if (v.app === 'NIV')
    for (const k of ['location', 'passport', 'surname'] as const) if (!v[k]) errors[k] ??= friendly(k);
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

export function toCaseEdit(
  v: CaseFormValues,
  current: CaseView,
  today: string,
): { patch: CaseEdit } | { errors: FieldErrors } {
  const errors: FieldErrors = dateErrors(v, today);
  const given = context(v);
  const patch: CaseEdit = {
    label: v.label || null,
    group: v.group || null,
    context: given,
    // The form shows these fields: one left empty is cleared (keepWatching, set by the CLI, is not on the form).
    unsetContext: FORM_CONTEXT_FIELDS.filter((k) => given[k] === undefined),
    shareTimeline: v.share,
  };
  if (v.location && v.location !== current.location) {
    const r = resolveLocation(v.location, translator());
    if ('error' in r) errors.location = r.error;
    else patch.location = r.code;
  }
  if (v.passport) patch.passport = v.passport;
  if (v.surname) patch.surname = v.surname;
  const parsed = CaseEditSchema.safeParse(patch);
  if (!parsed.success) Object.assign(errors, { ...fieldErrors(parsed.error.issues), ...errors });
  return Object.keys(errors).length ? { errors } : { patch };
}
