import type { LetterDocument } from './document.js';
import { paragraph } from './document.js';
import type { LateLetter } from './model.js';
import { automaticNotice, followLink, greeting, receivedFiles, signature } from './sections.js';
import { callLine, deadlineDay, fr, issueTitle, pick, receivedWhen } from './words.js';

/**
 * A proposal that arrived after the deadline: recorded like any other, and the coordinators decide
 * whether to take it. The note says both, without blame and without a promise.
 */
export function lateSubmissionDocument(letter: LateLetter): LetterDocument {
  const { lang, call } = letter;
  const when = receivedWhen(letter.receivedAt, call, lang);
  const day = deadlineDay(call, lang);
  return {
    lang,
    subject: pick(
      lang,
      fr`Proposition reçue après la date limite : ${issueTitle(call, lang)}`,
      `Proposal received after the deadline: ${issueTitle(call, lang)}`,
    ),
    blocks: [
      greeting(lang, letter.greetingName),
      paragraph(
        pick(
          lang,
          fr`Nous avons bien reçu votre message du ${when}, avec votre proposition pour ${callLine(call, lang)}.`,
          `We have received your message of ${when}, with your proposal for ${callLine(call, lang)}.`,
        ),
      ),
      paragraph(
        pick(
          lang,
          fr`La date limite de dépôt était le ${day} inclus : votre proposition est arrivée après cette date.`,
          `The submission deadline was ${day} inclusive: your proposal arrived after that date.`,
        ),
        pick(
          lang,
          fr`Elle est bien enregistrée : rien n’est perdu. Les coordinateurs du dossier décideront s’ils peuvent encore la prendre en compte, et nous vous écrirons pour vous le dire.`,
          'It is recorded all the same: nothing is lost. The issue coordinators will decide whether they can still consider it, and we will write to let you know.',
        ),
      ),
      ...receivedFiles(letter.files, lang),
      ...followLink(lang, letter.followUrl, letter.reference),
      signature(call, lang),
      automaticNotice(lang),
    ],
  };
}
