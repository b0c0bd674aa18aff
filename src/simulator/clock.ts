/**
 * The simulator's clock: seconds since start, running at `speed` times real time, plus whatever
 * tests add with advance(). Calendar dates shown on pages are start time + simulated seconds.
 */
export class SimClock {
  private readonly startMs: number;
  private offsetSeconds = 0;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly speed = 1,
  ) {
    if (!(speed >= 0) || !Number.isFinite(speed)) throw new RangeError(`speed must be a number >= 0, got ${speed}`);
    this.startMs = now();
  }

  /** Simulated seconds since the simulator started. */
  elapsed(): number {
    return ((this.now() - this.startMs) / 1000) * this.speed + this.offsetSeconds;
  }

  advance(seconds: number): void {
    if (!Number.isFinite(seconds)) throw new RangeError('seconds must be a finite number');
    this.offsetSeconds += seconds;
  }

  /** The calendar instant (epoch ms) of a simulated time. */
  instantOf(elapsedSeconds: number): number {
    return this.startMs + elapsedSeconds * 1000;
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** CEAC's date format, DD-Mon-YYYY (UTC). */
export function formatCeacDate(epochMs: number): string {
  const d = new Date(epochMs);
  return `${String(d.getUTCDate()).padStart(2, '0')}-${MONTHS[d.getUTCMonth()]}-${d.getUTCFullYear()}`;
}
