/**
 * A one-pass reader of the few things parseCeacResponse needs from a CEAC page: the text of
 * elements with given ids, and whether the status form is there. It walks the markup once, left to
 * right, with indexOf and charCodeAt only (no regexes, so no backtracking on hostile input), and
 * answers only where it is certain to agree with cheerio (htmlparser2): any construct whose reading
 * could differ (a processing instruction, CDATA, an element with markup inside whose text we need,
 * an entity outside the small set decoded here, an id written with an entity...) makes it give up,
 * and the caller reads the page with cheerio instead.
 *
 * Why: a check's answer is a ~14 KB UpdatePanel delta; building a DOM of it for six spans was most
 * of the client's CPU per check and most of its garbage.
 */

/** What the scan learned; `text(id)` is undefined when that element's text is not certain. */
export interface PageScan {
  /** The text of the first element with this id (entities decoded), null when there is none. */
  text(id: string): string | null | undefined;
  /** The status form (case-number field, submit button or captcha image) is on the page. */
  formPresent: boolean;
}

const FORM_NAME = 'ctl00$ContentPlaceHolder1$Visa_Case_Number';
const FORM_IDS = new Set(['ctl00_ContentPlaceHolder1_Visa_Case_Number', 'ctl00_ContentPlaceHolder1_btnSubmit']);
const CAPTCHA_CLASS = 'LBD_CaptchaImage';

/** Elements whose content htmlparser2 does not read as markup: we only step over them when they hold plain text. */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);
const VOID = new Set([
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'image',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const EQ = 0x3d;
const DQ = 0x22;
const SQ = 0x27;
const BANG = 0x21;
const DASH = 0x2d;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0c || c === 0x0d;
const isAlpha = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isAlnum = (c: number) => isAlpha(c) || isDigit(c);
const isHex = (c: number) => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);

/** A start tag: its lower-cased name, attributes (first wins, as in htmlparser2), and where it ends. */
interface StartTag {
  name: string;
  attrs: Map<string, string>;
  /** Index just past the closing ">". */
  end: number;
  selfClosing: boolean;
  /** An attribute value held "&": we do not decode attribute entities, so such values are not known. */
  encoded: Set<string> | null;
}

/** Reads the start tag whose "<" is at `lt` (a letter follows it); null when unsure how htmlparser2 reads it. */
function readStartTag(html: string, lt: number): StartTag | null {
  const n = html.length;
  let i = lt + 1;
  while (i < n) {
    const c = html.charCodeAt(i);
    if (isSpace(c) || c === SLASH || c === GT) break;
    i++;
  }
  const name = html.slice(lt + 1, i).toLowerCase();
  const attrs = new Map<string, string>();
  let encoded: Set<string> | null = null;
  let selfClosing = false;
  for (;;) {
    while (i < n && isSpace(html.charCodeAt(i))) i++;
    if (i >= n) return null;
    const c = html.charCodeAt(i);
    if (c === GT) return { name, attrs, end: i + 1, selfClosing, encoded };
    if (c === SLASH) {
      if (html.charCodeAt(i + 1) === GT) {
        selfClosing = true;
        i++;
        continue;
      }
      return null;
    }
    // An attribute name runs to a space, "=", "/" or ">"; quotes or "<" in it are odd enough to give up.
    const nameStart = i;
    while (i < n) {
      const d = html.charCodeAt(i);
      if (isSpace(d) || d === EQ || d === SLASH || d === GT) break;
      if (d === DQ || d === SQ || d === LT) return null;
      i++;
    }
    if (i === nameStart) return null;
    const attr = html.slice(nameStart, i).toLowerCase();
    let j = i;
    while (j < n && isSpace(html.charCodeAt(j))) j++;
    let value = '';
    if (html.charCodeAt(j) === EQ) {
      j++;
      while (j < n && isSpace(html.charCodeAt(j))) j++;
      if (j >= n) return null;
      const q = html.charCodeAt(j);
      if (q === DQ || q === SQ) {
        const close = html.indexOf(q === DQ ? '"' : "'", j + 1);
        if (close < 0) return null;
        value = html.slice(j + 1, close);
        i = close + 1;
      } else {
        let k = j;
        while (k < n) {
          const d = html.charCodeAt(k);
          if (isSpace(d) || d === GT) break;
          if (d === DQ || d === SQ || d === LT || d === EQ || d === 0x60) return null;
          k++;
        }
        value = html.slice(j, k);
        i = k;
      }
    }
    if (!attrs.has(attr)) {
      attrs.set(attr, value);
      if (value.includes('&')) (encoded ??= new Set()).add(attr);
    }
  }
}

/** Is `html` at `i` the end tag `</name>` (any case, nothing else inside)? */
function isEndTagAt(html: string, i: number, name: string): boolean {
  if (html.charCodeAt(i) !== LT || html.charCodeAt(i + 1) !== SLASH) return false;
  const end = i + 2 + name.length;
  return html.charCodeAt(end) === GT && html.slice(i + 2, end).toLowerCase() === name;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * Decodes the text between two tags as htmlparser2 does, for the entities it is certain of: the
 * named ones above with their ";", and numeric references to ordinary characters. Anything else
 * after "&" that htmlparser2 might read as an entity gives undefined (not sure).
 */
export function decodeTextEntities(raw: string): string | undefined {
  let amp = raw.indexOf('&');
  if (amp < 0) return raw;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    out += raw.slice(from, amp);
    const c = raw.charCodeAt(amp + 1);
    if (c === 0x23 /* # */) {
      const hex = raw.charCodeAt(amp + 2) === 0x78 || raw.charCodeAt(amp + 2) === 0x58;
      let k = amp + (hex ? 3 : 2);
      const start = k;
      while (k < raw.length && k - start <= 7 && (hex ? isHex(raw.charCodeAt(k)) : isDigit(raw.charCodeAt(k)))) k++;
      if (k === start || k - start > 7 || raw.charCodeAt(k) !== 0x3b) return undefined;
      const cp = parseInt(raw.slice(start, k), hex ? 16 : 10);
      const plain =
        (cp >= 0x20 && cp <= 0x7e) ||
        (cp >= 0xa0 && cp <= 0xd7ff) ||
        (cp >= 0xe000 && cp <= 0xfffd) ||
        (cp >= 0x10000 && cp <= 0x10ffff);
      if (!plain) return undefined;
      out += String.fromCodePoint(cp);
      from = k + 1;
    } else if (isAlnum(c)) {
      const semi = raw.indexOf(';', amp + 1);
      const name = semi > 0 && semi - amp <= 6 ? raw.slice(amp + 1, semi) : '';
      const value = Object.hasOwn(NAMED, name) ? NAMED[name] : undefined;
      if (value === undefined) return undefined;
      out += value;
      from = semi + 1;
    } else {
      // "&" before a space or punctuation starts no entity.
      out += '&';
      from = amp + 1;
    }
    amp = raw.indexOf('&', from);
  }
  return out + raw.slice(from);
}

/**
 * Scans `html` for the elements with the given ids. Returns null when the page holds markup whose
 * reading we cannot be sure of (the caller then uses cheerio).
 */
export function scanPage(html: string, ids: readonly string[]): PageScan | null {
  const wanted = new Set(ids);
  const found = new Map<string, string | undefined>();
  let formPresent = false;
  const n = html.length;
  let i = html.indexOf('<');
  while (i >= 0 && i < n) {
    const c = html.charCodeAt(i + 1);
    if (isAlpha(c)) {
      const tag = readStartTag(html, i);
      if (!tag) return null;
      const { name, attrs, end } = tag;
      let next = end;
      if (name === 'plaintext') return null;
      if (RAW_TEXT.has(name)) {
        // Raw text (a script, a style) runs to its own end tag, as htmlparser2 reads it: a "<" inside it
        // (`//<![CDATA[`, `a < b`) is text. Pages whose script never ends are left to cheerio.
        let lt = html.indexOf('</', end);
        while (lt >= 0 && !isEndTagAt(html, lt, name)) lt = html.indexOf('</', lt + 2);
        if (lt < 0) return null;
        next = lt + name.length + 3;
      }
      const id = attrs.get('id');
      // An encoded value could decode to one we look for.
      if (
        tag.encoded &&
        (tag.encoded.has('id') || tag.encoded.has('name') || (name === 'img' && tag.encoded.has('class')))
      )
        return null;
      if (!formPresent) {
        formPresent =
          attrs.get('name') === FORM_NAME ||
          (id !== undefined && FORM_IDS.has(id)) ||
          (name === 'img' && hasClass(attrs.get('class'), CAPTCHA_CLASS));
      }
      if (id !== undefined && wanted.has(id) && !found.has(id)) found.set(id, elementText(html, tag));
      i = html.indexOf('<', next);
    } else if (c === SLASH) {
      // An end tag: "</" + letter, to the next ">". Anything else there is a bogus comment: give up.
      if (!isAlpha(html.charCodeAt(i + 2))) return null;
      const gt = html.indexOf('>', i + 2);
      if (gt < 0) return null;
      i = html.indexOf('<', gt + 1);
    } else if (c === BANG) {
      if (html.charCodeAt(i + 2) === DASH && html.charCodeAt(i + 3) === DASH) {
        // "<!-->" and "<!--->" end at once in htmlparser2; keep clear of them.
        if (html.charCodeAt(i + 4) === GT || (html.charCodeAt(i + 4) === DASH && html.charCodeAt(i + 5) === GT))
          return null;
        const close = html.indexOf('-->', i + 4);
        if (close < 0) return null;
        i = html.indexOf('<', close + 3);
      } else if (isAlpha(html.charCodeAt(i + 2))) {
        // <!DOCTYPE html>: a declaration, to the next ">".
        const gt = html.indexOf('>', i + 2);
        if (gt < 0) return null;
        i = html.indexOf('<', gt + 1);
      } else {
        return null;
      }
    } else if (c === 0x3f /* ? */) {
      return null;
    } else {
      // "<" before anything else is text to htmlparser2.
      i = html.indexOf('<', i + 1);
    }
  }
  return {
    text: (id) => (found.has(id) ? found.get(id) : null),
    formPresent,
  };
}

/** The element's text when it holds text only, up to its own end tag; undefined when unsure. */
function elementText(html: string, tag: StartTag): string | undefined {
  if (VOID.has(tag.name) || tag.selfClosing || RAW_TEXT.has(tag.name)) return undefined;
  const lt = html.indexOf('<', tag.end);
  if (lt < 0 || !isEndTagAt(html, lt, tag.name)) return undefined;
  return decodeTextEntities(html.slice(tag.end, lt));
}

/** `class~=name`, split on HTML whitespace as css-select does. */
function hasClass(value: string | undefined, cls: string): boolean {
  if (value === undefined) return false;
  let start = 0;
  for (let k = 0; k <= value.length; k++) {
    if (k === value.length || isSpace(value.charCodeAt(k))) {
      if (k - start === cls.length && value.startsWith(cls, start)) return true;
      start = k + 1;
    }
  }
  return false;
}
