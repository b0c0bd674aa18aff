/** CEAC shows dates as DD-Mon-YYYY ("28-Jul-2022"); people retype them in a few other ways. */

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase();
  return MONTHS[w] ?? MONTHS[w.slice(0, w.startsWith('sept') ? 4 : 3)];
}

function iso(year: number, month: number, day: number): string | null {
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const DAY_MON_YEAR = /^(\d{1,2})[-\s./]+([A-Za-z]{3,9})\.?[-\s./,]+(\d{4})$/;
const MON_DAY_YEAR = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/**
 * An ISO date (YYYY-MM-DD) from "28-Jul-2022", "28 JUL 2022", "Jul 28, 2022", "July 28 2022" or
 * "2022-07-28"; null for anything else, including impossible dates such as 31-Feb-2023.
 * Numeric day/month forms ("05/08/2022") are refused on purpose: they are ambiguous.
 */
export function parseCeacDate(input: string): string | null {
  const s = input.trim().replace(/\s+/g, ' ');
  if (s.length > 40) return null;
  let m = DAY_MON_YEAR.exec(s);
  if (m) {
    const month = monthNumber(m[2]!);
    return month ? iso(Number(m[3]), month, Number(m[1])) : null;
  }
  m = MON_DAY_YEAR.exec(s);
  if (m) {
    const month = monthNumber(m[1]!);
    return month ? iso(Number(m[3]), month, Number(m[2])) : null;
  }
  m = ISO_DATE.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

/**
 * The one parser for dates typed as YYYY-MM-DD (API fields, CLI options, form fields): the same
 * string back for a real calendar date from 1990 to 2100, else null ("2025-02-30", "0000-99-99").
 */
export function parseIsoDate(input: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input);
  return m ? iso(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}
