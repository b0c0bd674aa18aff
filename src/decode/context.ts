/**
 * How what the applicant knows changes the answer. One function per piece of context, each with its
 * rules in view; they run in a fixed order (officer, slip, route, passport, previous status, time in
 * status) so that later rules can build on earlier ones. Every sentence is a message (`msg(key, values)`):
 * the words, in each language, are in src/i18n/catalogs.
 */
import { type Msg, msg } from '../i18n/catalog.js';
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
  headline: Msg;
  meaning: Msg[];
  nextSteps: Msg[];
  watchFor: Msg[];
  sources: Msg[];
  notes: Msg[];
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
        d.headline = msg('ctx.officerRefused.headline');
        d.meaning.push(msg('ctx.officerRefused.meaning'));
        d.watchFor = [msg('ctx.officerRefused.watch')];
      } else if (d.variant === 'refused_221g') {
        set(d, 'uncertain', 0.6);
        d.meaning.push(msg('ctx.officerRefused.but221gText'));
      } else if (d.state === 'administrative_processing') {
        d.notes.push(msg('ctx.officerRefused.butProcessing'));
      } else {
        d.notes.push(
          msg('ctx.officerRefused.butLater', { status: STATUS_WORDS[d.state as Exclude<State, 'unknown'>] }),
        );
      }
      break;
    case '221g':
      if (refusedFamily) {
        set(d, 'in_progress', d.variant === 'refused_221g' ? 0.95 : 0.85);
        if (d.variant !== 'refused_221g') d.headline = msg('ctx.officer221g.headline');
        d.meaning.push(msg('ctx.officer221g.meaning'));
        d.sources.push(SOURCES.change2020, SOURCES.adminProcessing);
      } else if (d.state === 'administrative_processing') {
        d.confidence = 0.95;
      }
      break;
    case 'approved':
      if (refusedFamily) {
        set(d, 'in_progress', d.variant === 'refused_221g' ? 0.9 : 0.7);
        d.meaning.push(msg('ctx.officerApproved.meaning'));
        d.sources.push(SOURCES.change2020);
      } else if (d.state === 'approved' || d.state === 'administrative_processing') {
        d.confidence = Math.max(d.confidence, 0.9);
      }
      break;
    case 'none':
      if (refusedFamily && LETTER_VARIANTS.has(d.variant)) d.notes.push(msg('ctx.officerNone.note'));
      break;
  }
}

function slipColour(d: Draft, ctx: DecodeContext): void {
  const colour = ctx.slip!;
  const hint = SLIP_HINTS[colour];
  d.notes.push(msg('ctx.slip.note', { colour, meaning: hint.meaning, caveat: hint.caveat }));
  d.sources.push(hint.source);
  if (d.state !== 'refused' && d.state !== 'administrative_processing') return;
  if (d.state === 'refused' && ctx.officer !== 'refused') {
    if (LETTER_VARIANTS.has(d.variant)) {
      set(d, 'in_progress', 0.8);
      d.headline = msg('ctx.slip.headline');
    }
    d.meaning.push(msg('ctx.slip.meaning'));
  }
  d.nextSteps.unshift(msg('ctx.slip.next'));
  d.sources.push(SOURCES.twelveMonths);
}

function route(d: Draft, ctx: DecodeContext): void {
  if (ctx.route === 'dropbox') {
    d.notes.push(msg('ctx.dropbox.note'));
    d.sources.push(SOURCES.dropboxEnd);
    if (d.variant === 'refused_221g' || (d.state === 'refused' && inProcessing(d, ctx))) {
      d.headline = msg('ctx.dropbox221g.headline');
      d.meaning.push(msg('ctx.dropbox221g.meaning'));
      const days = daysInStatus(ctx);
      if (ctx.passport === 'returned') d.nextSteps.unshift(msg('ctx.dropbox221g.nextPassportReturned'));
      else if (days !== undefined && days > 21) d.nextSteps.unshift(msg('ctx.dropbox221g.nextPassportLate', { days }));
      else d.nextSteps.unshift(msg('ctx.dropbox221g.nextPassportSoon'));
      d.watchFor.unshift(msg('ctx.dropbox221g.watch'));
    } else if (d.state === 'refused') {
      d.meaning.push(msg('ctx.dropboxRefused.meaning'));
      d.nextSteps.unshift(msg('ctx.dropboxRefused.next'));
    } else if (d.state === 'no_status') {
      d.meaning.push(msg('ctx.dropboxNoStatus.meaning'));
    } else if (d.state === 'application_received') {
      d.watchFor.unshift(msg('ctx.dropboxReceived.watch'));
    }
  } else if (ctx.route === 'interview') {
    if (d.variant === 'refused_221g' && !ctx.slip) {
      d.nextSteps.unshift(msg('ctx.interview221g.next'));
    } else if (d.state === 'refused' && LETTER_VARIANTS.has(d.variant) && !ctx.officer && !ctx.slip) {
      d.nextSteps.unshift(msg('ctx.interviewLetter.next'));
    }
  }
}

function passport(d: Draft, ctx: DecodeContext): void {
  if (ctx.passport === 'returned') {
    if (d.state === 'refused') {
      // The dropbox rule has already said to read the slip that came back with the passport.
      const saidByRoute = ctx.route === 'dropbox' && inProcessing(d, ctx);
      if (!ctx.slip && !saidByRoute) d.nextSteps.unshift(msg('ctx.passportReturnedRefused.next'));
    } else if (d.state === 'administrative_processing') {
      d.nextSteps.push(msg('ctx.passportReturnedProcessing.next'));
    } else if (d.state === 'approved') {
      d.meaning.push(msg('ctx.passportReturnedApproved.meaning'));
      d.watchFor.unshift(msg('ctx.passportReturnedApproved.watch'));
      d.confidence = Math.min(d.confidence, 0.75);
    } else if (d.state === 'issued') {
      d.nextSteps.unshift(msg('ctx.passportReturnedIssued.next'));
    }
  } else if (ctx.passport === 'kept') {
    if (d.state === 'refused' && LETTER_VARIANTS.has(d.variant) && ctx.officer !== 'refused') {
      // After a final refusal (214(b)) the passport is handed back at the window; keeping it points to 221(g).
      set(d, 'in_progress', Math.max(d.confidence, 0.7));
      d.meaning.push(msg('ctx.passportKeptLetter.meaning'));
    } else if (d.state === 'refused' || d.state === 'administrative_processing') {
      d.meaning.push(msg('ctx.passportKeptProcessing.meaning'));
    } else if (d.state === 'approved') {
      d.meaning.push(msg('ctx.passportKeptApproved.meaning'));
    }
  }
}

function stateOfPrevious(previous: string): State | undefined {
  return stateForStatusWord(previous) ?? statusTextFor(previous.trim().toLowerCase())?.state;
}

function previousStatus(d: Draft, ctx: DecodeContext): void {
  const prev = stateOfPrevious(ctx.previous!);
  if (!prev) {
    d.notes.push(msg('ctx.previousUnknown.note', { previous: ctx.previous!.slice(0, 40) }));
    return;
  }
  const cur = d.state;
  if (prev === cur) {
    d.meaning.push(msg('ctx.previousSame.meaning'));
    return;
  }
  if (prev === 'approved' && cur === 'refused') {
    d.headline = msg('ctx.approvedToRefused.headline');
    d.meaning.push(msg('ctx.approvedToRefused.meaning'));
    if (d.variant === 'refused_221g' || inProcessing(d, ctx)) set(d, 'in_progress', 0.8);
    else if (ctx.officer !== 'refused') set(d, 'uncertain', 0.6);
    d.watchFor.unshift(msg('ctx.approvedToRefused.watch'));
  } else if (prev === 'administrative_processing' && cur === 'refused') {
    d.meaning.push(msg('ctx.processingToRefused.meaning'));
    if (d.variant !== 'refused_221g' && ctx.officer !== 'refused') set(d, 'uncertain', 0.6);
  } else if (prev === 'refused' && cur === 'administrative_processing') {
    d.meaning.push(msg('ctx.refusedToProcessing.meaning'));
    d.confidence = 0.95;
  } else if ((prev === 'refused' || prev === 'administrative_processing') && (cur === 'approved' || cur === 'issued')) {
    d.meaning.push(msg('ctx.processingEnded.meaning'));
  } else if (prev === 'application_received' && cur === 'refused' && ctx.route === undefined) {
    d.meaning.push(msg('ctx.receivedToRefused.meaning'));
  } else if (prev === 'issued' && cur === 'refused') {
    d.meaning.push(msg('ctx.issuedToRefused.meaning'));
    set(d, 'uncertain', 0.5);
  } else if (prev === 'ready' && cur === 'refused') {
    d.meaning.push(msg('ctx.readyToRefused.meaning'));
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

/** The generic "wait 180 days" steps, which a dated answer replaces with its own. */
const GENERIC_WAIT_KEYS = new Set(['guidance.administrative_processing.next.3', 'guidance.refused_221g.next.4']);

function timeInStatus(d: Draft, obs: Observation, ctx: DecodeContext): void {
  const since = ctx.since!;
  const days = daysInStatus(ctx);
  if (days === undefined) {
    d.notes.push(msg('ctx.since.invalid', { since: since.slice(0, 20) }));
    return;
  }
  if (inProcessing(d, ctx)) {
    d.sources.push(SOURCES.sixtyDays, SOURCES.wait180);
    if (days <= 60) {
      d.meaning.push(msg('ctx.since.within60', { days }));
    } else if (days <= 180) {
      d.nextSteps = d.nextSteps.filter((step) => !GENERIC_WAIT_KEYS.has(step.key));
      d.meaning.push(msg('ctx.since.past60', { days }));
      d.nextSteps.push(msg('ctx.since.askAround', { date: addDays(since, 180) }));
      d.watchFor.push(msg('ctx.since.watchRequest'));
    } else {
      d.nextSteps = d.nextSteps.filter((step) => !GENERIC_WAIT_KEYS.has(step.key));
      d.meaning.push(msg('ctx.since.past180', { days }));
      d.nextSteps.unshift(msg('ctx.since.mayAsk'));
    }
    if (days > 270 && (ctx.slip || ctx.officer === '221g')) {
      d.nextSteps.push(msg('ctx.since.documentsDeadline', { date: addDays(since, 365) }));
      d.sources.push(SOURCES.twelveMonths);
    }
  } else if (d.state === 'issued') {
    if (days > 14) d.nextSteps.unshift(msg('ctx.since.issuedLate', { days }));
    else d.meaning.push(msg('ctx.since.issuedSoon', { days }));
  } else if (d.state === 'approved') {
    if (days > 7) {
      d.meaning.push(msg('ctx.since.approvedLong', { days }));
      d.confidence = Math.min(d.confidence, 0.7);
    }
  } else if (d.state === 'no_status' && days > 21) {
    d.meaning.push(msg('ctx.since.noStatusLong', { days }));
  } else if (d.state === 'refused' && LETTER_VARIANTS.has(d.variant) && days > 90 && d.finality === 'uncertain') {
    d.meaning.push(msg('ctx.since.refusedUnchanged', { days }));
  }
  if (obs.caseLastUpdated && obs.caseLastUpdated > (parseCeacDate(since) ?? since)) {
    d.notes.push(msg('ctx.since.lastUpdatedMoved'));
  }
}

/** DV case numbers start with the fiscal year: "2023EU0012345". */
function diversityDeadline(d: Draft, obs: Observation): void {
  const fy = obs.caseNumber ? /^(\d{4})[A-Z]{2}\d+$/.exec(obs.caseNumber)?.[1] : undefined;
  if (!fy || (d.state !== 'refused' && d.state !== 'administrative_processing')) return;
  d.notes.push(msg('ctx.dv.note', { fy }));
}
