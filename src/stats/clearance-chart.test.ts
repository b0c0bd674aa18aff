import { describe, expect, it } from 'vitest';

import { clearanceChart } from './clearance-chart.js';

const labels = { xLabel: 'day cleared', yLabel: 'cases cleared' };
const frame = { id: 'c', title: 'Cases <cleared>', description: 'A & B' };

describe('clearanceChart', () => {
  it('draws one bar per day with clearances in the range, as tall as its count, and marks each wave day once', () => {
    const counts = new Map([
      ['2026-01-01', 2],
      ['2026-01-05', 8],
      ['2025-12-31', 50], // before the range: neither drawn nor setting the scale
      ['2026-01-11', 3], // after it
    ]);
    const svg = clearanceChart(
      { from: '2026-01-01', to: '2026-01-10', counts, waveDates: ['2026-01-05', '2026-01-05', '2026-02-01'] },
      labels,
      { ...frame, width: 400, height: 200 },
    );
    const bars = [...svg.matchAll(/class="day-bar" x="([\d.]+)" y="([\d.]+)" width="[\d.]+" height="([\d.]+)"/g)];
    expect(bars).toHaveLength(2);
    const [low, high] = bars.map((b) => Number(b[3]));
    // Heights in proportion to the counts (2 and 8), the scale set by the range's own busiest day.
    expect(high! / low!).toBeCloseTo(4, 5);
    // The bars sit in date order, left to right.
    expect(Number(bars[0]![1])).toBeLessThan(Number(bars[1]![1]));
    expect([...svg.matchAll(/class="wave-tick" data-date="([\d-]+)"/g)].map((m) => m[1])).toEqual(['2026-01-05']);
    // Named for screen readers, with the words escaped.
    expect(svg).toContain('aria-labelledby="c-title c-desc"');
    expect(svg).toContain('<title id="c-title">Cases &lt;cleared&gt;</title><desc id="c-desc">A &amp; B</desc>');
    // The last day is labelled (month-day), ending at the last bar so the edge never cuts it.
    expect(svg).toMatch(/text-anchor="end" font-size="11">01-10</);
  });

  it('refuses a range that is not one', () => {
    expect(() =>
      clearanceChart({ from: '2026-01-10', to: '2026-01-01', counts: new Map(), waveDates: [] }, labels, frame),
    ).toThrow(/first before last/);
    expect(() =>
      clearanceChart({ from: '2026-13-01', to: '2026-01-01', counts: new Map(), waveDates: [] }, labels, frame),
    ).toThrow(/YYYY-MM-DD/);
  });
});
