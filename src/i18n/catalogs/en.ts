/**
 * The English catalogue: the source language, and the one the JSON output and the API always use. Every key here
 * must be in every other catalogue (their type is `Catalog`, so a missing key fails the typecheck). Messages are
 * ICU MessageFormat (`{days, plural, one {# day} other {# days}}`); CEAC's own texts are never here: they are shown
 * verbatim, in English, in every language. The keys live in one file per area (./en/<area>.ts), so that work on
 * one part of the app does not touch the words of another; the areas must not share a key.
 */
import { cases } from './en/cases.js';
import { channels } from './en/channels.js';
import { cli } from './en/cli.js';
import { decode } from './en/decode.js';
import { notify } from './en/notify.js';
import { waves } from './en/waves.js';
import { web } from './en/web.js';

export const en = { ...decode, ...web, ...channels, ...cli, ...notify, ...waves, ...cases };
