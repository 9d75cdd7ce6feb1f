import { type LetterDocument, link, paragraph } from './document.js';
import { cleanText, isWebLink } from './escape.js';
import type { ReviewAnsweredLetter } from './model.js';
import { automaticNotice, greeting, signature } from './sections.js';
import { fr, issueTitle, pick } from './words.js';

type Outcome = ReviewAnsweredLetter['outcome'];

/**
 * To the coordinator who asked for a review: the reader has given an opinion, cannot read the
 * text, or has sent an annotated text after their opinion. What the reader wrote or sent stays on
 * the desk (sign-in needed): a letter may be forwarded.
 */
export function reviewAnsweredDocument(letter: ReviewAnsweredLetter): LetterDocument {
  const { lang, call, reference } = letter;
  const reader = cleanText(letter.readerName, 200);
  const issue = issueTitle(call, lang);
  const subjects: Record<Outcome, string> = {
    submitted: pick(
      lang,
      fr`Avis de relecture reçu : proposition ${reference} (${issue})`,
      `Review received: submission ${reference} (${issue})`,
    ),
    declined: pick(
      lang,
      fr`Relecture déclinée : proposition ${reference} (${issue})`,
      `Review declined: submission ${reference} (${issue})`,
    ),
    'file-added': pick(
      lang,
      fr`Texte annoté reçu : proposition ${reference} (${issue})`,
      `Annotated text received: submission ${reference} (${issue})`,
    ),
  };
  const sentences: Record<Outcome, string> = {
    submitted: pick(
      lang,
      fr`${reader} a donné son avis sur la proposition ${reference}. Vous le lirez sur la page de la proposition, au bureau :`,
      `${reader} has given their opinion on submission ${reference}. You will read it on the submission’s page, on the desk:`,
    ),
    declined: pick(
      lang,
      fr`${reader} ne peut pas relire la proposition ${reference}. Vous pouvez demander une relecture à quelqu’un d’autre depuis la page de la proposition :`,
      `${reader} cannot review submission ${reference}. You can ask someone else from the submission’s page:`,
    ),
    'file-added': pick(
      lang,
      fr`${reader}, qui avait déjà donné son avis sur la proposition ${reference}, vient d’envoyer un texte annoté. Vous le trouverez sous son avis, sur la page de la proposition, au bureau :`,
      `${reader}, who had already given their opinion on submission ${reference}, has just sent an annotated text. You will find it under their opinion, on the submission’s page, on the desk:`,
    ),
  };
  return {
    lang,
    subject: subjects[letter.outcome],
    blocks: [
      greeting(lang, letter.greetingName),
      paragraph(
        sentences[letter.outcome],
        isWebLink(letter.deskUrl) ? [link(letter.deskUrl)] : [letter.deskUrl],
      ),
      signature(call, lang),
      automaticNotice(lang),
    ],
  };
}
