import type { CallFacts, LetterInput } from '../../../src/domain/letters/model.js';
import type { Lang } from '../../../src/domain/shared/message.js';

/**
 * Letters for the golden files, built by hand so that the goldens change only when the letters do.
 * Findings copy the shape and wording of the domain's checks (judgeManuscript, checkSubmission).
 */

export const CALL: CallFacts = {
  journal: 'Sociographe',
  issue: 81,
  theme: 'Impacts du numérique en travail social',
  deadline: { date: '2022-09-01', timeZone: 'Europe/Paris' },
  minSignes: 5000,
  maxSignes: 30000,
  formats: ['docx', 'docm', 'dotx', 'dotm', 'doc', 'odt'],
  contactDetails: { phone: true, postalAddress: true },
  submissionAddress: 'appel81@sociographe.example',
};

const FOLLOW = 'https://appel.sociographe.example/suivi/7Hq2xK9vLm3Tz8Wp';
const ON_TIME = '2022-08-25T12:03:00Z';
const LATE = '2022-09-02T07:41:00Z';

const lengthOk = {
  code: 'LENGTH_OK',
  severity: 'info' as const,
  message: {
    fr: 'Votre manuscrit compte 23\u202f456 signes (espaces compris) : c’est entre 5\u202f000 et 30\u202f000 signes, comme demandé.',
    en: 'Your manuscript has 23,456 characters (spaces included): between 5,000 and 30,000 characters, as asked.',
  },
};

const tooShort = {
  code: 'LENGTH_TOO_SHORT',
  severity: 'error' as const,
  message: {
    fr: 'Votre manuscrit compte 3\u202f912 signes (espaces compris) ; l’appel demande entre 5\u202f000 et 30\u202f000 signes.',
    en: 'Your manuscript has 3,912 characters (spaces included); the call asks for between 5,000 and 30,000 characters.',
  },
  fix: {
    fr: 'Ajoutez au moins 1\u202f088 signes, puis renvoyez le fichier.',
    en: 'Add at least 1,088 characters, then send the file again.',
  },
};

const comments = {
  code: 'COMMENTS',
  severity: 'warning' as const,
  message: {
    fr: 'Le fichier contient 3 commentaires.',
    en: 'The file contains 3 comments.',
  },
  fix: {
    fr: 'Supprimez les commentaires avant l’envoi (onglet « Révision » > « Supprimer »).',
    en: 'Delete the comments before sending (“Review” tab > “Delete”).',
  },
};

const notWord = {
  code: 'NOT_A_WORD_FILE',
  severity: 'error' as const,
  message: {
    fr: 'Ce fichier n’est pas un fichier Word\u00a0: c’est un document PDF.',
    en: 'This file is not a Word file: it is a PDF document.',
  },
  fix: {
    fr: 'Ouvrez votre texte dans Word (ou LibreOffice) et choisissez «\u202fEnregistrer sous\u202f» > «\u202fDocument Word (.docx)\u202f», puis envoyez ce fichier .docx.',
    en: 'Open your text in Word (or LibreOffice), choose “Save as” > “Word Document (.docx)”, and send that .docx file.',
  },
};

const onTime = {
  code: 'deadline.on_time',
  severity: 'info' as const,
  message: {
    fr: 'Reçu le jeudi 25 août 2022 à 14\u00a0h\u00a003 (heure de Paris), dans les délais (date limite\u00a0: jeudi 1er septembre 2022 inclus).',
    en: 'Received on Thursday 25 August 2022 at 14:03 (Paris time), on time (deadline: Thursday 1 September 2022, inclusive).',
  },
};

const phoneMissing = {
  code: 'contact.phone_missing',
  severity: 'error' as const,
  message: { fr: 'Aucun numéro de téléphone n’est indiqué.', en: 'No phone number is given.' },
  fix: { fr: 'Indiquez un numéro de téléphone.', en: 'Give a phone number.' },
};

const notChecked = {
  code: 'consents.not_checked',
  severity: 'info' as const,
  message: { fr: 'Autorisations\u00a0: non vérifié.', en: 'Consents: not checked.' },
  data: { notChecked: true },
};

/** Each golden case: a name and the letter in one language. */
export function goldenCases(lang: Lang): Array<{ name: string; letter: LetterInput }> {
  const base = { lang, call: CALL, receivedAt: ON_TIME };
  return [
    {
      name: 'receipt-clean',
      letter: {
        ...base,
        kind: 'receipt',
        greetingName: 'Camille Durand',
        files: [{ name: 'numerique-et-accompagnement.docx', bytes: 48_213 }],
        manuscripts: [
          {
            fileName: 'numerique-et-accompagnement.docx',
            verdict: 'pass',
            signes: 23_456,
            findings: [lengthOk],
          },
        ],
        submissionFindings: [onTime],
        followUrl: FOLLOW,
        reference: 'S81-0007',
      },
    },
    {
      name: 'receipt-to-complete',
      letter: {
        ...base,
        kind: 'receipt',
        files: [
          { name: 'article court.docx', bytes: 21_004 },
          { name: 'article.pdf', bytes: 1_288_490 },
          { name: 'signature.png', bytes: 812 },
        ],
        manuscripts: [
          { fileName: 'article court.docx', verdict: 'fail', signes: 3912, findings: [tooShort, comments] },
          { fileName: 'article.pdf', verdict: 'unreadable', signes: null, findings: [notWord] },
        ],
        submissionFindings: [onTime, phoneMissing, notChecked],
        missing: ['phone', 'postalAddress', 'consentOnlinePublication'],
        followUrl: FOLLOW,
      },
    },
    {
      name: 'no-manuscript',
      letter: {
        ...base,
        kind: 'no-manuscript',
        greetingName: 'Dominique Martin',
        files: [{ name: 'logo-association.jpg', bytes: 35_840 }],
      },
    },
    {
      name: 'late',
      letter: {
        ...base,
        kind: 'late',
        receivedAt: LATE,
        files: [{ name: 'proposition.docx', bytes: 52_117 }],
        followUrl: FOLLOW,
        reference: 'S81-0031',
      },
    },
    {
      name: 'new-version',
      letter: {
        ...base,
        kind: 'new-version',
        receivedAt: '2022-08-30T16:20:00Z',
        versionNumber: 2,
        title: 'Le numérique à l’épreuve de l’accompagnement',
        files: [{ name: 'article-v2.docx', bytes: 49_877 }],
        manuscripts: [
          { fileName: 'article-v2.docx', verdict: 'pass', signes: 23_456, findings: [lengthOk, comments] },
        ],
        followUrl: FOLLOW,
        reference: 'S81-0007',
      },
    },
    {
      name: 'follow-link-again',
      letter: {
        ...base,
        kind: 'follow-link-again',
        greetingName: 'Camille Durand',
        title: 'Le numérique à l’épreuve de l’accompagnement',
        followUrl: FOLLOW,
      },
    },
    {
      name: 'completion-reminder',
      letter: {
        ...base,
        kind: 'completion-reminder',
        greetingName: 'Camille Durand',
        title: 'Le numérique à l’épreuve de l’accompagnement',
        missing: ['phone', 'consentFreeOfCharge'],
        followUrl: FOLLOW,
        reference: 'S81-0007',
      },
    },
    {
      name: 'decision-accept',
      letter: {
        lang,
        call: CALL,
        kind: 'decision',
        decision: 'accept',
        greetingName: 'Camille Durand',
        title: 'Le numérique à l’épreuve de l’accompagnement',
        note: 'Le comité a beaucoup aimé la deuxième partie.\nMerci de relire les citations de la page 4.',
        linkRequestUrl: 'https://appel.sociographe.example/suivi',
      },
    },
    {
      name: 'decision-revisions',
      letter: {
        lang,
        call: CALL,
        kind: 'decision',
        decision: 'request_revisions',
        greetingName: 'Camille Durand',
        title: 'Le numérique à l’épreuve de l’accompagnement',
        note: 'Trois points à reprendre :\n- raccourcir l’introduction ;\n- préciser le terrain.\n\nNous attendons la nouvelle version avant le 15 octobre.',
        linkRequestUrl: 'https://appel.sociographe.example/suivi',
      },
    },
    {
      name: 'decision-decline',
      letter: {
        lang,
        call: CALL,
        kind: 'decision',
        decision: 'decline',
        title: 'Le numérique à l’épreuve de l’accompagnement',
        linkRequestUrl: 'https://appel.sociographe.example/suivi',
      },
    },
    {
      name: 'decision-with-reviews',
      letter: {
        lang,
        call: CALL,
        kind: 'decision',
        decision: 'request_revisions',
        greetingName: 'Camille Durand',
        title: 'Le numérique à l’épreuve de l’accompagnement',
        readerComments: [
          'Un terrain riche : l’analyse gagnerait à citer les personnes accompagnées.\n\nLa conclusion reste à écrire.',
          'Texte clair ; la deuxième partie répète la première.',
        ],
        linkRequestUrl: 'https://appel.sociographe.example/suivi',
      },
    },
    {
      // Declined, with a reader's annotated text on the author's page: the letter says where.
      name: 'decision-decline-reader-file',
      letter: {
        lang,
        call: CALL,
        kind: 'decision',
        decision: 'decline',
        greetingName: 'Camille Durand',
        title: 'Le numérique à l’épreuve de l’accompagnement',
        readerComments: ['Le sujet est hors de l’appel.'],
        readerFiles: 1,
        linkRequestUrl: 'https://appel.sociographe.example/suivi',
      },
    },
    {
      // A reader answered the request by e-mail: one file kept, one refused.
      name: 'reader-reply',
      letter: {
        lang,
        call: CALL,
        kind: 'reader-reply',
        greetingName: 'Paul Lecteur',
        reference: '3f9a1c2e',
        kept: ['texte annoté.docx'],
        refused: [
          {
            name: 'photo.jpg',
            reason:
              lang === 'fr'
                ? 'Envoyez le texte annoté en document Word (.docx), LibreOffice (.odt) ou en PDF.'
                : 'Send the annotated text as a Word (.docx) or LibreOffice (.odt) document, or as a PDF.',
          },
        ],
      },
    },
    {
      name: 'reader-reply-closed',
      letter: {
        lang,
        call: CALL,
        kind: 'reader-reply',
        reference: '3f9a1c2e',
        closed: true,
        coordinators: [{ name: 'Alexis Mombelet', email: 'alexis.mombelet@exemple.fr' }],
      },
    },
    {
      name: 'review-request',
      letter: {
        lang,
        call: CALL,
        kind: 'review-request',
        greetingName: 'Paul Lecteur',
        reference: '3f9a1c2e',
        axis: 'Les pratiques professionnelles à l’épreuve du numérique',
        signes: 23_456,
        dueOn: '2022-10-15',
        note: 'Merci de regarder surtout la partie méthode !',
        askedBy: 'Claire Petit',
        reviewUrl: 'https://appel.sociographe.example/relecture/kX9fQ2mZ7rT4vB8nW1yH3jL6pD0sA5cE-uG2iO9eR4t',
      },
    },
    {
      name: 'review-reminder',
      letter: {
        lang,
        call: CALL,
        kind: 'review-request',
        greetingName: 'Paul Lecteur',
        reference: '3f9a1c2e',
        signes: 23_456,
        dueOn: '2022-10-15',
        remindsOf: '2022-09-20',
        reviewUrl: 'https://appel.sociographe.example/relecture/pQ7rS2tU9vW4xY8zA1bC3dE6fG0hJ5kL-mN2oP9qR4s',
      },
    },
    {
      name: 'review-answered',
      letter: {
        lang,
        call: CALL,
        kind: 'review-answered',
        greetingName: 'Claire Petit',
        reference: '3f9a1c2e',
        readerName: 'Paul Lecteur',
        outcome: 'submitted',
        deskUrl: 'https://appel.sociographe.example/bureau/propositions/3f9a1c2e-0000-4000-8000-000000000000',
      },
    },
    {
      name: 'review-declined',
      letter: {
        lang,
        call: CALL,
        kind: 'review-answered',
        reference: '3f9a1c2e',
        readerName: 'Paul Lecteur',
        outcome: 'declined',
        deskUrl: 'https://appel.sociographe.example/bureau/propositions/3f9a1c2e-0000-4000-8000-000000000000',
      },
    },
    {
      name: 'review-file-added',
      letter: {
        lang,
        call: CALL,
        kind: 'review-answered',
        greetingName: 'Claire Petit',
        reference: '3f9a1c2e',
        readerName: 'Paul Lecteur',
        outcome: 'file-added',
        deskUrl: 'https://appel.sociographe.example/bureau/propositions/3f9a1c2e-0000-4000-8000-000000000000',
      },
    },
    {
      name: 'contract-sent',
      letter: {
        lang,
        call: CALL,
        kind: 'contract-sent',
        greetingName: 'Camille Durand',
        title: 'Le numérique à l’épreuve de l’accompagnement',
        followUrl: FOLLOW,
      },
    },
    {
      name: 'contract-returned',
      letter: {
        lang,
        call: CALL,
        kind: 'contract-returned',
        greetingName: 'Claire Petit',
        reference: '3f9a1c2e',
        deskUrl: 'https://appel.sociographe.example/bureau/propositions/3f9a1c2e-0000-4000-8000-000000000000',
      },
    },
    {
      name: 'invitation',
      letter: {
        lang,
        call: CALL,
        kind: 'invitation',
        greetingName: 'Claire Petit',
        invitedBy: 'Jean-Marc Laurent',
        role: 'committee',
        url: 'https://appel.example.org/compte/activation/kX9fQ2mZ7rT4vB8nW1yH3jL6pD0sA5cE-uG2iO9eR4t',
        expiresAt: '2022-06-08T10:00:00Z',
      },
    },
  ];
}
