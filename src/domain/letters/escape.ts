/**
 * Two guards for what a letter shows. Letters quote values written by authors (names, file names,
 * titles): in HTML they are escaped, and everywhere they are cleaned of characters that could
 * break a line, hide text or reverse it on screen (an RFC 2231 file name may carry any of them).
 */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text → HTML text or attribute value (quotes escaped too, so it is safe in both). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

// C0 and C1 controls, DEL, and the Unicode line and paragraph separators: they would break lines.
const LINE_BREAKERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
// Bidirectional controls: "cod.exe" with a right-to-left override reads "exe.doc" on screen.
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** An author's value on one line, without invisible tricks, at most `max` characters. */
export function cleanText(text: string, max = 160): string {
  const cleaned = text
    .normalize('NFC')
    .replace(LINE_BREAKERS, ' ')
    .replace(BIDI_CONTROLS, '')
    .replace(/ {2,}/g, ' ')
    .trim();
  const chars = [...cleaned];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : cleaned;
}

/** Only web links become clickable: a `javascript:` or `file:` link never reaches a letter. */
export function isWebLink(href: string): boolean {
  return /^https?:\/\/[^\s<>"]+$/i.test(href);
}
