/**
 * Every CEAC status word and description text we know, as data (from
 * docs/ceac-statuses.md). The decoder matches pastes against these texts and the
 * simulator serves them, so the wording here is verbatim: do not "fix" it.
 */
import type { ApplicationType, State } from './types.js';

export interface StatusText {
  /** Stable id of this wording, e.g. "refused_221g". For refused it is also the Interpretation variant. */
  variant: string;
  state: State;
  /** The status word as CEAC shows it, e.g. "Refused". */
  status: string;
  /** The description paragraph, verbatim; null where no source has it. */
  text: string | null;
  /** When CEAC used this wording: 'current' since the 2020-03-03 change, 'pre-2020' before it. */
  era: 'current' | 'pre-2020' | 'any';
  /** False when the wording comes from an embassy page or a guess, not from a copy of CEAC itself. */
  certain: boolean;
  /** Which applications show it. */
  applicationTypes: readonly ApplicationType[];
  /** Where the wording comes from. */
  source: string;
}

const BOTH: readonly ApplicationType[] = ['NIV', 'IV'];

export const STATUS_TEXTS: readonly StatusText[] = [
  {
    variant: 'no_status',
    state: 'no_status',
    status: 'No Status',
    text:
      'If you have submitted your online non-immigrant visa application (DS-160), it has not yet been processed into the visa system. ' +
      'At some locations, your application will remain in this status until you appear for an interview or until your application is ready for review. ' +
      'Please see the Embassy or Consulate website for information on the next steps required for visa processing.',
    era: 'any',
    certain: false,
    applicationTypes: ['NIV'],
    source: 'immigrationlawyerblog.com (possibly the text of the former "Application receipt pending" status)',
  },
  {
    variant: 'application_received',
    state: 'application_received',
    status: 'Application Received',
    text: null,
    era: 'any',
    certain: false,
    applicationTypes: ['NIV'],
    source: 'startupimmigrationattorney (status only; no source quotes the text)',
  },
  {
    variant: 'administrative_processing',
    state: 'administrative_processing',
    status: 'Administrative Processing',
    text:
      'Your visa case is currently undergoing necessary administrative processing. This processing can take several weeks. ' +
      'Please follow any instructions provided by the Consular officer at the time of your interview. ' +
      'If further information is needed, you will be contacted. ' +
      'If your visa application is approved, it will be processed and mailed/available within two business days.',
    // The wording dates from before the 2020 change, and cases still show it (CEACStatTracker issue 11, 2024).
    era: 'any',
    certain: true,
    applicationTypes: BOTH,
    source: 'seed article (pre-2020 text); still shown in 2024 per yuzeming/CEACStatTracker issue 11',
  },
  {
    variant: 'refused_221g',
    state: 'refused',
    status: 'Refused',
    text:
      'A U.S. consular officer has adjudicated and refused your visa application. ' +
      'Please follow any instructions provided by the consular officer. ' +
      'If you were informed by the consular officer that your case was refused for administrative processing, ' +
      'your case will remain refused while undergoing such processing. ' +
      'You will receive another adjudication once such processing is complete. ' +
      'Please be advised that the processing time varies and that you will be contacted if additional information is needed. ' +
      'For more information, please visit TRAVEL.STATE.GOV or the website for the Embassy or Consulate at which you made your visa application.',
    era: 'current',
    certain: true,
    applicationTypes: BOTH,
    source: 'seed article and its comment 41 (since the 2020-03-03 change; "Consular Officer" capitalised in one copy)',
  },
  {
    variant: 'refused_letter',
    state: 'refused',
    status: 'Refused',
    text: 'A U.S. consular officer has adjudicated and refused your visa application. Please see the letter you received at the interview.',
    era: 'current',
    certain: true,
    applicationTypes: BOTH,
    source: 'seed article; a Beijing case of 2022-08-31',
  },
  {
    variant: 'refused_letter_legacy',
    state: 'refused',
    status: 'Refused',
    text: 'Your application was refused. Please refer to the letter or other instructions you were given at the time of your visa interview.',
    era: 'pre-2020',
    certain: true,
    applicationTypes: BOTH,
    source: 'seed article (wording before the 2020-03-03 change)',
  },
  {
    variant: 'approved',
    state: 'approved',
    status: 'Approved',
    text: null,
    era: 'any',
    certain: false,
    applicationTypes: BOTH,
    source: 'startupimmigrationattorney (status only; no source quotes the text)',
  },
  {
    variant: 'issued',
    state: 'issued',
    status: 'Issued',
    text:
      'Your visa is in final processing. If you have not received it in more than 10 working days, ' +
      'please see the webpage for contact information of the embassy or consulate where you submitted your application.',
    era: 'current',
    certain: true,
    applicationTypes: ['NIV'],
    source: 'machsix/CEACStatusBot notification samples, 2022-10-19',
  },
  {
    variant: 'issued_iv',
    state: 'issued',
    status: 'Issued',
    text:
      'Your visa has been printed. Depending on local procedures at the location where you were interviewed, ' +
      'your visa will be mailed or available for pickup soon.',
    era: 'any',
    certain: false,
    applicationTypes: ['IV'],
    source: 'docs/ceac-statuses.md, immigrant visa table (wording not confirmed by a copy of CEAC)',
  },
  {
    variant: 'at_nvc',
    state: 'at_nvc',
    status: 'At NVC',
    text: null,
    era: 'any',
    certain: false,
    applicationTypes: ['IV'],
    source: 'britsimonsays (status only; first status of every IV/DV case)',
  },
  {
    variant: 'in_transit',
    state: 'in_transit',
    status: 'In Transit',
    text:
      'The National Visa Center has processed your application and scheduled the visa interview. ' +
      'Your case is currently being transferred to the Immigrant Visa Unit at the Embassy.',
    era: 'any',
    certain: false,
    applicationTypes: ['IV'],
    source: "uk.usembassy.gov (the embassy's wording, not a copy of CEAC)",
  },
  {
    variant: 'ready',
    state: 'ready',
    status: 'Ready',
    text:
      'Your case is ready for your interview when scheduled at the U.S. Consular section. ' +
      'If you have already scheduled an appointment for an interview, please prepare your documents as directed in your appointment letter ' +
      'and appear at the consulate on the appointed date and time. ' +
      'Otherwise, please wait until you have been notified of your interview appointment.',
    era: 'any',
    certain: false,
    applicationTypes: ['IV'],
    source: "uk.usembassy.gov (the embassy's wording, not a copy of CEAC)",
  },
  {
    variant: 'transfer_in_progress',
    state: 'transfer_in_progress',
    status: 'Transfer in Progress',
    text: null,
    era: 'any',
    certain: false,
    applicationTypes: ['IV'],
    source: 'dvcharts (counted as "Transfer" in DV scrapes; no source quotes the text)',
  },
];

const BY_VARIANT = new Map(STATUS_TEXTS.map((t) => [t.variant, t]));

export function statusTextFor(variant: string): StatusText | undefined {
  return BY_VARIANT.get(variant);
}

/** The status words as CEAC writes them, one per state (the state's canonical spelling). */
export const STATUS_WORDS: Readonly<Record<Exclude<State, 'unknown'>, string>> = {
  no_status: 'No Status',
  application_received: 'Application Received',
  administrative_processing: 'Administrative Processing',
  refused: 'Refused',
  approved: 'Approved',
  issued: 'Issued',
  ready: 'Ready',
  at_nvc: 'At NVC',
  in_transit: 'In Transit',
  transfer_in_progress: 'Transfer in Progress',
};

/**
 * Other spellings people and older pages use for a status word, lower-cased with single spaces.
 * "Application receipt pending" was the former name of No Status [uncertain].
 */
const STATUS_ALIASES: Readonly<Record<string, Exclude<State, 'unknown'>>> = {
  'application receipt pending': 'no_status',
  'administrative processing (221g)': 'administrative_processing',
  'admin processing': 'administrative_processing',
  'at national visa center': 'at_nvc',
  transfer: 'transfer_in_progress',
  'transfer in process': 'transfer_in_progress',
  'in-transit': 'in_transit',
  'no-status': 'no_status',
};

const WORD_TO_STATE = new Map<string, Exclude<State, 'unknown'>>([
  ...Object.entries(STATUS_WORDS).map(
    ([state, word]) => [word.toLowerCase(), state as Exclude<State, 'unknown'>] as const,
  ),
  ...Object.entries(STATUS_ALIASES),
]);

/**
 * The state a status word stands for ("REFUSED", "administrative  processing", a state id such as
 * "administrative_processing"); undefined when it is not a status word.
 */
export function stateForStatusWord(word: string): Exclude<State, 'unknown'> | undefined {
  // No status word is longer than this; checking first keeps a long line from costing anything.
  if (word.length > 64) return undefined;
  let key = word
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ');
  while (key.endsWith('.') || key.endsWith(':') || key.endsWith('!')) key = key.slice(0, -1);
  return WORD_TO_STATE.get(key);
}

/** Longest first, so that a line is matched against "No Status" before a shorter word. */
export const STATUS_WORD_KEYS: readonly string[] = [...WORD_TO_STATE.keys()].sort((a, b) => b.length - a.length);
