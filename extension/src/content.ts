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
import { browserLanguage, type LanguagePack, type PanelWords, panelWords } from './language.js';
import type { ForumResult, Request, SaveResult } from './messages.js';
import { type Panel, renderPanel } from './panel.js';
import { type Answer, decodeAnswer, readPage } from './read.js';

/** The status page; CEAC's links spell the path in several cases. */
const STATUS_PATH = '/ceacstattracker/status.aspx';

const today = () => new Date().toISOString().slice(0, 10);

function ask(request: Request & { type: 'save' }): Promise<SaveResult>;
function ask(request: Request & { type: 'forum-line' }): Promise<ForumResult>;
function ask(request: Request & { type: 'open-options' }): Promise<void>;
function ask(request: Request & { type: 'language-pack' }): Promise<LanguagePack | null>;
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

function explainFailure(
  doc: Document,
  panel: Panel,
  r: Exclude<SaveResult, { kind: 'saved' }>,
  { say }: PanelWords,
): void {
  switch (r.kind) {
    case 'not_connected': {
      panel.say(say('ext.notConnected'));
      const b = doc.createElement('button');
      b.type = 'button';
      b.textContent = say('ext.openOptions');
      b.addEventListener('click', () => void ask({ type: 'open-options' }));
      panel.extra(b);
      return;
    }
    case 'no_case':
      panel.say(say('ext.noCase'));
      panel.extra(link(doc, r.addUrl, say('ext.addCase')));
      return;
    case 'token_rejected':
      panel.say(say('ext.tokenRejected'));
      return;
    case 'unreachable':
      panel.say(say('ext.unreachable', { url: r.url }));
      return;
    case 'failed':
      panel.say(say('ext.failed', { message: r.message }));
      return;
  }
}

function actionsFor(doc: Document, answer: Answer, words: PanelWords) {
  const { say } = words;
  return {
    save(panel: Panel) {
      panel.extra(null);
      panel.say(say('ext.saving'));
      void ask({ type: 'save', observation: answer.observation }).then((r) => {
        if (r.kind === 'saved') panel.say(r.recorded ? say('ext.saved', { events: r.events }) : say('ext.savedAgain'));
        else explainFailure(doc, panel, r, words);
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
          panel.say(r.kind === 'line' ? say('ext.copied') : say('ext.copiedLocal'));
        } catch {
          panel.say(say('ext.copyFailed'));
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

function start(doc: Document, words: PanelWords): void {
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
    const answer = decodeAnswer(parsed, today(), words.t);
    const panel = renderPanel(doc, answer, actionsFor(doc, answer, words), words);
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

/** The words in the browser's language: English at once, another language once its pack is read. */
async function wordsForBrowser(): Promise<PanelWords> {
  const language = browserLanguage(navigator.language);
  if (language === 'en') return panelWords('en', null);
  const pack = await ask({ type: 'language-pack', language }).catch(() => null);
  return panelWords(language, pack);
}

if (location.pathname.toLowerCase() === STATUS_PATH) void wordsForBrowser().then((words) => start(document, words));
