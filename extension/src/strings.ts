/**
 * Every word the extension shows, in one place (English for now; the languages issue will add
 * others here). Say only what is true: the panel explains the page, it does not predict.
 */
import type { Finality } from '../../src/knowledge/types.js';

export const STRINGS = {
  panelTitle: 'ceac-watch: what this status means',
  finality: {
    in_progress: 'In progress',
    final_positive: 'Final: good news',
    final_negative: 'Final: refused',
    uncertain: 'Not final yet',
  } satisfies Record<Finality, string>,
  confidence: (finality: Finality, pct: number) =>
    `How sure we are that this is ${finality === 'in_progress' || finality === 'uncertain' ? 'not the end' : 'the end'}: ${pct}%`,
  meaning: 'What it means',
  nextSteps: 'What to do next',
  watchFor: 'What to watch for',
  notes: 'What we could not recognise',
  save: 'Save this check',
  copy: 'Copy for a forum',
  saving: 'Saving this check to your ceac-watch…',
  saved: (events: number) =>
    events === 0
      ? 'Saved to your ceac-watch.'
      : `Saved to your ceac-watch: ${events === 1 ? 'one change' : `${events} changes`} recorded.`,
  savedAgain: 'Your ceac-watch already has this answer: nothing new was recorded.',
  notConnected:
    'Nothing was sent: this extension is not connected to a ceac-watch. Connect one in the extension’s options to save checks.',
  openOptions: 'Open the options',
  noCase: 'None of your cases in ceac-watch has this case number.',
  addCase: 'Add this case to your ceac-watch',
  tokenRejected:
    'Your ceac-watch did not accept the API token: make a new one on its Account page and enter it in the options.',
  unreachable: (url: string) => `Could not reach your ceac-watch at ${url}. Is it running?`,
  failed: (message: string) => `Your ceac-watch answered with an error: ${message}`,
  copied: 'Copied. It has no case number and no names.',
  copiedLocal:
    'Copied (this answer only; connect a ceac-watch to copy the whole timeline). It has no case number and no names.',
  copyFailed: 'Could not write to the clipboard. Select and copy the line below.',
} as const;

export const OPTIONS_STRINGS = {
  connected: (url: string) => `Connected to ${url}.`,
  notConnected: 'Not connected: nothing is ever sent anywhere.',
  badUrl:
    'Enter the address of your ceac-watch, starting with https:// (or http://localhost for one on this computer).',
  noToken: 'Enter an API token: make one on the Account page of your ceac-watch.',
  permissionDenied: 'The browser did not allow the extension to reach that address, so nothing was saved.',
  tokenRejected: 'That ceac-watch did not accept the token.',
  unreachable: 'Could not reach that address.',
  disconnected: 'Disconnected: the address and token were removed from this browser.',
} as const;
