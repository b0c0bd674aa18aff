/**
 * A calendar-time chart of clearances: one bar per day with its count, and the wave days marked under the time
 * axis. The waiting-time curves are drawn against days waited, where a wave (a calendar day) has no place; this
 * chart is where it does. Pure: counts in, SVG string out. The words on it come in from the caller (translated).
 */
import { scaleLinear } from 'd3-scale';

import { addDays, dayNumber } from '../timelines/model.js';
import { type ChartFrame, escapeXml } from './charts.js';

export interface ClearanceChartData {
  /** First and last day shown, YYYY-MM-DD (inclusive). */
  from: string;
  to: string;
  /** Clearances per day, YYYY-MM-DD → count; days outside from..to are ignored. */
  counts: ReadonlyMap<string, number>;
  /** Days to mark as waves, YYYY-MM-DD. */
  waveDates: readonly string[];
}

export interface ClearanceChartLabels {
  /** The x axis ("day cleared"). */
  xLabel: string;
  /** The y axis ("cases cleared"). */
  yLabel: string;
}

const MARGIN = { top: 14, right: 12, bottom: 52, left: 40 };
const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2).replace(/0+$/, '').replace(/\.$/, ''));

/** Daily clearance bars from `from` to `to`, with a small triangle under the axis on each wave day. */
export function clearanceChart(data: ClearanceChartData, labels: ClearanceChartLabels, frame: ChartFrame): string {
  const width = frame.width ?? 480;
  const height = frame.height ?? 220;
  const first = dayNumber(data.from);
  const last = dayNumber(data.to);
  if (first === null || last === null || last < first)
    throw new RangeError(`the chart's days must be YYYY-MM-DD, first before last (got ${data.from} to ${data.to})`);
  const days = last - first + 1;
  let max = 1;
  for (const [date, n] of data.counts) {
    const d = dayNumber(date);
    if (d !== null && d >= first && d <= last) max = Math.max(max, n);
  }
  const x = scaleLinear()
    .domain([0, days])
    .range([MARGIN.left, width - MARGIN.right]);
  const y = scaleLinear()
    .domain([0, max])
    .range([height - MARGIN.bottom, MARGIN.top])
    .nice();
  const bottom = height - MARGIN.bottom;
  const id = escapeXml(frame.id ?? 'chart');
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ` +
      `role="img" aria-labelledby="${id}-title ${id}-desc">`,
    `<title id="${id}-title">${escapeXml(frame.title)}</title><desc id="${id}-desc">${escapeXml(frame.description)}</desc>`,
  ];
  // Axes: the y axis in whole cases, the x axis labelled every 30 days back from the last day (so "today" shows).
  parts.push(
    `<line class="axis" x1="${MARGIN.left}" y1="${bottom}" x2="${width - MARGIN.right}" y2="${bottom}" stroke="currentColor"/>`,
    `<line class="axis" x1="${MARGIN.left}" y1="${MARGIN.top}" x2="${MARGIN.left}" y2="${bottom}" stroke="currentColor"/>`,
  );
  for (const t of y.ticks(4).filter(Number.isInteger)) {
    const py = fmt(y(t));
    parts.push(
      `<line x1="${MARGIN.left - 4}" y1="${py}" x2="${MARGIN.left}" y2="${py}" stroke="currentColor"/>`,
      `<text x="${MARGIN.left - 6}" y="${py}" dy="0.32em" text-anchor="end" font-size="11">${t}</text>`,
    );
  }
  for (let back = 0; back < days; back += 30) {
    const i = days - 1 - back;
    const px = fmt(x(i + 0.5));
    // Month and day only: the year is in the title and the list below.
    const label = addDays(data.from, i).slice(5);
    parts.push(
      `<line x1="${px}" y1="${bottom}" x2="${px}" y2="${bottom + 4}" stroke="currentColor"/>`,
      // The last day's label ends at the last bar, so it is never cut by the edge.
      `<text x="${back === 0 ? fmt(x(days)) : px}" y="${bottom + 30}" text-anchor="${back === 0 ? 'end' : 'middle'}" font-size="11">${label}</text>`,
    );
  }
  parts.push(
    `<text x="${fmt((MARGIN.left + width - MARGIN.right) / 2)}" y="${height - 4}" text-anchor="middle" font-size="12">${escapeXml(labels.xLabel)}</text>`,
    `<text transform="translate(11 ${fmt((MARGIN.top + bottom) / 2)}) rotate(-90)" text-anchor="middle" font-size="12">${escapeXml(labels.yLabel)}</text>`,
  );
  const barWidth = Math.max(1, x(1) - x(0) - 1);
  const bars: string[] = [];
  for (const [date, n] of data.counts) {
    const d = dayNumber(date);
    if (d === null || d < first || d > last || n <= 0) continue;
    const top = y(n);
    bars.push(
      `<rect class="day-bar" x="${fmt(x(d - first) + 0.5)}" y="${fmt(top)}" width="${fmt(barWidth)}" height="${fmt(bottom - top)}"/>`,
    );
  }
  parts.push(`<g class="day-bars">${bars.join('')}</g>`);
  // A triangle pointing up at the wave day, just under the axis: visible beside the bars, never hiding one.
  const marks: string[] = [];
  for (const date of new Set(data.waveDates)) {
    const d = dayNumber(date);
    if (d === null || d < first || d > last) continue;
    const cx = x(d - first + 0.5);
    marks.push(`<path class="wave-tick" data-date="${escapeXml(date)}" d="M${fmt(cx)} ${bottom + 2}l6 11h-12z"/>`);
  }
  parts.push(`<g class="wave-ticks">${marks.join('')}</g>`, '</svg>');
  return parts.join('');
}
