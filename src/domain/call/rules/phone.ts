import {
  type CountryCode,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
} from 'libphonenumber-js/max';
import { type Finding, finding } from '../../shared/finding.js';
import type { Message } from '../../shared/message.js';
import { msg } from '../../shared/typography.js';
import { notChecked } from './not-checked.js';
import { phoneRegionForPostcode } from './postcodes.js';

/**
 * The phone number the call asks for. A number written the national way (06 12 34 56 78) is read
 * in the region of the author's postcode: 0692 12 34 56 is a valid Réunion mobile but no valid
 * metropolitan number. International numbers (+262 …, +32 …) are read as written. The findings
 * never repeat the number: findings are stored and shown, personal data stays in the record.
 */

// Where a national-format number that fails in the postcode's region may still belong.
const FRENCH_REGIONS: CountryCode[] = ['FR', 'RE', 'GP', 'MQ', 'GF', 'YT', 'PM', 'BL', 'MF'];

// Building an Intl.DisplayNames costs more than the rest of the phone check: one per language.
const REGION_NAMES = {
  fr: new Intl.DisplayNames(['fr'], { type: 'region' }),
  en: new Intl.DisplayNames(['en'], { type: 'region' }),
};

function regionName(region: CountryCode): Message {
  return { fr: REGION_NAMES.fr.of(region) ?? region, en: REGION_NAMES.en.of(region) ?? region };
}

const TYPE_NAMES: Record<string, Message> = {
  MOBILE: { fr: 'mobile', en: 'mobile' },
  FIXED_LINE: { fr: 'fixe', en: 'landline' },
  FIXED_LINE_OR_MOBILE: { fr: 'fixe ou mobile', en: 'landline or mobile' },
  VOIP: { fr: 'téléphonie par internet', en: 'internet telephony' },
};

function valid(phone: string, region: CountryCode) {
  const p = parsePhoneNumberFromString(phone, { defaultCountry: region });
  return p?.isValid() ? p : undefined;
}

export function checkPhone(phone: string | undefined, postcode?: string, required = true): Finding[] {
  if (phone === undefined) {
    return [
      notChecked(
        'contact.phone',
        { fr: 'Téléphone', en: 'Phone' },
        { fr: 'numéro non fourni', en: 'number not given' },
      ),
    ];
  }
  if (phone.trim() === '') return required ? [missing()] : [];
  const region = phoneRegionForPostcode(postcode);
  const here = valid(phone, region);
  if (here) return [ok(here.country ?? region, here.getType(), false)];
  // A national number from another French region than the postcode's (an author from Réunion
  // living in Lyon): accept it, and say how we read it.
  if (!phone.trim().startsWith('+')) {
    for (const other of FRENCH_REGIONS) {
      const p = other === region ? undefined : valid(phone, other);
      if (p) return [ok(p.country ?? other, p.getType(), true)];
    }
  }
  return [invalid(validatePhoneNumberLength(phone, { defaultCountry: region }))];
}

function ok(region: CountryCode, type: string | undefined, guessed: boolean): Finding {
  const where = regionName(region);
  const kind = type ? TYPE_NAMES[type] : undefined;
  const message = guessed
    ? msg(
        `Numéro de téléphone valide, lu comme un numéro de ${where.fr}${kind ? ` (${kind.fr})` : ''}.`,
        `Valid phone number, read as a number from ${where.en}${kind ? ` (${kind.en})` : ''}.`,
      )
    : msg(
        `Numéro de téléphone valide (${kind ? `${kind.fr}, ` : ''}${where.fr}).`,
        `Valid phone number (${kind ? `${kind.en}, ` : ''}${where.en}).`,
      );
  const fix = guessed
    ? msg(
        'Pour éviter toute confusion, écrivez-le au format international (+262 …, +590 …).',
        'To avoid any confusion, write it in international form (+262 …, +590 …).',
      )
    : undefined;
  return finding('contact.phone_ok', 'info', message, fix, { region, type: type ?? null });
}

function missing(): Finding {
  return finding(
    'contact.phone_missing',
    'error',
    msg(
      'L’appel demande un numéro de téléphone, qui manque.',
      'The call asks for a phone number, which is missing.',
    ),
    msg(
      'Indiquez un numéro où la rédaction peut vous joindre, par exemple 06 12 34 56 78.',
      'Give a number where the editors can reach you, for example +33 6 12 34 56 78.',
    ),
  );
}

function invalid(reason: string | undefined): Finding {
  const detail: Message =
    reason === 'TOO_SHORT'
      ? { fr: ' : il manque des chiffres', en: ': digits are missing' }
      : reason === 'TOO_LONG'
        ? { fr: ' : il y a trop de chiffres', en: ': there are too many digits' }
        : { fr: '', en: '' };
  return finding(
    'contact.phone_invalid',
    'error',
    msg(`Le numéro de téléphone n’est pas valide${detail.fr}.`, `The phone number is not valid${detail.en}.`),
    msg(
      'Écrivez les 10 chiffres d’un numéro français (06 12 34 56 78) ou le numéro au format international avec l’indicatif du pays (+33 6 12 34 56 78, +262 692 12 34 56).',
      'Write the 10 digits of a French number (06 12 34 56 78) or the number in international form with the country code (+33 6 12 34 56 78, +262 692 12 34 56).',
    ),
    { reason: reason ?? null },
  );
}
