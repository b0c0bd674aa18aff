import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';

import { CaseInputError, CaseNotFoundError, type CaseView, DuplicateCaseError } from '../../store/cases.js';
import { createChangeTimeLearner, scheduleConfidence } from '../../tracker/learned-schedule.js';
import { caseFingerprint, currentReadings, fingerprintOf, firstSeenTimes, timelinePage } from '../cases-data.js';
import type { CheckResult } from '../check-now.js';
import type { AppContext, AppEnv } from '../context.js';
import { maskPassport } from '../format.js';
import { t, translator } from '../language.js';
import { localWait } from '../local-time.js';
import { CaptchaPage } from '../pages/captcha.js';
import {
  CaseFormPage,
  CasePage,
  CasesPage,
  caseTitle,
  DETAILS_REJECTED,
  EMPTY_CASE_FORM,
  failureText,
  NETWORK_REFUSED,
} from '../pages/cases.js';
import { caseWaitOutlook } from '../pages/how-long.js';
import { type ReadingWords, readingWords } from '../reading-words.js';
import { requireUserPage } from './account.js';
import { describeFields, formValues, toCaseEdit, toNewCase, valuesOf } from './case-form.js';
import { formFields, frame, overLimit } from './forms.js';

/** What a finished check means for the person, in one sentence (never an outcome code). */
export function checkSummary(r: CheckResult): { ok: boolean; text: string } {
  if (r.outcome === 'ok')
    return {
      ok: true,
      text: r.events > 0 ? t('cases.notice.checkedChanged') : t('cases.notice.checkedSame'),
    };
  return { ok: false, text: checkedError(r.outcome) ?? '' };
}

/** The alert after a check that did not read a status; null when the page says it elsewhere (once). */
function checkedError(outcome: string): string | null {
  if (DETAILS_REJECTED.includes(outcome) || NETWORK_REFUSED.includes(outcome) || outcome === 'cancelled') return null;
  return t('cases.notice.checkFailed', { why: failureText(outcome) });
}

/** Whether checks run without a person: an automatic solver here, or `ceac worker` processes (no checker). */
const checksAreAutomatic = (c: AppContext) => c.var.services.checker?.automatic ?? true;

/** Today in UTC (YYYY-MM-DD), the latest day a date of the past can be. */
const today = (c: AppContext) => new Date(c.var.services.now()).toISOString().slice(0, 10);

/** Where to go after a check, by its outcome. */
const afterCheck = (caseId: number, r: CheckResult) =>
  r.outcome === 'cancelled'
    ? `/cases/${caseId}?cancelled=1`
    : `/cases/${caseId}?checked=${encodeURIComponent(r.outcome)}&changed=${r.events > 0 ? 1 : 0}#answer`;

export function caseRoutes(options: { ssePollMs?: number } = {}) {
  const app = new Hono<AppEnv>();
  app.use('*', requireUserPage());

  /** The case, only when it belongs to the signed-in person; anything else is "not found". */
  async function own(c: AppContext): Promise<CaseView | null> {
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id) || id <= 0) return null;
    try {
      return await c.var.services.cases.get(id, c.var.user!.id);
    } catch (err) {
      if (err instanceof CaseNotFoundError) return null;
      throw err;
    }
  }

  app.get('/', async (c) => {
    const cases = await c.var.services.cases.list({ ownerId: c.var.user!.id });
    const readings = await currentReadings(
      c.var.services.store.db,
      cases.map((x) => x.id),
    );
    const notice = c.req.query('removed') ? t('cases.notice.removed') : undefined;
    const tr = translator();
    const words = new Map<number, ReadingWords>();
    if (tr.language !== 'en') {
      const firstSeen = await firstSeenTimes(
        c.var.services.store.db,
        cases.map((x) => x.id),
      );
      for (const k of cases) {
        const r = readings.get(k.id);
        if (r?.interpretation)
          words.set(k.id, readingWords(tr, k, { ...r, interpretation: r.interpretation }, firstSeen.get(k.id) ?? []));
      }
    }
    return c.html(
      <CasesPage
        frame={frame(c, t('cases.heading'), 'cases')}
        automatic={checksAreAutomatic(c)}
        cases={cases}
        readings={readings}
        words={words}
        now={c.var.services.now()}
        welcome={Boolean(c.req.query('welcome'))}
        notice={notice}
      />,
    );
  });

  app.get('/new', (c) => {
    // The browser extension links here with the case number it read on the CEAC page.
    const prefill = (c.req.query('caseNumber') ?? '').replace(/\s+/g, '').toUpperCase();
    const caseNumber = /^[A-Z0-9]{4,30}$/.test(prefill) ? prefill : '';
    // An IV case number starts with the post's three letters and goes on in digits only.
    const app = /^[A-Z]{3}\d{10}$/.test(caseNumber) || /^\d{4}[A-Z]{2}\d+$/.test(caseNumber) ? 'IV' : 'NIV';
    const values = caseNumber ? { ...EMPTY_CASE_FORM, caseNumber, app } : EMPTY_CASE_FORM;
    return c.html(
      <CaseFormPage
        frame={frame(c, t('cases.form.addTitle'), 'cases')}
        mode="new"
        values={values}
        errors={{}}
        today={today(c)}
      />,
    );
  });

  app.post('/', async (c) => {
    const v = formValues(await formFields(c));
    const r = toNewCase(v, c.var.user!.id, today(c));
    if ('errors' in r)
      return c.html(
        <CaseFormPage
          frame={frame(c, t('cases.form.addTitle'), 'cases')}
          mode="new"
          values={v}
          errors={r.errors}
          today={today(c)}
        />,
        422,
      );
    try {
      const added = await c.var.services.cases.add(r.input);
      c.var.services.onCaseAdded?.(added.id);
      return c.redirect(`/cases/${added.id}?added=1`, 303);
    } catch (err) {
      if (err instanceof CaseInputError) {
        return c.html(
          <CaseFormPage
            frame={frame(c, t('cases.form.addTitle'), 'cases')}
            mode="new"
            values={v}
            errors={{ form: t('cases.form.checkDetails', { problems: describeFields(err) }) }}
            today={today(c)}
          />,
          422,
        );
      }
      if (err instanceof DuplicateCaseError) {
        return c.html(
          <CaseFormPage
            frame={frame(c, t('cases.form.addTitle'), 'cases')}
            mode="new"
            values={v}
            errors={{ caseNumber: t('cases.form.duplicate') }}
            today={today(c)}
          />,
          409,
        );
      }
      throw err;
    }
  });

  // What the schedule learned, read again from the database at most every 10 minutes (not per page).
  const changeTimes = createChangeTimeLearner();
  app.get('/:id', async (c) => {
    const kase = await own(c);
    if (!kase) return c.notFound();
    const { db } = c.var.services.store;
    const now = c.var.services.now();
    const beforeRaw = Number(c.req.query('before'));
    const before = Number.isSafeInteger(beforeRaw) && beforeRaw > 0 ? beforeRaw : null;
    const q = c.req.query();
    // Everything the page shows moves one of these (a check sets last_attempt_at, an edit updated_at);
    // the minute keeps "checked 5 minutes ago" true.
    const channel = await db
      .selectFrom('notify_channels')
      .select('id')
      .where('owner_id', '=', c.var.user!.id)
      .limit(1)
      .executeTakeFirst();
    const hasChannel = channel !== undefined;
    const key = `case:${c.var.user!.id}:${kase.id}:${c.var.language}:${kase.updatedAt}:${kase.lastAttemptAt}:${kase.nextCheckAt}:${hasChannel}:${Math.floor(now / 60_000)}:${new URL(c.req.url).search}`;
    const html = await c.var.services.pages.get(key, c.var.csrf, async (csrf) => {
      const tr = translator();
      const [page, secrets, learnedSchedule, outlook, firstSeen] = await Promise.all([
        timelinePage(db, kase.id, before),
        kase.hasPassport ? c.var.services.cases.secrets(kase.id) : Promise.resolve({ passport: undefined }),
        scheduleConfidence(db, kase.location, changeTimes),
        caseWaitOutlook(c.var.services, kase, now),
        tr.language === 'en' ? Promise.resolve(new Map<number, number[]>()) : firstSeenTimes(db, [kase.id]),
      ]);
      // The newest decoded event is usually on the first page already: no second query then.
      const latest = page.entries.find((e) => e.interpretation && e.to);
      const reading =
        before === null && latest
          ? { observation: latest.to!, interpretation: latest.interpretation, at: latest.at, from: latest.from }
          : (await currentReadings(db, [kase.id])).get(kase.id);
      // The recorded readings in the page's language, where a faithful translation exists (reading-words.ts).
      const seen = firstSeen.get(kase.id) ?? [];
      const wordsOf = (r: NonNullable<typeof reading>) =>
        r.interpretation ? readingWords(tr, kase, { ...r, interpretation: r.interpretation }, seen) : undefined;
      const entryWords = new Map<number, ReadingWords>();
      if (tr.language !== 'en')
        for (const e of page.entries) {
          const w = e.to
            ? wordsOf({ observation: e.to, interpretation: e.interpretation, at: e.at, from: e.from })
            : undefined;
          if (w) entryWords.set(e.id, w);
        }
      const automatic = checksAreAutomatic(c);
      const notice = q.added
        ? automatic
          ? t('cases.notice.addedAuto')
          : t('cases.notice.addedManual')
        : q.saved
          ? t('cases.notice.saved')
          : q.cancelled
            ? t('cases.notice.cancelled')
            : q.checked === 'ok'
              ? q.changed === '1'
                ? t('cases.notice.checkedChanged')
                : t('cases.notice.checkedSame')
              : undefined;
      const waitSeconds = Number(q.wait);
      const error = q.wait
        ? t('cases.notice.tooManyChecks', {
            wait: Number.isSafeInteger(waitSeconds) && waitSeconds > 0 ? localWait(waitSeconds) : localWait(60),
          })
        : q.checked && q.checked !== 'ok'
          ? (checkedError(q.checked) ?? undefined)
          : undefined;
      // What this page shows, in the live stream's terms: a change that lands between this render and
      // the stream's start is still announced.
      const version = before === null ? fingerprintOf({ ...kase, lastEventId: page.entries[0]?.id ?? null }) : null;
      return (
        <CasePage
          frame={{ ...frame(c, caseTitle(kase), 'cases'), csrf }}
          version={version}
          c={kase}
          reading={reading}
          readingWords={reading && tr.language !== 'en' ? wordsOf(reading) : undefined}
          entries={page.entries}
          entryWords={entryWords}
          nextBefore={page.nextBefore}
          now={now}
          maskedPassport={maskPassport(secrets.passport)}
          automatic={automatic}
          outlook={outlook}
          hasChannel={hasChannel}
          notice={notice}
          error={error}
          learnedSchedule={learnedSchedule}
        />
      );
    });
    return c.html(html);
  });

  app.get('/:id/edit', async (c) => {
    const kase = await own(c);
    if (!kase) return c.notFound();
    const secrets = await c.var.services.cases.secrets(kase.id);
    return c.html(
      <CaseFormPage
        frame={frame(c, t('cases.form.editTitle'), 'cases')}
        mode="edit"
        caseId={kase.id}
        values={valuesOf(kase)}
        errors={{}}
        maskedPassport={maskPassport(secrets.passport)}
        today={today(c)}
      />,
    );
  });

  app.post('/:id/edit', async (c) => {
    const kase = await own(c);
    if (!kase) return c.notFound();
    const v = formValues(await formFields(c));
    const r = toCaseEdit(v, kase, today(c));
    if ('errors' in r) {
      const secrets = await c.var.services.cases.secrets(kase.id);
      return c.html(
        <CaseFormPage
          frame={frame(c, t('cases.form.editTitle'), 'cases')}
          mode="edit"
          caseId={kase.id}
          values={v}
          errors={r.errors}
          maskedPassport={maskPassport(secrets.passport)}
          today={today(c)}
        />,
        422,
      );
    }
    try {
      await c.var.services.cases.edit(kase.id, r.patch, c.var.user!.id);
    } catch (err) {
      if (!(err instanceof CaseInputError)) throw err;
      const secrets = await c.var.services.cases.secrets(kase.id);
      return c.html(
        <CaseFormPage
          frame={frame(c, t('cases.form.editTitle'), 'cases')}
          mode="edit"
          caseId={kase.id}
          values={v}
          errors={{ form: t('cases.form.checkDetails', { problems: describeFields(err) }) }}
          maskedPassport={maskPassport(secrets.passport)}
          today={today(c)}
        />,
        422,
      );
    }
    return c.redirect(`/cases/${kase.id}?saved=1`, 303);
  });

  app.post('/:id/watching', async (c) => {
    const kase = await own(c);
    if (!kase) return c.notFound();
    const f = await formFields(c);
    await c.var.services.cases.edit(kase.id, { watching: f.watching === 'yes' }, c.var.user!.id);
    return c.redirect(`/cases/${kase.id}?saved=1`, 303);
  });

  app.post('/:id/delete', async (c) => {
    const kase = await own(c);
    if (!kase) return c.notFound();
    await c.var.services.cases.remove(kase.id, c.var.user!.id);
    return c.redirect('/cases?removed=1', 303);
  });

  app.post('/:id/check', async (c) => {
    const kase = await own(c);
    if (!kase) return c.notFound();
    const { checker, personChecks, rules } = c.var.services;
    const wait = await overLimit(c, 'check', rules.checkNow, `user:${c.var.user!.id}`);
    if (wait) return c.redirect(`/cases/${kase.id}?wait=${String(wait)}`, 303);
    if (!checker) {
      // No checker in this process (PostgreSQL mode): the workers pick the case up at once.
      await c.var.services.cases.makeDue(kase.id);
      return c.redirect(`/cases/${kase.id}?saved=1`, 303);
    }
    if (checker.automatic) return c.redirect(afterCheck(kase.id, await checker.check(kase.id)), 303);
    // A check of this case already waiting for this person (pressed, then Back, then pressed again): show
    // its captcha again at once. No request ever waits for a person to type.
    let p = personChecks.forCase(c.var.user!.id, kase.id);
    if (p && !p.waiting && !p.done && !p.error) await p.next();
    if (p?.waiting) return c.redirect(`/cases/${kase.id}/captcha/${p.id}`, 303);
    if (p) personChecks.finish(p.id);
    p = personChecks.start(checker, c.var.user!.id, kase.id);
    await p.next();
    if (p.waiting) return c.redirect(`/cases/${kase.id}/captcha/${p.id}`, 303);
    personChecks.finish(p.id);
    return c.redirect(
      afterCheck(kase.id, p.done ?? { outcome: 'failed', events: 0, message: p.error?.message ?? '' }),
      303,
    );
  });

  app.get('/:id/captcha/:pid', async (c) => {
    const kase = await own(c);
    const p = kase && c.var.services.personChecks.get(c.req.param('pid'), c.var.user!.id, kase.id);
    if (!kase || !p) return c.notFound();
    if (!p.waiting) return c.redirect(`/cases/${kase.id}`, 303);
    return c.html(
      <CaptchaPage
        frame={frame(c, t('cases.captcha.title'), 'cases')}
        caseId={kase.id}
        pendingId={p.id}
        title={caseTitle(kase)}
        attempt={p.waiting.attempt}
      />,
    );
  });

  app.get('/:id/captcha/:pid/image', async (c) => {
    const kase = await own(c);
    const p = kase && c.var.services.personChecks.get(c.req.param('pid'), c.var.user!.id, kase.id);
    if (!kase || !p?.waiting) return c.notFound();
    return c.body(new Uint8Array(p.waiting.png), 200, {
      'Content-Type': p.waiting.mime,
      'Cache-Control': 'no-store',
    });
  });

  app.post('/:id/captcha/:pid', async (c) => {
    const kase = await own(c);
    const p = kase && c.var.services.personChecks.get(c.req.param('pid'), c.var.user!.id, kase.id);
    if (!kase || !p) return c.notFound();
    const f = await formFields(c);
    if (f.cancel === 'yes' || !p.waiting) {
      const cancelled = Boolean(p.waiting);
      c.var.services.personChecks.finish(p.id);
      return c.redirect(`/cases/${kase.id}${cancelled ? '?cancelled=1' : ''}`, 303);
    }
    const code = (f.code ?? '').replace(/\s+/g, '').toUpperCase();
    if (!code) return c.redirect(`/cases/${kase.id}/captcha/${p.id}`, 303);
    p.waiting.answer(code);
    await p.next();
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- next() may set it; TypeScript does not see that
    if (p.waiting) return c.redirect(`/cases/${kase.id}/captcha/${p.id}`, 303);
    c.var.services.personChecks.finish(p.id);
    return c.redirect(
      afterCheck(kase.id, p.done ?? { outcome: 'failed', events: 0, message: p.error?.message ?? '' }),
      303,
    );
  });

  // Live updates: the page listens; we look at the case's fingerprint and say "changed" when it moves.
  // Polling the database (not an in-process signal) also sees checks made by `ceac worker` processes.
  app.get('/:id/events', async (c) => {
    const kase = await own(c);
    if (!kase) return c.notFound();
    const { db } = c.var.services.store;
    const userId = c.var.user!.id;
    const every = options.ssePollMs ?? 2000;
    return streamSSE(c, async (stream) => {
      const current = await caseFingerprint(db, kase.id, userId);
      // The page says what it showed; if that is already old, say "changed" at once.
      let last = c.req.query('v') ?? current;
      let sinceBeat = 0;
      await stream.writeSSE({ event: 'ready', data: '' });
      if (current !== null && current !== last) {
        last = current;
        await stream.writeSSE({ event: 'changed', data: String(Date.now()) });
      }
      while (!stream.aborted && !stream.closed) {
        await stream.sleep(every);
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- may change while sleeping
        if (stream.aborted || stream.closed) break;
        // The database going away (shutdown) ends the stream; the page keeps working without it.
        const now = await caseFingerprint(db, kase.id, userId).catch(() => null);
        if (now === null) break;
        if (now !== last) {
          last = now;
          await stream.writeSSE({ event: 'changed', data: String(Date.now()) });
        } else if ((sinceBeat += every) >= 15_000) {
          sinceBeat = 0;
          await stream.write(': keep-alive\n\n');
        }
      }
    });
  });

  return app;
}
