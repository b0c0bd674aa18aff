import { LOCATIONS } from '../knowledge/locations.js';

/**
 * The markup of the CEAC status page as docs/ceac-protocol.md describes it: element ids, hidden inputs,
 * the BotDetect captcha, the UpdatePanel delta and the error texts. Strings only; no I/O.
 */
export const CAPTCHA_ID = 'c_status_ctl00_contentplaceholder1_defaultcaptcha';
const VIEW = 'ctl00_ContentPlaceHolder1_ucApplicationStatusView_';
/** Root-relative, as BotDetect writes it: the CEACStatusBot family builds `ROOT + src`. */
export const CAPTCHA_PATH = '/CEACStatTracker/BotDetectCaptcha.ashx';
/** The page's viewstate generator; CEACStatusBot posts this value hard-coded when it finds none. */
export const VIEWSTATE_GENERATOR = 'DBF1011F';

export const ERROR_TEXTS = {
  captcha_rejected: 'The code entered does not match the code displayed on the page.',
  not_found: 'Your search did not return any data.',
  invalid_id: 'Invalid Application ID or Case Number.',
} as const;
export type SiteError = keyof typeof ERROR_TEXTS;

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// Text = the post's CEAC name in capitals, value = its code: peers pick the option whose text
// contains a name they were given (CEACStatusBot request/query.py, ceac-visa-status-checker).
const LOCATION_OPTIONS =
  '<option value="">- SELECT ONE -</option>' +
  LOCATIONS.map((l) => `<option value="${l.code}">${escapeHtml(l.name)}</option>`).join('');

export interface FormState {
  app: 'NIV' | 'IV';
  viewState: string;
  eventValidation: string;
  vcid: string;
}

/** The fields of the UpdatePanel: application type, location, ID, passport, surname, captcha. */
export function formPanel(f: FormState, error = ''): string {
  const appOption = (v: 'NIV' | 'IV', label: string) =>
    `<option${f.app === v ? ' selected="selected"' : ''} value="${v}">${label}</option>`;
  const location =
    f.app === 'NIV'
      ? `<tr><td>Location:</td><td><select name="ctl00$ContentPlaceHolder1$Location_Dropdown" id="Location_Dropdown">${LOCATION_OPTIONS}</select></td></tr>`
      : '';
  return `
<div class="form-body"><table>
<tr><td>Visa Application Type:</td><td><select name="ctl00$ContentPlaceHolder1$Visa_Application_Type" onchange="javascript:setTimeout(&#39;__doPostBack(\\&#39;ctl00$ContentPlaceHolder1$Visa_Application_Type\\&#39;,\\&#39;\\&#39;)&#39;, 0)" id="ctl00_ContentPlaceHolder1_Visa_Application_Type">${appOption('NIV', 'NONIMMIGRANT VISA (NIV)')}${appOption('IV', 'IMMIGRANT VISA (IV)')}</select></td></tr>
${location}
<tr><td>Application ID or Case Number:</td><td><input name="ctl00$ContentPlaceHolder1$Visa_Case_Number" type="text" maxlength="20" id="ctl00_ContentPlaceHolder1_Visa_Case_Number" /></td></tr>
<tr><td>Passport Number:</td><td><input name="ctl00$ContentPlaceHolder1$Passport_Number" type="text" maxlength="20" id="ctl00_ContentPlaceHolder1_Passport_Number" /></td></tr>
<tr><td>First 5 Letters of Surname:</td><td><input name="ctl00$ContentPlaceHolder1$Surname" type="text" maxlength="5" id="ctl00_ContentPlaceHolder1_Surname" /></td></tr>
</table>
<div class="LBD_CaptchaDiv" id="${CAPTCHA_ID}_Container">
<img class="LBD_CaptchaImage" id="${CAPTCHA_ID}_CaptchaImage" src="${CAPTCHA_PATH}?get=image&amp;c=${CAPTCHA_ID}&amp;t=${f.vcid}" alt="Retype the CAPTCHA code from the image" />
<a class="LBD_SoundLink" href="${CAPTCHA_PATH}?get=sound&amp;c=${CAPTCHA_ID}&amp;t=${f.vcid}">Speak the code</a>
<input type="hidden" name="LBD_VCID_${CAPTCHA_ID}" id="LBD_VCID_${CAPTCHA_ID}" value="${f.vcid}" />
<input type="hidden" name="LBD_BackWorkaround_${CAPTCHA_ID}" id="LBD_BackWorkaround_${CAPTCHA_ID}" value="0" />
</div>
<input name="ctl00$ContentPlaceHolder1$Captcha" type="text" maxlength="6" id="ctl00_ContentPlaceHolder1_Captcha" />
<span id="ctl00_ContentPlaceHolder1_lblError" class="error" style="color:Red;">${escapeHtml(error)}</span>
<div id="ctl00_ContentPlaceHolder1_ValidationSummary1" class="error" style="color:Red;display:none;"></div>
<input type="submit" name="ctl00$ContentPlaceHolder1$btnSubmit" value="Submit" id="ctl00_ContentPlaceHolder1_btnSubmit" />
</div>`;
}

/**
 * The whole status page: what GET status.aspx serves, and what a postback without
 * `__ASYNCPOST` gets back (`panel` then holds the answer above a fresh form).
 */
export function formPage(f: FormState, panel: string = formPanel(f)): string {
  return `<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml"><head><meta charset="utf-8" /><title>CEAC - Visa Status Check</title></head>
<body>
<form method="post" action="./status.aspx?App=${f.app}" id="aspnetForm">
<div class="aspNetHidden">
<input type="hidden" name="ctl00_ToolkitScriptManager1_HiddenField" id="ctl00_ToolkitScriptManager1_HiddenField" value="" />
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="" />
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="" />
<input type="hidden" name="__LASTFOCUS" id="__LASTFOCUS" value="" />
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="${f.viewState}" />
</div>
<script type="text/javascript">
//<![CDATA[
var theForm = document.forms['aspnetForm'];
function __doPostBack(eventTarget, eventArgument) {
  if (!theForm.onsubmit || (theForm.onsubmit() != false)) {
    theForm.__EVENTTARGET.value = eventTarget;
    theForm.__EVENTARGUMENT.value = eventArgument;
    theForm.submit();
  }
}
//]]>
</script>
<div id="header"><h1>Visa Status Check</h1></div>
<div id="ctl00_ContentPlaceHolder1_UpdatePanel1">${panel}
</div>
<div class="aspNetHidden">
<input type="hidden" name="__VIEWSTATEGENERATOR" id="__VIEWSTATEGENERATOR" value="${VIEWSTATE_GENERATOR}" />
<input type="hidden" name="__VIEWSTATEENCRYPTED" id="__VIEWSTATEENCRYPTED" value="" />
<input type="hidden" name="__EVENTVALIDATION" id="__EVENTVALIDATION" value="${f.eventValidation}" />
</div>
</form>
</body></html>`;
}

export interface StatusPanel {
  applicationName: string;
  caseNumber: string;
  created: string;
  updated: string;
  status: string;
  message: string;
}

export function statusPanel(s: StatusPanel): string {
  return `
<div id="${VIEW}pnlStatus" class="status-panel">
<table class="status-table">
<tr><td><span id="${VIEW}lblAppName">${escapeHtml(s.applicationName)}</span></td></tr>
<tr><td>Application ID or Case Number:</td><td><span id="${VIEW}lblCaseNo">${escapeHtml(s.caseNumber)}</span></td></tr>
<tr><td>Case Created:</td><td><span id="${VIEW}lblSubmitDate">${s.created}</span></td></tr>
<tr><td>Case Last Updated:</td><td><span id="${VIEW}lblStatusDate">${s.updated}</span></td></tr>
</table>
<div class="status"><strong>Status:</strong> <span id="${VIEW}lblStatus">${escapeHtml(s.status)}</span></div>
<p><span id="${VIEW}lblMessage">${escapeHtml(s.message)}</span></p>
</div>`;
}

/**
 * An MS-AJAX UpdatePanel delta: records of length|type|id|content|, the length counted in
 * UTF-16 code units as the browser's script reads it.
 */
export function ajaxDelta(panelHtml: string, hidden: Record<string, string>): string {
  const rec = (type: string, id: string, content: string) => `${content.length}|${type}|${id}|${content}|`;
  return (
    rec('#', '', '4') +
    rec('updatePanel', 'ctl00_ContentPlaceHolder1_UpdatePanel1', panelHtml) +
    Object.entries(hidden)
      .map(([k, v]) => rec('hiddenField', k, v))
      .join('') +
    rec('asyncPostBackControlIDs', '', '') +
    rec('postBackControlIDs', '', '') +
    rec('updatePanelIDs', '', 'tctl00$ContentPlaceHolder1$UpdatePanel1,') +
    rec('childUpdatePanelIDs', '', '') +
    rec('panelsToRefreshIDs', '', 'ctl00$ContentPlaceHolder1$UpdatePanel1,') +
    rec('asyncPostBackTimeout', '', '90') +
    rec('pageTitle', '', 'CEAC - Visa Status Check')
  );
}

export const MAINTENANCE_PAGE = `<!DOCTYPE html><html><head><title>CEAC - Maintenance</title></head><body>
<h1>The Consular Electronic Application Center is currently unavailable due to scheduled maintenance.</h1>
<p>Please try again later.</p></body></html>`;

/**
 * Cloudflare's JavaScript challenge ("managed challenge"): a 403 page whose inline script, after
 * about a second, sets the clearance cookie and reloads. The cookie's value is assembled by the
 * script from character codes, so only a client that runs the script gets it.
 */
export function challengePage(clearance: { name: string; value: string; maxAge: number }, rayId: string): string {
  const codes = Array.from(clearance.value, (c) => c.charCodeAt(0)).join(',');
  return `<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" /><meta name="robots" content="noindex,nofollow" /></head>
<body><div class="main-wrapper" role="main"><div class="main-content">
<h1 class="zone-name-title h1">ceac.state.gov</h1>
<h2 id="challenge-running" class="h2">Performing security verification</h2>
<noscript><div class="h2">Enable JavaScript and cookies to continue</div></noscript>
<p>This website uses a security service to protect against malicious bots.</p>
</div></div>
<div class="footer">Ray ID: <code>${rayId}</code> Performance &amp; security by Cloudflare</div>
<script>
setTimeout(function () {
  var v = String.fromCharCode(${codes});
  document.cookie = '${clearance.name}=' + v + '; path=/; max-age=${clearance.maxAge}; SameSite=Lax';
  location.reload();
}, 1000);
</script></body></html>`;
}

export function blockedPage(rayId: string): string {
  return `<!DOCTYPE html><html lang="en-US"><head><title>Attention Required! | Cloudflare</title></head><body>
<div id="cf-wrapper"><h1 data-translate="block_headline">Sorry, you have been blocked</h1>
<h2>You are unable to access ceac.state.gov</h2>
<p>This website is using a security service to protect itself from online attacks.</p>
<span>Cloudflare Ray ID: <strong>${rayId}</strong></span></div></body></html>`;
}

/** A redesigned page that keeps none of the old element ids: what a layout change looks like. */
export const CHANGED_LAYOUT_PAGE = `<!DOCTYPE html><html><head><title>Visa Status Check | CEAC</title></head><body>
<main id="app"><form id="status-check" method="post" action="/api/status">
<label>Case ID <input name="caseId" /></label><img class="captcha-v2" src="/captcha/v2" alt="" />
<button type="submit">Check status</button></form></main></body></html>`;

export const CHANGED_LAYOUT_PANEL = `
<section class="case-status-v2"><h2>Case status</h2><dl><dt>State</dt><dd data-field="state">Refused</dd></dl></section>`;

export const SERVER_ERROR_PAGE = `<!DOCTYPE html><html><head><title>Service Unavailable</title></head>
<body><h1>Service Unavailable</h1><p>HTTP Error 503. The service is unavailable.</p></body></html>`;

export const VIEWSTATE_ERROR_PAGE = `<!DOCTYPE html><html><head><title>Runtime Error</title></head>
<body><h1>Server Error in '/CEACStatTracker' Application.</h1><h2><i>Validation of viewstate MAC failed.</i></h2></body></html>`;
