/**
 * Text from a message shown to people (coordinators' pages, letters): characters that could
 * fake what is shown — line breaks, control characters, NUL, bidi overrides that reverse
 * "gpj.exe" into "exe.jpg" — are written out as \u{…}, and the length is capped.
 */

// C0 and C1 controls, DEL, bidi embeddings/overrides/isolates, LRM/RLM/ALM, line/paragraph separators.
export const UNSAFE_CHARS =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function escapeForDisplay(text: string, max = 300): string {
  const shown = text.replace(UNSAFE_CHARS, (c) => `\\u{${c.codePointAt(0)?.toString(16).toUpperCase()}}`);
  return shown.length > max ? `${shown.slice(0, max)}…` : shown;
}

/** Removes what escapeForDisplay would escape: line breaks and tabs become spaces. */
export function stripUnsafe(text: string, max: number): string {
  const clean = text
    .replace(/[\t\r\n\u2028\u2029]/g, ' ')
    .replace(UNSAFE_CHARS, '')
    .replace(/\s+/g, ' ')
    .trim();
  return clean.length > max ? clean.slice(0, max) : clean;
}
