import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type RunningSimulator, startSimulator } from '../src/simulator/index.js';
import { T0 } from './ceac-helpers.js';

/*
 * The public CEAC clients, re-enacted in a few lines each against the simulator: they read what
 * those clients read and post what they post (read in their repositories, none of their code
 * copied), with only the host and the captcha answer swapped. cheerio stands in for BeautifulSoup,
 * and a cookie-keeping fetch for requests.Session. Each must read the status, the case number
 * and both dates (docs/ceac-protocol.md, "What working clients rely on").
 */

const CODE = 'ABC12';
const CAPTCHA_ID = 'c_status_ctl00_contentplaceholder1_defaultcaptcha';
const VIEW = 'ctl00_ContentPlaceHolder1_ucApplicationStatusView_';
const NIV = { location: 'INDIA, MUMBAI', code: 'BMB', id: 'AA00DBX221', passport: 'Z4810023', surname: 'RAGHA' };
const IV = { id: 'LMA2024656002', passport: '118830041', surname: 'QUISP' };

/** requests.Session: keeps cookies, follows redirects. */
function session() {
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  async function send(
    url: string,
    init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {},
  ) {
    const res = await fetch(url, {
      method: init.method ?? 'GET',
      headers: {
        ...(init.form && { 'content-type': 'application/x-www-form-urlencoded' }),
        ...init.headers,
        cookie: cookie(),
      },
      ...(init.form && { body: new URLSearchParams(init.form).toString() }),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    return { status: res.status, text: await res.text(), type: res.headers.get('content-type') };
  }
  return { get: (url: string, headers?: Record<string, string>) => send(url, { headers }), post: send };
}

function ceacDate(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${String(d.getUTCDate()).padStart(2, '0')}-${months[d.getUTCMonth()]}-${d.getUTCFullYear()}`;
}

function hiddenInputs($: cheerio.CheerioAPI): Record<string, string> {
  const out: Record<string, string> = {};
  $('input[type="hidden"]').each((_i, el) => {
    const name = $(el).attr('name');
    // CEACStatTracker reads x.attrs["value"]: every hidden input must carry a value attribute.
    const value = $(el).attr('value');
    if (name && value === undefined) throw new Error(`hidden input ${name} has no value attribute`);
    if (name) out[name] = value!;
  });
  return out;
}

function spans($: cheerio.CheerioAPI) {
  const t = (id: string) => $(`span#${VIEW}${id}`).text().trim();
  return { status: t('lblStatus'), caseNo: t('lblCaseNo'), created: t('lblSubmitDate'), updated: t('lblStatusDate') };
}

describe('public clients re-enacted against the simulator', () => {
  let sim: RunningSimulator;
  let ROOT: string;
  let expected: { status: string; created: string; updated: string };
  let expectedIv: { status: string; created: string; updated: string };
  beforeAll(async () => {
    sim = await startSimulator({ captchaCode: CODE, now: () => T0 });
    ROOT = sim.url;
    const find = (id: string) => {
      const c = sim.cases().find((x) => x.id === id)!.current!;
      return { status: c.status, created: ceacDate(c.caseCreated), updated: ceacDate(c.caseLastUpdated) };
    };
    expected = find(NIV.id);
    expectedIv = find(IV.id);
  });
  afterAll(() => sim.close());

  it('CEACStatusBot (Andision/CEACStatusBot, CEACStatusBot/request/query.py): ROOT + img src, the location option by text, hard-coded DBF1011F, no event validation', async () => {
    const s = session();
    const page = await s.get(`${ROOT}/ceacstattracker/status.aspx?App=NIV`);
    const $ = cheerio.load(page.text);
    const src = $(`img#${CAPTCHA_ID}_CaptchaImage`).attr('src')!;
    const image = await s.get(ROOT + src);
    expect(image.type).toBe('image/jpeg');
    let locationValue: string | undefined;
    $('select#Location_Dropdown option').each((_i, el) => {
      if (!locationValue && $(el).text().includes(NIV.location)) locationValue = $(el).attr('value');
    });
    expect(locationValue).toBe(NIV.code);
    const data: Record<string, string> = {
      ctl00$ToolkitScriptManager1: 'ctl00$ContentPlaceHolder1$UpdatePanel1|ctl00$ContentPlaceHolder1$btnSubmit',
      ctl00_ToolkitScriptManager1_HiddenField: ';;AjaxControlToolkit, Version=4.1.40412.0',
      __EVENTTARGET: 'ctl00$ContentPlaceHolder1$btnSubmit',
      __EVENTARGUMENT: '',
      __LASTFOCUS: '',
      __VIEWSTATE: 'a-stale-fallback',
      __VIEWSTATEGENERATOR: 'DBF1011F',
      __VIEWSTATEENCRYPTED: '',
      ctl00$ContentPlaceHolder1$Visa_Application_Type: 'NIV',
      ctl00$ContentPlaceHolder1$Location_Dropdown: locationValue!,
      ctl00$ContentPlaceHolder1$Visa_Case_Number: NIV.id,
      ctl00$ContentPlaceHolder1$Captcha: CODE,
      ctl00$ContentPlaceHolder1$Passport_Number: NIV.passport,
      ctl00$ContentPlaceHolder1$Surname: NIV.surname,
      [`LBD_VCID_${CAPTCHA_ID}`]: 'a-stale-fallback',
      [`LBD_BackWorkaround_${CAPTCHA_ID}`]: '1',
      __ASYNCPOST: 'true',
    };
    // Only these three are taken from the page; the generator matches the hard-coded fallback.
    for (const name of ['__VIEWSTATE', '__VIEWSTATEGENERATOR', `LBD_VCID_${CAPTCHA_ID}`]) {
      const v = $(`input[name="${name}"]`).attr('value');
      if (v !== undefined) data[name] = v;
    }
    expect(data.__VIEWSTATEGENERATOR).toBe('DBF1011F');
    expect(data.__EVENTVALIDATION).toBeUndefined();
    const answer = await s.post(`${ROOT}/ceacstattracker/status.aspx`, { method: 'POST', form: data });
    const got = spans(cheerio.load(answer.text));
    // Its check: the echoed number, alphanumerics only, case-folded.
    const norm = (x: string) => x.replace(/[^0-9a-z]/gi, '').toLowerCase();
    expect(norm(got.caseNo)).toBe(norm(NIV.id));
    expect(got).toEqual({ ...expected, caseNo: NIV.id });
  });

  it('ceac-visa-status-checker (XavierJiezou/ceac-visa-status-checker, scripts/check_ceac_status.py): every hidden input, async headers, the option by normalised text', async () => {
    const s = session();
    const page = await s.get(`${ROOT}/ceacstattracker/status.aspx?App=NIV`);
    const $ = cheerio.load(page.text);
    const norm = (x: string) => x.trim().toUpperCase().split(/\s+/).join(' ');
    let value: string | undefined;
    $('select#Location_Dropdown option').each((_i, el) => {
      if (!value && $(el).attr('value') && norm($(el).text()) === norm(NIV.location)) value = $(el).attr('value');
    });
    expect(value).toBe(NIV.code);
    const image = await s.get(ROOT + $(`img#${CAPTCHA_ID}_CaptchaImage`).attr('src')!);
    expect(image.status).toBe(200);
    const form = {
      ...hiddenInputs($),
      ctl00$ToolkitScriptManager1: 'ctl00$ContentPlaceHolder1$UpdatePanel1|ctl00$ContentPlaceHolder1$btnSubmit',
      __EVENTTARGET: 'ctl00$ContentPlaceHolder1$btnSubmit',
      __EVENTARGUMENT: '',
      __LASTFOCUS: '',
      ctl00$ContentPlaceHolder1$Visa_Application_Type: 'NIV',
      ctl00$ContentPlaceHolder1$Location_Dropdown: value!,
      ctl00$ContentPlaceHolder1$Visa_Case_Number: NIV.id,
      ctl00$ContentPlaceHolder1$Captcha: CODE,
      ctl00$ContentPlaceHolder1$Passport_Number: NIV.passport,
      ctl00$ContentPlaceHolder1$Surname: NIV.surname,
      [`LBD_BackWorkaround_${CAPTCHA_ID}`]: '1',
      __ASYNCPOST: 'true',
    };
    const answer = await s.post(`${ROOT}/ceacstattracker/status.aspx`, {
      method: 'POST',
      form,
      headers: { 'X-MicrosoftAjax': 'Delta=true', 'X-Requested-With': 'XMLHttpRequest', Origin: ROOT },
    });
    expect(spans(cheerio.load(answer.text))).toEqual({ ...expected, caseNo: NIV.id });
  });

  it('CEACStatTracker (yuzeming/CEACStatTracker, probe/index.py): non-async postback, the answer page reused for the next case', async () => {
    const s = session();
    const URL_ = `${ROOT}/CEACStatTracker/Status.aspx?App=NIV`;
    const postData = async ($: cheerio.CheerioAPI) => {
      const data = hiddenInputs($);
      const src = $(`#${CAPTCHA_ID}_CaptchaImage`).attr('src')!;
      expect((await s.get(new URL(src, URL_).toString())).status).toBe(200);
      return {
        ...data,
        ctl00$ContentPlaceHolder1$Captcha: CODE,
        ctl00$ContentPlaceHolder1$Visa_Application_Type: 'NIV',
        __EVENTTARGET: 'ctl00$ContentPlaceHolder1$btnSubmit',
        ctl00$ToolkitScriptManager1: 'ctl00$ContentPlaceHolder1$UpdatePanel1|ctl00$ContentPlaceHolder1$btnSubmit',
        [`LBD_BackWorkaround_${CAPTCHA_ID}`]: '1',
        __EVENTARGUMENT: '',
        __LASTFOCUS: '',
      };
    };
    const query = async ($: cheerio.CheerioAPI) => {
      const data = {
        ...(await postData($)),
        ctl00$ContentPlaceHolder1$Location_Dropdown: NIV.code,
        ctl00$ContentPlaceHolder1$Visa_Case_Number: NIV.id,
        ctl00$ContentPlaceHolder1$Passport_Number: NIV.passport,
        ctl00$ContentPlaceHolder1$Surname: NIV.surname,
      };
      const res = await s.post(URL_, { method: 'POST', form: data });
      const $$ = cheerio.load(res.text);
      // Its reading: the validation summary must exist and be empty, then the error label empty.
      expect($$('#ctl00_ContentPlaceHolder1_ValidationSummary1').length).toBe(1);
      expect($$('#ctl00_ContentPlaceHolder1_ValidationSummary1').text().trim()).toBe('');
      expect($$('#ctl00_ContentPlaceHolder1_lblError').text()).toBe('');
      const got = spans($$);
      expect(got.caseNo).toBe(NIV.id); // its assert is exact equality
      return { got, $$ };
    };
    const first = await query(cheerio.load((await s.get(URL_)).text));
    expect(first.got).toEqual({ ...expected, caseNo: NIV.id });
    const formsBefore = sim.stats().form ?? 0;
    const second = await query(first.$$);
    expect(second.got).toEqual({ ...expected, caseNo: NIV.id });
    expect(sim.stats().form ?? 0).toBe(formsBefore); // no new GET of the form
  });

  it('ceac-visa-monitor (belsun/ceac-visa-monitor, ceac_monitor.py): GET without App, the NIV/IV switch postback, its own captcha URL, the button as submitter, status from the page text', async () => {
    const s = session();
    const CEAC_URL = `${ROOT}/CEACStatTracker/Status.aspx`;
    const fields = ($: cheerio.CheerioAPI) => {
      const out: Record<string, string> = {};
      for (const n of [
        '__VIEWSTATE',
        '__VIEWSTATEGENERATOR',
        '__VIEWSTATEENCRYPTED',
        '__EVENTTARGET',
        '__EVENTARGUMENT',
        '__LASTFOCUS',
      ]) {
        const v = $(`input[name="${n}"]`).attr('value');
        if (v !== undefined) out[n] = v;
      }
      const vcid = $('input[name*="VCID"]').first();
      return { ...out, vcidName: vcid.attr('name')!, vcidValue: vcid.attr('value')! } as Record<string, string> & {
        vcidName: string;
        vcidValue: string;
      };
    };
    const f1 = fields(cheerio.load((await s.get(CEAC_URL)).text));
    const base = (f: ReturnType<typeof fields>) => ({
      ctl00_ToolkitScriptManager1_HiddenField: '',
      __EVENTARGUMENT: '',
      __LASTFOCUS: '',
      __VIEWSTATE: f.__VIEWSTATE!,
      __VIEWSTATEGENERATOR: f.__VIEWSTATEGENERATOR ?? '',
      __VIEWSTATEENCRYPTED: '',
      [f.vcidName]: f.vcidValue,
      [`LBD_BackWorkaround_${CAPTCHA_ID}`]: '1',
      ctl00$ApplicationInfo: 'G-CS3M0DZ3BF',
    });
    const switched = await s.post(CEAC_URL, {
      method: 'POST',
      form: {
        ...base(f1),
        __EVENTTARGET: 'ctl00$ContentPlaceHolder1$Visa_Application_Type',
        ctl00$ContentPlaceHolder1$Visa_Application_Type: 'NIV',
        ctl00$ContentPlaceHolder1$Location_Dropdown: '',
        ctl00$ContentPlaceHolder1$Visa_Case_Number: '',
        ctl00$ContentPlaceHolder1$Passport_Number: '',
        ctl00$ContentPlaceHolder1$Surname: '',
        ctl00$ContentPlaceHolder1$Captcha: '',
      },
    });
    const f2 = fields(cheerio.load(switched.text));
    expect(f2.vcidValue).not.toBe(f1.vcidValue); // the form was redrawn with a new captcha
    const captcha = await s.get(
      `${ROOT}/CEACStatTracker/BotDetectCaptcha.ashx?get=image&c=${CAPTCHA_ID}&t=${f2.vcidValue}`,
    );
    expect(captcha.status).toBe(200);
    const sound = await s.get(
      `${ROOT}/CEACStatTracker/BotDetectCaptcha.ashx?get=sound&c=${CAPTCHA_ID}&t=${f2.vcidValue}`,
    );
    expect(sound.type).toBe('audio/wav');
    const res = await s.post(CEAC_URL, {
      method: 'POST',
      form: {
        ...base(f2),
        __EVENTTARGET: '',
        ctl00$ContentPlaceHolder1$Visa_Application_Type: 'NIV',
        ctl00$ContentPlaceHolder1$Location_Dropdown: NIV.code,
        ctl00$ContentPlaceHolder1$Visa_Case_Number: NIV.id,
        ctl00$ContentPlaceHolder1$Passport_Number: NIV.passport,
        ctl00$ContentPlaceHolder1$Surname: NIV.surname,
        ctl00$ContentPlaceHolder1$Captcha: CODE,
        ctl00$ContentPlaceHolder1$btnSubmit: '',
      },
    });
    const $ = cheerio.load(res.text);
    $('script, style').remove();
    // Its reading: the first div/span/p/td whose whole text is a known status word; details by regex.
    let status: string | undefined;
    $('div, span, p, td').each((_i, el) => {
      if (!status && $(el).text().trim() === expected.status) status = expected.status;
    });
    const text = $.root().text();
    expect(status).toBe(expected.status);
    expect(/Application ID.*?:\s*(\S+)/.exec(text)?.[1]).toBe(NIV.id);
    expect(/Case Created:\s*([\d-]+-[A-Za-z]+-\d+)/.exec(text)?.[1]).toBe(expected.created);
    expect(/Case Last Updated:\s*([\d-]+-[A-Za-z]+-\d+)/.exec(text)?.[1]).toBe(expected.updated);
  });

  it('an IV client (the CEACStatusBot IV fork the protocol notes describe): switch to IV, passport and surname, containment compare of the echo', async () => {
    const s = session();
    const page = cheerio.load((await s.get(`${ROOT}/ceacstattracker/status.aspx?App=NIV`)).text);
    const switched = await s.post(`${ROOT}/ceacstattracker/status.aspx`, {
      method: 'POST',
      form: {
        ...hiddenInputs(page),
        __EVENTTARGET: 'ctl00$ContentPlaceHolder1$Visa_Application_Type',
        ctl00$ContentPlaceHolder1$Visa_Application_Type: 'IV',
      },
    });
    const $ = cheerio.load(switched.text);
    expect($('select#Location_Dropdown').length).toBe(0); // IV has no location
    expect((await s.get(ROOT + $(`img#${CAPTCHA_ID}_CaptchaImage`).attr('src')!)).status).toBe(200);
    const ask = async (passport: string, surname: string) =>
      s.post(`${ROOT}/ceacstattracker/status.aspx`, {
        method: 'POST',
        form: {
          ...hiddenInputs($),
          __EVENTTARGET: 'ctl00$ContentPlaceHolder1$btnSubmit',
          ctl00$ContentPlaceHolder1$Visa_Application_Type: 'IV',
          ctl00$ContentPlaceHolder1$Visa_Case_Number: IV.id,
          ctl00$ContentPlaceHolder1$Passport_Number: passport,
          ctl00$ContentPlaceHolder1$Surname: surname,
          ctl00$ContentPlaceHolder1$Captcha: CODE,
          __ASYNCPOST: 'true',
        },
      });
    const got = spans(cheerio.load((await ask(IV.passport, IV.surname)).text));
    expect(got.caseNo.toUpperCase().includes(IV.id)).toBe(true);
    expect(got).toEqual({ ...expectedIv, caseNo: IV.id });
  });

  it('IV without passport and surname finds nothing, as on the site since 2025', async () => {
    const s = session();
    const $ = cheerio.load((await s.get(`${ROOT}/ceacstattracker/status.aspx?App=IV`)).text);
    const res = await s.post(`${ROOT}/ceacstattracker/status.aspx`, {
      method: 'POST',
      form: {
        ...hiddenInputs($),
        __EVENTTARGET: 'ctl00$ContentPlaceHolder1$btnSubmit',
        ctl00$ContentPlaceHolder1$Visa_Application_Type: 'IV',
        ctl00$ContentPlaceHolder1$Visa_Case_Number: IV.id,
        ctl00$ContentPlaceHolder1$Captcha: CODE,
      },
    });
    expect(cheerio.load(res.text)('#ctl00_ContentPlaceHolder1_lblError').text()).toBe(
      'Your search did not return any data.',
    );
  });
});
