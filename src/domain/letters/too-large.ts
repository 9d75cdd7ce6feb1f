import type { Lang } from '../shared/message.js';
import { bilingualDocument } from './bilingual.js';
import { type Block, heading, type LetterDocument, type Line, link, list, paragraph } from './document.js';
import type { TooLargeLetter } from './model.js';
import { deadlineLine } from './next-steps.js';
import { greeting, signature } from './sections.js';
import { fileSize, fr, issueTitle, pick, receivedWhen } from './words.js';

/**
 * A message too large for the mailbox. It was never read, so we do not know its language: the
 * letter is in French, then in English. It says what happened in plain words (nothing of it was
 * kept, so nothing is submitted) and the three ways to send the text again, the lightest first.
 */

function whatHappened(letter: TooLargeLetter, lang: Lang): Block {
  const { call } = letter;
  const when = receivedWhen(letter.receivedAt, call, lang);
  const size = fileSize(letter.size, lang);
  const max = fileSize(letter.maxBytes, lang);
  return paragraph(
    pick(
      lang,
      fr`Votre message du ${when} n’a pas pu être reçu : il pèse ${size}, et notre boîte aux lettres ne reçoit pas les messages de plus de ${max}, pièces jointes comprises.`,
      `Your message of ${when} could not be received: it weighs ${size}, and our mailbox does not take messages over ${max}, attachments included.`,
    ),
    pick(
      lang,
      fr`Nous ne l’avons pas enregistré : votre proposition n’est pas encore déposée.`,
      'We have not recorded it: your proposal is not submitted yet.',
    ),
  );
}

function howToSend(letter: TooLargeLetter, lang: Lang): Block[] {
  const { call } = letter;
  const alone =
    call.submissionAddress === undefined
      ? pick(
          lang,
          fr`Envoyez le fichier Word de votre texte seul : répondez à ce message et joignez-y ce fichier, sans autre pièce jointe.`,
          'Send the Word file of your text on its own: reply to this message and attach that file, with no other attachment.',
        )
      : pick(
          lang,
          fr`Envoyez le fichier Word de votre texte seul : répondez à ce message (ou écrivez à ${call.submissionAddress}) et joignez-y ce fichier, sans autre pièce jointe.`,
          `Send the Word file of your text on its own: reply to this message (or write to ${call.submissionAddress}) and attach that file, with no other attachment.`,
        );
  const lighter = pick(
    lang,
    fr`Si ce fichier est lourd, allégez-le : retirez-en les images (photos, illustrations), puis enregistrez-le. Sans images, un texte pèse en général moins de 1 Mo.`,
    'If that file is large, make it lighter: remove the pictures (photos, illustrations), then save it. Without pictures, a text usually weighs less than 1 MB.',
  );
  const steps: (string | Line[])[] = [alone, lighter];
  if (letter.formUrl !== undefined) {
    steps.push([
      [
        pick(
          lang,
          fr`Vous pouvez aussi déposer votre texte sur notre formulaire en ligne : `,
          'You can also submit your text on our online form: ',
        ),
        link(letter.formUrl),
      ],
    ]);
  }
  return [heading(pick(lang, 'Comment faire', 'What to do')), list(steps)];
}

function inOneLanguage(letter: TooLargeLetter, lang: Lang): Block[] {
  return [
    greeting(lang, letter.greetingName),
    whatHappened(letter, lang),
    ...howToSend(letter, lang),
    deadlineLine(letter.call, letter.receivedAt, lang),
    signature(letter.call, lang),
  ];
}

export function tooLargeDocument(letter: TooLargeLetter): LetterDocument {
  const { call } = letter;
  return bilingualDocument(
    {
      fr: fr`Votre message pour ${issueTitle(call, 'fr')} est trop lourd`,
      en: `Your message for ${issueTitle(call, 'en')} is too large`,
    },
    (lang) => inOneLanguage(letter, lang),
  );
}
