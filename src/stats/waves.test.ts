import { describe, expect, it } from 'vitest';

import { addDays } from '../timelines/model.js';
import {
  benjaminiHochberg,
  type Clearance,
  dayPValue,
  detectWaves,
  generateClearances,
  negBinomUpperTail,
  plantWaves,
  waveSentence,
} from './waves.js';

const GROUPS = ['BEJ', 'SHG', 'BMB', 'CHN'].flatMap((post) =>
  ['F1', 'H1B', 'J1'].map((visaClass) => ({ post, visaClass, rate: 1 })),
);

describe('the tail of the day count', () => {
  it('matches the Poisson tail when the rate is known sharply', () => {
    // 6,000 clearances in 6,000 days: the predictive is all but Poisson(1); P(X ≥ 5) = 0.00366.
    expect(dayPValue(5, 6000, 6000)).toBeCloseTo(0.00366, 4);
    expect(dayPValue(6, 6000, 6000)).toBeCloseTo(0.000594, 5);
  });

  it('does not alarm a group with no history over a few clearances', () => {
    expect(dayPValue(3, 0, 0)).toBeCloseTo(0.125, 6);
    expect(negBinomUpperTail(0, 2, 0.5)).toBe(1);
  });

  it('rejects by Benjamini–Hochberg, not by each p-value alone', () => {
    expect([...benjaminiHochberg([0.01, 0.03, 0.02, 0.5], 0.05)].sort()).toEqual([0, 1, 2]);
    // 0.03 alone would pass 0.05, but it is 2nd of 4: it must be ≤ 0.025.
    expect([...benjaminiHochberg([0.01, 0.03, 0.5, 0.5], 0.05)]).toEqual([0]);
    expect(benjaminiHochberg([0.2, 0.3], 0.05).size).toBe(0);
  });
});

describe('detectWaves', () => {
  it('finds planted waves of 8 in groups clearing 1 a day, in the pair, and names their waits', () => {
    const planted = [
      { group: 0, day: 120, size: 8 },
      { group: 7, day: 200, size: 10 },
      { group: 11, day: 300, size: 8 },
    ];
    const data = generateClearances({ seed: 11, groups: GROUPS, start: '2025-01-01', days: 365, waves: planted });
    const waves = detectWaves(data, { from: '2025-03-02' });
    for (const p of planted) {
      const g = GROUPS[p.group]!;
      const found = waves.find(
        (w) => w.post === g.post && w.visaClass === g.visaClass && w.date === addDays('2025-01-01', p.day),
      );
      expect(found, `wave in ${g.post} ${g.visaClass} on day ${p.day}`).toBeDefined();
      expect(found!.count).toBeGreaterThanOrEqual(p.size);
      expect(found!.minWait).toBeGreaterThanOrEqual(20);
    }
    // 12 pairs × 305 days tested: at most about 1 false pair wave is allowed by the design (≤ 1 per 1,000).
    const pairWaves = waves.filter((w) => w.post !== null && w.visaClass !== null);
    expect(pairWaves.length).toBeLessThanOrEqual(4);
  });

  it('stays quiet on data without waves: under 1 alarm per 1,000 group-days (19 groups, 2 years)', () => {
    const data = generateClearances({ seed: 5, groups: GROUPS, start: '2025-01-01', days: 790, waves: [] });
    const alarms = detectWaves(data, { from: '2025-03-02' });
    const groupDays = 19 * (790 - 60);
    expect(alarms.length / groupDays).toBeLessThanOrEqual(1 / 1000);
    // A group clearing 1 a day is never called a wave on 5 (p = 0.004 > 0.001).
    const small = alarms.filter((a) => a.post !== null && a.visaClass !== null && a.count < 6);
    expect(small).toEqual([]);
  });

  it('needs at least 3 clearances, even in a group that never clears', () => {
    const quiet: Clearance[] = [{ date: '2025-01-01', post: 'BEJ', visaClass: 'F1', waitDays: 10 }];
    const two = [0, 1].map(() => ({ date: '2025-06-01', post: 'BEJ', visaClass: 'F1', waitDays: 40 }));
    expect(detectWaves([...quiet, ...two])).toEqual([]);
    const four = [0, 1, 2, 3].map((i) => ({ date: '2025-06-01', post: 'BEJ', visaClass: 'F1', waitDays: 40 + i }));
    const waves = detectWaves([...quiet, ...four]);
    expect(waves.map((w) => [w.post, w.visaClass, w.count])).toContainEqual(['BEJ', 'F1', 4]);
  });

  it('finds the waves of 5–12 the benchmark plants: all of 7 or more, most of 6, and says nothing else in the pairs', () => {
    const start = '2025-01-01';
    const waves = plantWaves({ seed: 3, groups: GROUPS.length, days: 730, warmup: 60 });
    // The plan: sizes 5–12 (each seen), none in the warm-up, never two in a group within the 60-day window.
    expect(new Set(waves.map((w) => w.size))).toEqual(new Set([5, 6, 7, 8, 9, 10, 11, 12]));
    expect(waves.every((w) => w.day >= 90 && w.day < 730)).toBe(true);
    for (let g = 0; g < GROUPS.length; g++) {
      const days = waves.filter((w) => w.group === g).map((w) => w.day);
      expect(days.every((d, i) => i === 0 || d - days[i - 1]! >= 75)).toBe(true);
    }
    expect(plantWaves({ seed: 3, groups: GROUPS.length, days: 730, warmup: 60 })).toEqual(waves);
    const data = generateClearances({ seed: 4, groups: GROUPS, start, days: 730, waves });
    const found = detectWaves(data, { from: addDays(start, 60) }).filter(
      (w) => w.post !== null && w.visaClass !== null,
    );
    const key = (post: string, visaClass: string, date: string) => `${post}|${visaClass}|${date}`;
    const hit = new Set(found.map((w) => key(w.post!, w.visaClass!, w.date)));
    const isHit = (w: (typeof waves)[number]) =>
      hit.has(key(GROUPS[w.group]!.post, GROUPS[w.group]!.visaClass, addDays(start, w.day)));
    expect(waves.filter((w) => w.size >= 7).every(isHit)).toBe(true);
    const sixes = waves.filter((w) => w.size === 6);
    expect(sixes.filter(isHit).length / sixes.length).toBeGreaterThanOrEqual(0.7);
    // Every pair wave announced is a planted one, but for at most 1 per 1,000 quiet pair-days.
    const planted = new Set(
      waves.map((w) => key(GROUPS[w.group]!.post, GROUPS[w.group]!.visaClass, addDays(start, w.day))),
    );
    const extra = found.filter((w) => !planted.has(key(w.post!, w.visaClass!, w.date)));
    expect(extra.length).toBeLessThanOrEqual((GROUPS.length * 670) / 1000);
  });

  it('refuses a wave-size range it cannot plant', () => {
    expect(() => plantWaves({ seed: 1, groups: 1, days: 100, warmup: 10, minSize: 6, maxSize: 5 })).toThrow(
      /minSize ≤ maxSize/,
    );
  });

  it('rejects a date it cannot read', () => {
    expect(() => detectWaves([], { from: '2025-13-01' })).toThrow(/YYYY-MM-DD/);
  });
});

describe('waveSentence', () => {
  it('says what happened and how long this case has waited, and promises nothing', () => {
    const text = waveSentence(
      {
        post: 'BEJ',
        visaClass: 'F1',
        date: '2026-11-28',
        count: 5,
        expected: 1,
        pValue: 1e-4,
        minWait: 30,
        maxWait: 90,
      },
      'Beijing',
      47,
    );
    expect(text).toBe('5 F1 cases at Beijing that had waited 30–90 days cleared on 2026-11-28; yours has waited 47.');
    expect(text).not.toMatch(/will|soon|next/i);
  });
});
