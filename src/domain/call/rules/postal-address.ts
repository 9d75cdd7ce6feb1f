import { type Finding, finding } from '../../shared/finding.js';
import { msg, quoteFr } from '../../shared/typography.js';
import { parseAddress } from './address.js';
import { notChecked } from './not-checked.js';
import { communeMatches, type PostcodeDirectory } from './postcodes.js';

/**
 * The postal address the call asks for. Its postcode and commune are checked against the
 * official list; anything doubtful is a warning, never a refusal: the list lags behind La Poste,
 * CEDEX codes are not in it, and an author abroad has no French postcode at all.
 */
export function checkPostalAddress(
  address: string | undefined,
  directory: PostcodeDirectory | undefined,
  required = true,
): Finding[] {
  if (address === undefined) {
    return [
      notChecked(
        'contact.address',
        { fr: 'Adresse postale', en: 'Postal address' },
        { fr: 'adresse non fournie', en: 'address not given' },
      ),
    ];
  }
  if (address.trim() === '') return required ? [missing()] : [];
  const parsed = parseAddress(address);
  const findings: Finding[] = [];
  if (!parsed.hasStreet) findings.push(streetMissing());
  if (!parsed.postcode) return [...findings, postcodeNotFound()];
  const { postcode } = parsed;
  if (!directory) return [...findings, notVerified()];
  const communes = directory.communesFor(postcode);
  if (communes.length === 0) return [...findings, parsed.cedex ? cedex(postcode) : unknownPostcode(postcode)];
  if (!parsed.commune) return [...findings, communeMissing(postcode, communes)];
  const written = parsed.commune;
  if (!communes.some((c) => communeMatches(written, c))) {
    return [...findings, communeMismatch(postcode, written, communes)];
  }
  findings.push(
    finding(
      'contact.address_ok',
      'info',
      msg(
        'Adresse postale : code postal et commune concordent.',
        'Postal address: postcode and commune agree.',
      ),
    ),
  );
  return findings;
}

function missing(): Finding {
  return finding(
    'contact.address_missing',
    'error',
    msg(
      'L’appel demande votre adresse postale, qui manque.',
      'The call asks for your postal address, which is missing.',
    ),
    msg(
      'Indiquez votre adresse complète : numéro et rue, code postal, commune.',
      'Give your full address: number and street, postcode, town.',
    ),
  );
}

function streetMissing(): Finding {
  return finding(
    'contact.street_missing',
    'warning',
    msg(
      'L’adresse postale ne semble pas comporter de rue.',
      'The postal address does not seem to include a street.',
    ),
    msg(
      'Ajoutez le numéro et la rue (ou la boîte postale) avant le code postal.',
      'Add the number and street (or PO box) before the postcode.',
    ),
  );
}

function postcodeNotFound(): Finding {
  return finding(
    'contact.postcode_not_found',
    'warning',
    msg(
      'Nous n’avons pas trouvé de code postal à cinq chiffres dans l’adresse.',
      'We found no five-digit postcode in the address.',
    ),
    msg(
      'Ajoutez le code postal avant la commune (par exemple « 75011 Paris »). Si vous habitez hors de France, indiquez le pays : ce message peut alors être ignoré.',
      'Add the postcode before the town (for example “75011 Paris”). If you live outside France, give the country: you may then ignore this message.',
    ),
  );
}

function notVerified(): Finding {
  return finding(
    'contact.postcode_not_verified',
    'info',
    msg(
      'Code postal lu, mais non vérifié : la liste officielle des codes postaux n’est pas disponible.',
      'Postcode read but not verified: the official list of postcodes is not available.',
    ),
  );
}

function cedex(postcode: string): Finding {
  return finding(
    'contact.postcode_cedex',
    'info',
    msg(
      `Le code ${postcode} est un code CEDEX : il ne figure pas dans la liste publique et n’a pas été vérifié.`,
      `Code ${postcode} is a CEDEX code: it is not in the public list and was not verified.`,
    ),
  );
}

function unknownPostcode(postcode: string): Finding {
  return finding(
    'contact.postcode_unknown',
    'warning',
    msg(
      `Le code postal ${postcode} ne figure pas dans la liste officielle des codes postaux.`,
      `Postcode ${postcode} is not in the official list of postcodes.`,
    ),
    msg(
      'Vérifiez les chiffres du code postal. S’il est juste (code récent ou particulier), vous pouvez ignorer ce message.',
      'Check the digits of the postcode. If it is right (a new or special code), you may ignore this message.',
    ),
  );
}

function communeList(communes: readonly string[], lang: 'fr' | 'en'): string {
  const shown = communes.slice(0, 5).map((c) => (lang === 'fr' ? quoteFr(c) : `“${c}”`));
  const more = communes.length > 5 ? (lang === 'fr' ? ', etc.' : ', etc.') : '';
  return shown.join(', ') + more;
}

function communeMissing(postcode: string, communes: readonly string[]): Finding {
  return finding(
    'contact.commune_missing',
    'warning',
    msg(
      `L’adresse donne le code postal ${postcode} mais pas de commune après lui.`,
      `The address gives postcode ${postcode} but no town after it.`,
    ),
    msg(
      `Ajoutez la commune après le code postal (pour ce code : ${communeList(communes, 'fr')}).`,
      `Add the town after the postcode (for this code: ${communeList(communes, 'en')}).`,
    ),
  );
}

function communeMismatch(postcode: string, written: string, communes: readonly string[]): Finding {
  return finding(
    'contact.commune_mismatch',
    'warning',
    msg(
      `La commune ${quoteFr(written)} ne correspond pas au code postal ${postcode} (${communeList(communes, 'fr')}).`,
      `The town “${written}” does not match postcode ${postcode} (${communeList(communes, 'en')}).`,
    ),
    msg(
      'Vérifiez le code postal et le nom de la commune. Si votre adresse est juste (lieu-dit, ancienne commune), vous pouvez ignorer ce message.',
      'Check the postcode and the name of the town. If your address is right (a hamlet, a former commune), you may ignore this message.',
    ),
  );
}
