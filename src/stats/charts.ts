/**
 * Server-side SVG charts of the estimates, as strings (no DOM): the survival curve with its
 * confidence band and the median marked, and the cumulative incidence of each outcome. Each SVG
 * carries a <title> and <desc> for screen readers; the page adds the table of the same figures.
 */
import { scaleLinear } from 'd3-scale';
import { area, curveStepAfter, line } from 'd3-shape';

import type { CumulativeIncidence } from './aalen-johansen.js';
import type { CurvePoint, Interval } from './report.js';

export interface ChartFrame {
  width?: number;
  height?: number;
  /** Short name of the chart (the SVG <title>). */
  title: string;
  /** One or two sentences saying what it shows (the SVG <desc>). */
  description: string;
  /** An id prefix, unique on the page, for the title/desc references. */
  id?: string;
  /** The words drawn in the chart, for a page in another language; English by default. */
  words?: Partial<ChartWords>;
}

/** The words inside a chart: axis labels, the median's label, the names of the outcomes. */
export interface ChartWords {
  daysAxis: string;
  stillWaiting: string;
  shareDecided: string;
  /** "median 66 days (49–91)": the median's label, given its days and its interval as text ('' when unknown). */
  median: (days: number, interval: string) => string;
  issued: string;
  refused: string;
}

export const ENGLISH_CHART_WORDS: ChartWords = {
  daysAxis: 'days waited',
  stillWaiting: 'still waiting',
  shareDecided: 'share decided',
  median: (days, interval) => `median ${days} days${interval ? ` ${interval}` : ''}`,
  issued: 'cleared or issued',
  refused: 'refused',
};

const wordsOf = (frame: ChartFrame): ChartWords => ({ ...ENGLISH_CHART_WORDS, ...frame.words });

const MARGIN = { top: 16, right: 16, bottom: 40, left: 48 };
/** Length of a censoring tick, centred on the curve. */
const CENSOR_TICK = 8;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2).replace(/0+$/, '').replace(/\.$/, ''));

interface Axes {
  x: (v: number) => number;
  y: (v: number) => number;
  svg: string;
}

function axes(maxDays: number, width: number, height: number, yLabel: string, xLabel: string): Axes {
  const x = scaleLinear()
    .domain([0, Math.max(1, maxDays)])
    .range([MARGIN.left, width - MARGIN.right])
    .nice();
  const y = scaleLinear()
    .domain([0, 1])
    .range([height - MARGIN.bottom, MARGIN.top]);
  const parts: string[] = [];
  const bottom = height - MARGIN.bottom;
  parts.push(
    `<line class="axis" x1="${MARGIN.left}" y1="${bottom}" x2="${width - MARGIN.right}" y2="${bottom}" stroke="currentColor"/>`,
  );
  parts.push(
    `<line class="axis" x1="${MARGIN.left}" y1="${MARGIN.top}" x2="${MARGIN.left}" y2="${bottom}" stroke="currentColor"/>`,
  );
  for (const t of x.ticks(6)) {
    const px = fmt(x(t));
    parts.push(`<line x1="${px}" y1="${bottom}" x2="${px}" y2="${bottom + 4}" stroke="currentColor"/>`);
    parts.push(`<text x="${px}" y="${bottom + 16}" text-anchor="middle" font-size="11">${t}</text>`);
  }
  for (const t of y.ticks(5)) {
    const py = fmt(y(t));
    parts.push(`<line x1="${MARGIN.left - 4}" y1="${py}" x2="${MARGIN.left}" y2="${py}" stroke="currentColor"/>`);
    parts.push(
      `<text x="${MARGIN.left - 6}" y="${py}" dy="0.32em" text-anchor="end" font-size="11">${Math.round(t * 100)}%</text>`,
    );
  }
  parts.push(
    `<text x="${fmt((MARGIN.left + width - MARGIN.right) / 2)}" y="${height - 6}" text-anchor="middle" font-size="12">${escapeXml(xLabel)}</text>`,
  );
  parts.push(
    `<text transform="translate(12 ${fmt((MARGIN.top + bottom) / 2)}) rotate(-90)" text-anchor="middle" font-size="12">${escapeXml(yLabel)}</text>`,
  );
  return { x: (v) => x(v), y: (v) => y(v), svg: parts.join('') };
}

function open(frame: ChartFrame, width: number, height: number): string {
  const id = escapeXml(frame.id ?? 'chart');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ` +
    `role="img" aria-labelledby="${id}-title ${id}-desc">` +
    `<title id="${id}-title">${escapeXml(frame.title)}</title><desc id="${id}-desc">${escapeXml(frame.description)}</desc>`
  );
}

/** Steps from (0, 1) through each point, as R draws a survival curve. */
function withOrigin<T>(points: readonly T[], origin: T): T[] {
  return [origin, ...points];
}

export interface SurvivalChartData {
  curve: readonly CurvePoint[];
  median: Interval;
  /** A marker at this case's wait ("you are here"), for the case page. */
  marker?: { days: number; label: string };
}

/** The Kaplan–Meier curve (share still waiting), its confidence band, and the median marked. */
export function survivalChart(data: SurvivalChartData, frame: ChartFrame): string {
  const width = frame.width ?? 640;
  const height = frame.height ?? 320;
  const maxDays = Math.max(data.curve.at(-1)?.t ?? 1, data.marker?.days ?? 0);
  const words = wordsOf(frame);
  const ax = axes(maxDays, width, height, words.stillWaiting, words.daysAxis);
  const points = withOrigin<CurvePoint>(data.curve, {
    t: 0,
    survival: 1,
    low: 1,
    high: 1,
    nRisk: 0,
    events: 0,
    censored: 0,
  });
  const band = area<CurvePoint>()
    .defined((p) => p.low !== null && p.high !== null)
    .x((p) => ax.x(p.t))
    .y0((p) => ax.y(p.low ?? 0))
    .y1((p) => ax.y(p.high ?? 0))
    .curve(curveStepAfter)
    .digits(2);
  const path = line<CurvePoint>()
    .x((p) => ax.x(p.t))
    .y((p) => ax.y(p.survival))
    .curve(curveStepAfter)
    .digits(2);
  const parts = [open(frame, width, height), ax.svg];
  parts.push(`<path class="band" d="${band(points) ?? ''}" fill="currentColor" fill-opacity="0.15" stroke="none"/>`);
  parts.push(`<path class="curve" d="${path(points) ?? ''}" fill="none" stroke="currentColor" stroke-width="2"/>`);
  // Censored cases are ticks on the curve, as in R's plot.survfit: one path of short vertical
  // segments ("M x,y v8" each) rather than one <line> per time, which on a large group was most
  // of the chart's bytes.
  let ticks = '';
  for (const p of data.curve) {
    if (p.censored > 0) ticks += `M${fmt(ax.x(p.t))},${fmt(ax.y(p.survival) - 4)}v${CENSOR_TICK}`;
  }
  if (ticks) parts.push(`<path class="censored" d="${ticks}" fill="none" stroke="currentColor"/>`);
  const m = data.median;
  if (m.days !== null) {
    const mx = fmt(ax.x(m.days));
    const my = fmt(ax.y(0.5));
    parts.push(
      `<g class="median"><line x1="${MARGIN.left}" y1="${my}" x2="${mx}" y2="${my}" stroke="currentColor" stroke-dasharray="4 3"/>` +
        `<line x1="${mx}" y1="${my}" x2="${mx}" y2="${fmt(ax.y(0))}" stroke="currentColor" stroke-dasharray="4 3"/>` +
        `<text x="${mx}" y="${fmt(ax.y(0.5) - 6)}" font-size="12">` +
        escapeXml(words.median(m.days, m.low !== null || m.high !== null ? `(${m.low ?? '?'}–${m.high ?? '?'})` : '')) +
        `</text></g>`,
    );
  }
  if (data.marker) {
    const kx = fmt(ax.x(data.marker.days));
    parts.push(
      `<g class="marker"><line x1="${kx}" y1="${MARGIN.top}" x2="${kx}" y2="${fmt(ax.y(0))}" stroke="currentColor" stroke-width="2"/>` +
        // Low on the line (the curve is high there only late), on the side with room, with a halo over the curve.
        `<text x="${kx}" y="${fmt(ax.y(0) - 8)}" dx="${ax.x(data.marker.days) > width / 2 ? -6 : 6}" text-anchor="${ax.x(data.marker.days) > width / 2 ? 'end' : 'start'}" font-size="12" paint-order="stroke" stroke-width="4" stroke-linejoin="round">${escapeXml(data.marker.label)}</text></g>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}

export interface IncidencePoint {
  t: number;
  issued: number;
  issuedLow: number | null;
  issuedHigh: number | null;
  refused: number;
  refusedLow: number | null;
  refusedHigh: number | null;
}

export function incidencePoints(ci: CumulativeIncidence): IncidencePoint[] {
  const out: IncidencePoint[] = [];
  const n = (x: number) => (Number.isFinite(x) ? x : null);
  for (let k = 0; k < ci.time.length; k++) {
    out.push({
      t: ci.time[k]!,
      issued: ci.issued[k]!,
      issuedLow: n(ci.issuedLower[k]!),
      issuedHigh: n(ci.issuedUpper[k]!),
      refused: ci.refused[k]!,
      refusedLow: n(ci.refusedLower[k]!),
      refusedHigh: n(ci.refusedUpper[k]!),
    });
  }
  return out;
}

/** Cumulative incidence of clearance/issuance and of refusal (Aalen–Johansen), each with a band. */
export function incidenceChart(points: readonly IncidencePoint[], frame: ChartFrame): string {
  const width = frame.width ?? 640;
  const height = frame.height ?? 320;
  const words = wordsOf(frame);
  const ax = axes(points.at(-1)?.t ?? 1, width, height, words.shareDecided, words.daysAxis);
  const all = withOrigin<IncidencePoint>(points, {
    t: 0,
    issued: 0,
    issuedLow: 0,
    issuedHigh: 0,
    refused: 0,
    refusedLow: 0,
    refusedHigh: 0,
  });
  const parts = [open(frame, width, height), ax.svg];
  const series: { key: 'issued' | 'refused'; label: string; dash: string }[] = [
    { key: 'issued', label: words.issued, dash: '' },
    { key: 'refused', label: words.refused, dash: ' stroke-dasharray="6 3"' },
  ];
  series.forEach(({ key, label, dash }, i) => {
    const low = `${key}Low` as const;
    const high = `${key}High` as const;
    const band = area<IncidencePoint>()
      .defined((p) => p[low] !== null && p[high] !== null)
      .x((p) => ax.x(p.t))
      .y0((p) => ax.y(p[low] ?? 0))
      .y1((p) => ax.y(p[high] ?? 0))
      .curve(curveStepAfter)
      .digits(2);
    const path = line<IncidencePoint>()
      .x((p) => ax.x(p.t))
      .y((p) => ax.y(p[key]))
      .curve(curveStepAfter)
      .digits(2);
    parts.push(
      `<path class="band ${key}" d="${band(all) ?? ''}" fill="currentColor" fill-opacity="0.12" stroke="none"/>`,
    );
    parts.push(
      `<path class="curve ${key}" d="${path(all) ?? ''}" fill="none" stroke="currentColor" stroke-width="2"${dash}/>`,
    );
    const last = all.at(-1)!;
    parts.push(
      `<text class="label ${key}" x="${fmt(ax.x(last.t))}" y="${fmt(ax.y(last[key]) - 6 - i * 2)}" text-anchor="end" font-size="12">` +
        `${escapeXml(label)} ${Math.round(last[key] * 100)}%</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}
