/** Web pages (src/web/pages, src/web/routes): everything but notification setup. English, the source: every key here must be in zh-CN/web.ts and es/web.ts. */
export const web = {
  'web.language.switcher': 'Language',
  'web.layout.skip': 'Skip to content',
  'web.layout.signOut': 'Sign out',
  'web.layout.mainNav': 'Main',
  'web.layout.explain': 'Explain a status',
  'web.layout.explainShort': 'Explain',
  'web.layout.waiting': 'Waiting times',
  'web.layout.waitingShort': 'Waiting',
  'web.layout.cases': 'My cases',
  'web.layout.casesShort': 'Cases',
  'web.layout.notifications': 'Notifications',
  'web.layout.account': 'Account',
  'web.layout.signIn': 'Sign in',
  'web.layout.signUp': 'Create account',
  'web.layout.demoBefore': 'This is the demo: the notifications it sends land in the',
  'web.layout.demoInbox': 'demo inbox',
  'web.layout.demoAfter': '.',
  'web.layout.about':
    "ceac-watch explains what the US State Department's CEAC status page shows. It is not affiliated with the US government; the consulate's letter and e-mails always win over anything shown here.",
  'web.layout.ceacEnglish':
    'CEAC shows its statuses in English only. We quote them in English beside our translation: the English text is what CEAC shows, and it is the one that counts.',
};
