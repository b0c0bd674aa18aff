/** The web pages of one's own cases, the account page (but its notification channels) and shared timelines (src/web/pages/cases.tsx, case-ahead, learned-schedule, account, timelines, calendar). English, the source. */
export const cases = {
  'cases.heading': 'My cases',
};
