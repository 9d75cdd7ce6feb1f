import { type Block, type LetterDocument, list, paragraph } from './document.js';
import { cleanText } from './escape.js';
import type { ReaderReplyLetter } from './model.js';
import { automaticNotice, greeting, signature } from './sections.js';
import { fr, issueTitle, pick } from './words.js';

/**
 * To a reader who answered the review request by e-mail rather than through the link: which of
 * the files they attached are kept with their review (and will reach the author only without
 * their name), which are not and why, and that the opinion is given through the link — a reply's
 * words are not read as an opinion.
 */
export function readerReplyDocument(letter: ReaderReplyLetter): LetterDocument {
  const { lang, call, reference } = letter;
  return {
    lang,
    subject: pick(
      lang,
      fr`Votre message sur la proposition ${reference} (${issueTitle(call, lang)})`,
      `Your message about submission ${reference} (${issueTitle(call, lang)})`,
    ),
    blocks: [
      greeting(lang, letter.greetingName),
      ...outcome(letter),
      ...(letter.closed ? [] : [opinionByLink(letter), ...lostLink(letter)]),
      signature(call, lang),
      automaticNotice(lang),
    ],
  };
}

/** The opinion is given through the link: a reply's words are not read as one. */
function opinionByLink(letter: ReaderReplyLetter): Block {
  return paragraph(
    pick(
      letter.lang,
      fr`Votre avis, lui, se donne par le lien de notre demande de relecture : il ouvre la copie anonyme et le formulaire. Ce que vous écrivez dans un courriel n’est pas compté comme un avis.`,
      'Your opinion itself is given through the link in our review request: it opens the anonymised copy and the form. What you write in an e-mail is not counted as an opinion.',
    ),
  );
}

/** Whom to ask for a new link: the coordinators by name, or a reply when the call names none. */
function lostLink(letter: ReaderReplyLetter): Block[] {
  const { lang } = letter;
  if (letter.coordinators.length === 0) {
    return [
      paragraph(
        pick(
          lang,
          fr`Vous avez perdu le lien ? Répondez à ce message en le disant : une personne de la rédaction vous en enverra un nouveau.`,
          'Lost the link? Reply to this message and say so: a member of the editorial team will send you a new one.',
        ),
      ),
    ];
  }
  return [
    list(
      letter.coordinators.map((c) => `${cleanText(c.name, 80)} (${cleanText(c.email, 120)})`),
      pick(
        lang,
        fr`Vous avez perdu le lien ? Demandez-en un nouveau aux coordinateurs du numéro :`,
        'Lost the link? Ask the issue’s coordinators for a new one:',
      ),
    ),
  ];
}

function outcome(letter: ReaderReplyLetter): Block[] {
  const { lang, reference } = letter;
  const name = (n: string) => cleanText(n, 120) || pick(lang, '(sans nom)', '(no name)');
  if (letter.closed) {
    return [
      paragraph(
        pick(
          lang,
          fr`Merci pour votre message. La relecture de la proposition ${reference} est close (le comité a décidé, une nouvelle version est arrivée, ou la demande a été retirée) : les fichiers joints n’ont pas été gardés. Les coordinateurs du numéro liront votre message dans la boîte de la revue.`,
          `Thank you for your message. The review of submission ${reference} is closed (the committee decided, a new version arrived, or the request was withdrawn): the files attached were not kept. The issue’s coordinators will read your message in the journal’s mailbox.`,
        ),
      ),
    ];
  }
  const blocks: Block[] = [];
  if (letter.kept.length > 0) {
    blocks.push(
      paragraph(
        pick(
          lang,
          fr`Merci : votre texte annoté est bien reçu et gardé avec votre relecture de la proposition ${reference}. Le comité le lira tel quel ; s’il le transmet à l’auteur, ce sera sans votre nom (les commentaires y sont signés « Relecture »).`,
          `Thank you: your annotated text is received and kept with your review of submission ${reference}. The committee will read it as it is; if it passes it on to the author, it will be without your name (the comments are signed “Relecture”).`,
        ),
      ),
      list(letter.kept.map(name)),
    );
  } else if (letter.refused.length === 0) {
    blocks.push(
      paragraph(
        pick(
          lang,
          fr`Merci pour votre message sur la proposition ${reference} : il est arrivé dans la boîte de la revue, et les coordinateurs du numéro le liront.`,
          `Thank you for your message about submission ${reference}: it has reached the journal’s mailbox, and the issue’s coordinators will read it.`,
        ),
      ),
    );
  }
  if (letter.refused.length > 0) {
    blocks.push(
      list(
        letter.refused.map((r) =>
          pick(
            lang,
            fr`${name(r.name)} : ${cleanText(r.reason, 400)}`,
            `${name(r.name)}: ${cleanText(r.reason, 400)}`,
          ),
        ),
        pick(lang, fr`Ces fichiers n’ont pas été gardés :`, 'These files were not kept:'),
      ),
    );
  }
  return blocks;
}
