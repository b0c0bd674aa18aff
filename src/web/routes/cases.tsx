import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';

import { CaseInputError, CaseNotFoundError, type CaseView, DuplicateCaseError } from '../../store/cases.js';
import { caseFingerprint, currentReadings, fingerprintOf, timelinePage } from '../cases-data.js';
import type { CheckResult } from '../check-now.js';
import type { AppContext, AppEnv } from '../context.js';
import { maskPassport } from '../format.js';
import { CaptchaPage } from '../pages/captcha.js';
import { CaseFormPage, CasePage, CasesPage, caseTitle, EMPTY_CASE_FORM } from '../pages/cases.js';
import { requireUserPage } from './account.js';
import { formValues, toCaseEdit, toNewCase, valuesOf } from './case-form.js';
import { formFields, frame, overLimit, waitText } from './forms.js';

/** What a finished check means for the person, in one sentence. */
export function checkSummary(r: CheckResult): { ok: boolean; text: string } {
  if (r.outcome === 'ok')
    return {
      ok: true,
      text: r.events > 0 ? 'Checked just now: something changed, see below.' : 'Checked just now: nothing changed.',
    };
  return {
    ok: false,
    text: `The check did not get an answer from CEAC: ${r.message} Nothing about your case was changed; we will try again.`,
  };
}

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
    const notice = c.req.query('removed') ? 'The case and its history were removed.' : undefined;
    return c.html(
      <CasesPage
        frame={frame(c, 'My cases', 'cases')}
        cases={cases}
        readings={readings}
        now={c.var.services.now()}
        welcome={Boolean(c.req.query('welcome'))}
        notice={notice}
      />,
    );
  });

  app.get('/new', (c) =>
    c.html(<CaseFormPage frame={frame(c, 'Add a case', 'cases')} mode="new" values={EMPTY_CASE_FORM} errors={{}} />),
  );

  app.post('/', async (c) => {
    const v = formValues(await formFields(c));
    const r = toNewCase(v, c.var.user!.id);
    if ('errors' in r)
      return c.html(
        <CaseFormPage frame={frame(c, 'Add a case', 'cases')} mode="new" values={v} errors={r.errors} />,
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
            frame={frame(c, 'Add a case', 'cases')}
            mode="new"
            values={v}
            errors={{ form: `Please check the case details: ${err.message.replace(/--/g, '')}.` }}
          />,
          422,
        );
      }
      if (err instanceof DuplicateCaseError) {
        return c.html(
          <CaseFormPage
            frame={frame(c, 'Add a case', 'cases')}
            mode="new"
            values={v}
            errors={{ caseNumber: 'You already watch this case: find it under My cases.' }}
          />,
          409,
        );
      }
      throw err;
    }
  });

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
    const key = `case:${c.var.user!.id}:${kase.id}:${kase.updatedAt}:${kase.lastAttemptAt}:${kase.nextCheckAt}:${Math.floor(now / 60_000)}:${new URL(c.req.url).search}`;
    const html = await c.var.services.pages.get(key, c.var.csrf, async (csrf) => {
      const [page, secrets] = await Promise.all([
        timelinePage(db, kase.id, before),
        kase.hasPassport ? c.var.services.cases.secrets(kase.id) : Promise.resolve({ passport: undefined }),
      ]);
      // The newest decoded event is usually on the first page already: no second query then.
      const latest = page.entries.find((e) => e.interpretation && e.to);
      const reading =
        before === null && latest
          ? { observation: latest.to!, interpretation: latest.interpretation, at: latest.at }
          : (await currentReadings(db, [kase.id])).get(kase.id);
      const notice = q.added
        ? 'Case added. The first check is on its way; this page updates by itself.'
        : q.saved
          ? 'Changes saved.'
          : q.checked === 'ok'
            ? q.changed === '1'
              ? 'Checked just now: something changed, see below.'
              : 'Checked just now: nothing changed.'
            : undefined;
      const error =
        q.checked && q.checked !== 'ok'
          ? `The check did not get an answer from CEAC (${q.checked.replace(/_/g, ' ')}). Nothing about your case was changed; we will try again.`
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
          entries={page.entries}
          nextBefore={page.nextBefore}
          now={now}
          maskedPassport={maskPassport(secrets.passport)}
          notice={notice}
          error={error}
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
        frame={frame(c, 'Edit case', 'cases')}
        mode="edit"
        caseId={kase.id}
        values={valuesOf(kase)}
        errors={{}}
        maskedPassport={maskPassport(secrets.passport)}
      />,
    );
  });

  app.post('/:id/edit', async (c) => {
    const kase = await own(c);
    if (!kase) return c.notFound();
    const v = formValues(await formFields(c));
    const r = toCaseEdit(v, kase);
    if ('errors' in r) {
      const secrets = await c.var.services.cases.secrets(kase.id);
      return c.html(
        <CaseFormPage
          frame={frame(c, 'Edit case', 'cases')}
          mode="edit"
          caseId={kase.id}
          values={v}
          errors={r.errors}
          maskedPassport={maskPassport(secrets.passport)}
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
          frame={frame(c, 'Edit case', 'cases')}
          mode="edit"
          caseId={kase.id}
          values={v}
          errors={{ form: `Please check the case details: ${err.message.replace(/--/g, '')}.` }}
          maskedPassport={maskPassport(secrets.passport)}
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
    const wait = overLimit(c, 'check', rules.checkNow, `:${c.var.user!.id}`);
    if (wait)
      return c.redirect(
        `/cases/${kase.id}?checked=too_many_checks_wait_${encodeURIComponent(waitText(wait).replace(' ', '_'))}`,
        303,
      );
    if (!checker) {
      // No checker in this process (PostgreSQL mode): the workers pick the case up at once.
      await c.var.services.cases.makeDue(kase.id);
      return c.redirect(`/cases/${kase.id}?saved=1`, 303);
    }
    if (checker.automatic) {
      const r = await checker.check(kase.id);
      return c.redirect(`/cases/${kase.id}?checked=${r.outcome}&changed=${r.events > 0 ? 1 : 0}`, 303);
    }
    const p = personChecks.start(checker, c.var.user!.id, kase.id);
    await p.next();
    if (p.waiting) return c.redirect(`/cases/${kase.id}/captcha/${p.id}`, 303);
    personChecks.finish(p.id);
    const r = p.done ?? { outcome: 'failed', events: 0, message: p.error?.message ?? '' };
    return c.redirect(`/cases/${kase.id}?checked=${r.outcome}&changed=${r.events > 0 ? 1 : 0}`, 303);
  });

  app.get('/:id/captcha/:pid', async (c) => {
    const kase = await own(c);
    const p = kase && c.var.services.personChecks.get(c.req.param('pid'), c.var.user!.id, kase.id);
    if (!kase || !p) return c.notFound();
    if (!p.waiting) return c.redirect(`/cases/${kase.id}`, 303);
    return c.html(
      <CaptchaPage
        frame={frame(c, 'Type the code', 'cases')}
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
    return c.body(new Uint8Array(p.waiting.png), 200, { 'Content-Type': 'image/png', 'Cache-Control': 'no-store' });
  });

  app.post('/:id/captcha/:pid', async (c) => {
    const kase = await own(c);
    const p = kase && c.var.services.personChecks.get(c.req.param('pid'), c.var.user!.id, kase.id);
    if (!kase || !p) return c.notFound();
    const f = await formFields(c);
    if (f.cancel === 'yes' || !p.waiting) {
      c.var.services.personChecks.finish(p.id);
      return c.redirect(`/cases/${kase.id}`, 303);
    }
    const code = (f.code ?? '').replace(/\s+/g, '').toUpperCase();
    if (!code) return c.redirect(`/cases/${kase.id}/captcha/${p.id}`, 303);
    p.waiting.answer(code);
    await p.next();
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- next() may set it; TypeScript does not see that
    if (p.waiting) return c.redirect(`/cases/${kase.id}/captcha/${p.id}`, 303);
    c.var.services.personChecks.finish(p.id);
    const r = p.done ?? { outcome: 'failed', events: 0, message: p.error?.message ?? '' };
    return c.redirect(`/cases/${kase.id}?checked=${r.outcome}&changed=${r.events > 0 ? 1 : 0}`, 303);
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
