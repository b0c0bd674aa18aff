import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';

import type { AppEnv } from './context.js';
import { browserLanguage, START_PAGE_LANGUAGE_LINKS, type TranslatorLoader } from './language.js';
import { MessagePage } from './pages/auth.js';

/**
 * Strict CSP: every script and style is a file served by us (no inline code at all), nothing is
 * framed, forms post only here. Captcha images come through our own server, so img-src stays 'self'.
 */
export function securityHeaders() {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      fontSrc: ["'self'"],
      manifestSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
    },
    referrerPolicy: 'same-origin',
    crossOriginEmbedderPolicy: false,
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  });
}

/**
 * Headers of the responses served before the page middleware (static files, /healthz): no MIME
 * sniffing, and nothing an opened file may load or be framed by.
 */
export const STATIC_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
};

/** Forms are small; a pasted status page, a pasted timeline post or a webhook body may be larger. */
export const FORM_BODY_LIMIT = 64 * 1024;
export const PASTE_BODY_LIMIT = 1024 * 1024;
const PASTE_ROUTES = new Set(['/', '/api/v1/explain', '/timelines', '/timelines/new/extract', '/api/demo/inbox']);

/**
 * Body limits per route, checked before the body is read: a declared Content-Length over the limit
 * is refused at once, a streamed body as soon as it passes the limit. 413 with a page or JSON.
 */
export function bodyLimits(load: TranslatorLoader): MiddlewareHandler<AppEnv> {
  const limiter = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: async (c) => {
        const kb = Math.round(maxSize / 1024);
        const size = kb >= 1024 ? `${kb / 1024} MB` : `${kb} KB`;
        if (c.req.path.startsWith('/api/')) {
          const message = `The request was too large: ${size} at most here.`;
          return c.json({ error: { code: 'too_large', message } }, 413, { Connection: 'close' });
        }
        // Before the session is known: the cookie's or the browser's language (the page's words read it from here).
        const language = browserLanguage(c);
        const t = await load(language);
        c.set('language', language);
        c.set('t', t);
        // Called as a function: this file stays .ts (no JSX) for the one page it renders.
        const page = MessagePage({
          frame: {
            title: t.text('web.error.tooLarge.title'),
            user: null,
            csrf: '',
            language,
            languageLinks: START_PAGE_LANGUAGE_LINKS,
          },
          heading: t.text('web.error.tooLarge.title'),
          kind: 'bad',
          message: t.text('web.error.tooLarge.message', { size }),
          back: { href: '/', label: t.text('web.error.back') },
        });
        return c.html(page, 413, { Connection: 'close' });
      },
    });
  const small = limiter(FORM_BODY_LIMIT);
  const large = limiter(PASTE_BODY_LIMIT);
  return (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return (PASTE_ROUTES.has(c.req.path) ? large : small)(c, next);
  };
}
