import { type CountryCode, findPhoneNumbersInText } from 'libphonenumber-js/max';
import { phoneRegionForPostcode } from '../call/rules/postcodes.js';

/**
 * Phone numbers written in a text. A number written the national way (0692 12 34 56) means
 * something only in a region: the author's postcode says which (974xx → Réunion), then
 * metropolitan France, then the overseas departments. Only valid numbers are kept.
 */
export interface FoundPhone {
  /** International form, as shown and stored: "+262 692 12 34 56". */
  international: string;
  e164: string;
  region: CountryCode | undefined;
  type: string | undefined;
}

const FRENCH_REGIONS: CountryCode[] = ['FR', 'RE', 'GP', 'MQ', 'GF', 'YT', 'PM'];

export function findPhones(text: string, postcode?: string, ignore: readonly string[] = []): FoundPhone[] {
  const regions = [...new Set<CountryCode>([phoneRegionForPostcode(postcode), ...FRENCH_REGIONS])];
  const taken: [number, number][] = [];
  const found: { at: number; phone: FoundPhone }[] = [];
  const seen = new Set(ignore);
  for (const region of regions) {
    for (const match of findPhoneNumbersInText(text, { defaultCountry: region })) {
      // The first region to read a stretch of text wins: the postcode's region comes first.
      if (taken.some(([s, e]) => match.startsAt < e && s < match.endsAt)) continue;
      taken.push([match.startsAt, match.endsAt]);
      const n = match.number;
      if (seen.has(n.number)) continue;
      seen.add(n.number);
      found.push({
        at: match.startsAt,
        phone: {
          international: n.formatInternational(),
          e164: n.number,
          region: n.country,
          type: n.getType(),
        },
      });
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.phone);
}
