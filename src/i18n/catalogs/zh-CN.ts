/**
 * 简体中文. Terms follow src/i18n/glossary/zh-CN.md: CEAC's status words stay in English (they are what the person
 * sees on the CEAC page), each with a Chinese gloss the first time; 221(g) is never translated as a plain 拒签.
 */
import type { Catalog } from '../catalog.js';
import { cases } from './zh-CN/cases.js';
import { channels } from './zh-CN/channels.js';
import { cli } from './zh-CN/cli.js';
import { decode } from './zh-CN/decode.js';
import { notify } from './zh-CN/notify.js';
import { waves } from './zh-CN/waves.js';
import { web } from './zh-CN/web.js';

export const zhCN: Catalog = { ...decode, ...web, ...channels, ...cli, ...notify, ...waves, ...cases };
