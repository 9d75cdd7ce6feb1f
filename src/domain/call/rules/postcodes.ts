import type { CountryCode } from 'libphonenumber-js';

/**
 * The official list of French postcodes and the communes they serve, behind an interface: the
 * data (≈ 8 MB of JSON) is loaded by an adapter (src/adapters/postcodes/etalab.ts), tests use a
 * small list of their own.
 */
export interface PostcodeDirectory {
  /** Official names of the communes (and delegated communes) a postcode serves; [] when unknown. */
  communesFor(postcode: string): readonly string[];
}

/** A directory over a plain map, for tests and small deployments. */
export function directoryFromMap(entries: Record<string, readonly string[]>): PostcodeDirectory {
  return { communesFor: (postcode) => entries[postcode] ?? [] };
}

/**
 * Postcodes whose telephone region is not metropolitan France. Saint-Barthélemy and Saint-Martin
 * use Guadeloupe postcodes (971xx) but have phone regions of their own; Monaco uses 980xx.
 */
const BY_CODE: Record<string, CountryCode> = { '97133': 'BL', '97150': 'MF' };
const BY_PREFIX: Record<string, CountryCode> = {
  '971': 'GP',
  '972': 'MQ',
  '973': 'GF',
  '974': 'RE',
  '975': 'PM',
  '976': 'YT',
  '980': 'MC',
  '986': 'WF',
  '987': 'PF',
  '988': 'NC',
};

/** The phone region to read a national-format number in, from a postcode (FR by default). */
export function phoneRegionForPostcode(postcode: string | undefined): CountryCode {
  if (!postcode) return 'FR';
  return BY_CODE[postcode] ?? BY_PREFIX[postcode.slice(0, 3)] ?? 'FR';
}

/**
 * Names compared loosely: accents, case, hyphens and apostrophes do not matter, and « St » is
 * « Saint » (people write « St-Denis » for « Saint-Denis »).
 */
export function normaliseCommune(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’'‘`\-.,/]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\bste\b/g, 'sainte')
    .replace(/\bst\b/g, 'saint');
}

/** Whether a commune as written matches an official name: equal, or the official name then more
 * (« Paris 11e », « Saint-Denis La Réunion »). */
export function communeMatches(written: string, official: string): boolean {
  const w = normaliseCommune(written);
  const o = normaliseCommune(official);
  return w === o || w.startsWith(`${o} `);
}
