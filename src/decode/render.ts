/**
 * The human-readable answer, as `ceac explain` prints it (and as notifications and the web app can
 * reuse it). Pure: colours come from the caller's painter, which does nothing off a terminal.
 */
import type { MessageKey } from '../i18n/catalog.js';
import { english, type Translator } from '../i18n/translator.js';
import type { ExplainResult, Finality } from '../knowledge/types.js';

export type Style = 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'cyan';
export type Paint = (style: Style, text: string) => string;
const plain: Paint = (_style, text) => text;

const FINALITY_STYLE: Readonly<Record<Finality, Style>> = {
  in_progress: 'cyan',
  final_positive: 'green',
  final_negative: 'red',
  uncertain: 'yellow',
};

/** The variants that add words to the status word on the "Status" line. */
const LABELLED_VARIANTS = new Set(['refused_221g', 'refused_letter', 'refused_letter_legacy', 'refused', 'issued_iv']);

/** What a variant adds to the status word, for the "Status" line (undefined when it adds nothing). */
export function variantLabel(variant: string, t: Translator = english): string | undefined {
  return LABELLED_VARIANTS.has(variant) ? t.text(`render.variant.${variant}` as MessageKey) : undefined;
}

/** What each variant adds to the status word, in English (kept for callers that show English only). */
export const VARIANT_LABELS: Readonly<Record<string, string>> = Object.fromEntries(
  [...LABELLED_VARIANTS].map((v) => [v, variantLabel(v)!]),
);

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Terminal columns of a text, counting a CJK character as two. */
function columns(text: string): number {
  let n = 0;
  for (const ch of text) n += WIDE.test(ch) ? 2 : 1;
  return n;
}

/**
 * The pieces a line may break between: words, and each CJK character on its own (Chinese has no spaces; a line may
 * break between any two characters). `space` says whether a space goes before the piece when it is not first.
 */
function pieces(text: string): { piece: string; space: boolean }[] {
  const out: { piece: string; space: boolean }[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let first = true;
    for (const part of word.match(
      /[\u2e80-\ua4cf\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60][\u3000-\u303f\uff01-\uff0f\uff1a-\uff1f]*|[^\u2e80-\ua4cf\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60]+/g,
    ) ?? []) {
      out.push({ piece: part, space: first });
      first = false;
    }
  }
  return out;
}

/** Word-wraps one paragraph to `width` columns with an indent. */
export function wrap(text: string, width: number, indent = ''): string {
  const lines: string[] = [];
  let line = '';
  for (const { piece, space } of pieces(text)) {
    const joined = line ? `${line}${space ? ' ' : ''}${piece}` : piece;
    if (line && columns(indent) + columns(joined) > width) {
      lines.push(indent + line);
      line = piece;
    } else {
      line = joined;
    }
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}

function bullets(items: string[], width: number): string {
  return items.map((item) => wrap(item, width, '    ').replace(/^ {4}/, '  - ')).join('\n');
}

export interface RenderOptions {
  paint?: Paint;
  width?: number;
  /** The language of the labels; the interpretation's own words are already in it. */
  t?: Translator;
}

export function renderExplanation(result: ExplainResult, options: RenderOptions = {}): string {
  const paint = options.paint ?? plain;
  const t = options.t ?? english;
  const width = Math.max(40, Math.min(options.width ?? 88, 120));
  const { observation: o, interpretation: i } = result;
  const out: string[] = [];
  out.push(paint('bold', wrap(i.headline, width)), '');

  const label = variantLabel(i.variant, t);
  const status = o.status
    ? `${o.status}${label ? `  (${label})` : ''}`
    : i.state === 'unknown'
      ? t.text('render.statusNone')
      : label
        ? t.text('render.statusFromTextLabel', { label })
        : t.text('render.statusFromText');
  const rows: [MessageKey, string | null][] = [
    ['render.row.status', status],
    ['render.row.case', o.caseNumber],
    ['render.row.created', o.caseCreated],
    ['render.row.updated', o.caseLastUpdated],
    ['render.row.post', o.post],
  ];
  const labels = [...rows.map(([key]) => t.text(key)), t.text('render.row.finality')];
  const labelWidth = Math.max(13, ...labels.map(columns));
  const pad = (text: string) => text + ' '.repeat(Math.max(0, labelWidth - columns(text)));
  for (const [key, value] of rows) if (value) out.push(`  ${paint('dim', pad(t.text(key)))} ${value}`);
  const finality = paint(FINALITY_STYLE[i.finality], t.text(`render.finality.${i.finality}`));
  out.push(
    `  ${paint('dim', pad(t.text('render.row.finality')))} ${t.text('render.confidence', { finality, percent: Math.round(i.confidence * 100) })}`,
    '',
  );

  out.push(paint('bold', t.text('render.heading.meaning')), wrap(i.meaning, width, '  '));
  if (t.language !== 'en' && o.message) {
    // The translation explains; CEAC's English text is what CEAC shows and is what counts.
    out.push('', paint('bold', t.text('render.ceacText')), wrap(o.message, width, '  '));
  }
  if (i.nextSteps.length) out.push('', paint('bold', t.text('render.heading.next')), bullets(i.nextSteps, width));
  if (i.watchFor.length) out.push('', paint('bold', t.text('render.heading.watch')), bullets(i.watchFor, width));
  if (i.notes.length) out.push('', paint('bold', t.text('render.heading.notes')), bullets(i.notes, width));
  if (i.sources.length)
    out.push('', paint('dim', t.text('render.heading.sources')), paint('dim', bullets(i.sources, width)));
  return out.join('\n') + '\n';
}
