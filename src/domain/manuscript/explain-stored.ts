import { type Finding, finding } from '../shared/finding.js';
import { formatNumber as n } from '../shared/message.js';
import type { Manuscript } from './model.js';

const WORD = /microsoft (office )?word|microsoft macintosh word/i;

/**
 * The figure the file itself stores is what many authors quote, and it is usually not the dialog's
 * figure: Word stores its raw story length − 1 (paragraph marks and field codes included, notes
 * left out), other programs store stale or template values. We report it, never judge on it,
 * and say in plain words where the gap comes from.
 */
export function explainStoredFigure(manuscript: Manuscript): Finding[] {
  const stored = manuscript.facts.stored;
  const ours = manuscript.counts.signes.total;
  if (!stored || stored.charactersWithSpaces === null) return [];
  const figure = stored.charactersWithSpaces;
  const app = stored.application ?? '?';
  const data = { stored: figure, counted: ours, application: app };
  if (figure === ours) {
    return [
      finding(
        'STORED_FIGURE_MATCHES',
        'info',
        {
          fr: `Le chiffre enregistré dans le fichier (${n(figure, 'fr')} signes) est le même que le nôtre.`,
          en: `The figure stored in the file (${n(figure, 'en')} characters) is the same as ours.`,
        },
        undefined,
        data,
      ),
    ];
  }
  const reasons = WORD.test(app) ? wordReasons(manuscript) : null;
  const because = reasons
    ? {
        fr: reasons.fr.length > 0 ? ` Ce chiffre de Word compte aussi ${reasons.fr.join(', ')}.` : '',
        en: reasons.en.length > 0 ? ` Word’s stored figure also counts ${reasons.en.join(', ')}.` : '',
      }
    : {
        fr: ` Il a été écrit par « ${app} », qui ne le met pas toujours à jour.`,
        en: ` It was written by “${app}”, which does not always keep it up to date.`,
      };
  return [
    finding(
      'STORED_FIGURE_DIFFERS',
      'info',
      {
        fr: `Le fichier indique ${n(figure, 'fr')} signes ; le décompte visible, celui de la boîte « Statistiques » de Word, est de ${n(ours, 'fr')}.${because.fr}`,
        en: `The file says ${n(figure, 'en')} characters; the visible count, the one Word’s “Word Count” box shows, is ${n(ours, 'en')}.${because.en}`,
      },
      {
        fr: 'Rien à faire : c’est le décompte visible qui compte. Vous pouvez le vérifier dans Word (« Révision » > « Statistiques »).',
        en: 'Nothing to do: the visible count is the one that matters. You can check it in Word (“Review” > “Word Count”).',
      },
      data,
    ),
  ];
}

function wordReasons(manuscript: Manuscript): { fr: string[]; en: string[] } {
  const { leftOut, signes } = manuscript.counts;
  const fr: string[] = [];
  const en: string[] = [];
  const add = (count: number, frText: string, enText: string) => {
    if (count <= 0) return;
    fr.push(`${n(count, 'fr')} ${frText}`);
    en.push(`${n(count, 'en')} ${enText}`);
  };
  add(leftOut.paragraphMarks, 'marques de paragraphe', 'paragraph marks');
  add(
    leftOut.fieldCodeChars,
    'signes de codes de champ (citations Zotero, renvois…)',
    'characters of field codes (Zotero citations, cross-references…)',
  );
  add(
    leftOut.deletedChars,
    'signes supprimés en suivi des modifications',
    'characters deleted with tracked changes',
  );
  add(leftOut.hiddenChars, 'signes de texte masqué', 'characters of hidden text');
  const subdocs = signes.notes + signes.textboxes;
  if (manuscript.counts.subdocsIncluded && subdocs > 0) {
    fr.push(`mais pas les ${n(subdocs, 'fr')} signes des notes et zones de texte`);
    en.push(`but not the ${n(subdocs, 'en')} characters of notes and text boxes`);
  }
  return { fr, en };
}
