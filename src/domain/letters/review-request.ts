import { formatLocalDay } from '../call/format-date.js';
import { formatNumber } from '../shared/message.js';
import { frenchTypography } from '../shared/typography.js';
import { type Block, heading, type LetterDocument, link, paragraph } from './document.js';
import { cleanText, isWebLink } from './escape.js';
import type { ReviewRequestLetter } from './model.js';
import { automaticNotice, greeting, signature } from './sections.js';
import { callLine, fr, issueTitle, NBSP, pick } from './words.js';

/**
 * A request to read a submission, to the reader's address: what is asked (an opinion for the
 * committee, words for the author), by when, and the private link that opens the anonymised copy
 * and the form. It names no author and gives no title: only the reference, the line of inquiry
 * and the length, so that the review stays blind.
 */
export function reviewRequestDocument(letter: ReviewRequestLetter): LetterDocument {
  const { lang, call } = letter;
  const who = letter.askedBy ? cleanText(letter.askedBy, 80) : '';
  const asker = who || pick(lang, 'Les coordinateurs du numéro', 'The issue’s coordinators');
  return {
    lang,
    subject: letter.remindsOf
      ? pick(
          lang,
          fr`Rappel : demande de relecture, ${issueTitle(call, lang)}, proposition ${letter.reference}`,
          `Reminder: review request, ${issueTitle(call, lang)}, submission ${letter.reference}`,
        )
      : pick(
          lang,
          fr`Demande de relecture : ${issueTitle(call, lang)}, proposition ${letter.reference}`,
          `Review request: ${issueTitle(call, lang)}, submission ${letter.reference}`,
        ),
    blocks: [
      greeting(lang, letter.greetingName),
      paragraph(opening(letter, asker)),
      paragraph(...aboutTheText(letter)),
      ...coordinatorNote(letter),
      paragraph(
        pick(
          lang,
          fr`Ce lien ouvre la copie anonyme du texte et le formulaire de votre avis ; il vous est personnel, ne le transmettez pas :`,
          'This link opens the anonymised copy of the text and the form for your opinion; it is yours alone, do not pass it on:',
        ),
        isWebLink(letter.reviewUrl) ? [link(letter.reviewUrl)] : [letter.reviewUrl],
      ),
      paragraph(
        pick(
          lang,
          fr`La relecture est anonyme dans les deux sens : le nom de l’auteur ou de l’autrice a été retiré du fichier, et votre nom ne lui sera pas transmis. Si vous reconnaissez le texte, ou si vous ne pouvez pas le relire, dites-le depuis la même page.`,
          'The review is blind both ways: the author’s name was taken out of the file, and your name will not be passed on to them. If you recognise the text, or cannot read it, say so from the same page.',
        ),
      ),
      signature(call, lang),
      automaticNotice(lang),
    ],
  };
}

function opening(letter: ReviewRequestLetter, asker: string): string {
  const { lang, call } = letter;
  if (letter.remindsOf) {
    const day = formatLocalDay(letter.remindsOf, lang);
    return pick(
      lang,
      fr`Le ${day}, nous vous avons demandé de relire un texte envoyé pour ${callLine(call, lang)}. Nous n’avons pas encore reçu votre avis : voici un nouveau lien, qui remplace celui du premier message.`,
      `On ${day}, we asked you to read a text sent for ${callLine(call, lang)}. We have not received your opinion yet: here is a new link, which replaces the one in the first message.`,
    );
  }
  return pick(
    lang,
    fr`${asker} vous propose de relire un texte envoyé pour ${callLine(call, lang)} et de donner votre avis au comité de rédaction.`,
    `${asker} asks you to read a text sent for ${callLine(call, lang)} and to give your opinion to the editorial committee.`,
  );
}

function aboutTheText(letter: ReviewRequestLetter): string[] {
  const { lang } = letter;
  const lines = [pick(lang, fr`Proposition ${letter.reference}`, `Submission ${letter.reference}`)];
  if (letter.axis) {
    const axis = cleanText(letter.axis, 200);
    lines.push(pick(lang, fr`Axe de l’appel : ${axis}`, `Line of inquiry: ${axis}`));
  }
  if (letter.signes !== undefined) {
    const signes = formatNumber(letter.signes, lang);
    lines.push(
      pick(lang, `Longueur${NBSP}: ${signes} signes`, `Length: ${signes} characters (spaces included)`),
    );
  }
  if (letter.dueOn) {
    const day = formatLocalDay(letter.dueOn, lang);
    lines.push(pick(lang, fr`Avis souhaité avant le ${day}`, `Opinion wished for by ${day}`));
  }
  return lines;
}

/** The coordinator's own words, as written (French spacing in a French letter). */
function coordinatorNote(letter: ReviewRequestLetter): Block[] {
  const note = (letter.note ?? '').replace(/\r\n?/g, '\n').trim();
  if (note === '') return [];
  const typeset = letter.lang === 'fr' ? frenchTypography : (line: string) => line;
  const lines = note
    .split('\n')
    .map((line) => typeset(cleanText(line, 2000)))
    .filter((line) => line !== '');
  return [
    heading(pick(letter.lang, 'Le mot des coordinateurs', 'A word from the coordinators')),
    paragraph(...lines),
  ];
}
