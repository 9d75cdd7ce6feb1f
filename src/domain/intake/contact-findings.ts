import { type Finding, finding } from '../shared/finding.js';

/**
 * What the receipt says about the contact details we could not find in a message. The findings
 * never repeat a phone number or an address: findings are stored and shown; personal data stays
 * in the record. French typography is applied by finding().
 */
const msg = (fr: string, en: string) => ({ fr, en });

export function phoneNotFound(): Finding {
  return finding(
    'intake.phone_not_found',
    'error',
    msg(
      'Nous n’avons pas trouvé de numéro de téléphone dans votre message.',
      'We found no phone number in your message.',
    ),
    msg(
      'Répondez à ce message en l’indiquant : un numéro où la rédaction peut vous joindre, par exemple 06 12 34 56 78 (ou +262 692 12 34 56 outre-mer).',
      'Reply to this message with it: a number where the editors can reach you, for example +33 6 12 34 56 78.',
    ),
  );
}

export function addressNotFound(): Finding {
  return finding(
    'intake.address_not_found',
    'error',
    msg(
      'Nous n’avons pas trouvé d’adresse postale dans votre message.',
      'We found no postal address in your message.',
    ),
    msg(
      'Répondez à ce message en l’indiquant sur deux lignes : le numéro et la rue, puis le code postal et la commune (par exemple « 12 rue des Lilas » puis « 75011 Paris »).',
      'Reply to this message with it on two lines: the number and street, then the postcode and town (for example “12 rue des Lilas” then “75011 Paris”).',
    ),
  );
}

export function nameNotFound(): Finding {
  return finding(
    'intake.name_not_found',
    'warning',
    msg('Nous n’avons pas trouvé le nom de l’auteur ou de l’autrice.', 'We found no author’s name.'),
    msg(
      'Répondez à ce message en indiquant le prénom et le nom de chaque auteur, et la personne que la rédaction doit contacter.',
      'Reply to this message with the given name and surname of each author, and the person the editors should contact.',
    ),
  );
}

export function soleAuthorAssumed(): Finding {
  return finding(
    'intake.sole_author_assumed',
    'info',
    msg(
      'Votre message ne nomme pas d’autres auteurs : nous vous avons enregistré comme seul auteur et contact de la proposition.',
      'Your message names no other authors: we recorded you as the sole author and contact of the submission.',
    ),
    msg(
      'Si vous êtes plusieurs, répondez à ce message avec le prénom et le nom de chacun et la personne à contacter.',
      'If there are several of you, reply to this message with each author’s given name and surname and the person to contact.',
    ),
  );
}
