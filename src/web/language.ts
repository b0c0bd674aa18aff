/**
 * Which language a page speaks, and the words in it. The choice, strongest first: a `?lang=` link of the language
 * switcher (remembered in a cookie and, for a signed-in person, on their account, then the address is cleaned up),
 * the cookie, the account's choice, the browser's Accept-Language, English. Pages get their words through `t()`,
 * which reads the request's translator from Hono's context storage, so components deep in a page need no prop.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getContext } from 'hono/context-storage';
import { getCookie, setCookie } from 'hono/cookie';

import type { MessageKey, MessageValue } from '../i18n/catalog.js';
import { type Language, languageFromAcceptLanguage, LANGUAGES, matchLanguage } from '../i18n/languages.js';
import { english, loadTranslator, type Translator } from '../i18n/translator.js';
import type { AppContext, AppEnv } from './context.js';
import { cookieOptions } from './session.js';

export const LANGUAGE_COOKIE = 'cw_lang';
const YEAR_MS = 365 * 24 * 3600_000;

/** Where a language's words come from: the real catalogues, or (in a test) a pseudo-localised one. */
export type TranslatorLoader = (language: Language) => Promise<Translator>;

/** After `identify()` (the account's choice counts) and before anything renders. */
export function negotiateLanguage(load: TranslatorLoader = loadTranslator): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const asked = c.req.query('lang');
    const chosen = asked === undefined ? undefined : matchLanguage(asked);
    if (chosen && (c.req.method === 'GET' || c.req.method === 'HEAD') && !c.req.path.startsWith('/api/')) {
      setCookie(c, LANGUAGE_COOKIE, chosen, cookieOptions(c, YEAR_MS));
      const user = c.var.user;
      if (user && user.language !== chosen) await c.var.services.accounts.setLanguage(user.id, chosen);
      // The same page without the switch in its address: a bookmark or a shared link keeps the reader's language.
      const url = new URL(c.req.url);
      url.searchParams.delete('lang');
      // Never "//host/x": that Location would send the reader to another site.
      return c.redirect(/^\/[/\\]/.test(url.pathname) ? '/' : url.pathname + url.search, 303);
    }
    const language = browserLanguage(c, c.var.user?.language);
    c.set('language', language);
    c.set('t', await load(language));
    await next();
    // Shared caches must not hand one reader's language to another. Set on the response's own headers: c.header()
    // after the handler rebuilds the response as a stream, which made large pages several times slower to send.
    c.res.headers.append('Vary', 'Accept-Language, Cookie');
  };
}

/** The cookie's language, else the account's, else the browser's, else English. */
export function browserLanguage(c: Context, account?: Language | null): Language {
  return (
    matchLanguage(getCookie(c, LANGUAGE_COOKIE)) ??
    account ??
    languageFromAcceptLanguage(c.req.header('accept-language')) ??
    'en'
  );
}

/** The words of a catalogue message in the language of the request being rendered (English outside a request). */
export function t(key: MessageKey, values?: Readonly<Record<string, MessageValue>>): string {
  return translator().text(key, values);
}

/** The request's translator, for code that passes messages (`Msg`) around. */
export function translator(): Translator {
  try {
    // Unset when a request fails before its language is known (an oversized body): English then.
    const vars: Partial<AppEnv['Variables']> = getContext<AppEnv>().var;
    return vars.t ?? english;
  } catch {
    // Rendered outside a request (a unit test of one component): the source language.
    return english;
  }
}

/** The language of the request being rendered. */
export function pageLanguage(c?: AppContext): Language {
  try {
    const vars: Partial<AppEnv['Variables']> = (c ?? getContext<AppEnv>()).var;
    return vars.language ?? 'en';
  } catch {
    return 'en';
  }
}

/** The address of this page in another language: the switcher's links (they work without JavaScript). */
export function languageLink(c: AppContext, language: Language): string {
  const url = new URL(c.req.url);
  // "//host/x" in our own page would be a link to another site: such an address switches from the start page.
  if (/^\/[/\\]/.test(url.pathname)) return `/?lang=${language}`;
  url.searchParams.set('lang', language);
  return url.pathname + url.search;
}

/** The switcher's links for a page answered before the language is known (they lead to the start page). */
export const START_PAGE_LANGUAGE_LINKS = Object.fromEntries(LANGUAGES.map((l) => [l, `/?lang=${l}`])) as Readonly<
  Record<Language, string>
>;
