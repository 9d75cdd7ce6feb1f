/**
 * Reads the OLE property sets of a .doc ([MS-OLEPS]): \u0005SummaryInformation (title, authors,
 * page, word and character counts, application) and \u0005DocumentSummaryInformation
 * (paragraphs, characters with spaces, version). Every read is bounds-checked; a damaged set
 * gives an empty map, never an error: these figures are information, not the count.
 */
export type PropertyValue = string | number;

export const SUMMARY = {
  title: 0x02,
  author: 0x04,
  lastAuthor: 0x08,
  pageCount: 0x0e,
  wordCount: 0x0f,
  charCount: 0x10,
  appName: 0x12,
} as const;

export const DOC_SUMMARY = {
  paragraphCount: 0x06,
  charsWithSpaces: 0x11,
  version: 0x17,
} as const;

const CODEPAGE = 0x01;
const VT_I2 = 0x02;
const VT_I4 = 0x03;
const VT_LPSTR = 0x1e;
const VT_LPWSTR = 0x1f;
const MAX_PROPERTIES = 1000;
const MAX_STRING_BYTES = 4096;

export function readPropertySet(stream: Buffer | null): Map<number, PropertyValue> {
  const out = new Map<number, PropertyValue>();
  if (stream === null || stream.length < 48 || stream.readUInt16LE(0) !== 0xfffe) return out;
  const setStart = stream.readUInt32LE(44);
  if (setStart + 8 > stream.length) return out;
  const count = Math.min(stream.readUInt32LE(setStart + 4), MAX_PROPERTIES);
  const entries: [number, number][] = [];
  for (let i = 0; i < count; i++) {
    const at = setStart + 8 + i * 8;
    if (at + 8 > stream.length) break;
    entries.push([stream.readUInt32LE(at), setStart + stream.readUInt32LE(at + 4)]);
  }
  const codepageAt = entries.find(([id]) => id === CODEPAGE)?.[1];
  // The code page is a signed 16-bit value: 65001 (UTF-8) reads as -535.
  const raw = codepageAt === undefined ? null : readValue(stream, codepageAt, 1252);
  const codepage = typeof raw === 'number' ? raw & 0xffff : 1252;
  for (const [id, at] of entries) {
    if (id === CODEPAGE) continue;
    const value = readValue(stream, at, codepage);
    if (value !== null) out.set(id, value);
  }
  return out;
}

function readValue(stream: Buffer, at: number, codepage: number): PropertyValue | null {
  if (at + 8 > stream.length) return null;
  const type = stream.readUInt16LE(at);
  if (type === VT_I2) return stream.readInt16LE(at + 4);
  if (type === VT_I4) return stream.readInt32LE(at + 4);
  if (type !== VT_LPSTR && type !== VT_LPWSTR) return null;
  const declared = stream.readUInt32LE(at + 4);
  const bytes = type === VT_LPWSTR ? declared * 2 : declared;
  const body = stream.subarray(at + 8, at + 8 + Math.min(bytes, MAX_STRING_BYTES));
  const text = type === VT_LPWSTR ? body.toString('utf16le') : decode(body, codepage);
  return text.replace(/\u0000[\s\S]*$/, '').trim();
}

/** An 8-bit string in the set's code page (Windows-1252 for most French documents). */
function decode(bytes: Buffer, codepage: number): string {
  if (codepage === 65001) return bytes.toString('utf8');
  if (codepage === 1200) return bytes.toString('utf16le');
  try {
    return new TextDecoder(`windows-${codepage & 0xffff}`).decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}
