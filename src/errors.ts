/**
 * The base of every error this program raises on purpose. `code` is stable (callers and the API
 * branch on the class or the code, never on the message); the message is for people and never
 * carries secrets. The lowest layer: imports nothing.
 */
export class AppError extends Error {
  override name = 'AppError';
  /** Stable, snake_case; each subclass names its own. */
  readonly code: string = 'error';
}

/** One thing wrong with one input field, named as the program's data names it. */
export interface FieldProblem {
  /** The field's name in the data model (`location`, `caseNumber`, `context.route`, …). */
  field: string;
  /** What is wrong and how to fix it, in words that do not name the field (each shell names it its own way). */
  problem: string;
  /** The values accepted, when they are a fixed list. */
  accepted?: readonly string[];
}

/** Problems made by requiredField, known by identity so that no one reads their words to tell them. */
const REQUIRED = new WeakSet<FieldProblem>();

/** A problem that says the field is needed and was left empty (a shell may word it its own way: see isRequired). */
export function requiredField(field: string, problem: string): FieldProblem {
  const p: FieldProblem = { field, problem };
  REQUIRED.add(p);
  return p;
}

/** Whether a problem is "needed and left empty" (made by requiredField). */
export const isRequired = (p: FieldProblem): boolean => REQUIRED.has(p);

/**
 * Input that cannot be used as given. Each shell renders `fields` in its own words (the CLI as
 * `--flag`, the API by field name, a web form beside its input); the message is a neutral default.
 */
export class InputError extends AppError {
  override name = 'InputError';
  override readonly code: string = 'invalid_input';
  readonly fields: readonly FieldProblem[];
  constructor(fields: readonly FieldProblem[], message?: string) {
    super(message ?? fields.map((f) => `${f.field}: ${f.problem}`).join('; '));
    this.fields = fields;
  }
}

/** Something asked for does not exist (or is not the caller's). */
export class NotFoundError extends AppError {
  override name = 'NotFoundError';
  override readonly code: string = 'not_found';
}

/** Something that would clash with what exists (a case already watched). */
export class ConflictError extends AppError {
  override name = 'ConflictError';
  override readonly code: string = 'conflict';
}

/** The configuration, a key or the database cannot be used: the operator's to fix, not the input's. */
export class SetupError extends AppError {
  override name = 'SetupError';
  override readonly code: string = 'setup';
}
