/** What the client needs from the status form page to post a check. */
export interface StatusForm {
  /** Every hidden input of the form, forwarded as is (viewstate, event validation, captcha id...). */
  hidden: Record<string, string>;
  captchaUrl: string;
  postUrl: string;
}

export const CAPTCHA_ID = 'c_status_ctl00_contentplaceholder1_defaultcaptcha';

/*
 * The form is read with a small tag scanner rather than a DOM: only three kinds of tag matter
 * (form, input, img), ASP.NET writes them plainly, and a check runs this on every round, where a
 * full HTML parse of the 14 KB page cost more than everything else the client does.
 */
const TAG = /<(form|input|img)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
const ATTR = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|#39);/gi, (m, e: string) => {
    const k = e.toLowerCase();
    if (k === 'amp') return '&';
    if (k === 'lt') return '<';
    if (k === 'gt') return '>';
    if (k === 'quot') return '"';
    if (k === 'apos' || k === '#39') return "'";
    const code = k.startsWith('#x') ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : m;
  });
}

export function tagAttributes(attrs: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of attrs.matchAll(ATTR)) out[m[1]!.toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  return out;
}

/** Reads the status form; null when the page has no such form (maintenance, block, new layout). */
export function readStatusForm(html: string, pageUrl: string): StatusForm | null {
  if (!html.includes('Visa_Case_Number') || !html.includes('__VIEWSTATE')) return null;
  let inForm = false;
  let action: string | undefined;
  let hasCaseField = false;
  let captchaSrc: string | undefined;
  const hidden: Record<string, string> = {};
  for (const m of html.matchAll(TAG)) {
    const tag = m[1]!.toLowerCase();
    const a = tagAttributes(m[2]!);
    if (tag === 'form') {
      // The status page has one server form; a second one would be a layout we do not know.
      if (inForm) break;
      inForm = true;
      action = a.action;
      continue;
    }
    if (!inForm) continue;
    if (tag === 'input') {
      if (a.name === 'ctl00$ContentPlaceHolder1$Visa_Case_Number') hasCaseField = true;
      if ((a.type ?? '').toLowerCase() === 'hidden' && a.name) hidden[a.name] = a.value ?? '';
    } else if (tag === 'img' && !captchaSrc) {
      const isCaptcha =
        a.id === `${CAPTCHA_ID}_CaptchaImage` || (a.class ?? '').split(/\s+/).includes('LBD_CaptchaImage');
      if (isCaptcha && a.src) captchaSrc = a.src;
    }
  }
  if (!hasCaseField || !captchaSrc || !('__VIEWSTATE' in hidden)) return null;
  return {
    hidden,
    captchaUrl: new URL(captchaSrc, pageUrl).toString(),
    postUrl: new URL(action || pageUrl, pageUrl).toString(),
  };
}

// Phrases of Cloudflare's block and challenge pages only: its scripts and headers also ride on
// normal pages, so they prove nothing.
const CLOUDFLARE =
  /sorry, you have been blocked|attention required! \| cloudflare|performing security verification|<title>just a moment\.\.\.<\/title>/i;
const MAINTENANCE = /maintenance|currently unavailable|temporarily unavailable|service unavailable|try again later/i;

const CHALLENGE =
  /<title>just a moment\.\.\.<\/title>|performing security verification|enable javascript and cookies to continue/i;

/** Cloudflare's JavaScript challenge (which a browser passes), by header or body. */
export function looksChallenged(headers: Record<string, string>, body: string): boolean {
  return headers['cf-mitigated'] === 'challenge' || CHALLENGE.test(body.slice(0, 50_000));
}

/** A Cloudflare block or challenge, by status, headers or body. */
export function looksBlocked(status: number, headers: Record<string, string>, body: string): boolean {
  if (status === 403 || status === 429) return true;
  const cloudflare =
    (headers.server ?? '').toLowerCase().includes('cloudflare') || 'cf-ray' in headers || 'cf-mitigated' in headers;
  return (
    CLOUDFLARE.test(body.slice(0, 50_000)) ||
    (cloudflare && (status === 503 || headers['cf-mitigated'] === 'challenge'))
  );
}

export function looksLikeMaintenance(body: string): boolean {
  return MAINTENANCE.test(body.replace(/<[^>]*>/g, ' ').slice(0, 50_000));
}
