import type { Fib } from './fib.js';

/** DopBase: the 16-bit unit at byte 54 holds fIncludeSubdocsInStats in its top bit. */
const STATS_FLAGS_AT = 54;
const INCLUDE_SUBDOCS = 0x8000;

/**
 * Whether Word's word count includes notes (and, since Word 2002, text boxes): the box "include
 * textboxes, footnotes and endnotes" of the statistics dialog, saved with the document.
 * [MS-DOC] calls the bit DopBase.fIncludeSubdocsInStats; the Word 97 file format documentation
 * called it fWCFtnEdn, "when 1, include footnotes and endnotes in word count"; .docx keeps the
 * opposite as w:doNotIncludeSubdocsInStats. Null when the file holds no Dop long enough to say.
 */
export function includesSubdocsInStats(fib: Fib, table: Buffer): boolean | null {
  const { offset, length } = fib.dop;
  if (length < STATS_FLAGS_AT + 2 || offset + length > table.length) return null;
  return (table.readUInt16LE(offset + STATS_FLAGS_AT) & INCLUDE_SUBDOCS) !== 0;
}
