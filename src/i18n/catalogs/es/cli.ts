import type { AreaCatalog } from '../../catalog.js';
import type { cli as source } from '../en/cli.js';

/** The CLI's human output and its error messages (src/cli). */
export const cli: AreaCatalog<typeof source> = {
  'cli.lang.unknown': 'Idioma desconocido {given}: use uno de {languages}.',
};
