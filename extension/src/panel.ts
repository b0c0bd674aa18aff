/**
 * The panel under CEAC's answer: headline, finality with confidence, meaning, next steps, what to
 * watch for, and two buttons. Built with DOM calls and textContent only (nothing from the page is
 * ever parsed as HTML). A labelled region with headings; the status line is announced politely.
 */
import type { PanelWords } from './language.js';
import type { Answer } from './read.js';

export interface PanelActions {
  save(panel: Panel): void;
  copy(panel: Panel): void;
}

export interface Panel {
  root: HTMLElement;
  /** Says something in the live region (replacing what was there). */
  say(text: string): void;
  /** Shows an extra line under the status: a link, a button, or the forum line. */
  extra(node: Node | null): void;
}

let count = 0;

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  text?: string,
  attrs: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (text !== undefined) e.textContent = text;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

function list(doc: Document, heading: string, items: readonly string[]): HTMLElement[] {
  if (items.length === 0) return [];
  const ul = el(doc, 'ul');
  for (const item of items) ul.append(el(doc, 'li', item));
  return [el(doc, 'h3', heading), ul];
}

export function renderPanel(doc: Document, answer: Answer, actions: PanelActions, words: PanelWords): Panel {
  const { say } = words;
  const { interpretation: i } = answer;
  const id = `ceac-watch-title-${++count}`;
  const root = el(doc, 'section', undefined, {
    class: 'ceac-watch-panel',
    role: 'region',
    'aria-labelledby': id,
    'data-state': i.state,
    'data-variant': i.variant,
    'data-finality': i.finality,
    lang: words.language,
  });
  const pct = Math.round(i.confidence * 100);
  const finality = el(doc, 'p', undefined, { class: 'cw-finality' });
  finality.append(
    el(doc, 'span', say(`ext.finality.${i.finality}`), { class: `cw-badge cw-${i.finality}` }),
    ' ',
    el(
      doc,
      'span',
      say('ext.confidence', {
        end: i.finality === 'in_progress' || i.finality === 'uncertain' ? 'no' : 'yes',
        pct,
      }),
      { class: 'cw-confidence' },
    ),
  );
  const save = el(doc, 'button', say('ext.save'), { type: 'button', class: 'cw-save' });
  const copy = el(doc, 'button', say('ext.copy'), { type: 'button', class: 'cw-copy' });
  const buttons = el(doc, 'div', undefined, { class: 'cw-actions' });
  buttons.append(save, ' ', copy);
  const status = el(doc, 'p', undefined, { class: 'cw-status', role: 'status', 'aria-live': 'polite' });
  const extra = el(doc, 'div', undefined, { class: 'cw-extra' });

  root.append(
    el(doc, 'h2', say('ext.panelTitle'), { id }),
    el(doc, 'p', i.headline, { class: 'cw-headline' }),
    finality,
    el(doc, 'h3', say('ext.meaning')),
    el(doc, 'p', i.meaning, { class: 'cw-meaning' }),
    ...list(doc, say('ext.nextSteps'), i.nextSteps),
    ...list(doc, say('ext.watchFor'), i.watchFor),
    ...list(doc, say('ext.notes'), i.notes),
    buttons,
    status,
    extra,
  );

  const panel: Panel = {
    root,
    say(text) {
      status.textContent = text;
    },
    extra(node) {
      extra.replaceChildren(...(node ? [node] : []));
    },
  };
  save.addEventListener('click', () => {
    actions.save(panel);
  });
  copy.addEventListener('click', () => {
    actions.copy(panel);
  });
  return panel;
}
