/**
 * Scenario times are seconds from the simulator's start, written as a number or as text such as
 * "21d", "-30d", "2d12h", "90m", "45s" (days, hours, minutes, seconds).
 */
const UNIT_SECONDS: Record<string, number> = { d: 86_400, h: 3_600, m: 60, s: 1 };

export function parseDuration(value: number | string): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = value.trim();
  const m = /^(-)?((?:\d+(?:\.\d+)?[dhms])+)$/.exec(text);
  if (!m) return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : null;
  let total = 0;
  for (const part of m[2]!.matchAll(/(\d+(?:\.\d+)?)([dhms])/g)) total += Number(part[1]) * UNIT_SECONDS[part[2]!]!;
  return m[1] ? -total : total;
}
