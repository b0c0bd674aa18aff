import { PNG } from 'pngjs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { parseAjaxDelta, parseCeacResponse } from '../src/decode/index.js';
import { LOCATIONS } from '../src/knowledge/locations.js';
import {
  FAULT_KINDS,
  parseDuration,
  parseFaultSpec,
  parseScenario,
  renderCaptchaPng,
  type RunningSimulator,
  ScenarioError,
  startSimulator,
} from '../src/simulator/index.js';
import { T0 } from './ceac-helpers.js';

const CAPTCHA = 'c_status_ctl00_contentplaceholder1_defaultcaptcha';

/** A bare-hands browser: one cookie, the form's hidden inputs, no client code of ours. */
async function openForm(sim: RunningSimulator, app = 'NIV') {
  const res = await fetch(`${sim.url}/ceacstattracker/status.aspx?App=${app}`);
  const html = await res.text();
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const hidden = Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]+)" id="[^"]+" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]),
  );
  return { res, html, cookie, hidden, vcid: hidden[`LBD_VCID_${CAPTCHA}`]! };
}

async function post(sim: RunningSimulator, cookie: string, fields: Record<string, string>) {
  const res = await fetch(`${sim.url}/ceacstattracker/status.aspx`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: res.status, body: await res.text() };
}

function fieldsFor(hidden: Record<string, string>, captcha: string, extra: Record<string, string> = {}) {
  return {
    ...hidden,
    __EVENTTARGET: 'ctl00$ContentPlaceHolder1$btnSubmit',
    ctl00$ContentPlaceHolder1$Visa_Application_Type: 'NIV',
    ctl00$ContentPlaceHolder1$Location_Dropdown: 'BMB',
    ctl00$ContentPlaceHolder1$Visa_Case_Number: 'AA00DBX221',
    ctl00$ContentPlaceHolder1$Passport_Number: 'Z4810023',
    ctl00$ContentPlaceHolder1$Surname: 'RAGHA',
    ctl00$ContentPlaceHolder1$Captcha: captcha,
    __ASYNCPOST: 'true',
    ...extra,
  };
}

describe('simulator protocol', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ now: () => T0, debugCaptcha: true });
  });
  afterAll(() => sim.close());

  it('redirects Default.aspx to the status page', async () => {
    const res = await fetch(`${sim.url}/CEACStatTracker/Default.aspx?App=IV`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/CEACStatTracker/Status.aspx?App=IV');
  });

  it('serves the form with the session cookie, hidden inputs, captcha and all 228 locations', async () => {
    const { res, html, cookie, hidden, vcid } = await openForm(sim);
    expect(res.status).toBe(200);
    expect(cookie).toMatch(/^ASP\.NET_SessionId=[\w-]{20,}$/);
    for (const name of ['__VIEWSTATE', '__VIEWSTATEGENERATOR', '__EVENTVALIDATION', `LBD_VCID_${CAPTCHA}`])
      expect(hidden[name]).toBeTruthy();
    expect(html).toContain(`id="${CAPTCHA}_CaptchaImage"`);
    expect(html).toContain(`src="/CEACStatTracker/BotDetectCaptcha.ashx?get=image&amp;c=${CAPTCHA}&amp;t=${vcid}"`);
    expect(hidden.__VIEWSTATEGENERATOR).toBe('DBF1011F');
    expect(html).toContain('<select name="ctl00$ContentPlaceHolder1$Location_Dropdown" id="Location_Dropdown">');
    expect(html).toContain('<option value="BMB">INDIA, MUMBAI</option>');
    const options = [...html.matchAll(/<option value="([A-Z]{3})">/g)].map((m) => m[1]);
    expect(options).toHaveLength(228);
    expect(new Set(options)).toEqual(new Set(LOCATIONS.map((l) => l.code)));
    expect(parseCeacResponse(html).kind).toBe('form');
    const iv = await openForm(sim, 'IV');
    expect(iv.html).not.toContain('Location_Dropdown');
  });

  it('serves a 200x50 JPEG captcha (and its sound) only to the session it belongs to', async () => {
    const { cookie, vcid } = await openForm(sim);
    const url = `${sim.url}/ceacstattracker/BotDetectCaptcha.ashx?get=image&c=${CAPTCHA}&t=${vcid}`;
    const img = await fetch(url, { headers: { cookie } });
    expect(img.headers.get('content-type')).toBe('image/jpeg');
    const meta = await sharp(Buffer.from(await img.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 200, 50]);
    const stranger = await fetch(url);
    expect(stranger.status).toBe(400);
    const sound = await fetch(url.replace('get=image', 'get=sound'), { headers: { cookie } });
    expect(sound.headers.get('content-type')).toBe('audio/wav');
    expect(
      Buffer.from(await sound.arrayBuffer())
        .subarray(0, 4)
        .toString('latin1'),
    ).toBe('RIFF');
  });

  it('serves PNG with --captcha-format png', async () => {
    const png = await startSimulator({ captchaFormat: 'png' });
    try {
      const { cookie, vcid } = await openForm(png);
      const img = await fetch(`${png.url}/ceacstattracker/BotDetectCaptcha.ashx?get=image&c=${CAPTCHA}&t=${vcid}`, {
        headers: { cookie },
      });
      expect(img.headers.get('content-type')).toBe('image/png');
      const decoded = PNG.sync.read(Buffer.from(await img.arrayBuffer()));
      expect([decoded.width, decoded.height]).toEqual([200, 50]);
    } finally {
      await png.close();
    }
  });

  it('checks the captcha, the viewstate round trip and the session like ASP.NET', async () => {
    const form = await openForm(sim);
    const code = ((await (await fetch(`${sim.url}/__sim/captcha/${form.vcid}`)).json()) as { code: string }).code;
    expect(code).toMatch(/^[0-9A-Z]{5}$/);

    const noCookie = await post(sim, '', fieldsFor(form.hidden, code));
    expect(noCookie.status).toBe(500);
    const badViewstate = await post(sim, form.cookie, fieldsFor(form.hidden, code, { __VIEWSTATE: 'forged' }));
    expect(badViewstate.status).toBe(500);

    const ok = await post(sim, form.cookie, fieldsFor(form.hidden, code.toLowerCase()));
    expect(ok.status).toBe(200);
    const records = parseAjaxDelta(ok.body);
    expect(records).not.toBeNull();
    expect(records![0]).toEqual({ type: '#', id: '', content: '4' });
    expect(records!.some((r) => r.type === 'updatePanel' && r.id === 'ctl00_ContentPlaceHolder1_UpdatePanel1')).toBe(
      true,
    );
    const parsed = parseCeacResponse(ok.body);
    expect(parsed.kind).toBe('status');
    if (parsed.kind === 'status') expect(parsed.observation.status).toBe('Refused');

    // The same form cannot be posted twice, and a captcha answers once.
    const replay = await post(sim, form.cookie, fieldsFor(form.hidden, code));
    expect(replay.status).toBe(500);
    const again = await openForm(sim);
    const wrong = await post(sim, again.cookie, fieldsFor(again.hidden, 'ZZZZZ'));
    expect(parseCeacResponse(wrong.body)).toMatchObject({ kind: 'error', error: 'captcha_rejected' });
    expect((await fetch(`${sim.url}/__sim/captcha/${again.vcid}`)).status).toBe(404);
  });

  it('answers invalid IDs, unknown cases and wrong passport/surname with the site texts', async () => {
    const answer = async (extra: Record<string, string>) => {
      const form = await openForm(sim);
      const { code } = (await (await fetch(`${sim.url}/__sim/captcha/${form.vcid}`)).json()) as { code: string };
      return parseCeacResponse((await post(sim, form.cookie, fieldsFor(form.hidden, code, extra))).body);
    };
    expect(await answer({ ctl00$ContentPlaceHolder1$Visa_Case_Number: 'AA00' })).toMatchObject({
      kind: 'error',
      error: 'invalid_id',
    });
    expect(await answer({ ctl00$ContentPlaceHolder1$Visa_Case_Number: 'AA00ZZZ999' })).toMatchObject({
      kind: 'error',
      error: 'not_found',
    });
    expect(await answer({ ctl00$ContentPlaceHolder1$Surname: 'SMITH' })).toMatchObject({
      kind: 'error',
      error: 'not_found',
    });
    expect(await answer({ ctl00$ContentPlaceHolder1$Passport_Number: 'Z0000000' })).toMatchObject({
      kind: 'error',
      error: 'not_found',
    });
  });

  it('lists cases and moves its clock on /__sim/advance', async () => {
    const before = (await (await fetch(`${sim.url}/__sim/cases`)).json()) as {
      cases: { id: string; current: { status: string } | null; steps: { at: number; variant: string }[] }[];
    };
    const dropbox = before.cases.find((c) => c.id === 'AA00DBX221')!;
    expect(dropbox.current?.status).toBe('Refused');
    expect(dropbox.steps.map((s) => s.variant)).toContain('administrative_processing');
    expect(before.cases.find((c) => c.id === 'AA00NEW350')!.current).toBeNull();

    const adv = await fetch(`${sim.url}/__sim/advance`, {
      method: 'POST',
      body: JSON.stringify({ seconds: 3 * 3600 }),
    });
    expect(adv.status).toBe(200);
    const after = sim.cases().find((c) => c.id === 'AA00DBX221')!;
    expect(after.current?.status).toBe('Administrative Processing');
    expect(sim.cases().find((c) => c.id === 'AA00NEW350')!.current?.status).toBe('No Status');
    sim.advance(-3 * 3600);

    const bad = await fetch(`${sim.url}/__sim/advance`, { method: 'POST', body: JSON.stringify({ seconds: 'soon' }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain('seconds');
  });

  it('changes faults at run time and refuses bad ones', async () => {
    const set = await fetch(`${sim.url}/__sim/faults`, { method: 'POST', body: JSON.stringify({ maintenance: 1 }) });
    expect(await set.json()).toEqual({ maintenance: 1 });
    expect(await (await fetch(`${sim.url}/ceacstattracker/status.aspx?App=NIV`)).text()).toContain('maintenance');
    const bad = await fetch(`${sim.url}/__sim/faults`, { method: 'POST', body: JSON.stringify({ meteor: 0.5 }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain('meteor');
    sim.setFaults({});
    const stats = (await (await fetch(`${sim.url}/__sim/stats`)).json()) as Record<string, number>;
    expect(stats.fault_maintenance).toBe(1);
    expect(stats.form).toBeGreaterThan(3);
  });

  it('serves captcha answers only with --debug-captcha', async () => {
    const quiet = await startSimulator({ now: () => T0 });
    try {
      const form = await openForm(quiet);
      expect((await fetch(`${quiet.url}/__sim/captcha/${form.vcid}`)).status).toBe(404);
    } finally {
      await quiet.close();
    }
  });

  it('runs scaled time with --speed', async () => {
    let now = T0;
    const fast = await startSimulator({ now: () => now, speed: 3600 });
    try {
      expect(fast.cases().find((c) => c.id === 'AA00DBX221')!.current?.status).toBe('Refused');
      now += 3_000; // three real seconds are three simulated hours
      expect(fast.elapsed()).toBe(3 * 3600);
      expect(fast.cases().find((c) => c.id === 'AA00DBX221')!.current?.status).toBe('Administrative Processing');
    } finally {
      await fast.close();
    }
  });
});

describe('fault specs', () => {
  it('parses kind=rate lists', () => {
    expect(parseFaultSpec('5xx=0.2, captcha=0.3,drop')).toEqual({ '5xx': 0.2, captcha: 0.3, drop: 1 });
    expect(FAULT_KINDS).toEqual(
      expect.arrayContaining(['5xx', 'timeout', 'captcha', 'maintenance', 'blocked', 'layout', 'drop']),
    );
  });
  it.each([
    ['meteor=0.1', /unknown fault kind "meteor"/],
    ['5xx=2', /from 0 to 1/],
    ['5xx=', /from 0 to 1/],
    ['captcha=abc', /from 0 to 1/],
  ])('refuses %s with a clear message', (spec, message) => {
    expect(() => parseFaultSpec(spec)).toThrow(message);
  });
});

describe('scenarios', () => {
  const good = { app: 'NIV' as const, location: 'BMB', id: 'AA00TEST01', steps: [{ at: '-1d', variant: 'no_status' }] };
  it('reads durations', () => {
    expect(parseDuration('2d12h')).toBe(216_000);
    expect(parseDuration('-30d')).toBe(-2_592_000);
    expect(parseDuration('90m')).toBe(5400);
    expect(parseDuration(15)).toBe(15);
    expect(parseDuration('soon')).toBeNull();
  });
  it('accepts a valid scenario', () => {
    expect(parseScenario({ name: 't', cases: [good] }).cases[0]!.steps[0]!.at).toBe(-86_400);
  });
  it.each([
    [{ ...good, steps: [{ at: 0, variant: 'pending_forever' }] }, /unknown text variant "pending_forever"/],
    [{ ...good, location: 'XXX' }, /"XXX" is not a CEAC location code/],
    [{ ...good, location: undefined }, /needs "location"/],
    [
      {
        ...good,
        steps: [
          { at: 10, variant: 'no_status' },
          { at: 5, variant: 'issued' },
        ],
      },
      /time order/,
    ],
    [{ ...good, steps: [{ at: 0, bump: true }] }, /first step must be a status/],
    [{ ...good, steps: [{ at: 'tomorrow', variant: 'no_status' }] }, /not a time/],
    [{ ...good, steps: [{ at: 0, variant: 'at_nvc' }] }, /not shown for NIV/],
    [{ ...good, steps: [{ at: 0, variant: 'no_status', bump: true }] }, /either "variant"/],
  ])('refuses a bad case with a message that names the problem (%#)', (c, message) => {
    expect(() => parseScenario({ name: 't', cases: [c] })).toThrow(ScenarioError);
    expect(() => parseScenario({ name: 't', cases: [c] })).toThrow(message);
  });
  it('refuses duplicate case IDs, also across merged files', () => {
    expect(() => parseScenario({ name: 't', cases: [good, { ...good, id: 'aa00test01' }] })).toThrow(/appears twice/);
  });
  it('takes a scenario object in code, as the tests of other parts write them', async () => {
    const own = await startSimulator({
      now: () => T0,
      scenario: {
        name: 'inline',
        cases: [{ ...good, steps: [...good.steps, { at: '1h', variant: 'application_received' }] }],
      },
    });
    try {
      expect(own.cases().map((c) => [c.id, c.current?.status])).toEqual([['AA00TEST01', 'No Status']]);
      own.advance(3600);
      expect(own.cases()[0]!.current?.status).toBe('Application Received');
      expect(own.cases()[0]!.steps.map((st) => st.at)).toEqual([-86_400, 3600]);
    } finally {
      await own.close();
    }
  });
  it('refuses a missing scenario file without a stack trace', async () => {
    await expect(startSimulator({ scenario: '/nonexistent/scenario.json' })).rejects.toThrow(
      /cannot read scenario file .*ENOENT/,
    );
  });
});

describe('captcha image', () => {
  it('draws the code: different codes give different ink, the same code and noise the same image', () => {
    const fixed = () => {
      let s = 7;
      return () => (s = (s * 48271) % 2147483647) / 2147483647;
    };
    const a = renderCaptchaPng('AB12C', fixed());
    const b = renderCaptchaPng('AB12C', fixed());
    const c = renderCaptchaPng('XY89Z', fixed());
    expect(a.equals(b)).toBe(true);
    expect(a.equals(c)).toBe(false);
    const img = PNG.sync.read(a);
    let dark = 0;
    for (let i = 0; i < img.width * img.height; i++) if (img.data[i * 4]! < 100 && img.data[i * 4 + 2]! < 160) dark++;
    // Five 5x7 glyphs at 4x4 pixels each are several hundred dark pixels, far beyond the noise.
    expect(dark).toBeGreaterThan(600);
  });
});
