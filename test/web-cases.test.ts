import { afterEach, describe, expect, it } from 'vitest';

import { TEST_DATABASE_URL } from '../src/store/testing.js';
import { startStack } from './browser-harness.js';
import { Client, webFixture } from './web-harness.js';

type Fixture = Awaited<ReturnType<typeof webFixture>>;
let fx: Fixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

const NIV = {
  app: 'NIV',
  location: 'Mumbai',
  caseNumber: 'AA0012AB34',
  passport: 'P1234567',
  surname: 'Sharma',
  label: 'My F1',
  group: 'Family',
  route: 'dropbox',
  visaClass: 'F1',
  entry: 'new',
  interviewDate: '',
  slip: 'white',
  officer: '221g',
  passportKept: 'kept',
};

async function addCase(c: Client, fields: Record<string, string> = NIV): Promise<number> {
  await c.page('/cases/new');
  const res = await c.post('/cases', fields);
  if (res.status !== 303) throw new Error(`add failed: ${res.status} ${await res.text()}`);
  return Number(/\/cases\/(\d+)/.exec(res.headers.get('location')!)![1]);
}

describe('cases on the web', () => {
  it('adds a case from the form, resolving "Mumbai" to BMB and sealing passport and surname', async () => {
    fx = await webFixture();
    const c = new Client(fx.app);
    await c.signUp('a@example.com');
    const id = await addCase(c);
    const row = await fx.store.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.location).toBe('BMB');
    expect(row.passport_sealed).not.toContain('P1234567');
    expect(row.surname_sealed).not.toContain('SHARMA');
    expect(JSON.parse(row.context_json)).toMatchObject({
      route: 'dropbox',
      visaClass: 'F1',
      entry: 'new',
      slip: 'white',
      officer: '221g',
      passport: 'kept',
    });
    const { html } = await c.page(`/cases/${id}`);
    expect(html).toContain('My F1');
    expect(html).toContain('AA0012AB34');
    // The passport is shown masked, never whole.
    expect(html).not.toContain('P1234567');
    expect(html).toContain('567');
    expect(html).toContain('Mumbai, India');
    // How sure the learned schedule is, among the facts: nothing seen at this post yet.
    expect(html).toContain('<dt>When we check</dt><dd>Still learning when this post');
    const list = await c.page('/cases');
    expect(list.html).toContain('Family');
    expect(list.html).toContain('Not checked yet');
  });

  it('finds the consulate by code, CEAC name or city, and says which ones fit an ambiguous name', async () => {
    fx = await webFixture();
    const c = new Client(fx.app);
    await c.signUp('b@example.com');
    for (const [location, n] of [
      ['BMB', 'AA0012AB31'],
      ['INDIA, MUMBAI', 'AA0012AB32'],
    ] as const) {
      const id = await addCase(c, { ...NIV, location, caseNumber: n });
      const row = await fx.store.db
        .selectFrom('cases')
        .select('location')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row.location).toBe('BMB');
    }
    await c.page('/cases/new');
    const res = await c.post('/cases', { ...NIV, location: 'India', caseNumber: 'AA0012AB39' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('fits several consulates');
    expect(html).toContain('BMB');
  });

  it('says which fields are missing or wrong, keeping what was typed', async () => {
    fx = await webFixture();
    const c = new Client(fx.app);
    await c.signUp('c@example.com');
    await c.page('/cases/new');
    let res = await c.post('/cases', { ...NIV, passport: '', surname: '' });
    expect(res.status).toBe(422);
    let html = await res.text();
    expect(html).toContain('Enter the passport number');
    expect(html).toContain('Enter the surname');
    expect(html).toContain('value="AA0012AB34"');
    res = await c.post('/cases', { ...NIV, caseNumber: 'A1' });
    html = await res.text();
    expect(res.status).toBe(422);
    expect(html).toContain('is not an NIV application ID');
    // In Chinese, the client's own reason, translated (src/ceac/query.ts), not the English nor a general hint.
    await c.request('/cases?lang=zh-CN');
    res = await c.post('/cases', { ...NIV, caseNumber: 'A1' });
    html = await res.text();
    expect(res.status).toBe(422);
    expect(html).toContain(
      '&quot;A1&quot; 不是 NIV 申请号：NIV 申请号是以 AA 开头的 10 位字母和数字，例如 AA0020AKAX（见 DS-160 确认页）。',
    );
    expect(html).not.toContain('is not an NIV application ID');
    await c.request('/cases?lang=en');
    await addCase(c);
    res = await c.post('/cases', NIV);
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('already watch this case');
  });

  it('edits a case without showing or losing the sealed fields, pauses and removes it', async () => {
    fx = await webFixture();
    const c = new Client(fx.app);
    await c.signUp('d@example.com');
    const id = await addCase(c);
    expect((await c.page(`/cases/${id}`)).html).toContain('My F1');
    const form = await c.page(`/cases/${id}/edit`);
    expect(form.html).not.toContain('P1234567');
    expect(form.html).not.toContain('SHARMA');
    let res = await c.post(`/cases/${id}/edit`, {
      label: 'Renamed',
      group: '',
      location: 'BMB',
      route: 'interview',
      visaClass: 'F1',
      entry: 'new',
    });
    expect(res.status).toBe(303);
    const secrets = await fx.services.cases.secrets(id);
    expect(secrets).toEqual({ passport: 'P1234567', surname: 'SHARMA' });
    let kase = await fx.services.cases.get(id);
    expect(kase.label).toBe('Renamed');
    // The case page (cached once viewed) shows the change at once.
    expect((await c.page(`/cases/${id}`)).html).toContain('Renamed');
    expect(kase.context.route).toBe('interview');
    res = await c.post(`/cases/${id}/watching`, { watching: 'no' });
    kase = await fx.services.cases.get(id);
    expect(kase.watching).toBe(false);
    res = await c.post(`/cases/${id}/delete`, {});
    expect(res.headers.get('location')).toBe('/cases?removed=1');
    expect(await fx.store.db.selectFrom('cases').selectAll().execute()).toHaveLength(0);
  });

  it('answers 404 to every case route of someone else, and changes nothing', async () => {
    fx = await webFixture();
    const owner = new Client(fx.app);
    await owner.signUp('owner@example.com');
    const id = await addCase(owner);
    const other = new Client(fx.app);
    await other.signUp('other@example.com');
    const gets = [
      `/cases/${id}`,
      `/cases/${id}/edit`,
      `/cases/${id}/events`,
      `/cases/${id}/captcha/x`,
      `/cases/${id}/captcha/x/image`,
    ];
    for (const path of gets) expect((await other.request(path)).status, path).toBe(404);
    const posts = [
      `/cases/${id}/edit`,
      `/cases/${id}/watching`,
      `/cases/${id}/delete`,
      `/cases/${id}/check`,
      `/cases/${id}/captcha/x`,
    ];
    for (const path of posts)
      expect((await other.post(path, { label: 'stolen', watching: 'no' })).status, path).toBe(404);
    const kase = await fx.services.cases.get(id);
    expect(kase.label).toBe('My F1');
    expect(kase.watching).toBe(true);
    // Signed out, every page sends the visitor to sign in instead.
    const anon = new Client(fx.app);
    const res = await anon.request(`/cases/${id}`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/signin?next=%2Fcases%2F${id}`);
  });

  it('deleting the account removes its cases too', async () => {
    fx = await webFixture();
    const c = new Client(fx.app);
    await c.signUp('e@example.com', 'my password 123');
    await addCase(c);
    await c.page('/account');
    await c.post('/account/delete', { confirm: 'yes', password: 'my password 123' });
    expect(await fx.store.db.selectFrom('cases').selectAll().execute()).toHaveLength(0);
  });
});

/** The text of some HTML, without its tags, scripts and the parts marked as English (CEAC's own words, code). */
function wordsOf(html: string): string {
  return html
    .replace(/<(script|style|code)\b[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<(span|q|dd|p|ul)\b[^>]*\blang="en"[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/g, ' ')
    .replace(/\s+/g, ' ');
}

/** The section of a page labelled by the heading with this id. */
function section(html: string, headingId: string): string {
  const start = html.indexOf(`aria-labelledby="${headingId}"`);
  if (start < 0) throw new Error(`no section ${headingId}`);
  return html.slice(start, html.indexOf('</section>', start));
}

const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));

/** Runs of four or more English words: what a page in another language must not have left. */
const ENGLISH_RUN =
  /\b(?:the|is|are|was|to|of|and|your|you|we|this|for|with|not|has|have|will)\b(?:\s+[A-Za-z’']+){3,}/i;

describe('cases on the web in Chinese and Spanish', () => {
  for (const [language, words] of [
    [
      'zh-CN',
      {
        list: ['我的案件', '添加案件', '尚未查询'],
        form: ['添加案件', '221(g) 单上的日期', '补交材料日期', '护照号码'],
        missing: '请输入护照号码',
        page: ['详细信息', '历史记录', '立即查询', '接下来的日期', '221(g) 补交材料截止'],
        account: ['你的账户', 'API 令牌', '修改密码', '日历订阅'],
        timeline: ['分享你的时间线', '保存时间线'],
      },
    ],
    [
      'es',
      {
        list: ['Mis casos', 'Agregar un caso', 'Todavía no consultado'],
        form: ['Agregar un caso', 'Fecha de la hoja 221(g)', 'Documentos entregados el', 'Número de pasaporte'],
        missing: 'Escriba el número de pasaporte',
        page: ['Datos', 'Historial', 'Consultar ahora', 'Próximas fechas', 'documentos de la 221(g)'],
        account: ['Su cuenta', 'Tokens de API', 'Cambiar la contraseña', 'Suscripción de calendario'],
        timeline: ['Comparta su cronología', 'Guardar la cronología'],
      },
    ],
  ] as const) {
    it(`speaks ${language} on the list, the form, the case page, the account and the timeline pages`, async () => {
      fx = await webFixture({ now: () => Date.UTC(2026, 10, 29, 12) });
      const c = new Client(fx.app);
      await c.signUp(`${language}@example.com`);
      expect((await c.request(`/cases?lang=${language}`)).status).toBe(303);

      const form = await c.page('/cases/new');
      for (const w of words.form) expect(form.html).toContain(w);
      expect(wordsOf(main(form.html))).not.toMatch(ENGLISH_RUN);
      // A field left out is said in the page's language, beside the field.
      const missing = await c.post('/cases', { ...NIV, passport: '' });
      expect(missing.status).toBe(422);
      expect(await missing.text()).toContain(words.missing);

      const id = await addCase(c, { ...NIV, interviewDate: '2026-03-02', slipDate: '2026-03-04' });
      const list = await c.page('/cases');
      expect(list.html).toContain(`<html lang="${language}">`);
      for (const w of words.list) expect(list.html).toContain(w);
      expect(wordsOf(main(list.html))).not.toMatch(ENGLISH_RUN);
      const page = (await c.page(`/cases/${id}`)).html;
      expect(page).toContain(`<html lang="${language}">`);
      for (const w of words.page) expect(page).toContain(w);
      for (const id of ['checks-h', 'history-h', 'details-h', 'ahead-h'])
        expect(wordsOf(section(page, id)), id).not.toMatch(ENGLISH_RUN);
      // The deadline's date in the page's own way of writing dates, with the day in the machine-readable attribute.
      expect(page).toContain('<time datetime="2027-03-04">');
      expect(page).toContain(
        new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(2027, 2, 4)),
      );

      const account = (await c.page('/account')).html;
      for (const w of words.account) expect(account).toContain(w);
      expect(wordsOf(main(account))).not.toMatch(ENGLISH_RUN);

      const timeline = (await c.page('/timelines/new')).html;
      for (const w of words.timeline) expect(timeline).toContain(w);
      expect(wordsOf(main(timeline))).not.toMatch(ENGLISH_RUN);
    });
  }

  it('keeps the JSON API in English whatever the browser asks for', async () => {
    fx = await webFixture();
    const c = new Client(fx.app);
    await c.signUp('api-lang@example.com');
    const user = (await fx.services.accounts.findByEmail('api-lang@example.com'))!;
    const token = (await fx.services.accounts.createApiToken(user.id, 't')).token;
    const res = await fx.app.request('/api/v1/cases', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'accept-language': 'zh-CN' },
      body: JSON.stringify({
        app: 'NIV',
        location: 'Atlantis',
        caseNumber: 'AA0012AB34',
        passport: 'P1',
        surname: 'X',
      }),
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { fields: Record<string, string> } };
    expect(body.error.fields.location).toBe(
      'We do not know the consulate “Atlantis”. Type its city (e.g. Mumbai) or its CEAC code (e.g. BMB).',
    );
  });

  it('shows a recorded status explained in Chinese, with CEAC’s own word in English beside it', async () => {
    const stack = await startStack({ automaticCaptcha: true, extra: {} });
    try {
      const c = new Client(stack.fixture.app);
      await c.signUp('zh-status@example.com');
      await c.request('/cases?lang=zh-CN');
      const id = await addCase(c, { ...NIV, caseNumber: 'AA00DBX221', passport: 'Z4810023', surname: 'RAGHAVAN' });
      await stack.checker.check(id);
      const [stored] = await stack.fixture.store.db
        .selectFrom('events')
        .select('interpretation_json')
        .where('case_id', '=', id)
        .execute();
      const english = JSON.parse(stored!.interpretation_json!) as { headline: string; variant: string };
      expect(english.variant).toBe('refused_221g');
      const page = (await c.page(`/cases/${id}`)).html;
      // The explanation is the decoder's own, in Chinese: not the English that was recorded.
      expect(page).not.toContain(english.headline);
      expect(page).toMatch(/<h2 id="answer-h" class="headline">[^<]*行政审查[^<]*<\/h2>/);
      expect(page).not.toContain('无法逐字对应');
      // CEAC's status word stays as CEAC shows it, marked as English, in the history too.
      expect(page).toMatch(/第一次查询： <span lang="en">Refused<\/span>/);
      const list = (await c.page('/cases')).html;
      expect(list).not.toContain(english.headline);
      expect(list).toContain('行政审查');
      // Once the case's details no longer give the recorded answer (the officer now said something else), the
      // recorded English is shown as it was, and the page says why, rather than a translation of another answer.
      await c.page(`/cases/${id}/edit`);
      const edited = await c.post(`/cases/${id}/edit`, { ...NIV, location: 'BMB', officer: 'none', slip: '' });
      expect(edited.status).toBe(303);
      const after = (await c.page(`/cases/${id}`)).html;
      expect(after).toContain(`<h2 id="answer-h" class="headline">${english.headline}</h2>`);
      expect(after).toContain('这段解读是以英文记录的');
    } finally {
      await stack.close();
    }
  });
});

/** Issue 15: the 221(g) slip date and the documents date, typed on the web form, move the case page's deadlines. */
for (const postgres of [false, true]) {
  describe.skipIf(postgres && !TEST_DATABASE_URL)(`the 221(g) dates on ${postgres ? 'PostgreSQL' : 'SQLite'}`, () => {
    const TODAY = Date.UTC(2026, 10, 29, 12);
    /** A clock that stands on TODAY but moves a second on every reading (an edit is newer than what it edits). */
    const clock = () => {
      let at = TODAY;
      return () => (at += 1000);
    };
    const WITH_221G = { ...NIV, route: 'interview', officer: '221g', interviewDate: '2026-03-02' };

    it('refuses a date in the future, before the interview, or documents before the slip, saying why', async () => {
      fx = await webFixture({ postgres, now: () => TODAY });
      const c = new Client(fx.app);
      await c.signUp('dates@example.com');
      await c.page('/cases/new');
      const cases: [Record<string, string>, string, string][] = [
        [{ slipDate: '2026-12-01' }, 'slipDate', 'This date is after today (2026-11-29)'],
        [{ slipDate: '2026-02-27' }, 'slipDate', 'This date is before the interview (2026-03-02)'],
        [{ documentsDate: '2026-11-30' }, 'documentsDate', 'This date is after today (2026-11-29)'],
        [{ documentsDate: '2026-03-01' }, 'documentsDate', 'This date is before the interview (2026-03-02): documents'],
        [
          { slipDate: '2026-03-10', documentsDate: '2026-03-05' },
          'documentsDate',
          'This date is before the date on the 221(g) slip (2026-03-10)',
        ],
        [{ slipDate: '2026-02-30' }, 'slipDate', '“2026-02-30” is not a real day'],
      ];
      for (const [dates, field, said] of cases) {
        const res = await c.post('/cases', { ...WITH_221G, ...dates });
        expect(res.status, JSON.stringify(dates)).toBe(422);
        const html = await res.text();
        expect(html).toMatch(new RegExp(`<p class="error" id="${field}-error">${said.replace(/[()]/g, '\\$&')}`));
        expect(html).toContain(`aria-describedby="${field}-hint ${field}-error"`);
        // What was typed is kept.
        for (const v of Object.values(dates)) expect(html).toContain(`value="${v}"`);
      }
      expect(await fx.store.db.selectFrom('cases').selectAll().execute()).toHaveLength(0);
    });

    it('counts the documents deadline from the slip date, and stops it once the documents are in', async () => {
      fx = await webFixture({ postgres, now: clock() });
      const c = new Client(fx.app);
      await c.signUp('slip@example.com');
      const id = await addCase(c, { ...WITH_221G, slipDate: '2026-03-04' });
      const kase = await fx.services.cases.get(id);
      expect(kase.context).toMatchObject({ slipDate: '2026-03-04', interviewDate: '2026-03-02', officer: '221g' });
      let page = (await c.page(`/cases/${id}`)).html;
      // 12 months after the slip, not after the interview two days earlier.
      expect(page).toContain('<time datetime="2027-03-04">4 Mar 2027</time> — 221(g) documents due');
      expect(page).toContain('12 months after the date on the 221(g) slip, 4 Mar 2026.');
      expect(page).not.toContain('2027-03-02');
      expect(page).toContain('<dt>Date on the 221(g) slip</dt><dd>4 Mar 2026</dd>');

      // The edit form shows the dates; adding the documents date ends the documents deadline.
      const edit = (await c.page(`/cases/${id}/edit`)).html;
      expect(edit).toContain('name="slipDate" type="date" value="2026-03-04"');
      expect(edit).toContain('max="2026-11-29"');
      const res = await c.post(`/cases/${id}/edit`, {
        ...WITH_221G,
        location: 'BMB',
        slipDate: '2026-03-04',
        documentsDate: '2026-04-20',
      });
      expect(res.status).toBe(303);
      expect((await fx.services.cases.get(id)).context.documentsDate).toBe('2026-04-20');
      page = (await c.page(`/cases/${id}`)).html;
      expect(page).not.toContain('221(g) documents due');
      expect(page).toContain('<dt>Documents handed in</dt><dd>20 Apr 2026</dd>');
      // Clearing a date on the form removes it.
      await c.page(`/cases/${id}/edit`);
      const clearing = await c.post(`/cases/${id}/edit`, {
        ...WITH_221G,
        location: 'BMB',
        slipDate: '',
        documentsDate: '',
      });
      expect(clearing.status, await clearing.clone().text()).toBe(303);
      const cleared = await fx.services.cases.get(id);
      expect(cleared.context.slipDate).toBeUndefined();
      expect(cleared.context.documentsDate).toBeUndefined();
    });

    it('says when one may ask the consulate: 180 days after the last documents, once CEAC shows Refused', async () => {
      // The tracker records the check at the real time: the dates are counted back from it.
      const stack = await startStack({ automaticCaptcha: true, extra: { postgres } });
      const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
      const documents = daysAgo(100);
      const enquire = new Date(Date.parse(`${documents}T00:00:00Z`) + 180 * 86_400_000);
      const dayOf = (d: Date) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
      try {
        const c = new Client(stack.fixture.app);
        await c.signUp('enquire@example.com');
        const id = await addCase(c, {
          ...WITH_221G,
          caseNumber: 'AA00DBX221',
          passport: 'Z4810023',
          surname: 'RAGHAVAN',
          interviewDate: daysAgo(160),
          slipDate: daysAgo(158),
          documentsDate: documents,
        });
        await stack.checker.check(id);
        expect((await stack.fixture.services.cases.get(id)).state).toBe('refused');
        const page = (await c.page(`/cases/${id}`)).html;
        // 180 days after the documents; the interview (earlier) does not count once documents were handed in.
        expect(page).toContain(
          `<time datetime="${enquire.toISOString().slice(0, 10)}">${dayOf(enquire)}</time> — You may now ask the consulate about the case`,
        );
        expect(page).toContain(
          `180 days after the last documents were handed in on ${dayOf(new Date(`${documents}T00:00:00Z`))}.`,
        );
        expect(page).not.toContain('180 days after the interview on');
        expect(page).not.toContain('221(g) documents due');
      } finally {
        await stack.close();
      }
    });
  });
}
