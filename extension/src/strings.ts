/**
 * The words of the options page (English; the panel on the CEAC page speaks the browser's language: words/ and
 * language.ts). Say only what is true.
 */
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
