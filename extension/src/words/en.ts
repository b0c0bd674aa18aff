/**
 * The panel's own words (English, the source), as ICU messages. The decoder's answer comes in the same language
 * from src/i18n; these are only the panel's headings, buttons and status lines. Every key here must be in
 * zh-CN.ts and es.ts (their type makes a missing one fail the typecheck). Say only what is true: the panel explains
 * the page, it does not predict.
 */
export const words = {
  'ext.panelTitle': 'ceac-watch: what this status means',
  'ext.finality.in_progress': 'In progress',
  'ext.finality.final_positive': 'Final: good news',
  'ext.finality.final_negative': 'Final: refused',
  'ext.finality.uncertain': 'Not final yet',
  'ext.confidence':
    '{end, select, yes {How sure we are that this is the end: {pct}%} other {How sure we are that this is not the end: {pct}%}}',
  'ext.meaning': 'What it means',
  'ext.nextSteps': 'What to do next',
  'ext.watchFor': 'What to watch for',
  'ext.notes': 'What we could not recognise',
  'ext.save': 'Save this check',
  'ext.copy': 'Copy for a forum',
  'ext.saving': 'Saving this check to your ceac-watch…',
  'ext.saved':
    '{events, plural, =0 {Saved to your ceac-watch.} one {Saved to your ceac-watch: one change recorded.} other {Saved to your ceac-watch: # changes recorded.}}',
  'ext.savedAgain': 'Your ceac-watch already has this answer: nothing new was recorded.',
  'ext.notConnected':
    'Nothing was sent: this extension is not connected to a ceac-watch. Connect one in the extension’s options to save checks.',
  'ext.openOptions': 'Open the options',
  'ext.noCase': 'None of your cases in ceac-watch has this case number.',
  'ext.addCase': 'Add this case to your ceac-watch',
  'ext.tokenRejected':
    'Your ceac-watch did not accept the API token: make a new one on its Account page and enter it in the options.',
  'ext.unreachable': 'Could not reach your ceac-watch at {url}. Is it running?',
  'ext.failed': 'Your ceac-watch answered with an error: {message}',
  'ext.copied': 'Copied. It has no case number and no names.',
  'ext.copiedLocal':
    'Copied (this answer only; connect a ceac-watch to copy the whole timeline). It has no case number and no names.',
  'ext.copyFailed': 'Could not write to the clipboard. Select and copy the line below.',
};

export type WordKey = keyof typeof words;
export type Words = Readonly<Record<WordKey, string>>;
