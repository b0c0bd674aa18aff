/** Notifications and e-mails (src/notify, src/web/mailer.ts). English, the source: every key here must be in zh-CN/notify.ts and es/notify.ts. */
export const notify = {
  'notify.ceacVerbatim': 'CEAC shows, in English (the authoritative text): {text}',
};
