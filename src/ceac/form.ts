import { load } from 'cheerio/slim';

/** What the client needs from the status form page to post a check. */
export interface StatusForm {
  /** Every hidden input of the form, forwarded as is (viewstate, event validation, captcha id...). */
  hidden: Record<string, string>;
  captchaUrl: string;
  postUrl: string;
}

export const CAPTCHA_ID = 'c_status_ctl00_contentplaceholder1_defaultcaptcha';
const CASE_FIELD = 'ctl00$ContentPlaceHolder1$Visa_Case_Number';

/** Reads the status form; null when the page has no such form (maintenance, block, new layout). */
export function readStatusForm(html: string, pageUrl: string): StatusForm | null {
  // Cheap pre-check so that junk pages never pay for a parse.
  if (!html.includes('Visa_Case_Number') || !html.includes('__VIEWSTATE')) return null;
  const $ = load(html);
  const form = $('form').filter((_, el) => $(el).find(`[name="${CASE_FIELD}"]`).length > 0).first();
  if (form.length === 0) return null;
  const img = form.find(`img[id="${CAPTCHA_ID}_CaptchaImage"], img.LBD_CaptchaImage`).first();
  const src = img.attr('src');
  if (!src) return null;
  const hidden: Record<string, string> = {};
  form.find('input[type="hidden"]').each((_, el) => {
    const name = $(el).attr('name');
    if (name) hidden[name] = $(el).attr('value') ?? '';
  });
  if (!('__VIEWSTATE' in hidden)) return null;
  const action = form.attr('action') || pageUrl;
  return { hidden, captchaUrl: new URL(src, pageUrl).toString(), postUrl: new URL(action, pageUrl).toString() };
}

const CLOUDFLARE = /sorry, you have been blocked|attention required! \| cloudflare|performing security verification|just a moment\.\.\.|cf-challenge|challenge-platform/i;
const MAINTENANCE = /maintenance|currently unavailable|temporarily unavailable|service unavailable|try again later/i;

/** A Cloudflare block or challenge, by status, headers or body. */
export function looksBlocked(status: number, headers: Record<string, string>, body: string): boolean {
  if (status === 403 || status === 429) return true;
  const cloudflare = (headers.server ?? '').toLowerCase().includes('cloudflare') || 'cf-ray' in headers || 'cf-mitigated' in headers;
  return CLOUDFLARE.test(body.slice(0, 50_000)) || (cloudflare && (status === 503 || headers['cf-mitigated'] === 'challenge'));
}

export function looksLikeMaintenance(body: string): boolean {
  return MAINTENANCE.test(body.replace(/<[^>]*>/g, ' ').slice(0, 50_000));
}
