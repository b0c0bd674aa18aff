/**
 * One-line names and labels (case labels and groups, token names): control characters are refused.
 * PostgreSQL cannot store a NUL in text at all, and no control character belongs in a name.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text);
}

export const NO_CONTROL_MESSAGE = 'use letters, digits, spaces and punctuation only (no control characters)';
