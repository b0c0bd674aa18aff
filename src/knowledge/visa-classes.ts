/**
 * Visa classes as people write them ("F-1", "h1b", "B-1/B-2", "B1 B2") and as we store and group them ("F1",
 * "H1B", "B1/B2"). One spelling per class, so that a filter for F-1 finds the cases entered as F1 and editing a case
 * to "F-1" keeps it in its group.
 */

/** What a normalised class looks like: letters, digits, an optional letter, and an optional "/B2" companion. */
const CANONICAL = /^[A-Z]{1,2}\d{0,2}[A-Z]?(\/[A-Z]{1,2}\d{0,2}[A-Z]?)?$/;

/**
 * The canonical spelling of a visa class, or null when the text is not one. Case, spaces, dots and hyphens are
 * ignored; "B1B2", "B1 B2" and "B-1/B-2" all become "B1/B2".
 */
export function normaliseVisaClass(input: string): string | null {
  const compact = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s.\-‐‑–—_]/g, '');
  if (compact === '') return null;
  const joined = compact === 'B1B2' ? 'B1/B2' : compact;
  return CANONICAL.test(joined) ? joined : null;
}

/** Like normaliseVisaClass, but keeps the trimmed input when it is not recognised (for free-text imports). */
export function visaClassOrAsWritten(input: string): string {
  return normaliseVisaClass(input) ?? input.trim();
}
