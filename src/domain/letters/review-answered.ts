import { type LetterDocument, link, paragraph } from './document.js';
import { cleanText, isWebLink } from './escape.js';
import type { ReviewAnsweredLetter } from './model.js';
import { automaticNotice, greeting, signature } from './sections.js';
import { fr, issueTitle, pick } from './words.js';

/**
 * To the coordinator who asked for a review: the reader has given an opinion, or cannot read the
 * text. The opinion itself stays on the desk (sign-in needed): a letter may be forwarded.
 */
export function reviewAnsweredDocument(letter: ReviewAnsweredLetter): LetterDocument {
  const { lang, call, reference } = letter;
  const reader = cleanText(letter.readerName, 200);
  const submitted = letter.outcome === 'submitted';
  return {
    lang,
    subject: submitted
      ? pick(
          lang,
          fr`Avis de relecture reçu : proposition ${reference} (${issueTitle(call, lang)})`,
          `Review received: submission ${reference} (${issueTitle(call, lang)})`,
        )
      : pick(
          lang,
          fr`Relecture déclinée : proposition ${reference} (${issueTitle(call, lang)})`,
          `Review declined: submission ${reference} (${issueTitle(call, lang)})`,
        ),
    blocks: [
      greeting(lang, letter.greetingName),
      paragraph(
        submitted
          ? pick(
              lang,
              fr`${reader} a donné son avis sur la proposition ${reference}. Vous le lirez sur la page de la proposition, au bureau :`,
              `${reader} has given their opinion on submission ${reference}. You will read it on the submission’s page, on the desk:`,
            )
          : pick(
              lang,
              fr`${reader} ne peut pas relire la proposition ${reference}. Vous pouvez demander une relecture à quelqu’un d’autre depuis la page de la proposition :`,
              `${reader} cannot review submission ${reference}. You can ask someone else from the submission’s page:`,
            ),
        isWebLink(letter.deskUrl) ? [link(letter.deskUrl)] : [letter.deskUrl],
      ),
      signature(call, lang),
      automaticNotice(lang),
    ],
  };
}
