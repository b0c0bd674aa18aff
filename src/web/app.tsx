import { OpenAPIHono } from '@hono/zod-openapi';
import type { Hono } from 'hono';
import { contextStorage } from 'hono/context-storage';
import { HTTPException } from 'hono/http-exception';

import { interpret } from '../decode/index.js';
import { loadTranslator } from '../i18n/translator.js';
import type { Logger } from '../log.js';
import {
  type Dispatcher,
  type DispatcherOptions,
  enqueueDeliveries,
  listChannels,
  removeChannel,
} from '../notify/index.js';
import { createCaseRepository } from '../store/cases.js';
import type { Store } from '../store/db.js';
import type { Sealer } from '../store/seal.js';
import { withTimelineSync } from '../tracker/timeline-sync.js';
import { createTracker } from '../tracker/tracker.js';
import { Accounts } from './accounts.js';
import { registerCases } from './api/cases.js';
import { registerChannels } from './api/channels.js';
import { apiError, MalformedJsonBody, validationHook } from './api/common.js';
import { registerExplain } from './api/explain.js';
import { registerMe } from './api/me.js';
import { registerObservations } from './api/observations.js';
import { ICON, LOCATION_LIST, SCRIPT, STYLESHEET } from './assets.js';
import { calendarRoutes } from './calendar.js';
import { type CaseChecker, PersonChecks } from './check-now.js';
import { compressBodies } from './compress.js';
import type { AppEnv, Mailer, WebServices } from './context.js';
import { negotiateLanguage, t, type TranslatorLoader } from './language.js';
import { PageCache } from './page-cache.js';
import { MessagePage } from './pages/auth.js';
import { DEFAULT_RATE_RULES, RateLimiter, type RateRules } from './rate-limit.js';
import { accountRoutes } from './routes/account.js';
import { authRoutes } from './routes/auth.js';
import { caseRoutes } from './routes/cases.js';
import { frame, safeNext } from './routes/forms.js';
import { homeRoutes } from './routes/home.js';
import { notificationRoutes } from './routes/notifications.js';
import { statsRoutes } from './routes/stats.js';
import { timelineRoutes } from './routes/timelines.js';
import { bodyLimits, securityHeaders, STATIC_HEADERS } from './security.js';
import { CsrfRejected, identify, requireCsrf } from './session.js';
import { keepSharedTimelinesInStep } from './timeline-consent.js';
import { statsServiceFor } from './waiting-times.js';

export interface WebAppOptions {
  store: Store;
  sealer: Sealer;
  logger: Logger;
  mailer?: Mailer | null;
  publicUrl?: string | null;
  /** See WebServices.trustProxy; off by default. */
  trustProxy?: boolean;
  /** See WebServices.proxyHops; 1 by default. */
  proxyHops?: number;
  /** The address this server listens on (e.g. http://localhost:8080), once known: links when PUBLIC_URL is unset. */
  listenUrl?: () => string | null;
  rules?: Partial<RateRules>;
  now?: () => number;
  /** Extra routes mounted by the caller (e.g. the feature areas), in order. */
  extend?: (app: OpenAPIHono<AppEnv>, api: OpenAPIHono<AppEnv>, services: WebServices) => void;
  /** Removes a user's own data (channels, …) before the account itself goes; cases are removed here. */
  deleteUserData?: (userId: number) => Promise<void>;
  /** Runs "check now"; null or absent when separate workers do the checks. */
  checker?: CaseChecker | null;
  onCaseAdded?: (caseId: number) => void;
  /**
   * Notification settings: private targets (loopback webhooks), the running dispatcher, and how to
   * deliver without one (the runtime's dispatcherOptions; the store alone when absent).
   */
  notify?: {
    allowPrivateTargets?: boolean;
    dispatcher?: Dispatcher | null;
    dispatcherOptions?: DispatcherOptions;
  };
  /** How often the live-update stream looks for changes (ms). */
  ssePollMs?: number;
  /**
   * Where each language's words come from; the real catalogues by default. A test gives a pseudo-localised
   * translator here to find words on a page that do not come from the catalogue.
   */
  loadTranslator?: TranslatorLoader;
}

export interface WebApp {
  app: Hono<AppEnv>;
  services: WebServices;
}

export function createWebApp(opts: WebAppOptions): WebApp {
  const now = opts.now ?? Date.now;
  const services: WebServices = {
    store: opts.store,
    sealer: opts.sealer,
    accounts: new Accounts(opts.store.db, opts.sealer, now),
    logger: opts.logger,
    mailer: opts.mailer ?? null,
    limiter: new RateLimiter(opts.store),
    rules: { ...DEFAULT_RATE_RULES, ...opts.rules },
    publicUrl: opts.publicUrl ?? null,
    linkBase: () => (opts.publicUrl ?? opts.listenUrl?.() ?? 'http://localhost').replace(/\/+$/, ''),
    trustProxy: opts.trustProxy ?? false,
    proxyHops: opts.proxyHops ?? 1,
    now,
    cases: createCaseRepository(opts.store, opts.sealer, now),
    pages: new PageCache(),
    checker: opts.checker ?? null,
    personChecks: new PersonChecks(now),
    onCaseAdded: opts.onCaseAdded,
    recordObservation: async (caseId, observation) => {
      const report = await observationTracker.recordObservation(caseId, observation);
      // The events' transaction has committed: deliver at once rather than at the dispatcher's next poll.
      if (report.events.length > 0) services.notify.dispatcher?.wake();
      return report;
    },
    notify: {
      allowPrivateTargets: opts.notify?.allowPrivateTargets ?? false,
      dispatcher: opts.notify?.dispatcher ?? null,
      dispatcherOptions: opts.notify?.dispatcherOptions ?? {
        store: opts.store,
        sealer: opts.sealer,
        logger: opts.logger,
        allowPrivateTargets: opts.notify?.allowPrivateTargets ?? false,
        publicUrl: opts.publicUrl ?? undefined,
      },
    },
  };
  // Observations people make on CEAC themselves are recorded by the tracker's own code, with the
  // same hooks as a check of ours: the outbox and the shared timeline, in the recording transaction.
  const observationTracker = createTracker({
    store: opts.store,
    sealer: opts.sealer,
    interpret,
    logger: opts.logger,
    now,
    check: () => Promise.reject(new Error('internal: this tracker only records what people saw')),
    onEvents: withTimelineSync({
      next: (trx, events) => enqueueDeliveries(trx, events),
      onChange: () => statsServiceFor(opts.store).invalidate(),
    }),
  });
  const deleteUserData = async (userId: number) => {
    for (const c of await services.cases.list({ ownerId: userId })) await services.cases.remove(c.id, userId);
    for (const ch of await listChannels(opts.store.db, userId)) await removeChannel(opts.store.db, userId, ch.id);
    await opts.deleteUserData?.(userId);
  };

  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.use('*', compressBodies());
  // Static files first: no session lookup, cached for a year under their content hash.
  const TYPES: Record<string, string> = {
    css: 'text/css; charset=utf-8',
    js: 'text/javascript; charset=utf-8',
    svg: 'image/svg+xml',
    json: 'application/json',
  };
  for (const asset of [STYLESHEET, SCRIPT, ICON, LOCATION_LIST]) {
    const type = TYPES[asset.path.split('.').pop()!]!;
    app.get(asset.path, (c) =>
      c.body(asset.body, 200, {
        ...STATIC_HEADERS,
        'Content-Type': type,
        'Cache-Control': 'public, max-age=31536000, immutable',
      }),
    );
  }
  app.get('/healthz', (c) => c.json({ ok: true }, 200, STATIC_HEADERS));
  app.get('/favicon.ico', (c) => c.redirect(ICON.path, 301));

  app.use('*', securityHeaders());
  app.use('*', async (c, next) => {
    c.set('services', services);
    await next();
  });
  const load = opts.loadTranslator ?? loadTranslator;
  // Page components read the request (its words, services, user) through the context storage: the language
  // through t(), async sections (people like you, dates ahead, the calendar feed) the store. First, so that the
  // page of an oversized body speaks the reader's language too.
  app.use('*', contextStorage());
  // Before anything reads a body (the CSRF check does): oversized bodies stop here, unread.
  app.use('*', bodyLimits(load));
  app.use('*', identify());
  // After identify() (an account's choice counts) and before anything that may answer with a page.
  app.use('*', negotiateLanguage(load));
  app.use('*', requireCsrf());
  app.use('*', keepSharedTimelinesInStep());
  app.use('*', async (c, next) => {
    await next();
    // Pages show personal data: never keep them in shared caches.
    // (On the response's headers, not c.header(), which would rebuild the response as a stream: see language.ts.)
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
  });

  app.onError((err, c) => {
    const isApi = c.req.path.startsWith('/api/');
    if (err instanceof CsrfRejected) {
      if (isApi)
        return apiError(
          c,
          403,
          'csrf',
          'Send the X-CSRF-Token header with the token of your page, or use an API token.',
        );
      return c.html(
        <MessagePage
          frame={frame(c, t('web.error.csrf.title'))}
          heading={t('web.error.csrf.title')}
          kind="bad"
          message={t('web.error.csrf.message')}
          back={{ href: safeNext(c.req.path, '/'), label: t('web.error.csrf.reload') }}
        />,
        403,
      );
    }
    if (err instanceof MalformedJsonBody) return apiError(c, 400, err.code, err.message);
    if (err instanceof HTTPException && err.status < 500) {
      // Other malformed input caught by the framework (e.g. a form body that does not parse): the caller's mistake.
      if (isApi) return c.json({ error: { code: 'bad_request', message: 'The request was malformed.' } }, err.status);
      return c.html(
        <MessagePage
          frame={frame(c, t('web.error.badRequest.title'))}
          heading={t('web.error.badRequest.title')}
          kind="bad"
          message={t('web.error.badRequest.message')}
          back={{ href: '/', label: t('web.error.back') }}
        />,
        err.status,
      );
    }
    // Reset links and captcha ids in a path are secrets of their own: they never reach the log.
    const path = c.req.path.replace(/^\/reset\/[^/]+/, '/reset/…').replace(/\/captcha\/[^/]+/, '/captcha/…');
    services.logger.error({ err: { name: err.name, message: err.message, stack: err.stack }, path }, 'request failed');
    if (isApi)
      return apiError(c, 500, 'internal', 'Something went wrong on our side. It was logged; try again in a moment.');
    return c.html(
      <MessagePage
        frame={frame(c, t('web.error.internal.title'))}
        heading={t('web.error.internal.title')}
        kind="bad"
        message={t('web.error.internal.message')}
        back={{ href: '/', label: t('web.error.back') }}
      />,
      500,
    );
  });

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/'))
      return apiError(c, 404, 'not_found', 'There is nothing here (or it is not yours).');
    return c.html(
      <MessagePage
        frame={frame(c, t('web.error.notFound.title'))}
        heading={t('web.error.notFound.title')}
        message={t('web.error.notFound.message')}
        back={{ href: '/', label: t('web.error.back') }}
      />,
      404,
    );
  });

  const api = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token from the Account page.',
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'cw_session',
    description: 'The browser session; unsafe methods also need the X-CSRF-Token header.',
  });
  // Everything under /api/v1 needs an account, apart from the public explain and locations endpoints.
  api.use('*', async (c, next) => {
    const open = c.req.path === '/api/v1/explain' || c.req.path === '/api/v1/locations';
    if (!open && !c.var.user)
      // eslint-disable-next-line @typescript-eslint/no-unsafe-argument -- Hono types a middleware context's input as any
      return apiError(c, 401, 'unauthorized', 'Sign in, or send an API token as "Authorization: Bearer <token>".');
    return next();
  });

  registerExplain(api);
  registerMe(api);
  registerCases(api);
  registerChannels(api);
  registerObservations(api);
  app.route('/', homeRoutes());
  app.route('/', authRoutes());
  app.route('/account', accountRoutes(deleteUserData));
  app.route('/', calendarRoutes());
  app.route('/cases', caseRoutes({ ssePollMs: opts.ssePollMs }));
  app.route('/notifications', notificationRoutes());
  app.route('/stats', statsRoutes());
  app.route('/timelines', timelineRoutes());
  opts.extend?.(app, api, services);
  app.route('/api/v1', api);

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'ceac-watch API',
      version: '1',
      description: 'Decode, watch and time US visa (CEAC) case statuses. Errors always have the shape of `Error`.',
    },
    servers: [{ url: '/' }],
  });

  return { app, services };
}
