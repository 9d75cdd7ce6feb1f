import { type Finding, finding } from '../../shared/finding.js';
import { msg } from '../../shared/typography.js';
import type { Author } from '../../submission/author.js';
import type { Call } from '../schema.js';
import { notChecked } from './not-checked.js';

/**
 * Co-authors name a single contact for the editors, who must have an e-mail address.
 * A sole author is the contact whether or not the flag is set.
 */

/** The contact person: the sole author, or the one author flagged; undefined when none or several. */
export function contactPerson(authors: readonly Author[]): Author | undefined {
  if (authors.length === 1) return authors[0];
  const flagged = authors.filter((a) => a.isContact);
  return flagged.length === 1 ? flagged[0] : undefined;
}

function hasEmail(author: Author): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(author.email?.trim() ?? '');
}

export function checkContactPerson(
  call: Pick<Call, 'authors'>,
  authors: readonly Author[] | undefined,
): Finding[] {
  if (authors === undefined) {
    return [
      notChecked(
        'authors.contact',
        { fr: 'Contact unique pour la rédaction', en: 'Single contact for the editors' },
        { fr: 'auteurs non fournis', en: 'authors not given' },
      ),
    ];
  }
  if (authors.length === 0) {
    return [
      finding(
        'authors.none',
        'error',
        msg('Aucun auteur n’est indiqué.', 'No author is given.'),
        msg(
          'Indiquez le prénom et le nom de chaque auteur.',
          'Give the given name and surname of each author.',
        ),
      ),
    ];
  }
  const flagged = authors.filter((a) => a.isContact).length;
  if (authors.length > 1 && flagged === 0) {
    return [
      finding(
        'authors.no_contact',
        'error',
        msg(
          'Vous êtes plusieurs auteurs : l’appel demande un seul contact pour la rédaction, et aucun n’est désigné.',
          'There are several authors: the call asks for a single contact for the editors, and none is named.',
        ),
        msg(
          'Désignez l’auteur ou l’autrice que la rédaction contactera, avec son adresse électronique.',
          'Name the author the editors will contact, with their e-mail address.',
        ),
        { authors: authors.length, contacts: 0 },
      ),
    ];
  }
  if (authors.length > 1 && flagged > 1 && call.authors.singleContact) {
    return [
      finding(
        'authors.several_contacts',
        'error',
        msg(
          `${flagged} auteurs sont désignés comme contact : l’appel demande un seul contact pour la rédaction.`,
          `${flagged} authors are named as contact: the call asks for a single contact for the editors.`,
        ),
        msg(
          'Choisissez une seule personne que la rédaction contactera.',
          'Choose a single person the editors will contact.',
        ),
        { authors: authors.length, contacts: flagged },
      ),
    ];
  }
  const contacts = authors.length === 1 ? authors : authors.filter((a) => a.isContact);
  if (!contacts.every(hasEmail)) {
    return [
      finding(
        'authors.contact_without_email',
        'error',
        msg(
          'La personne à contacter n’a pas d’adresse électronique valide.',
          'The contact person has no valid e-mail address.',
        ),
        msg(
          'Indiquez l’adresse électronique de la personne que la rédaction contactera.',
          'Give the e-mail address of the person the editors will contact.',
        ),
      ),
    ];
  }
  return [
    finding(
      'authors.contact_ok',
      'info',
      msg('Un contact unique pour la rédaction est désigné.', 'A single contact for the editors is named.'),
    ),
  ];
}
