/**
 * The human-readable answer, as `ceac explain` prints it (and as notifications and the web app can
 * reuse it). Pure: colours come from the caller's painter, which does nothing off a terminal.
 */
import type { ExplainResult, Finality } from '../knowledge/types.js';

export type Style = 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'cyan';
export type Paint = (style: Style, text: string) => string;
const plain: Paint = (_style, text) => text;

const FINALITY: Readonly<Record<Finality, string>> = {
  in_progress: 'in progress (not a final decision)',
  final_positive: 'final: visa issued',
  final_negative: 'final: refused',
  uncertain: 'uncertain (could be final or still open)',
};

const FINALITY_STYLE: Readonly<Record<Finality, Style>> = {
  in_progress: 'cyan',
  final_positive: 'green',
  final_negative: 'red',
  uncertain: 'yellow',
};

/** What each variant adds to the status word, for the "Status" line. */
export const VARIANT_LABELS: Readonly<Record<string, string>> = {
  refused_221g: '221(g) administrative-processing text',
  refused_letter: 'short text: "see the letter you received"',
  refused_letter_legacy: 'pre-2020 short text: "refer to the letter"',
  refused: 'text missing or too short to tell',
  issued_iv: 'immigrant visa text',
};

/** Word-wraps one paragraph to `width` columns with an indent. */
export function wrap(text: string, width: number, indent = ''): string {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && indent.length + line.length + 1 + w.length > width) {
      lines.push(indent + line);
      line = w;
    } else {
      line = line ? `${line} ${w}` : w;
    }
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}

function bullets(items: string[], width: number): string {
  return items.map((item) => wrap(item, width, '    ').replace(/^ {4}/, '  - ')).join('\n');
}

export function renderExplanation(result: ExplainResult, options: { paint?: Paint; width?: number } = {}): string {
  const paint = options.paint ?? plain;
  const width = Math.max(40, Math.min(options.width ?? 88, 120));
  const { observation: o, interpretation: i } = result;
  const out: string[] = [];
  out.push(paint('bold', wrap(i.headline, width)), '');

  const label = VARIANT_LABELS[i.variant];
  const status = o.status
    ? `${o.status}${label ? `  (${label})` : ''}`
    : i.state === 'unknown'
      ? '(none found)'
      : `(no status word; read from the text${label ? `: ${label}` : ''})`;
  const rows: [string, string | null][] = [
    ['Status', status],
    ['Case', o.caseNumber],
    ['Case created', o.caseCreated],
    ['Last updated', o.caseLastUpdated],
    ['Post', o.post],
  ];
  for (const [name, value] of rows) if (value) out.push(`  ${paint('dim', name.padEnd(13))} ${value}`);
  const confidence = `${Math.round(i.confidence * 100)}%`;
  out.push(
    `  ${paint('dim', 'Finality'.padEnd(13))} ${paint(FINALITY_STYLE[i.finality], FINALITY[i.finality])}, confidence ${confidence}`,
    '',
  );

  out.push(paint('bold', 'What it means'), wrap(i.meaning, width, '  '));
  if (i.nextSteps.length) out.push('', paint('bold', 'What to do next'), bullets(i.nextSteps, width));
  if (i.watchFor.length) out.push('', paint('bold', 'What to watch for'), bullets(i.watchFor, width));
  if (i.notes.length) out.push('', paint('bold', 'Notes'), bullets(i.notes, width));
  if (i.sources.length) out.push('', paint('dim', 'Sources'), paint('dim', bullets(i.sources, width)));
  return out.join('\n') + '\n';
}
