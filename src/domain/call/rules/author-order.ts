import { type Finding, finding } from '../../shared/finding.js';
import { msg } from '../../shared/typography.js';
import type { Author } from '../../submission/author.js';
import type { Call } from '../schema.js';
import { notChecked } from './not-checked.js';

/**
 * Author order in print: alphabetical by surname unless the authors asked for another order
 * (« sauf contre-indication »).
 *
 * How names sort, per French usage (Lexique de l'Imprimerie nationale):
 * - the particle « de » / « d’ » is set aside: « Jean de La Fontaine » sorts under « La Fontaine »
 *   (L, after « Dupont »), « d’Alembert » under A;
 * - the article is part of the name and kept: « Le Goff », « La Fontaine », and the contracted
 *   articles « du », « des »: « du Bellay » sorts under D;
 * - foreign particles follow their own usage: a lower-case « von », « van », « van der »… is set
 *   aside (« van Gogh » under G); a capitalised one is part of the name (Belgian « Van Damme »,
 *   « De Smet » under V and D). The same holds for « de »: only the lower-case particle is set aside.
 * - Names compare word by word, as in French library catalogues (« rien avant quelque chose »):
 *   « Le Goff » comes before « Lebrun ». Intl.Collator('fr') does this, and lets accents only break
 *   ties: « Émile » comes before « Eric » (m before r), not after « Z ».
 * - Same sorting surname: the given name decides.
 */

const PARTICLE = /^(?:(?:de|von|van|zu|ten|ter)\s+(?:(?:der|den|und\s+zu)\s+)?|d['’]\s*)(?=\S)/u;

/** The surname as it sorts: the lower-case particle set aside. */
export function sortingSurname(surname: string): string {
  const s = surname.trim().replace(/\s+/g, ' ');
  const rest = s.replace(PARTICLE, '');
  return rest === '' ? s : rest;
}

const collator = new Intl.Collator('fr', { usage: 'sort' });

export function compareAuthors(
  a: Pick<Author, 'surname' | 'givenName'>,
  b: Pick<Author, 'surname' | 'givenName'>,
) {
  return (
    collator.compare(sortingSurname(a.surname), sortingSurname(b.surname)) ||
    collator.compare(a.givenName, b.givenName) ||
    collator.compare(a.surname, b.surname)
  );
}

/** The order the authors will be printed in. */
export function printOrder<A extends Pick<Author, 'surname' | 'givenName'>>(
  authors: readonly A[],
  call: Pick<Call, 'authors'>,
  orderRequested = false,
): A[] {
  const keep = call.authors.order === 'as-given' || (orderRequested && call.authors.authorsMayChooseOrder);
  return keep ? [...authors] : [...authors].sort(compareAuthors);
}

function names(authors: readonly Author[]): string {
  return authors.map((a) => `${a.givenName} ${a.surname}`.trim()).join(', ');
}

export function checkAuthorOrder(
  call: Pick<Call, 'authors'>,
  authors: readonly Author[] | undefined,
  orderRequested = false,
): Finding[] {
  if (authors === undefined) {
    return [
      notChecked(
        'authors.order',
        { fr: 'Ordre des auteurs', en: 'Author order' },
        { fr: 'auteurs non fournis', en: 'authors not given' },
      ),
    ];
  }
  if (authors.length < 2 || call.authors.order === 'as-given') return [];
  if (orderRequested && call.authors.authorsMayChooseOrder) {
    return [
      finding(
        'authors.order_as_requested',
        'info',
        msg(
          'Les auteurs seront présentés dans l’ordre que vous avez demandé.',
          'The authors will be presented in the order you asked for.',
        ),
      ),
    ];
  }
  const printed = printOrder(authors, call, false);
  if (printed.every((a, i) => a === authors[i])) {
    return [
      finding(
        'authors.order_alphabetical',
        'info',
        msg(
          'Les auteurs sont déjà dans l’ordre alphabétique.',
          'The authors are already in alphabetical order.',
        ),
      ),
    ];
  }
  const mayChoose = call.authors.authorsMayChooseOrder;
  return [
    finding(
      'authors.order_will_change',
      'warning',
      msg(
        `Les auteurs seront présentés par ordre alphabétique : ${names(printed)}.`,
        `The authors will be presented in alphabetical order: ${names(printed)}.`,
      ),
      mayChoose
        ? msg(
            'Si vous souhaitez un autre ordre, dites-le à la rédaction en indiquant l’ordre voulu.',
            'If you want another order, tell the editors which order you want.',
          )
        : undefined,
      { authors: authors.length },
    ),
  ];
}
