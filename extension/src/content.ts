/// <reference types="chrome" />
/**
 * Content script for CEAC's status page. It waits for an answer (the UpdatePanel replaced by the
 * asynchronous postback, or a whole page), reads it by the labels' ids, and shows the panel right
 * under it. It never changes the form and sends nothing anywhere: "Save this check" and "Copy for a
 * forum" ask the extension's background worker, which talks only to the person's own ceac-watch,
 * and only once they connected one.
 */
import { UPDATE_PANEL_ID, VIEW } from '../../src/decode/labels.js';
import { forumLine } from '../../src/timelines/forum-line.js';
import type { ForumResult, Request, SaveResult } from './messages.js';
import { type Panel, renderPanel } from './panel.js';
import { type Answer, decodeAnswer, readPage } from './read.js';
import { STRINGS } from './strings.js';

/** The status page; CEAC's links spell the path in several cases. */
const STATUS_PATH = '/ceacstattracker/status.aspx';

const today = () => new Date().toISOString().slice(0, 10);

function ask(request: Request & { type: 'save' }): Promise<SaveResult>;
function ask(request: Request & { type: 'forum-line' }): Promise<ForumResult>;
function ask(request: Request & { type: 'open-options' }): Promise<void>;
function ask(request: Request): Promise<unknown> {
  return chrome.runtime.sendMessage(request);
}

function link(doc: Document, href: string, text: string): HTMLAnchorElement {
  const a = doc.createElement('a');
  a.href = href;
  a.textContent = text;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  return a;
}

function explainFailure(doc: Document, panel: Panel, r: Exclude<SaveResult, { kind: 'saved' }>): void {
  switch (r.kind) {
    case 'not_connected': {
      panel.say(STRINGS.notConnected);
      const b = doc.createElement('button');
      b.type = 'button';
      b.textContent = STRINGS.openOptions;
      b.addEventListener('click', () => void ask({ type: 'open-options' }));
      panel.extra(b);
      return;
    }
    case 'no_case':
      panel.say(STRINGS.noCase);
      panel.extra(link(doc, r.addUrl, STRINGS.addCase));
      return;
    case 'token_rejected':
      panel.say(STRINGS.tokenRejected);
      return;
    case 'unreachable':
      panel.say(STRINGS.unreachable(r.url));
      return;
    case 'failed':
      panel.say(STRINGS.failed(r.message));
      return;
  }
}

function actionsFor(doc: Document, answer: Answer) {
  return {
    save(panel: Panel) {
      panel.extra(null);
      panel.say(STRINGS.saving);
      void ask({ type: 'save', observation: answer.observation }).then((r) => {
        if (r.kind === 'saved') panel.say(r.recorded ? STRINGS.saved(r.events) : STRINGS.savedAgain);
        else explainFailure(doc, panel, r);
      });
    },
    copy(panel: Panel) {
      const { observation: o, interpretation: i } = answer;
      const local = forumLine({
        steps: [{ state: i.state, variant: i.variant, date: o.caseLastUpdated ?? today() }],
        post: o.post,
      });
      const caseNumber = o.caseNumber;
      const fromServer: Promise<ForumResult> = caseNumber
        ? ask({ type: 'forum-line', caseNumber })
        : Promise.resolve({ kind: 'not_connected' });
      void fromServer.then(async (r) => {
        const text = r.kind === 'line' ? r.text : local;
        const line = doc.createElement('p');
        line.className = 'cw-line';
        line.textContent = text;
        panel.extra(line);
        try {
          await navigator.clipboard.writeText(text);
          panel.say(r.kind === 'line' ? STRINGS.copied : STRINGS.copiedLocal);
        } catch {
          panel.say(STRINGS.copyFailed);
        }
      });
    },
  };
}

/** Right under the answer: after the status block, else after the UpdatePanel. */
function place(doc: Document, panel: HTMLElement): void {
  const anchor =
    doc.getElementById(`${VIEW}pnlStatus`) ??
    doc.getElementById(UPDATE_PANEL_ID) ??
    doc.getElementById(`${VIEW}lblStatus`);
  if (anchor) anchor.after(panel);
  else doc.body.append(panel);
}

function start(doc: Document): void {
  let shown: { key: string; panel: Panel } | null = null;
  const update = () => {
    const parsed = readPage(doc);
    if (parsed.kind !== 'status') {
      shown?.panel.root.remove();
      shown = null;
      return;
    }
    const key = JSON.stringify(parsed.observation);
    if (shown && shown.key === key && shown.panel.root.isConnected) return;
    shown?.panel.root.remove();
    const answer = decodeAnswer(parsed, today());
    const panel = renderPanel(doc, answer, actionsFor(doc, answer));
    place(doc, panel.root);
    shown = { key, panel };
  };
  // The async postback replaces the UpdatePanel's content: look again after every change that is not ours.
  new MutationObserver((records) => {
    const root = shown?.panel.root;
    if (records.some((r) => !root?.contains(r.target))) update();
  }).observe(doc.body, { childList: true, subtree: true, characterData: true });
  update();
}

if (location.pathname.toLowerCase() === STATUS_PATH) start(document);
