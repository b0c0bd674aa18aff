/** The decoder's words: official sources, guidance per status, hints, reading the input, the printed answer. */
export const decode = {
  // Official sources the answers rest on (knowledge/guidance.ts)
  'source.change2020':
    'travel.state.gov, "CEAC case status change" (2020-03-03): cases that showed "Administrative Processing" now show "Refused"; "There has been no change in such applicants\' actual cases."',
  'source.adminProcessing':
    'travel.state.gov, "Administrative Processing Information" (INA 221(g)): the officer will either issue or refuse the visa after processing; the duration varies with each case.',
  'source.sixtyDays':
    'U.S. embassy pages on administrative processing: "Most administrative processing is resolved within 60 days of the visa interview" (some posts say 90 or 120 days).',
  'source.wait180':
    'ustraveldocs 221(g) pages: wait at least 180 days after the interview or the last document submission before asking about the case.',
  'source.twelveMonths':
    'INA 203(e) and 221(g) guidance: documents requested under 221(g) must be submitted within 12 months, or the application is terminated.',
  'source.ceacStatuses':
    'ceac-watch knowledge base (docs/ceac-statuses.md): CEAC statuses, texts and reported sequences, with their sources.',
  'source.dropboxEnd':
    'State Department update of 2025-07-25: interview waiver ("dropbox") ended for H, L, F, M, J, E and O visas from 2025-09-02.',

  // What each status and text means (knowledge/guidance.ts), keyed by variant
  'guidance.no_status.headline': "No Status: your application is not in the consulate's system yet",
  'guidance.no_status.meaning':
    'CEAC has not yet linked your DS-160 to a case at the consulate. This is normal before the interview or before a dropbox (interview waiver) application is taken in, and some posts keep it this way until the interview day. It says nothing good or bad about your application.',
  'guidance.no_status.next.1': 'Nothing to do if your interview or document drop-off is still ahead.',
  'guidance.no_status.next.2':
    'If you dropped off documents, allow a few weeks: one dropbox applicant reported No Status for about 3 weeks before it changed.',
  'guidance.no_status.next.3': 'Check that you are looking up the right application ID and location.',
  'guidance.no_status.watch.1':
    'Application Received (documents received at the post) or Refused/Administrative Processing after the interview.',
  'guidance.application_received.headline': 'Application Received: the consulate has your application',
  'guidance.application_received.meaning':
    "Your case is in the consulate's system. For dropbox (interview waiver) applications this usually means your documents and passport arrived. No decision has been made yet.",
  'guidance.application_received.next.1':
    "Nothing to do: keep your e-mail and the appointment website's messages in view in case the post asks for something.",
  'guidance.application_received.watch.1':
    'For dropbox cases the next status is often Refused with the long administrative-processing text, which is a normal step and not a final refusal.',
  'guidance.application_received.watch.2': 'Approved or Issued if no further processing is needed.',
  'guidance.administrative_processing.headline':
    'Administrative Processing: your case is being checked; no decision yet',
  'guidance.administrative_processing.meaning':
    'Your case is in administrative processing under section 221(g): the consulate needs more information or more checks before deciding. It is not a refusal. The officer will either issue or refuse the visa when processing ends, and how long that takes varies from case to case.',
  'guidance.administrative_processing.next.1':
    'If you were asked for documents, send them as soon as you can. You have 12 months; after that the application is terminated.',
  'guidance.administrative_processing.next.2':
    'If nothing was asked of you, there is nothing to do but wait. Most administrative processing is resolved within 60 days of the interview.',
  'guidance.administrative_processing.next.3':
    'Wait at least 180 days before asking the consulate about the case, unless you have an urgent, documented reason.',
  'guidance.administrative_processing.watch.1': 'Approved, then Issued, when processing ends well.',
  'guidance.administrative_processing.watch.2':
    'Refused (the long text) for a while is also common and means the same processing.',
  'guidance.refused_221g.headline':
    'Refused (221(g) administrative processing): not a final refusal, your case is still open',
  'guidance.refused_221g.meaning':
    'Since March 2020 CEAC shows "Refused" for every case in 221(g) administrative processing; this long text is how you can tell. Technically the visa is refused for now, but the case stays open and will be decided again when processing is complete. The State Department says nothing changed in these cases: they simply used to be shown as "Administrative Processing".',
  'guidance.refused_221g.next.1':
    'Follow any instructions the officer gave you (the 221(g) slip, an e-mail, or the letter).',
  'guidance.refused_221g.next.2':
    'If documents were requested, send them as soon as you can. You have 12 months; after that the application is terminated.',
  'guidance.refused_221g.next.3':
    'If only processing was mentioned, there is nothing for you to do. Most administrative processing is resolved within 60 days of the interview.',
  'guidance.refused_221g.next.4': 'Wait at least 180 days before asking the consulate about the case.',
  'guidance.refused_221g.watch.1': 'Administrative Processing, then Approved and Issued, when processing ends well.',
  'guidance.refused_221g.watch.2':
    '"Case Last Updated" changing while the status stays Refused: someone worked on the case; it is not a decision by itself.',
  'guidance.refused_letter.headline':
    'Refused (short text): read the letter you were given; this may or may not be final',
  'guidance.refused_letter.meaning':
    'The officer refused the visa and gave you a letter that says why. If the letter cites section 214(b) or another ground of ineligibility, the refusal is final for this application. If the letter is a 221(g) slip (administrative processing or documents requested), the case is still open: people report this short text later changing to Administrative Processing and then Issued. Only the letter settles which one it is.',
  'guidance.refused_letter.next.1': 'Read the letter: it names the section of law (214(b), 221(g), or another).',
  'guidance.refused_letter.next.2':
    'If it is 221(g), follow its instructions and send any requested documents within 12 months.',
  'guidance.refused_letter.next.3':
    'If it is 214(b), this application is closed; you may apply again when your circumstances or your way of showing them have changed.',
  'guidance.refused_letter.watch.1': 'Administrative Processing or Approved (it was 221(g) after all).',
  'guidance.refused_letter.watch.2': 'No change for months (a final refusal stays as it is).',
  'guidance.refused_letter_legacy.headline':
    'Refused (pre-2020 short text): read the letter you were given; this may or may not be final',
  'guidance.refused_letter_legacy.meaning':
    'This is the wording CEAC used before March 2020 for a refusal with a letter or instructions. The letter says whether the refusal is final (for example 214(b)) or whether the case is held under 221(g) for processing or documents.',
  'guidance.refused_letter_legacy.next.1':
    'Read the letter or instructions you were given at the interview: they name the section of law.',
  'guidance.refused_letter_legacy.next.2':
    'If it is 221(g), follow its instructions and send any requested documents within 12 months.',
  'guidance.refused_letter_legacy.next.3':
    'If it is 214(b), this application is closed; you may apply again when your circumstances have changed.',
  'guidance.refused_letter_legacy.watch.1': 'Administrative Processing or Approved (it was 221(g) after all).',
  'guidance.refused_letter_legacy.watch.2': 'No change for months (a final refusal stays as it is).',
  'guidance.refused.headline': 'Refused: cannot tell yet whether this is final or 221(g) processing',
  'guidance.refused.meaning':
    'CEAC uses "Refused" both for final refusals and, since March 2020, for cases in 221(g) administrative processing, which are still open. The paragraph under the status tells them apart: the long text ("…your case will remain refused while undergoing such processing…") means processing; the short text ("…Please see the letter you received at the interview.") means read your letter.',
  'guidance.refused.next.1':
    'Paste the whole paragraph shown under the status (or save the page) so that it can be decoded.',
  'guidance.refused.next.2':
    'Read any letter or slip the officer gave you: it names the section of law (214(b), 221(g), or another).',
  'guidance.refused.watch.1': 'Administrative Processing or Approved (it was 221(g) processing).',
  'guidance.approved.headline': 'Approved: the officer approved your visa; it is not printed yet',
  'guidance.approved.meaning':
    'The consular officer approved your application and the case is in final screening before the visa is printed. In the reports we have, Approved usually turned into Issued within a few days. It is not yet final: Approved has also been seen to go back to Refused when more processing was needed.',
  'guidance.approved.next.1': 'Nothing to do. Keep an eye on your e-mail and the passport-tracking website.',
  'guidance.approved.watch.1': 'Issued, usually within days.',
  'guidance.approved.watch.2': 'Rarely, Refused (the long text) if the case goes back for more processing.',
  'guidance.issued.headline': 'Issued: your visa has been approved and printed',
  'guidance.issued.meaning':
    'Your visa is issued and in final processing. The passport with the visa is returned to you, usually within days, by courier or for pickup.',
  'guidance.issued.next.1': 'Track the passport on the visa appointment website or courier site.',
  'guidance.issued.next.2':
    'If you have not received it in more than 10 working days, contact the embassy or consulate where you applied.',
  'guidance.issued.next.3': 'When you get it, check the name, dates, visa type and number of entries on the visa.',
  'guidance.issued.watch.1': 'The passport-delivery message ("ready for pick up").',
  'guidance.issued_iv.headline': 'Issued: your immigrant visa has been printed',
  'guidance.issued_iv.meaning':
    'Your immigrant visa is printed. Depending on the post, it will be mailed to you or be ready for pickup soon.',
  'guidance.issued_iv.next.1': "Follow the post's instructions for passport delivery or pickup.",
  'guidance.issued_iv.next.2':
    'Check the name and dates on the visa, and pay the USCIS immigrant fee before travelling so that your green card is mailed after you arrive.',
  'guidance.issued_iv.watch.1': 'The passport-delivery message.',
  'guidance.at_nvc.headline': 'At NVC: your immigrant case is at the National Visa Center',
  'guidance.at_nvc.meaning':
    'Every immigrant and diversity visa case starts here. NVC collects fees and documents and schedules the interview when the case can go ahead.',
  'guidance.at_nvc.next.1':
    'Complete anything NVC asks for in the CEAC immigrant visa portal (fees, DS-260, civil documents).',
  'guidance.at_nvc.watch.1': 'In Transit or Ready when the interview is scheduled.',
  'guidance.in_transit.headline': 'In Transit: your interview is scheduled and the case is on its way to the embassy',
  'guidance.in_transit.meaning':
    'NVC has processed your application and scheduled the interview; the embassy has not yet acknowledged the file. This status usually lasts only a short time.',
  'guidance.in_transit.next.1': 'Prepare for the interview: medical exam, documents listed in your appointment letter.',
  'guidance.in_transit.watch.1': 'Ready, once the embassy has the case.',
  'guidance.ready.headline': 'Ready: your case is at the embassy, ready for the interview',
  'guidance.ready.meaning':
    'The embassy has your case. If you have an appointment, go as scheduled with the documents from your appointment letter; otherwise wait for the appointment notice.',
  'guidance.ready.next.1':
    'Prepare your documents as directed in the appointment letter and attend on the appointed date and time.',
  'guidance.ready.watch.1': 'Issued, Administrative Processing or Refused after the interview.',
  'guidance.transfer_in_progress.headline': 'Transfer in Progress: your case is moving between posts',
  'guidance.transfer_in_progress.meaning':
    'The case is being transferred, for example to another embassy or from NVC. It is not a decision.',
  'guidance.transfer_in_progress.next.1': 'Nothing to do unless the receiving post contacts you.',
  'guidance.transfer_in_progress.watch.1': 'Ready at the new post.',
  'guidance.unknown.headline': 'Not recognised: this does not look like a CEAC status we know',
  'guidance.unknown.meaning':
    'We could not find a CEAC status word or a known CEAC text in what you gave. Nothing here is a decision about your case.',
  'guidance.unknown.next.1':
    'Copy the status block from the CEAC page (status word, dates and the paragraph) and try again, or save the page and use --html.',

  // Slip colours and passport-delivery messages (knowledge/hints.ts)
  'hint.slip.caveat':
    'There is no official colour code: posts use different colours, so read what is written on the slip, not its colour.',
  'hint.slip.source': 'docs/ceac-statuses.md, "221(g) slips" (applicant reports; no official source)',
  'hint.slip.white': 'commonly used for general administrative processing or a request for documents',
  'hint.slip.pink': 'commonly reported for further checks (security or background screening)',
  'hint.slip.yellow': 'commonly reported when the officer needs more time to review the documents',
  'hint.slip.blue': 'commonly reported when additional documents are requested',
  'hint.slip.green': 'claims about green slips conflict; nobody knows a consistent meaning',
  'hint.slip.other': 'no common reading exists for this colour',
  'hint.passport.received_for_delivery.meaning':
    'The post has handed your passport to the delivery service. It is on its way to the pickup point or courier. If CEAC still says Refused, the passport usually comes back with a 221(g) slip rather than a visa.',
  'hint.passport.received_for_delivery.caveat':
    'The message says where the passport is, not whether a visa is inside it.',
  'hint.passport.received_for_delivery.source': 'docs/ceac-statuses.md, "Passport delivery" (applicant reports)',
  'hint.passport.origination_scan.meaning': 'The passport has left the post but has not yet reached the pickup point.',
  'hint.passport.origination_scan.caveat': 'Courier tracking wording varies by country and changes over time.',
  'hint.passport.origination_scan.source': 'docs/ceac-statuses.md, "Passport delivery" (ustraveldocs/Aramex tracking)',
  'hint.passport.ready_for_pickup.meaning':
    'The passport is at the pickup point: collect it (usually within 15 days) and look for a visa or a 221(g) slip inside.',
  'hint.passport.ready_for_pickup.caveat': 'Pickup deadlines differ by post; check the tracking site for yours.',
  'hint.passport.ready_for_pickup.source': 'docs/ceac-statuses.md, "Passport delivery" (ustraveldocs/Aramex tracking)',

  // Reading the input (decode/interpret.ts, decode/explain.ts)
  'read.unknownWord': 'The status "{word}" is not a CEAC status we know.',
  'read.textDisagrees':
    'The paragraph is the {textStatus} text, but the status says {word}; this answer follows the status.',
  'read.fitsSeveralStatuses':
    'The paragraph fits more than one status ({statuses}); the status word would tell them apart.',
  'read.nothingFound': 'No CEAC status word or known CEAC text was found in "{text}".',
  'read.unknownText': 'The paragraph "{text}" is not a CEAC text we know; this answer rests on the status word alone.',
  'read.empty': 'There was no status word and no paragraph to decode.',
  'read.passportMessage.meaning': 'The passport-delivery message you included says: {meaning}',
  'read.passportMessage.note': 'Passport message: {caveat}',
  'read.passportOnly.headline': 'A passport-delivery message, not a CEAC status',
  'read.passportOnly.next':
    'Check the CEAC status page too: the delivery message tells where the passport is, not what the decision was.',
  'read.refusedCutShort':
    'The paragraph stops before the words that tell the 221(g) text ("Please follow any instructions…") from the letter text ("Please see the letter…"); paste the whole paragraph to tell them apart.',
  'read.fitsSeveralTexts': 'The paragraph fits several {status} texts ({variants}).',
  'read.fragment': 'Only a fragment from the middle of the CEAC text was recognised.',
  'read.cutShort': 'The paragraph was cut short; it was recognised from its first {percent}%.',
  'read.typos':
    "The paragraph differs from CEAC's wording in {count, plural, one {# place} other {# places}} (typos or edits); it was still recognised.",
  'read.statusFromText': 'The status word was not in the paste; "{status}" is the status that goes with this text.',
  'read.inputTooLong': 'The input was longer than {limit, number} characters; only its beginning was read.',
  'read.notCeacPage': 'This is not a CEAC page; the status was read from its text.',
  'page.captcha.headline': 'No status: CEAC rejected the captcha code',
  'page.captcha.next': 'Check again and type the captcha code exactly as shown (letters and digits).',
  'page.notFound.headline': 'No status: CEAC found no case with these details',
  'page.notFound.next':
    'Check the application ID or case number, the location, the passport number and the first 5 letters of the surname.',
  'page.invalid.headline': 'No status: CEAC says the application ID or case number is invalid',
  'page.invalid.next':
    'Check the number: an NIV application ID looks like AA0020AKAX; an IV case number like LMA2020656002.',
  'page.error.meaning':
    'The page shows CEAC\'s message "{message}". This is about the check itself, not about your case.',
  'page.form.headline': 'No status: this is the empty CEAC status form',
  'page.form.meaning': 'The page holds the form to check a status, but no result.',
  'page.form.next': 'Save the page after the status is shown, or paste the status text instead.',
  'page.unrecognised.headline': 'Not recognised: this is not a CEAC status page',
  'page.unrecognised.meaning':
    'We could not find a CEAC status in this page{reason, select, none {} other { ({reason})}}. Nothing here is a decision about your case.',
  'page.unrecognised.next': 'Save the CEAC page while it shows your status (or paste the status text) and try again.',

  // What the applicant knows (decode/context.ts)
  'ctx.officerRefused.headline': 'Refused: the officer told you the visa is refused',
  'ctx.officerRefused.meaning':
    'Because the officer told you the visa was refused, this is most likely a final refusal of this application (for example under section 214(b)). The letter names the section of law: if it says 221(g) instead, the case is still open after all.',
  'ctx.officerRefused.watch':
    'No change (a final refusal stays as it is); Administrative Processing would mean it was 221(g) after all.',
  'ctx.officerRefused.but221gText':
    'The officer told you "refused", but CEAC shows the administrative-processing text. Check the letter: if it cites 221(g) the case is still open; if it cites 214(b) or another ground, the refusal is final.',
  'ctx.officerRefused.butProcessing':
    'The officer said refused, but CEAC shows Administrative Processing: the case is being processed again.',
  'ctx.officerRefused.butLater':
    'The officer said refused at the interview, but CEAC now shows {status}; CEAC is the later word.',
  'ctx.officer221g.headline': 'Refused under 221(g): administrative processing, not a final refusal',
  'ctx.officer221g.meaning':
    'The officer told you your case is under 221(g), so this "Refused" is administrative processing: the case stays open and will be decided again when processing or your documents are complete.',
  'ctx.officerApproved.meaning':
    'The officer told you the visa was approved, yet CEAC shows Refused: the approval is waiting on administrative processing, which CEAC shows as Refused since 2020. This is common and usually ends in Issued.',
  'ctx.officerNone.note':
    'The officer said nothing clear, so only the letter you were given can settle whether the refusal is final.',
  'ctx.slip.note': 'Slip colour {colour}: {meaning}. {caveat}',
  'ctx.slip.headline': 'Refused with a 221(g) slip: administrative processing, not a final refusal',
  'ctx.slip.meaning':
    'You were given a 221(g) slip, so your case is in administrative processing: it stays open and will be decided again.',
  'ctx.slip.next':
    'Do what the slip says. If it lists documents, send them as soon as you can (you have 12 months, after which the application is terminated); if it only mentions processing, there is nothing to send.',
  'ctx.dropbox.note':
    'Interview waiver ("dropbox") ended for H, L, F, M, J, E and O visas from 2025-09-02; it remains for A, G, NATO and TECRO visas and some B-1/B-2 renewals. Dropbox cases filed before then follow the usual dropbox path.',
  'ctx.dropbox221g.headline': 'Refused (221(g) processing): a usual step for a dropbox case, not a final refusal',
  'ctx.dropbox221g.meaning':
    'For dropbox (interview waiver) applications this is a common step: many go No Status -> Application Received -> Refused -> Administrative Processing -> Approved -> Issued.',
  'ctx.dropbox221g.nextPassportReturned':
    'Read the 221(g) slip that came back with your passport: it says whether to send documents, come for an interview, or only wait.',
  'ctx.dropbox221g.nextPassportLate':
    'The passport usually comes back within 1-2 weeks with a 221(g) slip; after {days} days, if yours has not, check your e-mail and the passport-tracking site of the visa appointment service.',
  'ctx.dropbox221g.nextPassportSoon':
    'Your passport usually comes back within 1-2 weeks with a 221(g) slip that says what is needed (documents, an interview, or only waiting). Check your e-mail and the passport-tracking site of the visa appointment service.',
  'ctx.dropbox221g.watch':
    'The passport coming back with a 221(g) slip; after you send what it asks for, Administrative Processing, then Approved and Issued.',
  'ctx.dropboxRefused.meaning':
    'A dropbox application has no interview, so the "letter" usually comes back with your passport: it may be a 221(g) slip asking for documents or for an interview.',
  'ctx.dropboxRefused.next':
    'Wait for your passport to come back (usually 1-2 weeks) and read the slip or letter with it; check your e-mail too.',
  'ctx.dropboxNoStatus.meaning':
    'For dropbox cases, No Status often lasts until the documents are scanned into the system.',
  'ctx.dropboxReceived.watch':
    'Refused with the long text within days or weeks: for dropbox cases this is usually 221(g) processing, not a refusal.',
  'ctx.interview221g.next':
    'Read the paper the officer gave you at the interview (often a 221(g) slip): it says whether you must send documents or only wait.',
  'ctx.interviewLetter.next':
    'The letter handed to you at the interview settles whether this is final: look for "214(b)" (final) or "221(g)" (still open).',
  'ctx.passportReturnedRefused.next':
    'A passport returned while CEAC says Refused usually comes with a 221(g) slip: look for it and follow it.',
  'ctx.passportReturnedProcessing.next':
    'Your passport is with you: when processing ends well the post asks for it back to print the visa, so watch your e-mail.',
  'ctx.passportReturnedApproved.meaning':
    'Your passport was returned while the case shows Approved. Applicants report Approved turning back into Refused when the passport was released or withdrawn before printing; that means more processing, not a new refusal.',
  'ctx.passportReturnedApproved.watch': 'Refused (long text) after Approved, if the case goes back for processing.',
  'ctx.passportReturnedIssued.next': 'Check the visa in your passport: name, dates, type and number of entries.',
  'ctx.passportKeptLetter.meaning':
    'The consulate kept your passport. After a final refusal the passport is normally handed back, so a kept passport points to 221(g) processing rather than a final refusal.',
  'ctx.passportKeptProcessing.meaning':
    'The consulate kept your passport, which posts usually do when they expect to print a visa once processing ends; it is a hint, not a promise.',
  'ctx.passportKeptApproved.meaning':
    'The consulate has your passport, so the visa can be printed into it as soon as it is issued.',
  'ctx.previousUnknown.note': 'The previous status "{previous}" is not a CEAC status we know; it was not used.',
  'ctx.previousSame.meaning':
    'The status has not changed. "Case Last Updated" often moves (weekly, for some) while the status stays the same; it means someone touched the file, not that a decision was made.',
  'ctx.approvedToRefused.headline': 'Refused after Approved: your case went back for more processing',
  'ctx.approvedToRefused.meaning':
    'Approved -> Refused is reported by several applicants: after approval the case needed more administrative processing, for example when the passport was released for travel or withdrawn. By itself it is not a new refusal decision.',
  'ctx.approvedToRefused.watch': 'Approved again, then Issued, when the extra processing ends.',
  'ctx.processingToRefused.meaning':
    'Moving from Administrative Processing to Refused (and sometimes back again within minutes) is reported and usually means nothing new: the case is still in processing.',
  'ctx.refusedToProcessing.meaning':
    'Moving from Refused to Administrative Processing is progress: the post is working on your case again, often after your documents arrived.',
  'ctx.processingEnded.meaning': 'Processing is over and the case was approved.',
  'ctx.receivedToRefused.meaning':
    'Application Received -> Refused is the usual path of a dropbox case entering 221(g) processing.',
  'ctx.issuedToRefused.meaning':
    'Refused after Issued is unusual: the case may have been reopened or the visa cancelled. Contact the consulate.',
  'ctx.readyToRefused.meaning':
    'Ready -> Refused after an immigrant visa interview usually means 221(g): the officer needs documents or checks before deciding.',
  'ctx.since.invalid': 'The date the status began ({since}) is not a date before today; it was not used.',
  'ctx.since.within60':
    'It has been {days, plural, one {# day} other {# days}}; most administrative processing is resolved within 60 days of the interview.',
  'ctx.since.past60':
    'It has been {days, plural, one {# day} other {# days}}, past the 60 days within which most administrative processing is resolved. Many cases take longer; it is not a bad sign by itself.',
  'ctx.since.askAround':
    'The official advice is to wait at least 180 days before asking: that is around {date}, unless you have an urgent, documented reason.',
  'ctx.since.watchRequest': 'A request for more documents or a passport request by e-mail.',
  'ctx.since.past180':
    'It has been {days, plural, one {# day} other {# days}}, more than the 180 days after which the consulate accepts enquiries.',
  'ctx.since.mayAsk':
    "You may now contact the consulate (through its website's contact form) with your case number and ask about the status of the administrative processing.",
  'ctx.since.documentsDeadline':
    'If you still owe documents, send them now: the 12-month limit from the request (around {date} if they were asked for when this status began) ends the application.',
  'ctx.since.issuedLate':
    'It has been {days, plural, one {# day} other {# days}} since Issued, more than 10 working days: if you do not have your passport yet, contact the embassy or consulate where you applied.',
  'ctx.since.issuedSoon':
    'It has been {days, plural, one {# day} other {# days}}; passports usually arrive within 10 working days of Issued.',
  'ctx.since.approvedLong':
    'Approved for {days, plural, one {# day} other {# days}} is longer than the few days applicants usually report; it can still turn Issued, but the case may also go back to processing.',
  'ctx.since.noStatusLong':
    'No Status for {days, plural, one {# day} other {# days}} is long; if your documents were dropped off, ask the visa appointment service whether they reached the post.',
  'ctx.since.refusedUnchanged':
    'The status has stayed the same for {days, plural, one {# day} other {# days}}; a 221(g) case usually moves (to Administrative Processing or Approved) within a few months, so an unchanged refusal becomes more likely to be final.',
  'ctx.since.lastUpdatedMoved':
    '"Case Last Updated" moved after the status began: someone worked on the case. It often moves without a decision.',
  'ctx.dv.note':
    'Diversity visa (DV-{fy}): visas can only be issued until 30 September {fy}, whether or not administrative processing is finished [uncertain: reported, not confirmed for every case].',

  // The printed answer (decode/render.ts)
  'render.finality.in_progress': 'in progress (not a final decision)',
  'render.finality.final_positive': 'final: visa issued',
  'render.finality.final_negative': 'final: refused',
  'render.finality.uncertain': 'uncertain (could be final or still open)',
  'render.variant.refused_221g': '221(g) administrative-processing text',
  'render.variant.refused_letter': 'short text: "see the letter you received"',
  'render.variant.refused_letter_legacy': 'pre-2020 short text: "refer to the letter"',
  'render.variant.refused': 'text missing or too short to tell',
  'render.variant.issued_iv': 'immigrant visa text',
  'render.statusNone': '(none found)',
  'render.statusFromText': '(no status word; read from the text)',
  'render.statusFromTextLabel': '(no status word; read from the text: {label})',
  'render.row.status': 'Status',
  'render.row.case': 'Case',
  'render.row.created': 'Case created',
  'render.row.updated': 'Last updated',
  'render.row.post': 'Post',
  'render.row.finality': 'Finality',
  'render.confidence': '{finality}, confidence {percent}%',
  'render.heading.meaning': 'What it means',
  'render.heading.next': 'What to do next',
  'render.heading.watch': 'What to watch for',
  'render.heading.notes': 'Notes',
  'render.heading.sources': 'Sources',
  'render.ceacText': "CEAC's own text (in English, as CEAC shows it; the English text is authoritative)",

  // Why the next check is when it is (tracker/schedule-reason.ts)
  'track.schedule.never_checked': 'never checked',
  'track.schedule.not_watching': 'not watching',
  'track.schedule.check_requested': 'check requested',
  'track.schedule.details_changed': 'details changed',
  'track.schedule.not_found_paused': 'CEAC found no case with these details; checks resume when they are edited',
  'track.schedule.retry_captcha': 'retry after a rejected captcha',
  'track.schedule.blocked': 'CEAC refused us: backing off',
  'track.schedule.challenge': 'CEAC asks for a browser (Cloudflare challenge): backing off',
  'track.schedule.maintenance': 'CEAC is in maintenance',
  'track.schedule.unknown_case': 'CEAC does not know this case: retrying slowly',
  'track.schedule.retry_failed': 'retry with backoff after a failed check',
  'track.schedule.issued_stopped': 'issued for 14 days: stopped',
  'track.schedule.final_heartbeat': 'final state: daily heartbeat',
  'track.schedule.learned_spread': 'spread over the week by when changes happen at this post',
  'track.schedule.business_hours': 'business hours at the post',
  'track.schedule.evening': 'evening at the post',
  'track.schedule.next_morning': 'next business morning at the post',
  'track.schedule.quiet_heartbeat': 'night or weekend at the post: heartbeat',
  'track.schedule.stretched': '{reason} (stretched to fit the site budget)',
  'track.schedule.aside': ' ({reason})',

  // What the CEAC form accepts (ceac/query.ts)
  'ceac.query.nivHelp':
    'an NIV application ID is 10 letters and digits starting with AA, e.g. AA0020AKAX (from the DS-160 confirmation page)',
  'ceac.query.ivHelp':
    'an IV case number is a 3-letter post code and 10 digits, e.g. LMA2020656002, or a DV number: fiscal year, region and digits, e.g. 2023EU0012345',
  'ceac.query.notText': '{field} must be text',
  'ceac.query.app': 'the application type must be NIV (nonimmigrant visa) or IV (immigrant visa, including DV)',
  'ceac.query.idMissing': 'the application ID or case number is missing: {help}',
  'ceac.query.looksIv': 'this looks like an immigrant visa case number: use the application type IV',
  'ceac.query.notNiv': '"{value}" is not an NIV application ID: {help}',
  'ceac.query.looksNiv': 'this looks like an NIV application ID (starts with AA): use the application type NIV',
  'ceac.query.notIv': '"{value}" is not an IV case number: {help}',
  'ceac.query.locationMissing':
    'an NIV check needs the location (consulate) of the application: a CEAC code such as BMB, or a name such as "INDIA, MUMBAI" or "Mumbai"',
  'ceac.query.locationGuess': '"{value}" is not one CEAC location; did you mean {guesses}?',
  'ceac.query.locationUnknown':
    '"{value}" is not one CEAC location: use a CEAC code such as BMB or a city such as "Mumbai"',
  'ceac.query.ivLocation': 'IV cases are checked without a location: leave it out',
  'ceac.query.passport':
    'the passport number must be 2 to 20 letters and digits as printed in the passport (or NA for applications before 2022)',
  'ceac.query.surname':
    'the surname must be written in Latin letters as in the passport (only the first 5 letters are sent; NA for applications before 2022)',

  // Why a check ended as it did (ceac/outcome.ts, client.ts, browser.ts)
  'ceac.outcome.ok': 'CEAC shows "{status}"',
  'ceac.outcome.okUpdated': 'CEAC shows "{status}", last updated {date}',
  'ceac.outcome.noStatusWord': '(no status word)',
  'ceac.outcome.captcha_rejected': 'CEAC did not accept the captcha answer',
  'ceac.outcome.captchaGaveUp': 'CEAC did not accept the captcha answer ({tries} tries)',
  'ceac.outcome.case_not_found':
    'CEAC found no case with these details: check the ID, the location, the passport number and the surname',
  'ceac.outcome.invalid_case_number': 'CEAC says the application ID or case number is invalid',
  'ceac.outcome.blocked':
    "CEAC's firewall (Cloudflare) refused the request: wait before checking again, the block usually lifts after a while",
  'ceac.outcome.challenge':
    "CEAC's firewall (Cloudflare) answered with a JavaScript challenge, which a plain HTTP client cannot pass: install Chromium (or set CEAC_BROWSER to a Chrome or Chromium program) so that checks run through a browser (--transport browser or auto), or run ceac-watch from a home connection",
  'ceac.outcome.maintenance': 'CEAC is unavailable (a maintenance page instead of the status form): try again later',
  'ceac.outcome.layout_changed':
    'CEAC answered with a page this version does not recognise (the site may have changed); the page is kept for diagnosis',
  'ceac.outcome.timeout': 'CEAC did not answer within {seconds} s',
  'ceac.outcome.connection': 'the connection to CEAC failed (refused, reset or dropped)',
  'ceac.outcome.http_error': 'CEAC answered with HTTP error {status}',
  'ceac.outcome.wrong_case': 'CEAC answered about a different case than the one asked for; the answer was discarded',
  'ceac.outcome.problem': '{field}: {problem}',
  'ceac.outcome.problems': '{before}; {next}',
  'ceac.outcome.formWithoutResult':
    'CEAC returned its form without a result or an error message; the page is kept for diagnosis',
  'ceac.outcome.serverFailed': 'CEAC failed while answering (server error {status})',
  'ceac.outcome.noForm':
    'the CEAC status page has no status form or captcha we recognise (the site may have changed); the page is kept for diagnosis',
  'ceac.outcome.noCaptchaImage': 'CEAC served no captcha image: the site is probably in maintenance; try again later',
  'ceac.outcome.solverFailed': 'the captcha solver "{solver}" gave no answer: {why}',
  'ceac.outcome.solverCrashed': 'the captcha solver "{solver}" gave no answer: unexpected failure: {why}',
  'ceac.outcome.redirects': 'CEAC redirected too many times (HTTP {status})',
  'ceac.outcome.browserFailed': 'the browser could not be started ({path}): {why}',
  'ceac.outcome.noBrowser': '{outcome} ({missing})',
  'ceac.outcome.noBrowserFound': 'no browser found',

  // What a deadline was counted from (knowledge/deadlines.ts), as `ceac case show` lists it
  'deadline.basis.slipDate': '12 months after the slip date {date}',
  'deadline.basis.interview221g': '12 months after the interview on {date}, where the 221(g) slip was given',
  'deadline.basis.refusedSeen':
    '12 months after {date}, the first day Refused was seen (give the slip date for an exact date)',
  'deadline.basis.interview': '180 days after the interview on {date}',
  'deadline.basis.documents': '180 days after the last documents were handed in on {date}',
  'deadline.basis.issuedSeen': '10 working days after Issued was first seen on {date}',
  'deadline.basis.dvFiscalYear': '30 September of fiscal year {year}, from the DV case number',
  'deadline.line': '{title} ({basis})',

  // How sure the learned schedule is (tracker/change-times-summary.ts), as `ceac case show` says it
  'track.learned.learning':
    "still learning when this post's changes happen (n = {n}); meanwhile checks follow the {count, plural, one {# change} other {# changes}} seen at all posts",
  'track.learned.learned':
    "checks concentrate on {from}–{to} {place} time ({checkShare} of checks), when an estimated {changeShare} of this post's changes happen (n = {n})",

  // Statistics (stats/report.ts)
  'stats.groupTooSmall':
    '{n, plural, one {only # case matches} other {only # cases match}}: groups smaller than {min} are not shown; widen the filters',
  'stats.caveat.only_finished':
    'only finished cases: no case in this group is still pending, so if its source left out pending cases (as checkee history files do) the long waits are missing and these figures are biased toward short waits',
  'stats.caveat.few_pending':
    'only {censored} of {n} cases ({percent}%) are still pending: if most of this group comes from a source that left pending cases out (checkee history files do), the long waits are missing and these figures are biased toward short waits',
  'stats.caveat.no_refusals': 'no refusals in this group: the data may leave refused cases out',
  'stats.caveat.median_not_reached':
    'the median is not reached: more than half of the cases were still pending when last seen',
  'stats.caveat.small_group': 'a small group ({n} cases): intervals are wide',
  'stats.predict.broader':
    '{label}: only {comparable, plural, one {# comparable case} other {# comparable cases}} still pending after {waited} days, so a broader group was used',
  'stats.predict.no90': 'no comparable case was followed 90 more days: the longer horizons are unknown',

  // Imports (timelines/checkee.ts)
  'import.warning.only_finished':
    'only finished cases: this source holds no pending cases, so the long waits still in progress are missing and every figure computed from it alone is biased toward short waits',
  'import.warning.no_refused':
    'no refused cases: refusals are missing from this source, so clearance rates from it are overstated',
  'import.row.misaligned': 'expected {expected} fields, found {found} (misaligned row)',
  'import.row.notJson': 'not valid JSON (each line must be one JSON object)',
  'import.row.notObject': 'not a JSON object',
  'import.row.missing': 'missing {fields}',
  'import.row.visaType': 'visa type "{value}" is not a visa class such as F1 or H1B',
  'import.row.status': 'status "{value}" is not Clear, Reject or Pending',
  'import.row.checkDate': 'check date "{value}" is not a YYYY-MM-DD date',
  'import.row.entry': 'visa entry "{value}" is not New or Renewal',
  'import.row.completeDate': 'complete date "{value}" is not a YYYY-MM-DD date for a decided case',
  'import.row.completeBeforeCheck': 'complete date {completeDate} is before the check date {checkDate}',
  'import.row.lastUpdate': 'last update "{value}" is not a YYYY-MM-DD date',
  'import.row.noExportDate':
    'pending case without an export date: pass --as-of YYYY-MM-DD (the date the export was made)',
  'import.row.afterExport': 'pending case checked on {checkDate}, after the export date',
  'import.row.unreadable': 'unreadable row',
} as const;
