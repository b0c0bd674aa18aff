import { AppError } from '../errors.js';

/**
 * The sufficient statistics of right-censored waiting times: for each distinct time, how many cases
 * ended there with each outcome and how many were last seen pending there. Every estimate in this
 * directory runs on this table, so the expensive part (ordering a million durations) happens once.
 */

/** Outcome codes: 0 = still pending (censored), 1 = issued/cleared, 2 = refused. */
export type Cause = 0 | 1 | 2;
export const CAUSES = 2;

export interface EventTable {
  /** Distinct times, ascending. */
  readonly time: Float64Array;
  /** Cases that ended at each time with a decision, either way. */
  readonly nEvent: Int32Array;
  readonly nIssued: Int32Array;
  readonly nRefused: Int32Array;
  /** Cases last known pending at each time. */
  readonly nCensor: Int32Array;
  /** Number of cases in the table. */
  readonly n: number;
}

/** Integer times up to this bound are counted into day buckets instead of being sorted. */
const COUNTING_LIMIT = 1 << 20;

export class InvalidDurationError extends AppError {
  override name = 'InvalidDurationError';
  override readonly code = 'invalid_duration';
}

/**
 * Builds the table from parallel arrays of durations and causes. Whole-day durations (the usual
 * case) are bucketed in O(n); anything else is sorted once.
 */
export function tabulate(time: ArrayLike<number>, cause: ArrayLike<number>): EventTable {
  const n = time.length;
  if (cause.length !== n) throw new InvalidDurationError(`got ${n} durations but ${cause.length} outcomes`);
  let integral = true;
  let max = 0;
  for (let i = 0; i < n; i++) {
    const t = time[i]!;
    if (!(t >= 0) || !Number.isFinite(t)) {
      throw new InvalidDurationError(`duration #${i + 1} is ${t}: waiting times must be finite and not negative`);
    }
    const c = cause[i]!;
    if (c !== 0 && c !== 1 && c !== 2) throw new InvalidDurationError(`outcome #${i + 1} is ${c}: expected 0, 1 or 2`);
    if (integral && (t !== Math.floor(t) || t >= COUNTING_LIMIT)) integral = false;
    if (t > max) max = t;
  }
  return integral ? tabulateDays(time, cause, max) : tabulateSorted(time, cause);
}

function tabulateDays(time: ArrayLike<number>, cause: ArrayLike<number>, max: number): EventTable {
  const size = max + 1;
  const counts = new Int32Array(size * 3);
  for (let i = 0; i < time.length; i++) counts[time[i]! * 3 + cause[i]!]!++;
  return fromDayCounts(counts, size, time.length);
}

/** Collapses per-day counts (stride 3: pending, issued, refused) into a table of the days used. */
export function fromDayCounts(counts: Int32Array, days: number, n: number): EventTable {
  let distinct = 0;
  for (let d = 0; d < days; d++) {
    if (counts[d * 3]! + counts[d * 3 + 1]! + counts[d * 3 + 2]! > 0) distinct++;
  }
  const out = allocate(distinct);
  let k = 0;
  for (let d = 0; d < days; d++) {
    const c = counts[d * 3]!;
    const i = counts[d * 3 + 1]!;
    const r = counts[d * 3 + 2]!;
    if (c + i + r === 0) continue;
    out.time[k] = d;
    out.nCensor[k] = c;
    out.nIssued[k] = i;
    out.nRefused[k] = r;
    out.nEvent[k] = i + r;
    k++;
  }
  return { ...out, n };
}

function tabulateSorted(time: ArrayLike<number>, cause: ArrayLike<number>): EventTable {
  const n = time.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => time[a]! - time[b]!);
  let distinct = 0;
  for (let j = 0; j < n; j++) if (j === 0 || time[order[j]!] !== time[order[j - 1]!]) distinct++;
  const out = allocate(distinct);
  let k = -1;
  for (let j = 0; j < n; j++) {
    const i = order[j]!;
    if (k < 0 || time[i] !== out.time[k]) out.time[++k] = time[i]!;
    const c = cause[i]!;
    if (c === 0) out.nCensor[k]!++;
    else {
      out.nEvent[k]!++;
      if (c === 1) out.nIssued[k]!++;
      else out.nRefused[k]!++;
    }
  }
  return { ...out, n };
}

function allocate(size: number) {
  return {
    time: new Float64Array(size),
    nEvent: new Int32Array(size),
    nIssued: new Int32Array(size),
    nRefused: new Int32Array(size),
    nCensor: new Int32Array(size),
  };
}

/**
 * The cases of a table still pending after `waited`, with their clock restarted at `waited`: the
 * data a conditional estimate ("given I have waited this long") runs on.
 */
export function conditionalTable(table: EventTable, waited: number): EventTable {
  let start = 0;
  while (start < table.time.length && table.time[start]! <= waited) start++;
  const size = table.time.length - start;
  const out = allocate(size);
  let n = 0;
  for (let k = 0; k < size; k++) {
    out.time[k] = table.time[start + k]! - waited;
    out.nEvent[k] = table.nEvent[start + k]!;
    out.nIssued[k] = table.nIssued[start + k]!;
    out.nRefused[k] = table.nRefused[start + k]!;
    out.nCensor[k] = table.nCensor[start + k]!;
    n += out.nEvent[k]! + out.nCensor[k]!;
  }
  return { ...out, n };
}

/**
 * Per-day counts kept up to date as cases arrive, end or are withdrawn: the cached form of a group's
 * data, so that re-estimating after one new case costs a pass over the days, not over the cases.
 */
export class DayCounts {
  private counts: Int32Array;
  private days = 0;
  private total = 0;
  private snapshot: EventTable | null = null;

  constructor(initialDays = 1024) {
    this.counts = new Int32Array(Math.max(1, initialDays) * 3);
  }

  get size(): number {
    return this.total;
  }

  add(days: number, cause: Cause): void {
    this.bump(days, cause, 1);
  }

  remove(days: number, cause: Cause): void {
    this.bump(days, cause, -1);
  }

  /** The table as of now; cached until the next change. */
  table(): EventTable {
    this.snapshot ??= fromDayCounts(this.counts, this.days, this.total);
    return this.snapshot;
  }

  private bump(days: number, cause: Cause, delta: 1 | -1): void {
    if (!Number.isInteger(days) || days < 0 || days >= COUNTING_LIMIT) {
      throw new InvalidDurationError(`a waiting time of ${days} days cannot be counted: use whole days from 0`);
    }
    if ((days + 1) * 3 > this.counts.length) {
      const grown = new Int32Array(Math.max(this.counts.length * 2, (days + 1) * 3));
      grown.set(this.counts);
      this.counts = grown;
    }
    const slot = days * 3 + cause;
    if (delta < 0 && this.counts[slot] === 0) {
      throw new InvalidDurationError(`no case with a wait of ${days} days and outcome ${cause} to remove`);
    }
    this.counts[slot]! += delta;
    this.total += delta;
    if (days + 1 > this.days) this.days = days + 1;
    this.snapshot = null;
  }
}
