import { ROLE_LABELS } from '../accounts/roles.js';
import { formatInstant } from '../call/format-date.js';
import type { LetterDocument } from './document.js';
import { link, paragraph } from './document.js';
import { cleanText, isWebLink } from './escape.js';
import type { InvitationLetter } from './model.js';
import { automaticNotice, greeting, signature } from './sections.js';
import { callLine, fr, issueTitle, pick } from './words.js';

/**
 * An invitation to the desk (coordinators, committee, administrators): the one-time link to choose
 * a password and set up an authenticator app, when it expires, and what to do if unexpected.
 */
export function invitationDocument(letter: InvitationLetter): LetterDocument {
  const { lang, call } = letter;
  const role = ROLE_LABELS[letter.role][lang];
  const who = letter.invitedBy === undefined ? '' : cleanText(letter.invitedBy, 80);
  const until = formatInstant(Date.parse(letter.expiresAt), call.deadline.timeZone, lang);
  const invited =
    who === ''
      ? pick(
          lang,
          fr`Vous êtes invité·e à rejoindre le bureau de l’appel ${callLine(call, lang)}, en tant que ${role}.`,
          `You are invited to join the desk of the call ${callLine(call, lang)}, with the role “${role}”.`,
        )
      : pick(
          lang,
          fr`${who} vous invite à rejoindre le bureau de l’appel ${callLine(call, lang)}, en tant que ${role}.`,
          `${who} invites you to join the desk of the call ${callLine(call, lang)}, with the role “${role}”.`,
        );
  return {
    lang,
    subject: pick(
      lang,
      fr`Votre accès au bureau de l’appel : ${issueTitle(call, lang)}`,
      `Your access to the call’s desk: ${issueTitle(call, lang)}`,
    ),
    blocks: [
      greeting(lang, letter.greetingName),
      paragraph(invited),
      paragraph(
        pick(
          lang,
          fr`Pour activer votre compte, ouvrez ce lien, choisissez un mot de passe, puis associez une application d’authentification (par exemple FreeOTP, Aegis ou Google Authenticator) :`,
          'To activate your account, open this link, choose a password, then link an authenticator app (for example FreeOTP, Aegis or Google Authenticator):',
        ),
        isWebLink(letter.url) ? [link(letter.url)] : [letter.url],
      ),
      paragraph(
        pick(
          lang,
          fr`Ce lien ne sert qu’une fois et reste valable jusqu’au ${until}. S’il a expiré, demandez une nouvelle invitation.`,
          `This link works once and stays valid until ${until}. If it has expired, ask for a new invitation.`,
        ),
        pick(
          lang,
          fr`Si vous n’attendiez pas ce message, ignorez-le : aucun compte ne sera activé sans ce lien.`,
          'If you were not expecting this message, ignore it: no account is activated without this link.',
        ),
      ),
      signature(call, lang),
      automaticNotice(lang),
    ],
  };
}
