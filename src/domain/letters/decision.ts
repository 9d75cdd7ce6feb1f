import { MAX_COMMENT_CHARS } from '../editorial/review.js';
import type { Lang } from '../shared/message.js';
import { frenchTypography } from '../shared/typography.js';
import { type Block, footer, heading, type LetterDocument, type Line, link, paragraph } from './document.js';
import { cleanText, isWebLink } from './escape.js';
import type { DecisionLetter } from './model.js';
import { greeting, signature } from './sections.js';
import { callLine, fr, lengthWindow, pick } from './words.js';

/** The editors' words: at most this many characters, in paragraphs (blank lines), each line kept. */
export const MAX_NOTE_CHARS = 4000;

/**
 * The editorial committee's decision on a proposal, sent when a coordinator records it on the
 * desk: accepted, declined, or revisions asked for. The committee's own message, when given, is
 * quoted as written; the letter then says what happens next and where to follow the proposal.
 */
export function decisionDocument(letter: DecisionLetter): LetterDocument {
  const { lang, call } = letter;
  const title = cleanText(letter.title, 120) || pick(lang, '(sans titre)', '(no title)');
  return {
    lang,
    subject: subjectOf(letter, title),
    blocks: [
      greeting(lang, letter.greetingName),
      paragraph(opening(letter, title)),
      ...editorsNote(letter),
      ...readersWords(letter),
      ...readersFiles(letter),
      ...nextSteps(letter),
      ...following(letter),
      signature(call, lang),
      // Written by people, not by the machine: only the invitation to reply.
      footer(
        pick(
          lang,
          fr`Vous pouvez répondre à ce message : une personne de la rédaction lira votre réponse.`,
          'You can reply to this message: a member of the editorial team will read your reply.',
        ),
      ),
    ],
  };
}

function subjectOf(letter: DecisionLetter, title: string): string {
  const { lang } = letter;
  switch (letter.decision) {
    case 'accept':
      return pick(
        lang,
        fr`Votre proposition est retenue : « ${title} »`,
        `Your proposal is accepted: “${title}”`,
      );
    case 'decline':
      return pick(lang, fr`Votre proposition « ${title} »`, `Your proposal “${title}”`);
    case 'request_revisions':
      return pick(
        lang,
        fr`Des modifications demandées pour votre proposition « ${title} »`,
        `Revisions asked for your proposal “${title}”`,
      );
  }
}

function opening(letter: DecisionLetter, title: string): string {
  const { lang, call } = letter;
  const issue = callLine(call, lang);
  switch (letter.decision) {
    case 'accept':
      return pick(
        lang,
        fr`Bonne nouvelle : le comité de rédaction a retenu votre proposition « ${title} » pour ${issue}. Merci pour ce texte.`,
        `Good news: the editorial committee has accepted your proposal “${title}” for ${issue}. Thank you for this text.`,
      );
    case 'decline':
      return pick(
        lang,
        fr`Le comité de rédaction a lu avec attention votre proposition « ${title} » pour ${issue}. Nous sommes au regret de vous dire qu’il ne l’a pas retenue pour ce numéro.`,
        `The editorial committee has read with care your proposal “${title}” for ${issue}. We are sorry to tell you that it was not selected for this issue.`,
      );
    case 'request_revisions':
      return pick(
        lang,
        fr`Le comité de rédaction a lu votre proposition « ${title} » pour ${issue}. Avant de prendre sa décision, il vous demande d’y apporter des modifications.`,
        `The editorial committee has read your proposal “${title}” for ${issue}. Before it decides, it asks you to revise it.`,
      );
  }
}

/** The committee's message, as written (see `quoted`). */
function editorsNote(letter: DecisionLetter): Block[] {
  const paragraphs = quoted(letter.note ?? '', letter.lang, MAX_NOTE_CHARS);
  if (paragraphs.length === 0) return [];
  return [
    heading(pick(letter.lang, 'Le message du comité de rédaction', 'The editorial committee’s message')),
    ...paragraphs.map((lines) => paragraph(...lines)),
  ];
}

/**
 * Words people typed, as written, one paragraph per block of lines; in a French letter with French
 * spacing (typed on a keyboard that has no narrow space).
 */
function quoted(text: string, lang: Lang, max: number): string[][] {
  const typeset = lang === 'fr' ? frenchTypography : (line: string) => line;
  const clean = text.slice(0, max).replace(/\r\n?/g, '\n').trim();
  if (clean === '') return [];
  return clean
    .split(/\n\s*\n/)
    .map((p) =>
      p
        .split('\n')
        .map((line) => typeset(cleanText(line, max)))
        .filter((l) => l !== ''),
    )
    .filter((lines) => lines.length > 0);
}

/** The readers' opinions for the author, each under its number: never a reader's name. */
function readersWords(letter: DecisionLetter): Block[] {
  const comments = letter.readerComments
    .map((c) => quoted(c, letter.lang, MAX_COMMENT_CHARS))
    .filter((c) => c.length > 0);
  if (comments.length === 0) return [];
  return [
    heading(pick(letter.lang, 'Les avis des relecteurs et relectrices', 'The reviewers’ opinions')),
    ...comments.flatMap((paragraphs, i) => [
      paragraph(pick(letter.lang, `Relecture ${i + 1}`, `Review ${i + 1}`)),
      ...paragraphs.map((lines) => paragraph(...lines)),
    ]),
  ];
}

/** The readers' annotated files, on the author's page: said here, never attached to the letter. */
function readersFiles(letter: DecisionLetter): Block[] {
  const n = letter.readerFiles;
  if (n === 0) return [];
  return [
    paragraph(
      n === 1
        ? pick(
            letter.lang,
            fr`Un relecteur ou une relectrice a aussi annoté votre texte : ce fichier, sans son nom, est à télécharger depuis votre lien de suivi.`,
            'A reviewer also annotated your text: the file, without their name, is there to download from your follow-up link.',
          )
        : pick(
            letter.lang,
            fr`Les relecteurs et relectrices ont aussi annoté votre texte : ces ${n} fichiers, sans leurs noms, sont à télécharger depuis votre lien de suivi.`,
            `The reviewers also annotated your text: these ${n} files, without their names, are there to download from your follow-up link.`,
          ),
    ),
  ];
}

function nextSteps(letter: DecisionLetter): Block[] {
  const { lang, call } = letter;
  switch (letter.decision) {
    case 'accept':
      return [
        paragraph(
          pick(
            lang,
            fr`Prochaine étape : nous vous enverrons le contrat d’édition à signer. Votre texte paraîtra une fois le contrat signé et le sommaire du numéro arrêté.`,
            'Next step: we will send you the publishing contract to sign. Your text will appear once the contract is signed and the issue’s table of contents is settled.',
          ),
        ),
      ];
    case 'decline':
      return [
        paragraph(
          pick(
            lang,
            fr`Ce choix tient à l’équilibre du numéro autant qu’au texte lui-même. Vous restez libre de le proposer ailleurs, et de nous écrire pour un prochain appel.`,
            'This choice has to do with the balance of the issue as much as with the text itself. You are free to offer it elsewhere, and to write to us for a future call.',
          ),
        ),
      ];
    case 'request_revisions':
      return [
        paragraph(
          pick(
            lang,
            fr`Envoyez votre version revue depuis votre lien de suivi, ou en répondant à ce message avec le fichier en pièce jointe. Elle sera vérifiée comme la première : ${lengthWindow(call, lang)}, espaces compris.`,
            `Send your revised version from your follow-up link, or by replying to this message with the file attached. It will be checked like the first one: ${lengthWindow(call, lang)}, spaces included.`,
          ),
        ),
      ];
  }
}

/** Where to follow the proposal: the page that sends the private link again (never a secret). */
function following(letter: DecisionLetter): Block[] {
  const url = letter.linkRequestUrl;
  // A declined text has nothing more to follow, unless readers' files wait on its page.
  const nothingToFollow = letter.decision === 'decline' && letter.readerFiles === 0;
  if (url === undefined || !isWebLink(url) || nothingToFollow) return [];
  const line: Line = [link(url)];
  return [
    paragraph(
      pick(
        letter.lang,
        fr`Votre lien de suivi est dans l’accusé de réception que nous vous avons envoyé. Vous ne le retrouvez plus ? Demandez-en un nouveau ici :`,
        'Your follow-up link is in the receipt we sent you. Cannot find it? Ask for a new one here:',
      ),
      line,
    ),
  ];
}
