import { communeMatches, type PostcodeDirectory } from '../call/rules/postcodes.js';

/**
 * French postal addresses written in a text: a line with a five-digit postcode and a commune
 * name (« 97400 Saint-Denis », « 12 rue des Lilas, 75011 Paris »), with the street line above it
 * when there is one. The postcode must begin the line or follow a street, so that « 10 000 euros »
 * in a sentence is not an address. The official list, when given, says whether they agree.
 */
export interface FoundAddress {
  /** The address as lines: the street (when found), then « postcode commune ». */
  text: string;
  postcode: string;
  commune: string;
  street?: string;
  /** Postcode and commune agree in the official list; undefined without a list. */
  verified?: boolean;
}

const STREET_WORDS =
  'rue|avenue|av|bd|boulevard|chemin|ch|all[ée]e|place|pl|impasse|imp|route|rte|quai|cours|lieu-dit|r[ée]sidence|bp|cs|square|passage|hameau|lotissement|cit[ée]|voie|sentier|chauss[ée]e|faubourg|fbg|mont[ée]e|parvis|esplanade|rond-point|domaine|b[âa]timent|b[âa]t|appartement|appt|apt';
const STREET = new RegExp(`(^|\\s)(${STREET_WORDS})\\.?(\\s|$)`, 'i');
const STARTS_WITH_NUMBER = /^\d{1,5}\s*(bis|ter|quater|[a-d])?\b[\s,]/i;
const COUNTRY =
  /[\s,–-]*(france|france m[ée]tropolitaine|la r[ée]union|r[ée]union|guadeloupe|martinique|guyane|mayotte)\s*$/i;
// [street,] postcode commune [cedex n] [, country]
const POSTCODE_LINE =
  /^(?:(.*?)[\s,]+)?(\d{2}) ?(\d{3})\s+([\p{L}][\p{L}\p{M}'’ .-]{0,60}?)(\s+cedex(\s*\d{1,2})?)?\s*$/iu;

function looksLikeStreet(line: string): boolean {
  return STREET.test(line) || STARTS_WITH_NUMBER.test(line);
}

export function findAddresses(text: string, directory?: PostcodeDirectory): FoundAddress[] {
  const lines = text.split('\n').map((l) => l.trim());
  const found: FoundAddress[] = [];
  lines.forEach((line, i) => {
    if (line.length > 300) return; // not an address line, and the pattern stays cheap
    const m = POSTCODE_LINE.exec(line.replace(COUNTRY, ''));
    if (!m) return;
    const before = m[1]?.trim();
    if (before && !looksLikeStreet(before)) return;
    const postcode = `${m[2]}${m[3]}`;
    const commune = (m[4] ?? '').trim();
    if (commune.length < 2) return;
    const above = lines[i - 1];
    const street = before || (above && looksLikeStreet(above) ? above : undefined);
    const known = directory ? directory.communesFor(postcode) : undefined;
    // Without a street, only a capitalised commune (« 97400 Saint-Denis ») or one the official
    // list knows reads as an address: « 75 000 personnes » does not.
    if (!street && !/^\p{Lu}/u.test(commune) && !known?.length) return;
    if (!street && known && known.length === 0) return;
    const address: FoundAddress = {
      text: before ? line : [street, line].filter(Boolean).join('\n'),
      postcode,
      commune,
    };
    if (street) address.street = street;
    if (directory) {
      address.verified = directory
        .communesFor(postcode)
        .some((official) => communeMatches(commune, official));
    }
    found.push(address);
  });
  // Checked and complete addresses first; then the order of the text.
  const rank = (a: FoundAddress) => (a.verified === false ? 2 : 0) + (a.street ? 0 : 1);
  return found
    .map((a, i) => ({ a, i }))
    .sort((x, y) => rank(x.a) - rank(y.a) || x.i - y.i)
    .map((x) => x.a);
}
