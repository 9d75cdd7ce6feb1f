import { type Finding, finding } from '../shared/finding.js';
import { formatNumber as n } from '../shared/message.js';
import type { Manuscript } from './model.js';

/**
 * What the file itself tells authors and coordinators, beyond its length: comments and pending
 * changes to clean up, what was left out of the count and why. Warnings here never fail a rule.
 */
export function fileFindings(m: Manuscript): Finding[] {
  return [
    ...countScope(m),
    ...approximate(m),
    ...pendingChanges(m),
    ...hidden(m),
    ...comments(m),
    ...macros(m),
    ...leftOutParts(m),
  ];
}

function countScope(m: Manuscript): Finding[] {
  const { signes, subdocsIncluded, leftOut } = m.counts;
  const sub = signes.notes + signes.textboxes;
  if (sub === 0) return [];
  if (subdocsIncluded) {
    const parts = { fr: [] as string[], en: [] as string[] };
    if (signes.notes > 0) {
      parts.fr.push(`les notes (${n(signes.notes, 'fr')} signes)`);
      parts.en.push(`notes (${n(signes.notes, 'en')} characters)`);
    }
    if (signes.textboxes > 0) {
      parts.fr.push(`les zones de texte (${n(signes.textboxes, 'fr')} signes)`);
      parts.en.push(`text boxes (${n(signes.textboxes, 'en')} characters)`);
    }
    return [
      finding(
        'NOTES_COUNTED',
        'info',
        {
          fr: `Le décompte inclut ${parts.fr.join(' et ')}, comme la boîte « Statistiques » de Word quand la case « Inclure les zones de texte, notes de bas de page et notes de fin » est cochée.`,
          en: `The count includes ${parts.en.join(' and ')}, as Word’s “Word Count” box does when “Include textboxes, footnotes and endnotes” is ticked.`,
        },
        undefined,
        { notes: signes.notes, textboxes: signes.textboxes },
      ),
    ];
  }
  return [
    finding(
      'NOTES_NOT_COUNTED',
      'warning',
      {
        fr: `Votre fichier demande à Word de ne pas compter les notes et zones de texte : ${n(leftOut.subdocChars, 'fr')} signes n’ont pas été comptés.`,
        en: `Your file asks Word not to count notes and text boxes: ${n(leftOut.subdocChars, 'en')} characters were not counted.`,
      },
      {
        fr: 'Dans Word, « Révision » > « Statistiques », cochez « Inclure les zones de texte, notes de bas de page et notes de fin » et vérifiez que le total reste dans la fourchette demandée.',
        en: 'In Word, “Review” > “Word Count”, tick “Include textboxes, footnotes and endnotes” and check that the total stays within the requested range.',
      },
      { notCounted: leftOut.subdocChars },
    ),
  ];
}

function approximate(m: Manuscript): Finding[] {
  if (!m.counts.approximate) return [];
  return [
    finding(
      'COUNT_APPROXIMATE',
      'warning',
      {
        fr: 'Ce fichier est au format Word 97-2003 (.doc) : notre décompte est approché. Nous écartons le texte supprimé (modifications suivies) et le texte masqué par une mise en forme directe, mais pas le texte masqué au moyen d’un style : s’il y en a, il est compté en trop.',
        en: 'This file is in the Word 97-2003 format (.doc): our count is approximate. We leave out deleted text (tracked changes) and text hidden by direct formatting, but not text hidden through a style: if there is any, it is counted when it should not be.',
      },
      {
        fr: 'Pour un décompte exact, ouvrez-le dans Word, choisissez « Enregistrer sous » > « Document Word (.docx) » et envoyez ce fichier.',
        en: 'For an exact count, open it in Word, choose “Save as” > “Word Document (.docx)” and send that file.',
      },
    ),
  ];
}

function pendingChanges(m: Manuscript): Finding[] {
  const { insertions, deletions, moves } = m.facts.trackedChanges;
  const total = insertions + deletions + moves;
  if (total === 0) return [];
  return [
    finding(
      'TRACKED_CHANGES_PENDING',
      'warning',
      {
        fr: `Votre fichier contient ${n(total, 'fr')} modifications suivies non acceptées. Nous avons compté le texte comme si elles étaient acceptées.`,
        en: `Your file contains ${n(total, 'en')} tracked changes not yet accepted. We counted the text as if they were accepted.`,
      },
      {
        fr: 'Dans Word, onglet « Révision » > « Accepter » > « Accepter toutes les modifications », puis enregistrez et renvoyez le fichier.',
        en: 'In Word, “Review” tab > “Accept” > “Accept All Changes”, then save and send the file again.',
      },
      { insertions, deletions, moves, deletedChars: m.counts.leftOut.deletedChars },
    ),
  ];
}

function hidden(m: Manuscript): Finding[] {
  const chars = m.counts.leftOut.hiddenChars;
  if (chars === 0) return [];
  return [
    finding(
      'HIDDEN_TEXT',
      'warning',
      {
        fr: `Votre fichier contient ${n(chars, 'fr')} signes de texte masqué, que nous n’avons pas comptés.`,
        en: `Your file contains ${n(chars, 'en')} characters of hidden text, which we did not count.`,
      },
      {
        fr: 'Affichez le texte masqué (« Accueil » > bouton ¶), supprimez-le ou rendez-le visible, puis renvoyez le fichier.',
        en: 'Show hidden text (“Home” > ¶ button), delete it or make it visible, then send the file again.',
      },
      { hiddenChars: chars },
    ),
  ];
}

function comments(m: Manuscript): Finding[] {
  const count = m.facts.comments;
  if (count === 0) return [];
  return [
    finding(
      'COMMENTS_PRESENT',
      'warning',
      {
        fr: `Votre fichier contient ${n(count, 'fr')} commentaire(s). Ils ne sont pas comptés, mais les relecteurs les verraient.`,
        en: `Your file contains ${n(count, 'en')} comment(s). They are not counted, but reviewers would see them.`,
      },
      {
        fr: 'Dans Word, « Révision » > « Supprimer » > « Supprimer tous les commentaires du document », puis renvoyez le fichier.',
        en: 'In Word, “Review” > “Delete” > “Delete All Comments in Document”, then send the file again.',
      },
      { comments: count },
    ),
  ];
}

function macros(m: Manuscript): Finding[] {
  const { flavour } = m.facts;
  if (!m.facts.macros && flavour === null) return [];
  return [
    finding(
      flavour === 'template' ? 'TEMPLATE_FILE' : 'MACROS_PRESENT',
      'warning',
      flavour === 'template'
        ? {
            fr: 'Ce fichier est un modèle Word (.dotx), pas un document.',
            en: 'This file is a Word template (.dotx), not a document.',
          }
        : {
            fr: 'Ce fichier contient des macros : nous ne les exécutons jamais, mais la rédaction ne peut pas l’ouvrir sans risque.',
            en: 'This file contains macros: we never run them, but the editors cannot open it safely.',
          },
      {
        fr: 'Dans Word, choisissez « Enregistrer sous » > « Document Word (.docx) » et envoyez ce fichier .docx.',
        en: 'In Word, choose “Save as” > “Word Document (.docx)” and send that .docx file.',
      },
    ),
  ];
}

function leftOutParts(m: Manuscript): Finding[] {
  const { leftOut } = m.counts;
  const fr: string[] = [];
  const en: string[] = [];
  if (leftOut.headersFooters) {
    fr.push('les en-têtes et pieds de page');
    en.push('headers and footers');
  }
  if (leftOut.fieldCodeChars > 0) {
    fr.push(
      `${n(leftOut.fieldCodeChars, 'fr')} signes de codes de champ (seul leur résultat visible compte)`,
    );
    en.push(
      `${n(leftOut.fieldCodeChars, 'en')} characters of field codes (only their visible result counts)`,
    );
  }
  if (m.facts.comments > 0) {
    fr.push('les commentaires');
    en.push('comments');
  }
  if (fr.length === 0) return [];
  return [
    finding('LEFT_OUT', 'info', {
      fr: `Non compté, comme dans Word : ${fr.join(', ')}.`,
      en: `Not counted, as in Word: ${en.join(', ')}.`,
    }),
  ];
}
