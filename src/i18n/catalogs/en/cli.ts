/** The CLI's human output and its error messages (src/cli). English, the source: every key here must be in zh-CN/cli.ts and es/cli.ts. */
export const cli = {
  'cli.lang.unknown': 'Unknown language {given}: use one of {languages}.',
};
