import { type Finding, finding } from '../../shared/finding.js';
import { msg, quoteFr } from '../../shared/typography.js';
import type { Author } from '../../submission/author.js';
import { notChecked } from './not-checked.js';

/**
 * Only natural persons sign (« pas de personnes morales »). A name that looks like an
 * organisation is flagged for confirmation, never refused: « Centre » or « Service » can be
 * surnames, and a person may have written their employer by mistake.
 */

// Compared without accents, in lower case, as whole words.
const ORGANISATION_WORDS = [
  'association asso assoc institut institute irts ifts erts ifme sas sasu sarl eurl scop scic',
  'sci gie gip collectif service services mairie fondation foundation centre center',
  'universite university ecole lycee comite conseil departement federation union syndicat',
  'groupe reseau cabinet agence ministere direction ccas cias udaf adapei ehpad itep mecs',
  'esat caf cpam cnrs inserm laboratoire equipe societe entreprise cooperative mutuelle ong',
  'inc ltd llc gmbh',
].join(' ');
const WORDS = new Set(ORGANISATION_WORDS.split(/\s+/));

function words(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The organisation word found in a name, if any. */
export function organisationWord(author: Pick<Author, 'givenName' | 'surname'>): string | undefined {
  return words(`${author.givenName} ${author.surname}`).find((w) => WORDS.has(w));
}

export function checkNaturalPersons(authors: readonly Author[] | undefined): Finding[] {
  if (authors === undefined) {
    return [
      notChecked(
        'authors.natural_persons',
        { fr: 'Auteurs personnes physiques', en: 'Authors are natural persons' },
        { fr: 'auteurs non fournis', en: 'authors not given' },
      ),
    ];
  }
  const findings: Finding[] = [];
  authors.forEach((author, index) => {
    const name = `${author.givenName} ${author.surname}`.trim();
    const word = organisationWord(author);
    if (word) {
      findings.push(
        finding(
          'authors.looks_like_organisation',
          'warning',
          msg(
            `${quoteFr(name)} ressemble au nom d’une organisation (mot ${quoteFr(word)}). L’appel n’accepte que des auteurs personnes physiques, pas de personnes morales.`,
            `“${name}” looks like the name of an organisation (word “${word}”). The call accepts only natural persons as authors, not legal entities.`,
          ),
          msg(
            'S’il s’agit bien d’une personne, confirmez-le. Sinon, indiquez le prénom et le nom de chaque personne qui signe le texte ; l’organisation peut figurer dans sa présentation.',
            'If this is indeed a person, confirm it. Otherwise, give the given name and surname of each person who signs the text; the organisation may appear in their biography.',
          ),
          { author: index + 1, word },
        ),
      );
    } else if (author.givenName.trim() === '') {
      findings.push(
        finding(
          'authors.given_name_missing',
          'warning',
          msg(`Le prénom de ${quoteFr(name)} manque.`, `The given name of “${name}” is missing.`),
          msg(
            'Indiquez le prénom et le nom de chaque auteur, tels qu’ils doivent paraître.',
            'Give the given name and surname of each author, as they should be printed.',
          ),
          { author: index + 1 },
        ),
      );
    }
  });
  return findings;
}
