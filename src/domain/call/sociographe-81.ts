import { SOCIOGRAPHE_81_MANUSCRIPT_RULES } from './manuscript-rules.js';
import type { Call } from './schema.js';

/**
 * The embedded default call: Sociographe no. 81, built from the facts listed in
 * shared/seed/README.md. The summary and the lines of inquiry are our own words.
 *
 * The submission address printed in the published call is garbled (its local part is in Cyrillic
 * letters), so it is not carried here rather than guessed: `channels.email` is left out and a
 * deployment sets its own intake address in its call file.
 */
export const SOCIOGRAPHE_81: Call = {
  version: 1,
  id: 'sociographe-81',
  journal: 'Sociographe',
  issue: 81,
  theme: 'Impacts du numérique en travail social',
  summary:
    'Les outils numériques, des plus simples aux plus élaborés, transforment le travail social. ' +
    'Ce numéro interroge ce qu’ils changent à l’accompagnement, à l’accès aux droits des personnes ' +
    'éloignées du numérique et à la conduite des politiques sociales, à la lumière de ce que la crise ' +
    'sanitaire a accéléré.',
  axes: [
    {
      id: 'relation-accompagnement',
      title: 'La relation d’accompagnement, du face-à-face à la distance',
      summary:
        'Ce que l’usage courant des outils numériques fait à la relation d’aide et à la médiation éducative.',
    },
    {
      id: 'culture-numerique',
      title: 'Culture numérique et accès aux droits',
      summary:
        'Comment les personnes qui ne maîtrisent pas le numérique s’en approprient les outils et font valoir ' +
        'leurs droits face à la dématérialisation ; ce que font sur le terrain les acteurs de l’inclusion numérique.',
    },
    {
      id: 'gouvernance',
      title: 'Gouvernance du travail social : plateformes et algorithmes',
      summary:
        'Les plateformes et les algorithmes risquent-ils d’uniformiser les parcours et de se substituer aux ' +
        'professionnels ? Quelle place pour une éthique du numérique au service des personnes ?',
    },
  ],
  coordinators: [
    {
      name: 'Alexis Mombelet',
      role: 'membre du comité de rédaction, formateur à l’IRTS de Montrouge',
      email: 'amombelet@irtsidf9293.eu',
    },
    {
      name: 'Jean-Marc Glénat',
      role: 'membre du comité de rédaction, formateur à l’IFME de Nîmes',
      email: 'Jean-marc.glenat@ifme.fr',
    },
  ],
  publication: { year: 2023, month: 3 },
  deadline: { date: '2022-09-01', timeZone: 'Europe/Paris', graceMinutes: 0, extensions: [] },
  channels: { web: 'https://www.sociographe.org' },
  manuscript: SOCIOGRAPHE_81_MANUSCRIPT_RULES,
  notesCount: true,
  contactDetails: { phone: true, postalAddress: true },
  authors: {
    naturalPersonsOnly: true,
    singleContact: true,
    order: 'alphabetical',
    authorsMayChooseOrder: true,
  },
  consents: { onlinePublication: true, freeOfCharge: true },
  contract: {
    required: true,
    terms: {
      fr: 'Les manuscrits et documents sont remis à titre gracieux ; la publication est soumise à un contrat d’édition.',
      en: 'Manuscripts and documents are given free of charge; publication is subject to a publishing contract.',
    },
  },
  languages: ['fr'],
  houseStyle: [
    {
      id: 'site-recommendations',
      kind: 'reminder',
      label: {
        fr: 'Les autres recommandations de présentation sont sur le site du Sociographe (www.sociographe.org).',
        en: 'The journal’s other house-style recommendations are on the Sociographe website (www.sociographe.org).',
      },
      severity: 'info',
    },
  ],
  reminders: { completion: true },
};
