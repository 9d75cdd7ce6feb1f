import { APOS, GT, LT, QUOTE, SLASH } from './chars.js';

/**
 * How far an unfinished markup (tag, comment, CDATA…) held across chunks was scanned. The
 * tokenizer holds such a markup in pieces and scans each new chunk alone until one finishes it:
 * rescanning and re-copying the whole markup on every chunk made a 50 MB tag or comment cost
 * quadratic time (minutes of CPU for one hostile part).
 */
export interface Resume {
  /** Characters of the pending markup already scanned. */
  scanned: number;
  /** Open-tag scan state at that point: the open quote, and where the name ended (or -1). */
  quote: number;
  nameEnd: number;
  /** What ends the markup ('-->', '?>', ']]>', '>' of a closing tag), or null for an open tag. */
  terminator: string | null;
}

export const NO_RESUME: Resume = { scanned: 0, quote: 0, nameEnd: -1, terminator: null };

/** The last n characters (slice(-0) would be the whole string). */
export function tail(s: string, n: number): string {
  return n <= 0 ? '' : s.slice(Math.max(0, s.length - n));
}

/**
 * Scans one more piece of a held markup. Returns null when the markup ends in it (the tokenizer
 * then reads the pieces joined), else the scan state after it and the characters to keep for a
 * terminator cut in two (`heldTail`).
 */
export function scanHeldPiece(
  r: Resume,
  heldTail: string,
  chunk: string,
): { resume: Resume; heldTail: string } | null {
  if (r.terminator !== null) {
    const window = heldTail + chunk;
    if (window.includes(r.terminator)) return null;
    return {
      resume: { ...r, scanned: r.scanned + chunk.length },
      heldTail: tail(window, r.terminator.length - 1),
    };
  }
  let { quote, nameEnd } = r;
  for (let j = 0; j < chunk.length; j++) {
    const c = chunk.charCodeAt(j);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === GT || c === LT) {
      return null; // the end of the tag, or an error openTag reports
    } else if (c === QUOTE || c === APOS) {
      quote = c;
    } else if (nameEnd < 0 && (c <= 32 || c === SLASH)) {
      nameEnd = r.scanned + j;
    }
  }
  return { resume: { scanned: r.scanned + chunk.length, quote, nameEnd, terminator: null }, heldTail: '' };
}
