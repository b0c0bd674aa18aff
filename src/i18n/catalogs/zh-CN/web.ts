import type { AreaCatalog } from '../../catalog.js';
import type { web as source } from '../en/web.js';

/** Web pages (src/web/pages, src/web/routes): everything but notification setup. */
export const web: AreaCatalog<typeof source> = {
  'web.language.switcher': '语言',
};
