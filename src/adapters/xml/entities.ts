import { AppError } from '../../domain/shared/errors.js';

const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const AMP = 38;
const SEMICOLON = 59;
/** At most this many characters between '&' and ';' (the longest reference we accept is 12). */
const LONGEST_BODY = 12;

/**
 * Decodes the five predefined entities and character references. No DTD is ever read, so any
 * other named entity is an error, not an expansion. A '&' that starts no reference (no ';' within
 * 12 characters, or another '&' first) is left as it is.
 *
 * A loop over indexOf rather than a replace() with a callback: field codes (Zotero's CSL JSON) are
 * full of &quot;, and this runs on every text node. It reads exactly what /&([^;&]{0,12});/g read.
 */
export function decodeEntities(raw: string, part: string): string {
  let amp = raw.indexOf('&');
  if (amp < 0) return raw;
  let out = '';
  let copied = 0;
  const len = raw.length;
  while (amp >= 0) {
    const semi = referenceEnd(raw, amp, len);
    if (semi < 0) {
      amp = raw.indexOf('&', amp + 1);
      continue;
    }
    out +=
      raw.slice(copied, amp) + (namedAt(raw, amp, semi) ?? decodeReference(raw.slice(amp + 1, semi), part));
    copied = semi + 1;
    amp = raw.indexOf('&', copied);
  }
  return copied === 0 ? raw : out + raw.slice(copied);
}

/**
 * The decoded length of `raw`, with the same checks as decodeEntities (an unknown entity or a bad
 * character reference is refused), without building the string.
 */
export function decodedLength(raw: string, part: string): number {
  let amp = raw.indexOf('&');
  if (amp < 0) return raw.length;
  let length = raw.length;
  const len = raw.length;
  while (amp >= 0) {
    const semi = referenceEnd(raw, amp, len);
    if (semi < 0) {
      amp = raw.indexOf('&', amp + 1);
      continue;
    }
    const decoded = namedAt(raw, amp, semi) ?? decodeReference(raw.slice(amp + 1, semi), part);
    length -= semi + 1 - amp - decoded.length;
    amp = raw.indexOf('&', semi + 1);
  }
  return length;
}

/** Index of the ';' that ends the reference starting at raw[amp] === '&', or -1 when none does. */
function referenceEnd(raw: string, amp: number, len: number): number {
  const last = Math.min(len - 1, amp + 1 + LONGEST_BODY);
  for (let j = amp + 1; j <= last; j++) {
    const c = raw.charCodeAt(j);
    if (c === SEMICOLON) return j;
    if (c === AMP) return -1;
  }
  return -1;
}

/** The five predefined entities, read in place (no slice, no lookup): `&quot;` is most of them. */
function namedAt(raw: string, amp: number, semi: number): string | undefined {
  const n = semi - amp - 1;
  const c = raw.charCodeAt(amp + 1);
  if (n === 4) {
    if (c === 113 && raw.startsWith('quot', amp + 1)) return '"';
    if (c === 97 && raw.startsWith('apos', amp + 1)) return "'";
  } else if (n === 3) {
    if (c === 97 && raw.startsWith('amp', amp + 1)) return '&';
  } else if (n === 2 && raw.charCodeAt(amp + 2) === 116 /* t */) {
    if (c === 108 /* l */) return '<';
    if (c === 103 /* g */) return '>';
  }
  return undefined;
}

function decodeReference(body: string, part: string): string {
  if (body.charCodeAt(0) === 35 /* # */) {
    const hex = body[1] === 'x' || body[1] === 'X';
    const code = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
    if (!Number.isInteger(code) || code < 1 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
      throw new AppError('XML_MALFORMED', { part, detail: `bad character reference &${body};` });
    }
    return String.fromCodePoint(code);
  }
  const named = NAMED[body];
  if (named === undefined) {
    throw new AppError('XML_MALFORMED', { part, detail: `unknown entity &${body.slice(0, 12)};` });
  }
  return named;
}
