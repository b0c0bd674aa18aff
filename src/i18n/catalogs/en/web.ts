/** Web pages (src/web/pages, src/web/routes): everything but notification setup. English, the source: every key here must be in zh-CN/web.ts and es/web.ts. */
export const web = {
  'web.language.switcher': 'Language',
};
