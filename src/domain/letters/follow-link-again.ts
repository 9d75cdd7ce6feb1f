import type { LetterDocument } from './document.js';
import { paragraph } from './document.js';
import { cleanText } from './escape.js';
import type { FollowLinkAgainLetter } from './model.js';
import { automaticNotice, followLink, greeting, signature } from './sections.js';
import { callLine, fr, issueTitle, pick, receivedWhen } from './words.js';

/**
 * A new private link, sent because someone asked for it on the desk with the contact person's
 * address (« Retrouver mon lien de suivi »). One letter per submission, to that address only:
 * whoever asked, only the contact person can read it. Earlier links keep working.
 */
export function followLinkAgainDocument(letter: FollowLinkAgainLetter): LetterDocument {
  const { lang, call } = letter;
  const title = cleanText(letter.title, 120) || pick(lang, '(sans titre)', '(no title)');
  const when = receivedWhen(letter.receivedAt, call, lang);
  return {
    lang,
    subject: pick(
      lang,
      fr`Votre lien de suivi : ${issueTitle(call, lang)}`,
      `Your follow-up link: ${issueTitle(call, lang)}`,
    ),
    blocks: [
      greeting(lang, letter.greetingName),
      paragraph(
        pick(
          lang,
          fr`Vous avez demandé le lien de suivi de votre proposition « ${title} », reçue le ${when}, pour ${callLine(call, lang)}. Le voici.`,
          `You asked for the follow-up link of your proposal “${title}”, received on ${when}, for ${callLine(call, lang)}. Here it is.`,
        ),
      ),
      ...followLink(lang, letter.followUrl, letter.reference),
      paragraph(
        pick(
          lang,
          fr`Les liens que nous vous avons envoyés auparavant restent valables.`,
          'The links we sent you before still work.',
        ),
        pick(
          lang,
          fr`Si vous n’avez rien demandé, ignorez ce message : ce lien n’est envoyé qu’à votre adresse, et personne d’autre ne peut le lire.`,
          'If you did not ask for anything, ignore this message: the link is sent to your address only, and nobody else can read it.',
        ),
      ),
      signature(call, lang),
      automaticNotice(lang),
    ],
  };
}
