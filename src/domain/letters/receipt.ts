import type { LetterDocument } from './document.js';
import { paragraph } from './document.js';
import { judgedLetterBlocks, subjectSuffix } from './judged.js';
import type { ReceiptLetter } from './model.js';
import { callLine, fr, issueTitle, pick, receivedWhen } from './words.js';

/** The first reply to a submission: what arrived, how it measures up, what to do next. */
export function receiptDocument(letter: ReceiptLetter): LetterDocument {
  const { lang, call } = letter;
  const when = receivedWhen(letter.receivedAt, call, lang);
  return {
    lang,
    subject:
      pick(
        lang,
        fr`Accusé de réception : votre proposition pour ${issueTitle(call, lang)}`,
        `Receipt: your proposal for ${issueTitle(call, lang)}`,
      ) + subjectSuffix(letter, lang),
    blocks: judgedLetterBlocks(letter, [
      paragraph(
        pick(
          lang,
          fr`Nous avons bien reçu votre message du ${when}, pour ${callLine(call, lang)}. Merci de votre proposition.`,
          `We have received your message of ${when}, for ${callLine(call, lang)}. Thank you for your proposal.`,
        ),
      ),
    ]),
  };
}
