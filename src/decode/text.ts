/**
 * Text clean-up shared by every input form: what people paste comes with curly quotes, no-break
 * spaces, doubled spaces after sentences, and control characters from the clipboard.
 */

/** Straight quotes and dashes, plain spaces, no control characters; keeps line breaks. */
export function cleanText(input: string): string {
  return (
    input
      .replace(/\r\n?/g, '\n')
      .replace(/[\u2018\u2019\u201a\u201b\u2032`´]/g, "'")
      .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
      .replace(/[\u2010-\u2015\u2212]/g, '-')
      .replace(/\u2026/g, '...')
      .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]/g, ' ')
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000e-\u001f\u007f\u200b-\u200d\u2060\ufeff\ufffd]/g, '')
  );
}

/**
 * `s` without the given characters at its end. A loop, not /[…]+$/: that regex retries from every
 * position of a long run of those characters and goes quadratic on a line of 100,000 colons.
 */
export function trimEndOf(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1]!)) end--;
  return s.slice(0, end);
}

/** One line, single spaces. */
export function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * "For more information, please visit U.S. Consulate General Vancouver." ends the paragraph on the
 * page and names the post. The 221(g) text has its own "…please visit TRAVEL.STATE.GOV or the
 * website…" sentence, which is part of the text and not a post.
 */
const POST_SENTENCE = /for more information,? please visit\s+(?!travel\.state\.gov)(?!the website)([^\n]{2,160})$/i;

/** Splits the trailing post sentence off a one-line paragraph. */
export function splitPostSentence(paragraph: string): { message: string; post: string | null } {
  const text = squash(paragraph);
  // Only the last 220 characters can hold the post sentence; looking there keeps this linear.
  const tailStart = Math.max(0, text.length - 220);
  const tail = text.slice(tailStart);
  const m = POST_SENTENCE.exec(tail);
  if (!m) return { message: text, post: null };
  const post = cleanPostName(m[1]!);
  const message = squash(text.slice(0, tailStart + m.index));
  return { message, post };
}

/** "U.S. Consulate General Vancouver." -> "U.S. Consulate General Vancouver". */
export function cleanPostName(raw: string): string | null {
  // Stop at the end of the sentence: "Vancouver. Any idea?" -> "Vancouver" ("U.S." does not end it).
  const end = /(?<=[a-z]{2})\.(?:\s|$)/i.exec(raw);
  const post = trimEndOf(squash(end ? raw.slice(0, end.index) : raw), ' .');
  return post.length >= 2 ? post : null;
}
