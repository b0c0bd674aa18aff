/**
 * When does CEAC change a case? Learned from what the tracker sees, not assumed. Pure: no I/O.
 *
 * The data. A detected change is known only to lie between the last check that saw the old answer and
 * the first that saw the new one: an interval-censored time. Nothing else is known (nobody has published
 * when CEAC publishes), so every interval is kept as it is, never collapsed to its end.
 *
 * The estimate: the change-time density over the 168 hours of the week (Monday 00:00 = bin 0), in the
 * post's local time, by Turnbull's self-consistency algorithm (the EM algorithm for interval-censored
 * data) on those 168 bins, circular (an interval from Sunday night to Monday morning wraps), with the
 * density taken as flat inside a bin. An interval's likelihood is Σ_j overlap_ij·p_j, where overlap_ij
 * is the hours of bin j the interval covers; the E-step shares each interval among the bins it covers
 * in proportion to overlap·p, the M-step sums the shares.
 *
 * Shrinkage. A post sees few changes, so its bins are estimated with a Dirichlet prior whose mean is
 * its parent's estimate and whose weight is a pseudo-count k: the M-step becomes
 * p_j = (Σ_i w_ij + k·m_j) / (n + k) (the posterior mean given the completed data). With n changes a
 * post's own data carries n/(n+k) of the weight: k = 20 means 37 changes speak for ~65%, 3 for ~13%.
 * The chain is post → region (the time-zone area: Europe, Asia, …) → the whole instance → today's
 * assumption blended with uniform (business hours at the post, as schedule.ts assumes, half and half
 * with a flat week), so that an instance that has learned nothing behaves like today's policy blended
 * with uniform.
 *
 * Two clocks. Changes may follow the post's clock (a consulate's working day) or one clock for the
 * whole world (a batch in Washington). Pooled over posts in their local times, a Washington rhythm
 * smears into nothing. So the instance level is a two-component mixture, fitted by the same EM: a
 * local-time density g (168 local bins), a UTC density h (168 UTC bins) and the share π of changes
 * that follow the local clock. A post's instance-level prior is π·g + (1−π)·h shifted to its local
 * time. π has a Beta(4, 1) prior (local clock first, as today's policy assumes).
 *
 * Why not a kernel smoother or a parametric (von Mises) fit: the week's shape is not smooth (weekends,
 * lunch breaks, a batch at 02:00), 168 bins are cheap, and Turnbull's estimator is the standard
 * non-parametric MLE for exactly this kind of data. The bins' own roughness is tamed by the shrinkage.
 */

export const WEEK_BINS = 168;
const HOUR_MS = 3_600_000;
const WEEK_MS = WEEK_BINS * HOUR_MS;

/** A detected change: between `from` (last check that saw the old answer) and `to` (first that saw the new). */
export interface ChangeInterval {
  /** CEAC location code of the post; null (IV cases at NVC) pools with the instance only. */
  post: string | null;
  /** IANA time zone of the post. */
  timeZone: string;
  from: number;
  to: number;
}

/** Where a post sits between its own data and its parents'. */
export interface PostEstimate {
  /** Probability of a change in each local hour-of-week bin (Monday 00:00–01:00 = 0); sums to 1. */
  density: Float64Array;
  /** Informative changes seen at this post, at its region, and in the whole instance. */
  n: number;
  regionN: number;
  instanceN: number;
}

export interface EstimatorOptions {
  /** Pseudo-counts of the Dirichlet priors at each level. */
  kPost?: number;
  kRegion?: number;
  kInstance?: number;
  /** When the UTC offsets of the posts are read (DST): the time the estimate is made for. */
  at?: number;
  maxIterations?: number;
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, number>();

/**
 * The UTC offset of `timeZone` at `ms`, in minutes. Cached per half hour (time-zone transitions happen
 * on those boundaries), since the replay asks millions of times.
 */
export function utcOffsetMinutes(ms: number, timeZone: string): number {
  if (timeZone === 'UTC') return 0;
  const key = `${timeZone}|${String(Math.floor(ms / 1_800_000))}`;
  const hit = offsetCache.get(key);
  if (hit !== undefined) return hit;
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    offsetFormatters.set(timeZone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(Math.floor(ms / 1_800_000) * 1_800_000)) p[part.type] = Number(part.value);
  const asUtc = Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0);
  const offset = Math.round((asUtc - Math.floor(ms / 1_800_000) * 1_800_000) / 60_000);
  if (offsetCache.size > 200_000) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}

/** Fractional local hour of the week at `ms` in `timeZone`: Monday 00:00 = 0, Sunday 23:59 ≈ 167.98. */
export function hourOfWeek(ms: number, timeZone: string): number {
  const local = ms + utcOffsetMinutes(ms, timeZone) * 60_000;
  // 1970-01-01 was a Thursday: shift so that Monday 00:00 is 0.
  const x = (local + 3 * 24 * HOUR_MS) % WEEK_MS;
  return (x < 0 ? x + WEEK_MS : x) / HOUR_MS;
}

/** The bins an interval covers and for how many hours of each; null when it covers the whole week (no information). */
export interface Coverage {
  bins: number[];
  hours: number[];
}

export function coverage(from: number, to: number, timeZone: string): Coverage | null {
  const length = (to - from) / HOUR_MS;
  if (!(length >= 0) || length >= WEEK_BINS) return null;
  const bins: number[] = [];
  const hours: number[] = [];
  let pos = hourOfWeek(from, timeZone);
  let left = length;
  if (left === 0) return { bins: [Math.floor(pos) % WEEK_BINS], hours: [1] }; // an exact time: one bin
  while (left > 1e-12) {
    const bin = Math.floor(pos) % WEEK_BINS;
    const take = Math.min(left, Math.floor(pos) + 1 - pos);
    bins.push(bin);
    hours.push(take);
    left -= take;
    pos = (Math.floor(pos) + 1) % WEEK_BINS;
  }
  return { bins, hours };
}

/** The region a post pools with before the whole instance: its time-zone area ("Europe", "Asia", …). */
export function regionOf(timeZone: string): string {
  return timeZone.split('/')[0] ?? timeZone;
}

/**
 * Today's assumption (schedule.ts): weekdays 08:00–18:00 local, a little in the evening, little at
 * night and at weekends; blended half and half with a flat week. The root of the shrinkage chain.
 */
export function assumedDensity(): Float64Array {
  const d = new Float64Array(WEEK_BINS);
  for (let b = 0; b < WEEK_BINS; b++) {
    const day = Math.floor(b / 24);
    const hour = b % 24;
    const today = day < 5 ? (hour >= 8 && hour < 18 ? 1 : hour >= 18 && hour < 21 ? 0.3 : 0.05) : 0.05;
    d[b] = today;
  }
  return blend(normalize(d), uniform(), 0.5);
}

export function uniform(): Float64Array {
  return new Float64Array(WEEK_BINS).fill(1 / WEEK_BINS);
}

function normalize(d: Float64Array): Float64Array {
  let s = 0;
  for (const x of d) s += x;
  for (let i = 0; i < d.length; i++) d[i] = (d[i] ?? 0) / s;
  return d;
}

/** (1 − w)·a + w·b. */
export function blend(a: ArrayLike<number>, b: ArrayLike<number>, w: number): Float64Array {
  const out = new Float64Array(WEEK_BINS);
  for (let i = 0; i < WEEK_BINS; i++) out[i] = (1 - w) * (a[i] ?? 0) + w * (b[i] ?? 0);
  return out;
}

/** A density on UTC hour-of-week bins, seen on a post's local clock (offset in minutes, may be fractional hours). */
export function shiftToLocal(utcDensity: ArrayLike<number>, offsetMinutes: number): Float64Array {
  const out = new Float64Array(WEEK_BINS);
  const shift = offsetMinutes / 60;
  const whole = Math.floor(shift);
  const frac = shift - whole;
  for (let u = 0; u < WEEK_BINS; u++) {
    const v = utcDensity[u] ?? 0;
    const a = (((u + whole) % WEEK_BINS) + WEEK_BINS) % WEEK_BINS;
    out[a] = (out[a] ?? 0) + v * (1 - frac);
    if (frac > 0) out[(a + 1) % WEEK_BINS] = (out[(a + 1) % WEEK_BINS] ?? 0) + v * frac;
  }
  return out;
}

/**
 * Turnbull's self-consistency (EM) on the circular bins, with a Dirichlet(k·prior) penalty:
 * p_j ← (Σ_i w_ij + k·prior_j) / (n + k). With k = 0 it is Turnbull's MLE. `prior` may differ per
 * interval (a region's posts have different instance-level priors): then its data-weighted mean is used.
 */
export function turnbull(
  data: readonly Coverage[],
  prior: ArrayLike<number>,
  k: number,
  maxIterations = 200,
  start?: ArrayLike<number>,
): Float64Array {
  let p = Float64Array.from(start ?? prior);
  const n = data.length;
  if (n === 0) return Float64Array.from(prior);
  const counts = new Float64Array(WEEK_BINS);
  for (let it = 0; it < maxIterations; it++) {
    counts.fill(0);
    for (const c of data) {
      let s = 0;
      for (let i = 0; i < c.bins.length; i++) s += (c.hours[i] ?? 0) * (p[c.bins[i] ?? 0] ?? 0);
      if (s <= 0) {
        // Every bin it covers has zero mass (possible only with k = 0): share by overlap.
        let h = 0;
        for (const x of c.hours) h += x;
        for (let i = 0; i < c.bins.length; i++) {
          const b = c.bins[i] ?? 0;
          counts[b] = (counts[b] ?? 0) + (c.hours[i] ?? 0) / h;
        }
        continue;
      }
      for (let i = 0; i < c.bins.length; i++) {
        const b = c.bins[i] ?? 0;
        counts[b] = (counts[b] ?? 0) + ((c.hours[i] ?? 0) * (p[b] ?? 0)) / s;
      }
    }
    const next = new Float64Array(WEEK_BINS);
    let delta = 0;
    for (let j = 0; j < WEEK_BINS; j++) {
      next[j] = ((counts[j] ?? 0) + k * (prior[j] ?? 0)) / (n + k);
      delta = Math.max(delta, Math.abs((next[j] ?? 0) - (p[j] ?? 0)));
    }
    p = next;
    if (delta < 1e-7) break;
  }
  return p;
}

interface Prepared {
  interval: ChangeInterval;
  local: Coverage;
  utc: Coverage;
}

/** The instance level: local-clock density g, UTC density h and the local share π (EM on the mixture). */
export interface InstanceEstimate {
  local: Float64Array;
  utc: Float64Array;
  localShare: number;
  n: number;
}

function fitInstance(data: readonly Prepared[], k: number, maxIterations: number): InstanceEstimate {
  const root = assumedDensity();
  const flat = uniform();
  const g = Float64Array.from(root);
  const h = Float64Array.from(flat);
  let pi = 0.8;
  const n = data.length;
  if (n === 0) return { local: g, utc: h, localShare: pi, n };
  const cg = new Float64Array(WEEK_BINS);
  const ch = new Float64Array(WEEK_BINS);
  for (let it = 0; it < maxIterations; it++) {
    cg.fill(0);
    ch.fill(0);
    let localShare = 0;
    for (const d of data) {
      let sg = 0;
      let sh = 0;
      for (let i = 0; i < d.local.bins.length; i++) sg += (d.local.hours[i] ?? 0) * (g[d.local.bins[i] ?? 0] ?? 0);
      for (let i = 0; i < d.utc.bins.length; i++) sh += (d.utc.hours[i] ?? 0) * (h[d.utc.bins[i] ?? 0] ?? 0);
      const a = pi * sg;
      const b = (1 - pi) * sh;
      const s = a + b;
      if (s <= 0) continue;
      localShare += a / s;
      if (sg > 0)
        for (let i = 0; i < d.local.bins.length; i++) {
          const j = d.local.bins[i] ?? 0;
          cg[j] = (cg[j] ?? 0) + ((a / s) * (d.local.hours[i] ?? 0) * (g[j] ?? 0)) / sg;
        }
      if (sh > 0)
        for (let i = 0; i < d.utc.bins.length; i++) {
          const j = d.utc.bins[i] ?? 0;
          ch[j] = (ch[j] ?? 0) + ((b / s) * (d.utc.hours[i] ?? 0) * (h[j] ?? 0)) / sh;
        }
    }
    const nl = localShare;
    const nu = n - localShare;
    let delta = 0;
    for (let j = 0; j < WEEK_BINS; j++) {
      const gj = ((cg[j] ?? 0) + k * (root[j] ?? 0)) / (nl + k);
      const hj = ((ch[j] ?? 0) + k * (flat[j] ?? 0)) / (nu + k);
      delta = Math.max(delta, Math.abs(gj - (g[j] ?? 0)), Math.abs(hj - (h[j] ?? 0)));
      g[j] = gj;
      h[j] = hj;
    }
    const nextPi = (localShare + 4 - 1) / (n + 4 + 1 - 2);
    delta = Math.max(delta, Math.abs(nextPi - pi));
    pi = nextPi;
    if (delta < 1e-7) break;
  }
  return { local: g, utc: h, localShare: pi, n };
}

/** The instance level's density for one post's local clock. */
export function instanceDensityFor(inst: InstanceEstimate, offsetMinutes: number): Float64Array {
  return blend(shiftToLocal(inst.utc, offsetMinutes), inst.local, inst.localShare);
}

/** Everything learned: ask it for any post, even one never seen (it gets its region's or the instance's estimate). */
export interface ChangeTimeModel {
  instance: InstanceEstimate;
  forPost(post: string | null, timeZone: string): PostEstimate;
}

/** Fits the whole model from every interval of the instance. */
export function estimateChangeTimes(
  intervals: readonly ChangeInterval[],
  options: EstimatorOptions = {},
): ChangeTimeModel {
  const kPost = options.kPost ?? 20;
  const kRegion = options.kRegion ?? 20;
  const kInstance = options.kInstance ?? 20;
  const maxIterations = options.maxIterations ?? 200;
  const at = options.at ?? intervals.reduce((m, i) => Math.max(m, i.to), 0);
  const prepared: Prepared[] = [];
  for (const interval of intervals) {
    const local = coverage(interval.from, interval.to, interval.timeZone);
    const utc = coverage(interval.from, interval.to, 'UTC');
    if (local && utc) prepared.push({ interval, local, utc });
  }
  const instance = fitInstance(prepared, kInstance, maxIterations);
  const offsetOf = (tz: string) => utcOffsetMinutes(at, tz);
  const instanceFor = new Map<string, Float64Array>();
  const instanceDensity = (tz: string): Float64Array => {
    let d = instanceFor.get(tz);
    if (!d) {
      d = instanceDensityFor(instance, offsetOf(tz));
      instanceFor.set(tz, d);
    }
    return d;
  };

  const byRegion = new Map<string, Prepared[]>();
  const byPost = new Map<string, Prepared[]>();
  for (const p of prepared) {
    const region = regionOf(p.interval.timeZone);
    let r = byRegion.get(region);
    if (!r) byRegion.set(region, (r = []));
    r.push(p);
    if (p.interval.post !== null) {
      const key = `${p.interval.post}|${p.interval.timeZone}`;
      let q = byPost.get(key);
      if (!q) byPost.set(key, (q = []));
      q.push(p);
    }
  }
  const regions = new Map<string, { density: Float64Array; prior: Float64Array; n: number }>();
  for (const [region, data] of byRegion) {
    // The region's prior: the instance density averaged over the region's intervals' own clocks.
    const prior = new Float64Array(WEEK_BINS);
    const tzs = new Map<string, number>();
    for (const d of data) tzs.set(d.interval.timeZone, (tzs.get(d.interval.timeZone) ?? 0) + 1);
    for (const [tz, count] of tzs) {
      const inst = instanceDensity(tz);
      for (let j = 0; j < WEEK_BINS; j++) prior[j] = (prior[j] ?? 0) + ((inst[j] ?? 0) * count) / data.length;
    }
    regions.set(region, {
      density: turnbull(
        data.map((d) => d.local),
        prior,
        kRegion,
        maxIterations,
      ),
      prior,
      n: data.length,
    });
  }
  const posts = new Map<string, PostEstimate>();
  return {
    instance,
    forPost(post, timeZone) {
      const key = `${post ?? ''}|${timeZone}`;
      const hit = posts.get(key);
      if (hit) return hit;
      const inst = instanceDensity(timeZone);
      const region = regions.get(regionOf(timeZone));
      // A region's estimate pools posts on other clocks (Kolkata and Tokyo are both "Asia"), which
      // would smear a rhythm that the instance level sees sharply. So the region speaks to a post as a
      // correction: the post's instance-level density times the region's learned ratio to its prior.
      const regionPrior = region ? corrected(inst, region.density, region.prior) : inst;
      const data = post === null ? [] : (byPost.get(key) ?? []);
      const est: PostEstimate = {
        density: turnbull(
          data.map((d) => d.local),
          regionPrior,
          kPost,
          maxIterations,
        ),
        n: data.length,
        regionN: region?.n ?? 0,
        instanceN: instance.n,
      };
      posts.set(key, est);
      return est;
    },
  };
}

function corrected(base: ArrayLike<number>, learned: ArrayLike<number>, prior: ArrayLike<number>): Float64Array {
  const out = new Float64Array(WEEK_BINS);
  for (let j = 0; j < WEEK_BINS; j++) {
    const p = prior[j] ?? 0;
    out[j] = (base[j] ?? 0) * (p > 0 ? (learned[j] ?? 0) / p : 1);
  }
  return normalize(out);
}

/**
 * The shortest run of hours of the day (circular, all weekdays together) that holds at least `share`
 * of a weekly density: for "checks concentrate on 14:00–18:00". Returns the start hour, the length in
 * hours and the share it actually holds.
 */
export function busiestHours(density: ArrayLike<number>, share = 0.8): { start: number; hours: number; share: number } {
  const daily = new Float64Array(24);
  for (let b = 0; b < WEEK_BINS; b++) daily[b % 24] = (daily[b % 24] ?? 0) + (density[b] ?? 0);
  let total = 0;
  for (const x of daily) total += x;
  for (let len = 1; len <= 24; len++) {
    let best = -1;
    let bestStart = 0;
    for (let s = 0; s < 24; s++) {
      let sum = 0;
      for (let i = 0; i < len; i++) sum += daily[(s + i) % 24] ?? 0;
      if (sum > best + 1e-12) {
        best = sum;
        bestStart = s;
      }
    }
    if (best / total >= share - 1e-9) return { start: bestStart, hours: len, share: best / total };
  }
  return { start: 0, hours: 24, share: 1 };
}
