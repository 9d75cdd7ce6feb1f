/**
 * Reads a French postal address written freely (one line or several) into what the rules check:
 * the postcode, the commune after it, whether a street comes before it, and whether it is a
 * CEDEX address (business codes that the public list of postcodes does not hold).
 */
export interface ParsedAddress {
  /** Five digits, spaces removed ("75 011" → "75011"). */
  postcode?: string;
  /** The commune as written after the postcode, without « CEDEX » and a trailing country. */
  commune?: string;
  cedex: boolean;
  /** Some words come before the postcode (a street, a PO box, a place name). */
  hasStreet: boolean;
}

// Five digits, optionally written "75 011", not part of a longer number (a phone number).
const POSTCODE = /(?<!\d)(\d{2}) ?(\d{3})(?! ?\d)/g;
const TRAILING_COUNTRY =
  /[\s,–-]*(france|france m[ée]tropolitaine|la r[ée]union|r[ée]union|guadeloupe|martinique|guyane|mayotte)\s*$/i;

export function parseAddress(text: string): ParsedAddress {
  const matches = [...text.matchAll(POSTCODE)];
  const last = matches[matches.length - 1];
  if (!last || last.index === undefined) {
    return { cedex: /\bcedex\b/i.test(text), hasStreet: /\p{L}{3,}/u.test(text) };
  }
  const before = text.slice(0, last.index);
  const after = text.slice(last.index + last[0].length);
  const line = (after.split(/[\n,;]/)[0] ?? '').trim();
  const cedex = /\bcedex\b/i.test(after);
  const commune = line
    .replace(/\bcedex\b.*$/i, '')
    .replace(TRAILING_COUNTRY, '')
    .trim();
  const parsed: ParsedAddress = {
    postcode: `${last[1]}${last[2]}`,
    cedex,
    hasStreet: /\p{L}{2,}/u.test(before),
  };
  if (commune) parsed.commune = commune;
  return parsed;
}
