/**
 * How what the applicant knows changes the answer. One function per piece of context, each with its
 * rules in view; they run in a fixed order (officer, slip, route, passport, previous status, time in
 * status) so that later rules can build on earlier ones.
 */
import { SOURCES } from '../knowledge/guidance.js';
import { SLIP_HINTS } from '../knowledge/hints.js';
import { stateForStatusWord, STATUS_WORDS, statusTextFor } from '../knowledge/statuses.js';
import type { DecodeContext, Finality, Observation, State } from '../knowledge/types.js';
import { parseCeacDate } from './dates.js';

/** The interpretation while it is being built. */
export interface Draft {
  state: State;
  variant: string;
  finality: Finality;
  confidence: number;
  headline: string;
  meaning: string[];
  nextSteps: string[];
  watchFor: string[];
  sources: string[];
  notes: string[];
}

const LETTER_VARIANTS = new Set(['refused_letter', 'refused_letter_legacy', 'refused']);

function set(d: Draft, finality: Finality, confidence: number): void {
  d.finality = finality;
  d.confidence = confidence;
}

export function applyContext(d: Draft, obs: Observation, ctx: DecodeContext): void {
  if (d.state === 'unknown') return;
  if (ctx.officer) officerSaid(d, ctx);
  if (ctx.slip) slipColour(d, ctx);
  if (ctx.route) route(d, ctx);
  if (ctx.passport) passport(d, ctx);
  if (ctx.previous) previousStatus(d, ctx);
  if (ctx.since) timeInStatus(d, obs, ctx);
  diversityDeadline(d, obs);
}

/** Is the case, as far as we know now, in 221(g) administrative processing? */
function inProcessing(d: Draft, ctx: DecodeContext): boolean {
  if (d.state === 'administrative_processing' || d.variant === 'refused_221g') return true;
  return d.state === 'refused' && (ctx.officer === '221g' || (ctx.slip !== undefined && ctx.officer !== 'refused'));
}

function officerSaid(d: Draft, ctx: DecodeContext): void {
  const refusedFamily = d.state === 'refused';
  switch (ctx.officer) {
    case 'refused':
      if (refusedFamily && LETTER_VARIANTS.has(d.variant)) {
        set(d, 'final_negative', 0.8);
        d.headline = 'Refused: the officer told you the visa is refused';
        d.meaning.push(
          'Because the officer told you the visa was refused, this is most likely a final refusal of this application (for example under section 214(b)). ' +
            'The letter names the section of law: if it says 221(g) instead, the case is still open after all.',
        );
        d.watchFor = [
          'No change (a final refusal stays as it is); Administrative Processing would mean it was 221(g) after all.',
        ];
      } else if (d.variant === 'refused_221g') {
        set(d, 'uncertain', 0.6);
        d.meaning.push(
          'The officer told you "refused", but CEAC shows the administrative-processing text. Check the letter: if it cites 221(g) the case is still open; if it cites 214(b) or another ground, the refusal is final.',
        );
      } else if (d.state === 'administrative_processing') {
        d.notes.push(
          'The officer said refused, but CEAC shows Administrative Processing: the case is being processed again.',
        );
      } else {
        d.notes.push(
          `The officer said refused at the interview, but CEAC now shows ${STATUS_WORDS[d.state as Exclude<State, 'unknown'>]}; CEAC is the later word.`,
        );
      }
      break;
    case '221g':
      if (refusedFamily) {
        set(d, 'in_progress', d.variant === 'refused_221g' ? 0.95 : 0.85);
        if (d.variant !== 'refused_221g')
          d.headline = 'Refused under 221(g): administrative processing, not a final refusal';
        d.meaning.push(
          'The officer told you your case is under 221(g), so this "Refused" is administrative processing: the case stays open and will be decided again when processing or your documents are complete.',
        );
        d.sources.push(SOURCES.change2020, SOURCES.adminProcessing);
      } else if (d.state === 'administrative_processing') {
        d.confidence = 0.95;
      }
      break;
    case 'approved':
      if (refusedFamily) {
        set(d, 'in_progress', d.variant === 'refused_221g' ? 0.9 : 0.7);
        d.meaning.push(
          'The officer told you the visa was approved, yet CEAC shows Refused: the approval is waiting on administrative processing, which CEAC shows as Refused since 2020. This is common and usually ends in Issued.',
        );
        d.sources.push(SOURCES.change2020);
      } else if (d.state === 'approved' || d.state === 'administrative_processing') {
        d.confidence = Math.max(d.confidence, 0.9);
      }
      break;
    case 'none':
      if (refusedFamily && LETTER_VARIANTS.has(d.variant)) {
        d.notes.push(
          'The officer said nothing clear, so only the letter you were given can settle whether the refusal is final.',
        );
      }
      break;
  }
}

function slipColour(d: Draft, ctx: DecodeContext): void {
  const hint = SLIP_HINTS[ctx.slip!];
  d.notes.push(`Slip colour ${ctx.slip}: ${hint.meaning}. ${hint.caveat}`);
  d.sources.push(hint.source);
  if (d.state !== 'refused' && d.state !== 'administrative_processing') return;
  if (d.state === 'refused' && ctx.officer !== 'refused') {
    if (LETTER_VARIANTS.has(d.variant)) {
      set(d, 'in_progress', 0.8);
      d.headline = 'Refused with a 221(g) slip: administrative processing, not a final refusal';
    }
    d.meaning.push(
      'You were given a 221(g) slip, so your case is in administrative processing: it stays open and will be decided again.',
    );
  }
  d.nextSteps.unshift(
    'Do what the slip says. If it lists documents, send them as soon as you can (you have 12 months, after which the application is terminated); if it only mentions processing, there is nothing to send.',
  );
  d.sources.push(SOURCES.twelveMonths);
}

function route(d: Draft, ctx: DecodeContext): void {
  if (ctx.route === 'dropbox') {
    d.notes.push(
      'Interview waiver ("dropbox") ended for H, L, F, M, J, E and O visas from 2025-09-02; it remains for A, G, NATO and TECRO visas and some B-1/B-2 renewals. Dropbox cases filed before then follow the usual dropbox path.',
    );
    d.sources.push(SOURCES.dropboxEnd);
    if (d.variant === 'refused_221g' || (d.state === 'refused' && inProcessing(d, ctx))) {
      d.headline = 'Refused (221(g) processing): a usual step for a dropbox case, not a final refusal';
      d.meaning.push(
        'For dropbox (interview waiver) applications this is a common step: many go No Status -> Application Received -> Refused -> Administrative Processing -> Approved -> Issued.',
      );
      const days = daysInStatus(ctx);
      if (ctx.passport === 'returned') {
        d.nextSteps.unshift(
          'Read the 221(g) slip that came back with your passport: it says whether to send documents, come for an interview, or only wait.',
        );
      } else if (days !== undefined && days > 21) {
        d.nextSteps.unshift(
          `The passport usually comes back within 1-2 weeks with a 221(g) slip; after ${days} days, if yours has not, check your e-mail and the passport-tracking site of the visa appointment service.`,
        );
      } else {
        d.nextSteps.unshift(
          'Your passport usually comes back within 1-2 weeks with a 221(g) slip that says what is needed (documents, an interview, or only waiting). Check your e-mail and the passport-tracking site of the visa appointment service.',
        );
      }
      d.watchFor.unshift(
        'The passport coming back with a 221(g) slip; after you send what it asks for, Administrative Processing, then Approved and Issued.',
      );
    } else if (d.state === 'refused') {
      d.meaning.push(
        'A dropbox application has no interview, so the "letter" usually comes back with your passport: it may be a 221(g) slip asking for documents or for an interview.',
      );
      d.nextSteps.unshift(
        'Wait for your passport to come back (usually 1-2 weeks) and read the slip or letter with it; check your e-mail too.',
      );
    } else if (d.state === 'no_status') {
      d.meaning.push('For dropbox cases, No Status often lasts until the documents are scanned into the system.');
    } else if (d.state === 'application_received') {
      d.watchFor.unshift(
        'Refused with the long text within days or weeks: for dropbox cases this is usually 221(g) processing, not a refusal.',
      );
    }
  } else if (ctx.route === 'interview') {
    if (d.variant === 'refused_221g' && !ctx.slip) {
      d.nextSteps.unshift(
        'Read the paper the officer gave you at the interview (often a 221(g) slip): it says whether you must send documents or only wait.',
      );
    } else if (d.state === 'refused' && LETTER_VARIANTS.has(d.variant) && !ctx.officer && !ctx.slip) {
      d.nextSteps.unshift(
        'The letter handed to you at the interview settles whether this is final: look for "214(b)" (final) or "221(g)" (still open).',
      );
    }
  }
}

function passport(d: Draft, ctx: DecodeContext): void {
  if (ctx.passport === 'returned') {
    if (d.state === 'refused') {
      // The dropbox rule has already said to read the slip that came back with the passport.
      const saidByRoute = ctx.route === 'dropbox' && inProcessing(d, ctx);
      if (!ctx.slip && !saidByRoute)
        d.nextSteps.unshift(
          'A passport returned while CEAC says Refused usually comes with a 221(g) slip: look for it and follow it.',
        );
    } else if (d.state === 'administrative_processing') {
      d.nextSteps.push(
        'Your passport is with you: when processing ends well the post asks for it back to print the visa, so watch your e-mail.',
      );
    } else if (d.state === 'approved') {
      d.meaning.push(
        'Your passport was returned while the case shows Approved. Applicants report Approved turning back into Refused when the passport was released or withdrawn before printing; that means more processing, not a new refusal.',
      );
      d.watchFor.unshift('Refused (long text) after Approved, if the case goes back for processing.');
      d.confidence = Math.min(d.confidence, 0.75);
    } else if (d.state === 'issued') {
      d.nextSteps.unshift('Check the visa in your passport: name, dates, type and number of entries.');
    }
  } else if (ctx.passport === 'kept') {
    if (d.state === 'refused' && LETTER_VARIANTS.has(d.variant) && ctx.officer !== 'refused') {
      // After a final refusal (214(b)) the passport is handed back at the window; keeping it points to 221(g).
      set(d, 'in_progress', Math.max(d.confidence, 0.7));
      d.meaning.push(
        'The consulate kept your passport. After a final refusal the passport is normally handed back, so a kept passport points to 221(g) processing rather than a final refusal.',
      );
    } else if (d.state === 'refused' || d.state === 'administrative_processing') {
      d.meaning.push(
        'The consulate kept your passport, which posts usually do when they expect to print a visa once processing ends; it is a hint, not a promise.',
      );
    } else if (d.state === 'approved') {
      d.meaning.push('The consulate has your passport, so the visa can be printed into it as soon as it is issued.');
    }
  }
}

function stateOfPrevious(previous: string): State | undefined {
  return stateForStatusWord(previous) ?? statusTextFor(previous.trim().toLowerCase())?.state;
}

function previousStatus(d: Draft, ctx: DecodeContext): void {
  const prev = stateOfPrevious(ctx.previous!);
  if (!prev) {
    d.notes.push(`The previous status "${ctx.previous!.slice(0, 40)}" is not a CEAC status we know; it was not used.`);
    return;
  }
  const cur = d.state;
  if (prev === cur) {
    d.meaning.push(
      'The status has not changed. "Case Last Updated" often moves (weekly, for some) while the status stays the same; it means someone touched the file, not that a decision was made.',
    );
    return;
  }
  if (prev === 'approved' && cur === 'refused') {
    d.headline = 'Refused after Approved: your case went back for more processing';
    d.meaning.push(
      'Approved -> Refused is reported by several applicants: after approval the case needed more administrative processing, for example when the passport was released for travel or withdrawn. By itself it is not a new refusal decision.',
    );
    if (d.variant === 'refused_221g' || inProcessing(d, ctx)) set(d, 'in_progress', 0.8);
    else if (ctx.officer !== 'refused') set(d, 'uncertain', 0.6);
    d.watchFor.unshift('Approved again, then Issued, when the extra processing ends.');
  } else if (prev === 'administrative_processing' && cur === 'refused') {
    d.meaning.push(
      'Moving from Administrative Processing to Refused (and sometimes back again within minutes) is reported and usually means nothing new: the case is still in processing.',
    );
    if (d.variant !== 'refused_221g' && ctx.officer !== 'refused') set(d, 'uncertain', 0.6);
  } else if (prev === 'refused' && cur === 'administrative_processing') {
    d.meaning.push(
      'Moving from Refused to Administrative Processing is progress: the post is working on your case again, often after your documents arrived.',
    );
    d.confidence = 0.95;
  } else if ((prev === 'refused' || prev === 'administrative_processing') && (cur === 'approved' || cur === 'issued')) {
    d.meaning.push('Processing is over and the case was approved.');
  } else if (prev === 'application_received' && cur === 'refused' && ctx.route === undefined) {
    d.meaning.push('Application Received -> Refused is the usual path of a dropbox case entering 221(g) processing.');
  } else if (prev === 'issued' && cur === 'refused') {
    d.meaning.push(
      'Refused after Issued is unusual: the case may have been reopened or the visa cancelled. Contact the consulate.',
    );
    set(d, 'uncertain', 0.5);
  } else if (prev === 'ready' && cur === 'refused') {
    d.meaning.push(
      'Ready -> Refused after an immigrant visa interview usually means 221(g): the officer needs documents or checks before deciding.',
    );
  }
}

const DAY_MS = 86_400_000;
function daysBetween(from: string, to: string): number | undefined {
  const isoFrom = parseCeacDate(from);
  const isoTo = parseCeacDate(to);
  if (!isoFrom || !isoTo) return undefined;
  const a = Date.parse(`${isoFrom}T00:00:00Z`);
  const b = Date.parse(`${isoTo}T00:00:00Z`);
  return Math.round((b - a) / DAY_MS);
}
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${parseCeacDate(date)}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days since the current status began, when the context says; undefined otherwise. */
function daysInStatus(ctx: DecodeContext): number | undefined {
  if (!ctx.since) return undefined;
  const days = daysBetween(ctx.since, ctx.today ?? new Date().toISOString().slice(0, 10));
  return days !== undefined && days >= 0 ? days : undefined;
}

const GENERIC_WAIT = 'Wait at least 180 days';

function timeInStatus(d: Draft, obs: Observation, ctx: DecodeContext): void {
  const since = ctx.since!;
  const days = daysInStatus(ctx);
  if (days === undefined) {
    d.notes.push(`The date the status began (${since.slice(0, 20)}) is not a date before today; it was not used.`);
    return;
  }
  const span = `${days} day${days === 1 ? '' : 's'}`;
  if (inProcessing(d, ctx)) {
    d.sources.push(SOURCES.sixtyDays, SOURCES.wait180);
    if (days <= 60) {
      d.meaning.push(
        `It has been ${span}; most administrative processing is resolved within 60 days of the interview.`,
      );
    } else if (days <= 180) {
      d.nextSteps = d.nextSteps.filter((step) => !step.startsWith(GENERIC_WAIT));
      d.meaning.push(
        `It has been ${span}, past the 60 days within which most administrative processing is resolved. Many cases take longer; it is not a bad sign by itself.`,
      );
      d.nextSteps.push(
        `The official advice is to wait at least 180 days before asking: that is around ${addDays(since, 180)}, unless you have an urgent, documented reason.`,
      );
      d.watchFor.push('A request for more documents or a passport request by e-mail.');
    } else {
      d.nextSteps = d.nextSteps.filter((step) => !step.startsWith(GENERIC_WAIT));
      d.meaning.push(`It has been ${span}, more than the 180 days after which the consulate accepts enquiries.`);
      d.nextSteps.unshift(
        "You may now contact the consulate (through its website's contact form) with your case number and ask about the status of the administrative processing.",
      );
    }
    if (days > 270 && (ctx.slip || ctx.officer === '221g')) {
      d.nextSteps.push(
        `If you still owe documents, send them now: the 12-month limit from the request (around ${addDays(since, 365)} if they were asked for when this status began) ends the application.`,
      );
      d.sources.push(SOURCES.twelveMonths);
    }
  } else if (d.state === 'issued') {
    if (days > 14) {
      d.nextSteps.unshift(
        `It has been ${span} since Issued, more than 10 working days: if you do not have your passport yet, contact the embassy or consulate where you applied.`,
      );
    } else {
      d.meaning.push(`It has been ${span}; passports usually arrive within 10 working days of Issued.`);
    }
  } else if (d.state === 'approved') {
    if (days > 7) {
      d.meaning.push(
        `Approved for ${span} is longer than the few days applicants usually report; it can still turn Issued, but the case may also go back to processing.`,
      );
      d.confidence = Math.min(d.confidence, 0.7);
    }
  } else if (d.state === 'no_status' && days > 21) {
    d.meaning.push(
      `No Status for ${span} is long; if your documents were dropped off, ask the visa appointment service whether they reached the post.`,
    );
  } else if (d.state === 'refused' && LETTER_VARIANTS.has(d.variant) && days > 90 && d.finality === 'uncertain') {
    d.meaning.push(
      `The status has stayed the same for ${span}; a 221(g) case usually moves (to Administrative Processing or Approved) within a few months, so an unchanged refusal becomes more likely to be final.`,
    );
  }
  if (obs.caseLastUpdated && obs.caseLastUpdated > (parseCeacDate(since) ?? since)) {
    d.notes.push(
      '"Case Last Updated" moved after the status began: someone worked on the case. It often moves without a decision.',
    );
  }
}

/** DV case numbers start with the fiscal year: "2023EU0012345". */
function diversityDeadline(d: Draft, obs: Observation): void {
  const fy = obs.caseNumber ? /^(\d{4})[A-Z]{2}\d+$/.exec(obs.caseNumber)?.[1] : undefined;
  if (!fy || (d.state !== 'refused' && d.state !== 'administrative_processing')) return;
  d.notes.push(
    `Diversity visa (DV-${fy}): visas can only be issued until 30 September ${fy}, whether or not administrative processing is finished [uncertain: reported, not confirmed for every case].`,
  );
}
