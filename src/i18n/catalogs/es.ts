/**
 * Español. Terms follow src/i18n/glossary/es.md: CEAC's status words stay in English (they are what the person sees
 * on the CEAC page), with a Spanish gloss; "usted" throughout, as the State Department's Spanish pages do.
 */
import type { Catalog } from '../catalog.js';
import { cases } from './es/cases.js';
import { channels } from './es/channels.js';
import { cli } from './es/cli.js';
import { decode } from './es/decode.js';
import { notify } from './es/notify.js';
import { waves } from './es/waves.js';
import { web } from './es/web.js';

export const es: Catalog = { ...decode, ...web, ...channels, ...cli, ...notify, ...waves, ...cases };
