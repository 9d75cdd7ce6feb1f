import type { Counts, Manuscript, ManuscriptFormat } from '../manuscript/model.js';
import { type Finding, finding } from '../shared/finding.js';
import { formatNumber as n } from '../shared/message.js';
import type { ManuscriptRules } from './manuscript-rules.js';

/** The format rule: which Word formats this call accepts. */
export function checkFormat(rules: ManuscriptRules, format: ManuscriptFormat): Finding[] {
  if (!rules.formats.includes(format)) {
    return [
      finding(
        'FORMAT_NOT_ACCEPTED',
        'error',
        {
          fr: `Le format .${format} n’est pas accepté pour cet appel.`,
          en: `The .${format} format is not accepted for this call.`,
        },
        {
          fr: 'Dans Word ou LibreOffice, choisissez « Enregistrer sous » > « Document Word (.docx) », puis envoyez ce fichier.',
          en: 'In Word or LibreOffice, choose “Save as” > “Word Document (.docx)”, then send that file.',
        },
        { format },
      ),
    ];
  }
  return [];
}

/** Whether a figure the author cannot reproduce exactly (pending changes, hidden text) is involved. */
function uncertainty(counts: Counts, manuscript: Manuscript): number {
  const { deletedChars, hiddenChars } = counts.leftOut;
  return manuscript.facts.trackedChanges.insertions > 0 || deletedChars > 0
    ? deletedChars + hiddenChars
    : hiddenChars;
}

/**
 * The length window, with DESIGN.md's edge rule: near an edge, or when pending changes or hidden
 * text could move the figure across it, the author is asked to re-check in Word and a coordinator
 * decides. Never a refusal on a figure the author cannot reproduce.
 */
export function checkLength(rules: ManuscriptRules, manuscript: Manuscript): Finding[] {
  const { counts } = manuscript;
  const total = counts.signes.total;
  const margin = counts.approximate ? rules.edgeMargin * 3 : rules.edgeMargin;
  const lowEdge = Math.floor(rules.minSignes * (1 - margin));
  const highEdge = Math.ceil(rules.maxSignes * (1 + margin));
  const spread = uncertainty(counts, manuscript);
  const window = { min: rules.minSignes, max: rules.maxSignes, signes: total };
  const range = {
    fr: `entre ${n(rules.minSignes, 'fr')} et ${n(rules.maxSignes, 'fr')} signes`,
    en: `between ${n(rules.minSignes, 'en')} and ${n(rules.maxSignes, 'en')} characters`,
  };
  if (total === 0) {
    return [
      finding(
        'LENGTH_EMPTY',
        'error',
        { fr: 'Le document ne contient aucun texte.', en: 'The document contains no text.' },
        {
          fr: 'Vérifiez que vous avez joint le bon fichier, puis renvoyez-le.',
          en: 'Check that you attached the right file, then send it again.',
        },
        window,
      ),
    ];
  }
  const inside = total >= rules.minSignes && total <= rules.maxSignes;
  const nearLow =
    total < rules.minSignes ? total >= lowEdge : total < Math.ceil(rules.minSignes * (1 + margin));
  const nearHigh =
    total > rules.maxSignes ? total <= highEdge : total > Math.floor(rules.maxSignes * (1 - margin));
  const crossable =
    spread > 0 &&
    (inside
      ? total - spread < rules.minSignes || total + spread > rules.maxSignes
      : total < rules.minSignes
        ? total + spread >= rules.minSignes
        : total - spread <= rules.maxSignes);
  const counted = {
    fr: `${n(total, 'fr')} signes (espaces compris)`,
    en: `${n(total, 'en')} characters (spaces included)`,
  };

  if (!inside && !nearLow && !nearHigh && !crossable) return [outside(total, rules, counted, range, window)];
  const found: Finding[] = [];
  if (inside) {
    found.push(
      finding(
        'LENGTH_OK',
        'info',
        {
          fr: `Votre manuscrit compte ${counted.fr} : c’est ${range.fr}, comme demandé.`,
          en: `Your manuscript has ${counted.en}: ${range.en}, as asked.`,
        },
        undefined,
        window,
      ),
    );
  }
  if (!inside || nearLow || nearHigh || crossable)
    found.push(nearEdge(rules, counted, range, window, inside));
  return found;
}

function outside(
  total: number,
  rules: ManuscriptRules,
  counted: { fr: string; en: string },
  range: { fr: string; en: string },
  data: Finding['data'],
): Finding {
  const short = total < rules.minSignes;
  const gap = short ? rules.minSignes - total : total - rules.maxSignes;
  return finding(
    short ? 'LENGTH_TOO_SHORT' : 'LENGTH_TOO_LONG',
    'error',
    {
      fr: `Votre manuscrit compte ${counted.fr} ; l’appel demande ${range.fr}.`,
      en: `Your manuscript has ${counted.en}; the call asks for ${range.en}.`,
    },
    short
      ? {
          fr: `Ajoutez au moins ${n(gap, 'fr')} signes, puis renvoyez le fichier.`,
          en: `Add at least ${n(gap, 'en')} characters, then send the file again.`,
        }
      : {
          fr: `Raccourcissez votre texte d’au moins ${n(gap, 'fr')} signes, puis renvoyez le fichier.`,
          en: `Shorten your text by at least ${n(gap, 'en')} characters, then send the file again.`,
        },
    { ...data, gap },
  );
}

function nearEdge(
  rules: ManuscriptRules,
  counted: { fr: string; en: string },
  range: { fr: string; en: string },
  data: Finding['data'],
  inside: boolean,
): Finding {
  return finding(
    'LENGTH_NEAR_EDGE',
    'warning',
    {
      fr: `Votre manuscrit compte ${counted.fr}, tout près de la limite (${range.fr})${inside ? '' : ' : un·e coordinateur·rice du dossier décidera'}.`,
      en: `Your manuscript has ${counted.en}, very close to the limit (${range.en})${inside ? '' : ': an issue coordinator will decide'}.`,
    },
    {
      fr: 'Vérifiez le chiffre dans Word : onglet « Révision » > « Statistiques », ligne « Caractères (espaces compris) », case « Inclure les zones de texte, notes de bas de page et notes de fin » cochée. Acceptez ou refusez d’abord les modifications suivies.',
      en: 'Check the figure in Word: “Review” tab > “Word Count”, line “Characters (with spaces)”, with “Include textboxes, footnotes and endnotes” ticked. Accept or reject tracked changes first.',
    },
    { ...data, min: rules.minSignes, max: rules.maxSignes },
  );
}

/** Format and length: the rules that can be judged from the file alone. */
export function checkManuscript(rules: ManuscriptRules, manuscript: Manuscript): Finding[] {
  return [...checkFormat(rules, manuscript.format), ...checkLength(rules, manuscript)];
}
