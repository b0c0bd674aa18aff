/** Dates and durations as a person reads them; all times are shown in UTC and say so. */

const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});
const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export function dateTime(ms: number): string {
  return `${DATE_TIME.format(ms)} UTC`;
}

export function day(ms: number): string {
  return DATE.format(ms);
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** "3 days", "5 hours", "12 minutes", "a moment". */
export function duration(ms: number): string {
  const abs = Math.abs(ms);
  const units: [number, string][] = [
    [86_400_000, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
  ];
  for (const [size, name] of units) {
    if (abs >= size) {
      const n = Math.floor(abs / size);
      return `${n} ${name}${n === 1 ? '' : 's'}`;
    }
  }
  return 'less than a minute';
}

export function ago(at: number, now: number): string {
  return at > now ? `in ${duration(at - now)}` : `${duration(now - at)} ago`;
}

/** Shows only the last characters of a passport number: enough to recognise it, not to use it. */
export function maskPassport(p: string | undefined): string {
  if (!p) return 'not set';
  return `${'•'.repeat(Math.max(3, p.length - 3))}${p.slice(-3)}`;
}
