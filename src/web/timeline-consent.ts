import type { MiddlewareHandler } from 'hono';

import { reconcileWatchedTimelines, syncWatchedTimeline } from '../tracker/timeline-sync.js';
import type { AppEnv } from './context.js';
import { statsServiceFor } from './waiting-times.js';

/** Requests that can change a case's consent or facts, or remove cases (pages and API). */
const CASE_CHANGE = /^\/(?:api\/v1\/)?cases\/(\d+)(?:\/(edit|delete))?$/;
const ACCOUNT_DELETE = /^\/(?:account\/delete|api\/v1\/me)$/;

/**
 * After a case is edited (consent given or withdrawn, visa class or post changed) or removed, or an
 * account deleted, brings the shared timelines in step at once, so that the statistics never show a
 * case whose owner just withdrew it. Runs after the handler, only when it succeeded.
 */
export function keepSharedTimelinesInStep(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD' || c.res.status >= 400) return;
    const path = c.req.path;
    const caseChange = CASE_CHANGE.exec(path);
    const apiChange = caseChange && path.startsWith('/api/') && (method === 'PATCH' || method === 'DELETE');
    const pageChange = caseChange && caseChange[2] !== undefined;
    if (!apiChange && !pageChange && !ACCOUNT_DELETE.test(path)) return;
    const { store, logger } = c.var.services;
    try {
      const r = caseChange ? await syncWatchedTimeline(store.db, Number(caseChange[1])) : 'none';
      // A removed case cannot be found by id any more: drop whatever timeline has lost its case.
      const gone = r === 'none' ? (await reconcileWatchedTimelines(store.db)).removed > 0 : false;
      if (gone || (r !== 'none' && r !== 'unchanged')) statsServiceFor(store).invalidate();
    } catch (err) {
      // The change itself is saved; the periodic reconcile catches up with the timeline.
      logger.error(
        { err: { name: (err as Error).name, message: (err as Error).message }, path },
        'could not bring a shared timeline in step',
      );
    }
  };
}
