import type { AreaCatalog } from '../../catalog.js';
import type { notify as source } from '../en/notify.js';

/** Notifications and e-mails (src/notify, src/web/mailer.ts). */
export const notify: AreaCatalog<typeof source> = {
  'notify.ceacVerbatim': 'CEAC 显示的英文原文（以英文为准）：{text}',
};
