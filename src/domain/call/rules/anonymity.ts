import { type Finding, finding } from '../../shared/finding.js';
import { msg, quoteFr } from '../../shared/typography.js';
import type { Author } from '../../submission/author.js';
import { notChecked } from './not-checked.js';

/**
 * Hints for blind review: an author's name in the file's properties or in its text. Information
 * only: a name on the first page is normal in a submission, and the editors prepare the
 * anonymised copy themselves. Inputs are plain strings so that this rule does not depend on the
 * manuscript reader.
 */
export interface AnonymityInputs {
  /** docProps/core.xml dc:creator. */
  creator?: string;
  /** docProps/core.xml cp:lastModifiedBy. */
  lastModifiedBy?: string;
  /** The manuscript's visible text. */
  text?: string;
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whole-word occurrences of a surname in a folded text, accents and case ignored. */
function occurrences(foldedHaystack: string, surname: string): number {
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(fold(surname))}(?![\\p{L}\\p{N}])`, 'gu');
  return [...foldedHaystack.matchAll(pattern)].length;
}

const PROPERTY_NAMES = {
  creator: { fr: 'auteur', en: 'author' },
  lastModifiedBy: { fr: 'modifié par', en: 'last modified by' },
} as const;

export function checkAnonymity(
  authors: readonly Author[] | undefined,
  inputs: AnonymityInputs | undefined,
): Finding[] {
  if (authors === undefined || inputs === undefined) {
    return [
      notChecked(
        'anonymity',
        { fr: 'Indices d’anonymat', en: 'Anonymity hints' },
        { fr: 'auteurs ou document non fournis', en: 'authors or document not given' },
      ),
    ];
  }
  const findings: Finding[] = [];
  // The text is folded once, whatever the number of authors (it is the whole manuscript).
  const folded = {
    creator: inputs.creator === undefined ? undefined : fold(inputs.creator),
    lastModifiedBy: inputs.lastModifiedBy === undefined ? undefined : fold(inputs.lastModifiedBy),
    text: inputs.text === undefined ? undefined : fold(inputs.text),
  };
  // Very short surnames (« Li », « Ba ») would match ordinary words: they are left out.
  for (const surname of new Set(authors.map((a) => a.surname.trim()).filter((s) => s.length >= 3))) {
    const where = (['creator', 'lastModifiedBy'] as const).filter(
      (key) => folded[key] !== undefined && occurrences(folded[key] ?? '', surname) > 0,
    );
    if (where.length > 0) findings.push(inProperties(surname, where));
    const count = folded.text === undefined ? 0 : occurrences(folded.text, surname);
    if (count > 0) findings.push(inText(surname, count));
  }
  return findings;
}

function inProperties(surname: string, where: ReadonlyArray<keyof typeof PROPERTY_NAMES>): Finding {
  const fr = where.map((k) => PROPERTY_NAMES[k].fr).join(', ');
  const en = where.map((k) => PROPERTY_NAMES[k].en).join(', ');
  return finding(
    'anonymity.name_in_properties',
    'info',
    msg(
      `Le nom ${quoteFr(surname)} figure dans les propriétés du fichier (${fr}).`,
      `The name “${surname}” appears in the file’s properties (${en}).`,
    ),
    msg(
      'Pour l’évaluation anonyme, la rédaction retire ces informations. Vous pouvez aussi le faire dans Word : Fichier > Informations > Vérifier la présence de problèmes > Inspecter le document.',
      'For anonymous review, the editors remove this information. You can also do it in Word: File > Info > Check for Issues > Inspect Document.',
    ),
    { properties: where.length },
  );
}

function inText(surname: string, count: number): Finding {
  return finding(
    'anonymity.name_in_text',
    'info',
    msg(
      `Le nom ${quoteFr(surname)} apparaît ${count} fois dans le texte.`,
      `The name “${surname}” appears ${count} time${count > 1 ? 's' : ''} in the text.`,
    ),
    msg(
      'Rien à faire de votre part : la rédaction prépare la version anonyme destinée aux relecteurs.',
      'Nothing to do on your side: the editors prepare the anonymised copy for the reviewers.',
    ),
    { occurrences: count },
  );
}
