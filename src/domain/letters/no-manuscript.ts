import type { Block, LetterDocument } from './document.js';
import { heading, list, paragraph } from './document.js';
import type { NoManuscriptLetter } from './model.js';
import { deadlineLine } from './next-steps.js';
import { automaticNotice, greeting, receivedFiles, signature } from './sections.js';
import { acceptedFormats, callLine, fr, issueTitle, lengthWindow, pick, receivedWhen } from './words.js';

/**
 * A message without a manuscript: often the file was forgotten, or the message is a question.
 * The reply says what to send and how, step by step, for people who rarely attach files.
 */

function howToSend(letter: NoManuscriptLetter): Block[] {
  const { lang, call } = letter;
  const steps: string[] = [
    pick(
      lang,
      `Enregistrez votre texte au format ${acceptedFormats(call, lang)}.`,
      `Save your text as ${acceptedFormats(call, lang)}.`,
    ),
    call.submissionAddress === undefined
      ? pick(
          lang,
          fr`Répondez à ce message et joignez-y le fichier : dans votre messagerie, cherchez le bouton « Joindre » ou le trombone.`,
          'Reply to this message and attach the file: in your e-mail program, look for the “Attach” button or the paper clip.',
        )
      : pick(
          lang,
          fr`Répondez à ce message (ou écrivez à ${call.submissionAddress}) et joignez-y le fichier : dans votre messagerie, cherchez le bouton « Joindre » ou le trombone.`,
          `Reply to this message (or write to ${call.submissionAddress}) and attach the file: in your e-mail program, look for the “Attach” button or the paper clip.`,
        ),
  ];
  const details = [
    ...(call.contactDetails.phone ? [pick(lang, 'votre numéro de téléphone', 'your phone number')] : []),
    ...(call.contactDetails.postalAddress
      ? [pick(lang, 'votre adresse postale', 'your postal address')]
      : []),
  ];
  if (details.length > 0) {
    const both = details.join(pick(lang, ' et ', ' and '));
    steps.push(pick(lang, `Indiquez dans votre message ${both}.`, `Write ${both} in your message.`));
  }
  steps.push(
    pick(
      lang,
      fr`Le texte doit compter ${lengthWindow(call, lang)}, espaces compris (dans Word : onglet « Révision » > « Statistiques »).`,
      `The text must have ${lengthWindow(call, lang)}, spaces included (in Word: “Review” tab > “Word Count”).`,
    ),
  );
  return [heading(pick(lang, 'Comment envoyer votre manuscrit', 'How to send your manuscript')), list(steps)];
}

export function noManuscriptDocument(letter: NoManuscriptLetter): LetterDocument {
  const { lang, call } = letter;
  const when = receivedWhen(letter.receivedAt, call, lang);
  const why =
    letter.files.length === 0
      ? pick(
          lang,
          fr`Nous n’y avons pas trouvé de manuscrit : le message ne contient aucune pièce jointe.`,
          'We found no manuscript in it: the message has no attachment.',
        )
      : pick(
          lang,
          fr`Nous n’y avons pas trouvé de manuscrit : aucune pièce jointe n’est un texte que nous pouvons lire.`,
          'We found no manuscript in it: none of the attachments is a text we can read.',
        );
  return {
    lang,
    subject: pick(
      lang,
      fr`Votre message pour ${issueTitle(call, lang)} : aucun manuscrit trouvé`,
      `Your message for ${issueTitle(call, lang)}: no manuscript found`,
    ),
    blocks: [
      greeting(lang, letter.greetingName),
      paragraph(
        pick(
          lang,
          fr`Nous avons bien reçu votre message du ${when}, au sujet de l’appel pour ${callLine(call, lang)}. Merci de votre intérêt.`,
          `We have received your message of ${when}, about the call for ${callLine(call, lang)}. Thank you for your interest.`,
        ),
        why,
      ),
      ...receivedFiles(letter.files, lang, pick(lang, 'Pièces jointes reçues', 'Attachments received')),
      ...howToSend(letter),
      deadlineLine(call, letter.receivedAt, lang),
      paragraph(
        pick(
          lang,
          fr`Si vous pensiez avoir joint votre manuscrit, il s’est peut-être perdu en route : renvoyez-le simplement. Si votre message était une question, une personne de la rédaction vous répondra.`,
          'If you thought you had attached your manuscript, it may have been lost on the way: simply send it again. If your message was a question, a member of the editorial team will answer it.',
        ),
      ),
      signature(call, lang),
      automaticNotice(lang),
    ],
  };
}
