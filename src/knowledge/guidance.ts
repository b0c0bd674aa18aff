/**
 * What each status and text means for the applicant, in plain words, with the official guidance it
 * rests on. The decoder starts from these and sharpens them with what the applicant knows (route,
 * slip, what the officer said, passport, dates). Written for a first-time applicant who is worried:
 * short sentences, no jargon without an explanation.
 */
import type { Finality } from './types.js';

export const SOURCES = {
  change2020:
    'travel.state.gov, "CEAC case status change" (2020-03-03): cases that showed "Administrative Processing" now show "Refused"; "There has been no change in such applicants\' actual cases."',
  adminProcessing:
    'travel.state.gov, "Administrative Processing Information" (INA 221(g)): the officer will either issue or refuse the visa after processing; the duration varies with each case.',
  sixtyDays:
    'U.S. embassy pages on administrative processing: "Most administrative processing is resolved within 60 days of the visa interview" (some posts say 90 or 120 days).',
  wait180:
    'ustraveldocs 221(g) pages: wait at least 180 days after the interview or the last document submission before asking about the case.',
  twelveMonths:
    'INA 203(e) and 221(g) guidance: documents requested under 221(g) must be submitted within 12 months, or the application is terminated.',
  ceacStatuses:
    'ceac-watch knowledge base (docs/ceac-statuses.md): CEAC statuses, texts and reported sequences, with their sources.',
  dropboxEnd:
    'State Department update of 2025-07-25: interview waiver ("dropbox") ended for H, L, F, M, J, E and O visas from 2025-09-02.',
} as const;

export interface Guidance {
  headline: string;
  meaning: string;
  nextSteps: string[];
  watchFor: string[];
  finality: Finality;
  confidence: number;
  sources: string[];
}

/** Keyed by variant (the state id for states with a single text). */
export const GUIDANCE: Readonly<Record<string, Guidance>> = {
  no_status: {
    headline: "No Status: your application is not in the consulate's system yet",
    meaning:
      'CEAC has not yet linked your DS-160 to a case at the consulate. This is normal before the interview or before a dropbox (interview waiver) ' +
      'application is taken in, and some posts keep it this way until the interview day. It says nothing good or bad about your application.',
    nextSteps: [
      'Nothing to do if your interview or document drop-off is still ahead.',
      'If you dropped off documents, allow a few weeks: one dropbox applicant reported No Status for about 3 weeks before it changed.',
      'Check that you are looking up the right application ID and location.',
    ],
    watchFor: [
      'Application Received (documents received at the post) or Refused/Administrative Processing after the interview.',
    ],
    finality: 'in_progress',
    confidence: 0.95,
    sources: [SOURCES.ceacStatuses],
  },
  application_received: {
    headline: 'Application Received: the consulate has your application',
    meaning:
      "Your case is in the consulate's system. For dropbox (interview waiver) applications this usually means your documents and passport arrived. " +
      'No decision has been made yet.',
    nextSteps: [
      "Nothing to do: keep your e-mail and the appointment website's messages in view in case the post asks for something.",
    ],
    watchFor: [
      'For dropbox cases the next status is often Refused with the long administrative-processing text, which is a normal step and not a final refusal.',
      'Approved or Issued if no further processing is needed.',
    ],
    finality: 'in_progress',
    confidence: 0.95,
    sources: [SOURCES.ceacStatuses],
  },
  administrative_processing: {
    headline: 'Administrative Processing: your case is being checked; no decision yet',
    meaning:
      'Your case is in administrative processing under section 221(g): the consulate needs more information or more checks before deciding. ' +
      'It is not a refusal. The officer will either issue or refuse the visa when processing ends, and how long that takes varies from case to case.',
    nextSteps: [
      'If you were asked for documents, send them as soon as you can. You have 12 months; after that the application is terminated.',
      'If nothing was asked of you, there is nothing to do but wait. Most administrative processing is resolved within 60 days of the interview.',
      'Wait at least 180 days before asking the consulate about the case, unless you have an urgent, documented reason.',
    ],
    watchFor: [
      'Approved, then Issued, when processing ends well.',
      'Refused (the long text) for a while is also common and means the same processing.',
    ],
    finality: 'in_progress',
    confidence: 0.9,
    sources: [SOURCES.adminProcessing, SOURCES.sixtyDays, SOURCES.wait180, SOURCES.twelveMonths],
  },
  refused_221g: {
    headline: 'Refused (221(g) administrative processing): not a final refusal, your case is still open',
    meaning:
      'Since March 2020 CEAC shows "Refused" for every case in 221(g) administrative processing; this long text is how you can tell. ' +
      'Technically the visa is refused for now, but the case stays open and will be decided again when processing is complete. ' +
      'The State Department says nothing changed in these cases: they simply used to be shown as "Administrative Processing".',
    nextSteps: [
      'Follow any instructions the officer gave you (the 221(g) slip, an e-mail, or the letter).',
      'If documents were requested, send them as soon as you can. You have 12 months; after that the application is terminated.',
      'If only processing was mentioned, there is nothing for you to do. Most administrative processing is resolved within 60 days of the interview.',
      'Wait at least 180 days before asking the consulate about the case.',
    ],
    watchFor: [
      'Administrative Processing, then Approved and Issued, when processing ends well.',
      '"Case Last Updated" changing while the status stays Refused: someone worked on the case; it is not a decision by itself.',
    ],
    finality: 'in_progress',
    confidence: 0.9,
    sources: [SOURCES.change2020, SOURCES.adminProcessing, SOURCES.sixtyDays, SOURCES.wait180, SOURCES.twelveMonths],
  },
  refused_letter: {
    headline: 'Refused (short text): read the letter you were given; this may or may not be final',
    meaning:
      'The officer refused the visa and gave you a letter that says why. If the letter cites section 214(b) or another ground of ineligibility, the refusal is final for this application. ' +
      'If the letter is a 221(g) slip (administrative processing or documents requested), the case is still open: people report this short text later changing to Administrative Processing and then Issued. ' +
      'Only the letter settles which one it is.',
    nextSteps: [
      'Read the letter: it names the section of law (214(b), 221(g), or another).',
      'If it is 221(g), follow its instructions and send any requested documents within 12 months.',
      'If it is 214(b), this application is closed; you may apply again when your circumstances or your way of showing them have changed.',
    ],
    watchFor: [
      'Administrative Processing or Approved (it was 221(g) after all).',
      'No change for months (a final refusal stays as it is).',
    ],
    finality: 'uncertain',
    confidence: 0.5,
    sources: [SOURCES.ceacStatuses, SOURCES.adminProcessing],
  },
  refused_letter_legacy: {
    headline: 'Refused (pre-2020 short text): read the letter you were given; this may or may not be final',
    meaning:
      'This is the wording CEAC used before March 2020 for a refusal with a letter or instructions. The letter says whether the refusal is final ' +
      '(for example 214(b)) or whether the case is held under 221(g) for processing or documents.',
    nextSteps: [
      'Read the letter or instructions you were given at the interview: they name the section of law.',
      'If it is 221(g), follow its instructions and send any requested documents within 12 months.',
      'If it is 214(b), this application is closed; you may apply again when your circumstances have changed.',
    ],
    watchFor: [
      'Administrative Processing or Approved (it was 221(g) after all).',
      'No change for months (a final refusal stays as it is).',
    ],
    finality: 'uncertain',
    confidence: 0.5,
    sources: [SOURCES.ceacStatuses, SOURCES.adminProcessing],
  },
  refused: {
    headline: 'Refused: cannot tell yet whether this is final or 221(g) processing',
    meaning:
      'CEAC uses "Refused" both for final refusals and, since March 2020, for cases in 221(g) administrative processing, which are still open. ' +
      'The paragraph under the status tells them apart: the long text ("…your case will remain refused while undergoing such processing…") means processing; ' +
      'the short text ("…Please see the letter you received at the interview.") means read your letter.',
    nextSteps: [
      'Paste the whole paragraph shown under the status (or save the page) so that it can be decoded.',
      'Read any letter or slip the officer gave you: it names the section of law (214(b), 221(g), or another).',
    ],
    watchFor: ['Administrative Processing or Approved (it was 221(g) processing).'],
    finality: 'uncertain',
    confidence: 0.4,
    sources: [SOURCES.change2020, SOURCES.ceacStatuses],
  },
  approved: {
    headline: 'Approved: the officer approved your visa; it is not printed yet',
    meaning:
      'The consular officer approved your application and the case is in final screening before the visa is printed. ' +
      'In the reports we have, Approved usually turned into Issued within a few days. It is not yet final: Approved has also been seen to go back to Refused when more processing was needed.',
    nextSteps: ['Nothing to do. Keep an eye on your e-mail and the passport-tracking website.'],
    watchFor: [
      'Issued, usually within days.',
      'Rarely, Refused (the long text) if the case goes back for more processing.',
    ],
    finality: 'in_progress',
    confidence: 0.85,
    sources: [SOURCES.ceacStatuses],
  },
  issued: {
    headline: 'Issued: your visa has been approved and printed',
    meaning:
      'Your visa is issued and in final processing. The passport with the visa is returned to you, usually within days, by courier or for pickup.',
    nextSteps: [
      'Track the passport on the visa appointment website or courier site.',
      'If you have not received it in more than 10 working days, contact the embassy or consulate where you applied.',
      'When you get it, check the name, dates, visa type and number of entries on the visa.',
    ],
    watchFor: ['The passport-delivery message ("ready for pick up").'],
    finality: 'final_positive',
    confidence: 0.95,
    sources: [SOURCES.ceacStatuses],
  },
  issued_iv: {
    headline: 'Issued: your immigrant visa has been printed',
    meaning:
      'Your immigrant visa is printed. Depending on the post, it will be mailed to you or be ready for pickup soon.',
    nextSteps: [
      "Follow the post's instructions for passport delivery or pickup.",
      'Check the name and dates on the visa, and pay the USCIS immigrant fee before travelling so that your green card is mailed after you arrive.',
    ],
    watchFor: ['The passport-delivery message.'],
    finality: 'final_positive',
    confidence: 0.95,
    sources: [SOURCES.ceacStatuses],
  },
  at_nvc: {
    headline: 'At NVC: your immigrant case is at the National Visa Center',
    meaning:
      'Every immigrant and diversity visa case starts here. NVC collects fees and documents and schedules the interview when the case can go ahead.',
    nextSteps: ['Complete anything NVC asks for in the CEAC immigrant visa portal (fees, DS-260, civil documents).'],
    watchFor: ['In Transit or Ready when the interview is scheduled.'],
    finality: 'in_progress',
    confidence: 0.9,
    sources: [SOURCES.ceacStatuses],
  },
  in_transit: {
    headline: 'In Transit: your interview is scheduled and the case is on its way to the embassy',
    meaning:
      'NVC has processed your application and scheduled the interview; the embassy has not yet acknowledged the file. This status usually lasts only a short time.',
    nextSteps: ['Prepare for the interview: medical exam, documents listed in your appointment letter.'],
    watchFor: ['Ready, once the embassy has the case.'],
    finality: 'in_progress',
    confidence: 0.9,
    sources: [SOURCES.ceacStatuses],
  },
  ready: {
    headline: 'Ready: your case is at the embassy, ready for the interview',
    meaning:
      'The embassy has your case. If you have an appointment, go as scheduled with the documents from your appointment letter; otherwise wait for the appointment notice.',
    nextSteps: [
      'Prepare your documents as directed in the appointment letter and attend on the appointed date and time.',
    ],
    watchFor: ['Issued, Administrative Processing or Refused after the interview.'],
    finality: 'in_progress',
    confidence: 0.9,
    sources: [SOURCES.ceacStatuses],
  },
  transfer_in_progress: {
    headline: 'Transfer in Progress: your case is moving between posts',
    meaning: 'The case is being transferred, for example to another embassy or from NVC. It is not a decision.',
    nextSteps: ['Nothing to do unless the receiving post contacts you.'],
    watchFor: ['Ready at the new post.'],
    finality: 'in_progress',
    confidence: 0.85,
    sources: [SOURCES.ceacStatuses],
  },
  unknown: {
    headline: 'Not recognised: this does not look like a CEAC status we know',
    meaning:
      'We could not find a CEAC status word or a known CEAC text in what you gave. Nothing here is a decision about your case.',
    nextSteps: [
      'Copy the status block from the CEAC page (status word, dates and the paragraph) and try again, or save the page and use --html.',
    ],
    watchFor: [],
    finality: 'uncertain',
    confidence: 0,
    sources: [SOURCES.ceacStatuses],
  },
};
