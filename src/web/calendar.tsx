import { randomBytes } from 'node:crypto';

import { Hono } from 'hono';
import { getContext } from 'hono/context-storage';
import type { Kysely } from 'kysely';

import { matchLanguage } from '../i18n/languages.js';
import { loadTranslator, type Translator } from '../i18n/translator.js';
import { addCalendarDays } from '../knowledge/deadlines.js';
import { normaliseVisaClass } from '../knowledge/visa-classes.js';
import { type CalendarCase, type CalendarWords, renderCalendar } from '../notify/calendar.js';
import { maskLast4 } from '../notify/facts.js';
import { caseDeadlines } from '../notify/reminders.js';
import type { CaseView } from '../store/cases.js';
import type { Database } from '../store/schema.js';
import { sha256 } from './accounts.js';
import type { AppEnv } from './context.js';
import { t, translator } from './language.js';
import { localDay, localNumber } from './local-time.js';
import { deadlineIn } from './pages/case-ahead.js';
import { livedWait } from './pages/how-long.js';
import { CsrfField, Layout } from './pages/layout.js';
import { frame } from './routes/forms.js';
import { statsServiceFor } from './waiting-times.js';

/**
 * Calendars: a per-case .ics download (/cases/<id>/calendar.ics, for the case's owner) and a per-account secret
 * feed (/calendar/<token>.ics) that a calendar app can subscribe to without signing in. The token is shown once;
 * only its SHA-256 is stored; making a new one or revoking it ends the old address.
 */

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export async function createFeedToken(db: Kysely<Database>, userId: number, now: number): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await db.deleteFrom('calendar_feeds').where('user_id', '=', userId).execute();
  await db
    .insertInto('calendar_feeds')
    .values({ user_id: userId, token_hash: sha256(token), created_at: now, last_used_at: null })
    .execute();
  return token;
}

export async function revokeFeedToken(db: Kysely<Database>, userId: number): Promise<boolean> {
  const r = await db.deleteFrom('calendar_feeds').where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function hasFeed(db: Kysely<Database>, userId: number): Promise<boolean> {
  return (
    (await db.selectFrom('calendar_feeds').select('user_id').where('user_id', '=', userId).executeTakeFirst()) !==
    undefined
  );
}

/** A case in a calendar: its deadlines and, when the pooled statistics allow, the expected decision window. */
async function calendarCase(
  db: Kysely<Database>,
  c: CaseView,
  now: number,
  base: string | null,
  tr: Translator,
): Promise<CalendarCase> {
  const name = c.label ? `${c.label} (${maskLast4(c.caseNumber)})` : maskLast4(c.caseNumber);
  const deadlines = (await caseDeadlines(db, c)).map((d) => deadlineIn(d, tr));
  let window: CalendarCase['window'] = null;
  const cls = c.context.visaClass === undefined ? null : normaliseVisaClass(c.context.visaClass);
  if (cls && (c.state === 'refused' || c.state === 'administrative_processing')) {
    const waited = (await livedWait(getContext<AppEnv>().var.services, c, now))?.days ?? null;
    const outlook =
      waited === null
        ? null
        : await statsServiceFor(getContext<AppEnv>().var.services.store).outlook(
            { visaClass: cls, post: c.location ?? undefined, entry: c.context.entry },
            waited,
          );
    const m = outlook?.prediction.medianRemaining;
    if (outlook && m?.low != null && m.high != null) {
      window = {
        from: addCalendarDays(day(now), m.low),
        to: addCalendarDays(day(now), m.high),
        description:
          tr.language === 'en'
            ? `The 95% interval of the median remaining wait of ${outlook.prediction.groupLabel} cases that had waited ${String(waited)} days ` +
              `(Kaplan–Meier, ${String(outlook.groupSize)} cases), as of ${day(now)}. Half of such cases were decided later: this is not a promise.`
            : tr.text('cases.calendar.window', {
                group: outlook.prediction.groupLabel,
                waited: waited ?? 0,
                n: localNumber(outlook.groupSize, tr.language),
                today: localDay(day(now), tr.language),
              }),
      };
    }
  }
  return { id: c.id, name, deadlines, window, url: base ? `${base}/cases/${String(c.id)}` : null };
}

/** The calendar's own words in `tr`'s language. */
function calendarWords(tr: Translator): CalendarWords | undefined {
  if (tr.language === 'en') return undefined;
  return {
    language: tr.language,
    source: (source) => tr.text('cases.ahead.source', { source }),
    window: tr.text('cases.calendar.windowTitle'),
  };
}

function ics(body: string, filename: string): Response {
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    },
  });
}

export function calendarRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/calendar/:file', async (c) => {
    const m = /^([A-Za-z0-9_-]{20,64})\.ics$/.exec(c.req.param('file'));
    if (!m?.[1]) return c.notFound();
    const { store, cases, now, publicUrl } = c.var.services;
    const feed = await store.db
      .selectFrom('calendar_feeds')
      .select('user_id')
      .where('token_hash', '=', sha256(m[1]))
      .executeTakeFirst();
    if (!feed) return c.notFound();
    const at = now();
    await store.db
      .updateTable('calendar_feeds')
      .set({ last_used_at: at })
      .where('user_id', '=', feed.user_id)
      .execute();
    // The feed is read by a calendar app, not by the person: it speaks the language chosen on their account.
    const owner = await store.db
      .selectFrom('users')
      .select('language')
      .where('id', '=', feed.user_id)
      .executeTakeFirst();
    const tr = await loadTranslator(matchLanguage(owner?.language ?? undefined) ?? 'en');
    const list = await cases.list({ ownerId: Number(feed.user_id) });
    const items = [];
    for (const k of list) items.push(await calendarCase(store.db, k, at, publicUrl, tr));
    const words = calendarWords(tr);
    return ics(
      renderCalendar(tr.text('cases.calendar.name'), items, {
        host: new URL(c.req.url).host,
        now: at,
        ...(words && { words }),
      }),
      'ceac-watch.ics',
    );
  });

  app.get('/cases/:id/calendar.ics', async (c) => {
    const user = c.var.user;
    if (!user) return c.redirect(`/signin?next=${encodeURIComponent(c.req.path)}`, 303);
    const id = Number(c.req.param('id'));
    const { store, cases, now, publicUrl } = c.var.services;
    const k = Number.isInteger(id) ? await cases.get(id, user.id).catch(() => null) : null;
    if (!k) return c.notFound();
    const tr = translator();
    const item = await calendarCase(store.db, k, now(), publicUrl, tr);
    const words = calendarWords(tr);
    return ics(
      renderCalendar(`ceac-watch: ${item.name}`, [item], {
        host: new URL(c.req.url).host,
        now: now(),
        ...(words && { words }),
      }),
      `case-${String(id)}.ics`,
    );
  });

  app.post('/account/calendar', async (c) => {
    const user = c.var.user;
    if (!user) return c.redirect('/signin?next=/account', 303);
    const { store, now } = c.var.services;
    const token = await createFeedToken(store.db, user.id, now());
    const base = c.var.services.publicUrl ?? new URL(c.req.url).origin;
    c.header('Cache-Control', 'no-store');
    return c.html(
      <Layout {...frame(c, t('cases.calendar.feedTitle'), 'account')}>
        <h1>{t('cases.calendar.feedTitle')}</h1>
        <p>{t('cases.calendar.feedLead')}</p>
        <p>
          <code id="feed-url">{`${base}/calendar/${token}.ics`}</code>
        </p>
        <p>
          <a href="/account">{t('cases.calendar.back')}</a>
        </p>
      </Layout>,
    );
  });

  app.post('/account/calendar/revoke', async (c) => {
    const user = c.var.user;
    if (!user) return c.redirect('/signin?next=/account', 303);
    await revokeFeedToken(c.var.services.store.db, user.id);
    return c.redirect('/account', 303);
  });

  return app;
}

/** The account page's calendar section (reads the store through the request context). */
export async function CalendarFeedSection(p: { userId: number; csrf: string }) {
  const has = await hasFeed(getContext<AppEnv>().var.services.store.db, p.userId);
  return (
    <section class="card" aria-labelledby="cal-h">
      <h2 id="cal-h">{t('cases.calendar.heading')}</h2>
      <p class="muted small">{t('cases.calendar.lead')}</p>
      <form method="post" action="/account/calendar">
        <CsrfField token={p.csrf} />
        <button type="submit">{has ? t('cases.calendar.remake') : t('cases.calendar.make')}</button>
      </form>
      {has ? (
        <form method="post" action="/account/calendar/revoke">
          <CsrfField token={p.csrf} />
          <button type="submit" class="secondary">
            {t('cases.calendar.revoke')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
