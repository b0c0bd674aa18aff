/**
 * The base of every error this program raises on purpose. `code` is stable (callers and the API
 * branch on it, never on the message); the message is for people and never carries secrets.
 * The lowest layer: imports nothing.
 */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** One thing wrong with one input field, named as the program's own data names it. */
export interface FieldProblem {
  /** The field's name in the data model (`location`, `caseNumber`, `visaClass`, …). */
  field: string;
  /** What is wrong and how to fix it, without the field's name (each shell names the field its own way). */
  problem: string;
  /** The values accepted, when they are a fixed list. */
  accepted?: readonly string[];
}

/**
 * Input that cannot be used as given. Each shell renders `fields` in its own words (the CLI as
 * `--flag`, the API and the web forms by field name); the message is a neutral default.
 */
export class InputError extends AppError {
  override name = 'InputError';
  readonly fields: readonly FieldProblem[];
  constructor(fields: FieldProblem | readonly FieldProblem[], code = 'invalid_input') {
    const list = Array.isArray(fields) ? (fields as readonly FieldProblem[]) : [fields as FieldProblem];
    super(code, list.map((f) => `${f.field}: ${f.problem}`).join('; '));
    this.fields = list;
  }
}

/** Something asked for does not exist (or is not the caller's). */
export class NotFoundError extends AppError {
  override name = 'NotFoundError';
}

/** Something that would clash with what exists (a case already watched). */
export class ConflictError extends AppError {
  override name = 'ConflictError';
}
